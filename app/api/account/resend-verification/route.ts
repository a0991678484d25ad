import { ZEmailOnly } from "@/lib/auth/account-schemas";
import { resendVerification } from "@/lib/auth/account.server";
import { defineRoute } from "@/lib/http/route.server";

// Same answer for unknown, unverified and verified addresses.
export const POST = defineRoute({
  auth: "public",
  body: ZEmailOnly,
  handler: async ({ body }) => {
    await resendVerification(body.email);
    return { ok: true, message: "If that address has an account waiting for confirmation, a new link is on its way." };
  },
});
