import { defineRoute } from "@/lib/http/route.server";
import { ZMarkRead } from "@/lib/notifications/notification-schemas";
import { markNotificationsRead } from "@/lib/notifications/notifications.server";

// Marks the signed-in user's notices up to `upTo` read (only their own: the id comes from the
// session); a notice that arrived after the page was shown stays unread.
export const POST = defineRoute({
  auth: "user",
  body: ZMarkRead,
  handler: async ({ user, body }) => ({ marked: await markNotificationsRead({ userId: user!.id, upTo: new Date(body.upTo) }) }),
});
