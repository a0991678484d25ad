import "server-only";
import { z } from "zod";
import { clientIp } from "@/lib/auth/request-ip";
import { findCertificateForVerification } from "@/lib/certificates/find-certificate-for-verification.server";
import type { TVerifyApiAnswer } from "@/lib/certificates/verify-api-hook";
import { assertVerifyRateLimit } from "@/lib/certificates/verify-rate-limit.server";
import { AppError, parseWith } from "@/lib/errors";
import { errorResponse } from "@/lib/http/route.server";

// Public JSON verification for employers and certifying bodies: the certificate's public details
// and status; `valid` is true only for an issued, unrevoked certificate. Rate-limited per address
// (shared across instances) before anything is looked up; unknown and malformed codes are the same
// 404, so the answer says nothing beyond "no certificate has this code". Answered by the route
// (app/api/verify/[code]/route.ts) and, in production, by scripts/serve.ts directly
// (verify-api-hook.ts): one function, so both answer alike.

const HEADERS = { "Content-Type": "application/json", "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*", "X-Content-Type-Options": "nosniff" };
// Any text: canonicalCode() decides, and whatever is not a code is the 404 an unknown code gets.
const ZVerifyCode = z.string();

export async function answerVerifyApi(code: string, forwardedFor: string | null): Promise<TVerifyApiAnswer> {
  try {
    const parsed = parseWith(ZVerifyCode, code, "address");
    await assertVerifyRateLimit(clientIp(forwardedFor));
    const certificate = await findCertificateForVerification(parsed);
    if (!certificate) throw new AppError("NOT_FOUND", "No certificate has this code. Check that it was typed exactly as printed.");
    // ok: the lookup worked; valid: the certificate is the current one and not revoked.
    return { status: 200, headers: HEADERS, body: JSON.stringify({ ok: true, valid: certificate.status === "ISSUED", certificate }) };
  } catch (error) {
    const response = errorResponse(error);
    return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
  }
}
