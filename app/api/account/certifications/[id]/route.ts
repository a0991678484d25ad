import { toCertificationInput, ZCertificationBody, ZIdParams } from "@/lib/certifications/certification-schemas";
import { updateCertification } from "@/lib/certifications/certifications.server";
import { defineRoute } from "@/lib/http/route.server";

export const PATCH = defineRoute({
  auth: "user",
  params: ZIdParams,
  body: ZCertificationBody,
  handler: async ({ user, params, body }) => {
    await updateCertification(user!.id, params.id, toCertificationInput(body.certification));
    return { ok: true };
  },
});
