import { defineRoute } from "@/lib/http/route.server";
import { listNotifications } from "@/lib/notifications/notifications.server";

// The signed-in user's notices (newest first) and how many are unread: the header bell.
export const GET = defineRoute({
  auth: "user",
  handler: async ({ user }) => {
    const { unread, items } = await listNotifications({ userId: user!.id, take: 10 });
    return { unread, items: items.map((n) => ({ ...n, createdAt: n.createdAt.toISOString() })) };
  },
});
