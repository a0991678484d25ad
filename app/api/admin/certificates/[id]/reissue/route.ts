
import { reissueCertificate } from "@/lib/certificates/reissue-certificate.server";
import { defineRoute } from "@/lib/http/route.server";
import { ZIdParams } from "@/lib/ids";

// POST: a new certificate (new code) replacing a revoked one, with its credit granted again.
export const POST = defineRoute({
  auth: "admin",
  params: ZIdParams,
  handler: async ({ user, params }) => {
    const result = await reissueCertificate({ certificateId: params.id, adminId: user!.id });
    return Response.json({ ok: true, ...result }, { status: 201, headers: { "Cache-Control": "no-store" } });
  },
});
