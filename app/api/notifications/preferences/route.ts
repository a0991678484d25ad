import { defineRoute } from "@/lib/http/route.server";
import { ZMailPreferences } from "@/lib/notifications/notification-schemas";
import { setMailPreferences } from "@/lib/notifications/notifications.server";

// Per-kind mail preferences of the signed-in user.
export const PUT = defineRoute({
  auth: "user",
  body: ZMailPreferences,
  handler: async ({ user, body }) => ({ email: await setMailPreferences({ userId: user!.id, email: body.email }) }),
});
