import { ZTokenOnly } from "@/lib/auth/account-schemas";
import { verifyEmail } from "@/lib/auth/account.server";
import { defineRoute } from "@/lib/http/route.server";

export const POST = defineRoute({
  auth: "public",
  body: ZTokenOnly,
  handler: async ({ body }) => {
    await verifyEmail(body.token);
    return { ok: true };
  },
});
