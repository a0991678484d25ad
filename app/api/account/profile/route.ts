import { ZProfileUpdate } from "@/lib/auth/account-schemas";
import { updateProfile } from "@/lib/auth/account.server";
import { defineRoute } from "@/lib/http/route.server";

export const PATCH = defineRoute({
  auth: "user",
  body: ZProfileUpdate,
  handler: async ({ user, body }) => {
    await updateProfile(user!.id, body);
    return { ok: true };
  },
});
