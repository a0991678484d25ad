import { ZIdParams } from "@/lib/certifications/certification-schemas";
import { retireCertification } from "@/lib/certifications/certifications.server";
import { defineRoute } from "@/lib/http/route.server";

export const POST = defineRoute({
  auth: "user",
  params: ZIdParams,
  handler: async ({ user, params }) => {
    await retireCertification(user!.id, params.id);
    return { ok: true };
  },
});
