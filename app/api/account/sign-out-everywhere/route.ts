import { signOutEverywhere } from "@/lib/auth/account.server";
import { defineRoute } from "@/lib/http/route.server";

export const POST = defineRoute({
  auth: "user",
  handler: async ({ user }) => {
    await signOutEverywhere(user!.id);
    return { ok: true };
  },
});
