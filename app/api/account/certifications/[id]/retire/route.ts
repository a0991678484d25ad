import { z } from "zod";
import { ZIdParams } from "@/lib/certifications/certification-schemas";
import { retireCertification } from "@/lib/certifications/certifications.server";
import { defineRoute } from "@/lib/http/route.server";

export const POST = defineRoute({
  auth: "user",
  params: ZIdParams,
  // An explicit confirmation: retiring is not undone by the trainer.
  body: z.strictObject({ confirm: z.literal(true) }),
  handler: async ({ user, params }) => {
    await retireCertification(user!.id, params.id);
    return { ok: true };
  },
});
