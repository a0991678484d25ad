import { z } from "zod";
import { revokeCertificate } from "@/lib/certificates/revoke-certificate.server";
import { ZAdjustmentReason } from "@/lib/credits/ledger-schemas";
import { defineRoute } from "@/lib/http/route.server";
import { ZIdParams } from "@/lib/ids";

// POST { reason } (at least 5 characters): the certificate shows as revoked on the verify page
// and its credit is reversed in the ledger.
export const POST = defineRoute({
  auth: "admin",
  params: ZIdParams,
  body: z.strictObject({ reason: ZAdjustmentReason }),
  handler: async ({ user, params, body }) => ({ ok: true, certificate: await revokeCertificate({ certificateId: params.id, adminId: user!.id, reason: body.reason }) }),
});
