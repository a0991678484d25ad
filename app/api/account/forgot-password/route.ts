import { ZEmailOnly } from "@/lib/auth/account-schemas";
import { requestPasswordReset } from "@/lib/auth/account.server";
import { defineRoute } from "@/lib/http/route.server";

// Same answer whether or not the address has an account.
export const POST = defineRoute({
  auth: "public",
  body: ZEmailOnly,
  handler: async ({ body }) => {
    await requestPasswordReset(body.email);
    return { ok: true, message: "If that address has an account, a link to reset the password is on its way." };
  },
});
