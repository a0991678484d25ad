import { defineRoute } from "@/lib/http/route.server";
import { ZMarkRead } from "@/lib/notifications/notification-schemas";
import { markNotificationsRead } from "@/lib/notifications/notifications.server";

// Marks every notice of the signed-in user read (only their own: the id comes from the session).
export const POST = defineRoute({
  auth: "user",
  body: ZMarkRead,
  handler: async ({ user }) => ({ marked: await markNotificationsRead({ userId: user!.id }) }),
});
