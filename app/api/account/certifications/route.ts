import { toCertificationInput, ZCertificationBody } from "@/lib/certifications/certification-schemas";
import { addCertification } from "@/lib/certifications/certifications.server";
import { defineRoute } from "@/lib/http/route.server";

export const POST = defineRoute({
  auth: "user",
  body: ZCertificationBody,
  handler: async ({ user, body }) => ({ ok: true, ...(await addCertification(user!.id, toCertificationInput(body.certification))) }),
});
