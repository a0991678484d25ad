import { signUpTrainer } from "@/lib/auth/account.server";
import { ZSignUp } from "@/lib/auth/account-schemas";
import { clientIp } from "@/lib/auth/request-ip";
import { defineRoute } from "@/lib/http/route.server";
import { assertMailRateLimit } from "@/lib/rate-limit/rate-limit.server";

// The answer is the same whether or not the email already had an account (its owner gets a mail).
export const POST = defineRoute({
  auth: "public",
  body: ZSignUp,
  handler: async ({ req, body }) => {
    await assertMailRateLimit(clientIp(req.headers.get("x-forwarded-for")), body.email);
    await signUpTrainer(body);
    return { ok: true, message: "Check your email for a link to confirm your address." };
  },
});
