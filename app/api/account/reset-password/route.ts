import { ZResetPassword } from "@/lib/auth/account-schemas";
import { resetPassword } from "@/lib/auth/account.server";
import { defineRoute } from "@/lib/http/route.server";

export const POST = defineRoute({
  auth: "public",
  body: ZResetPassword,
  handler: async ({ body }) => {
    await resetPassword(body.token, body.password);
    return { ok: true };
  },
});
