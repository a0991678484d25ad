import { ZRemindersBody } from "@/lib/certifications/certification-schemas";
import { setRemindersOff } from "@/lib/certifications/certifications.server";
import { defineRoute } from "@/lib/http/route.server";

export const PATCH = defineRoute({
  auth: "user",
  body: ZRemindersBody,
  handler: async ({ user, body }) => {
    await setRemindersOff(user!.id, body.off);
    return { ok: true };
  },
});
