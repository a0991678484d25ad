import { ZSignUp } from "@/lib/auth/account-schemas";
import { signUpTrainer } from "@/lib/auth/account.server";
import { defineRoute } from "@/lib/http/route.server";

// The answer is the same whether or not the email already had an account (its owner gets a mail).
export const POST = defineRoute({
  auth: "public",
  body: ZSignUp,
  handler: async ({ body }) => {
    await signUpTrainer(body);
    return { ok: true, message: "Check your email for a link to confirm your address." };
  },
});
