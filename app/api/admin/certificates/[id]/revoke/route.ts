import { z } from "zod";
import { revokeCertificate } from "@/lib/certificates/revoke-certificate.server";
import { ZAdjustmentReason } from "@/lib/credits/ledger-schemas";
import { defineRoute } from "@/lib/http/route.server";

// POST { reason } (at least 5 characters): the certificate shows as revoked on the verify page
// and its credit is reversed in the ledger.
export const POST = defineRoute({
  auth: "admin",
  params: z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be a certificate id") }),
  body: z.strictObject({ reason: ZAdjustmentReason }),
  handler: async ({ user, params, body }) => ({ ok: true, certificate: await revokeCertificate({ certificateId: params.id, adminId: user!.id, reason: body.reason }) }),
});
