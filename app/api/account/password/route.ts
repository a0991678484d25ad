import { ZChangePassword } from "@/lib/auth/account-schemas";
import { changePassword } from "@/lib/auth/account.server";
import { defineRoute } from "@/lib/http/route.server";

// Changing the password ends every session, this one included: the page signs in again.
export const POST = defineRoute({
  auth: "user",
  body: ZChangePassword,
  handler: async ({ user, body }) => {
    await changePassword(user!.id, body.currentPassword, body.newPassword);
    return { ok: true };
  },
});
