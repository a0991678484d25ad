import { z } from "zod";
import { clientIp } from "@/lib/auth/request-ip";
import { findCertificateForVerification } from "@/lib/certificates/find-certificate-for-verification.server";
import { assertVerifyRateLimit } from "@/lib/certificates/verify-rate-limit.server";
import { AppError } from "@/lib/errors";
import { defineRoute } from "@/lib/http/route.server";

// Public JSON verification for employers and certifying bodies: the certificate's public details
// and status; `valid` is true only for an issued, unrevoked certificate. Rate-limited per address (shared across instances); unknown and malformed codes are
// the same 404, so the answer says nothing beyond "no certificate has this code".
export const dynamic = "force-dynamic";

const HEADERS = { "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*", "X-Content-Type-Options": "nosniff" };

export const GET = defineRoute({
  auth: "public",
  params: z.object({ code: z.string() }),
  handler: async ({ req, params }) => {
    await assertVerifyRateLimit(clientIp(req.headers.get("x-forwarded-for")));
    const certificate = await findCertificateForVerification(params.code);
    if (!certificate) throw new AppError("NOT_FOUND", "No certificate has this code. Check that it was typed exactly as printed.");
    // ok: the lookup worked; valid: the certificate is the current one and not revoked.
    return Response.json({ ok: true, valid: certificate.status === "ISSUED", certificate }, { headers: HEADERS });
  },
});
