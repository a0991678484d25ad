import { requestPasswordReset } from "@/lib/auth/account.server";
import { ZEmailOnly } from "@/lib/auth/account-schemas";
import { clientIp } from "@/lib/auth/request-ip";
import { defineRoute } from "@/lib/http/route.server";
import { assertMailRateLimit } from "@/lib/rate-limit/rate-limit.server";

// Same answer whether or not the address has an account.
export const POST = defineRoute({
  auth: "public",
  body: ZEmailOnly,
  handler: async ({ req, body }) => {
    await assertMailRateLimit(clientIp(req.headers.get("x-forwarded-for")), body.email);
    await requestPasswordReset(body.email);
    return { ok: true, message: "If that address has an account, a link to reset the password is on its way." };
  },
});
