import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { siteUrl } from "@/lib/config/site-url.server";
import { sendMail } from "@/lib/mail/send-mail.server";
import { describeNotification, NOTIFICATION_KINDS, notificationMail, type TNotificationInput, type TNotificationKind } from "./notification-content";

// Notices for trainers: a row per notice (the header bell counts the unread ones) and a mail for
// each unless the trainer turned that kind of mail off. The row is written in the caller's
// transaction, so a notice exists exactly when what it reports was committed; mail goes out after
// the commit (deliverNotificationMail), and a notice whose mail failed is retried by the next call.

type TTx = Prisma.TransactionClient;

/** Records a notice for `userId` inside the caller's transaction. */
export async function notifyUser(tx: TTx, { userId, notice }: { userId: string; notice: TNotificationInput }): Promise<void> {
  const content = describeNotification(notice);
  await tx.notification.create({ data: { userId, kind: notice.kind, ...content }, select: { id: true } });
}

/**
 * Mails every notice of `userId` that has not been mailed yet (after the transaction that created
 * them committed). Never throws: a notice is still in the bell if its mail could not be sent.
 */
export async function deliverNotificationMail({ userId }: { userId: string }): Promise<void> {
  try {
    const [user, pending, prefs] = await Promise.all([
      db.user.findUnique({ where: { id: userId }, select: { email: true } }),
      db.notification.findMany({ where: { userId, mailedAt: null }, orderBy: { createdAt: "asc" }, take: 20, select: { id: true, kind: true, title: true, body: true, href: true } }),
      db.notificationPreference.findMany({ where: { userId }, select: { kind: true, email: true } }),
    ]);
    if (!user) return;
    const off = new Set(prefs.filter((p) => !p.email).map((p) => p.kind));
    for (const n of pending) {
      // Claim the notice first, so two deliveries racing never mail it twice.
      const claimed = await db.notification.updateMany({ where: { id: n.id, mailedAt: null }, data: { mailedAt: new Date() } });
      if (claimed.count === 0 || off.has(n.kind)) continue;
      try {
        await sendMail(db, { to: user.email, ...notificationMail(n, { siteUrl }) });
      } catch (error) {
        await db.notification.update({ where: { id: n.id }, data: { mailedAt: null } });
        console.error(`notification mail ${n.id} not sent:`, error instanceof Error ? error.message : error);
      }
    }
  } catch (error) {
    console.error("notification mail delivery failed:", error instanceof Error ? error.message : error);
  }
}

export type TNotificationView = { id: string; kind: TNotificationKind; title: string; body: string; href: string; createdAt: Date; read: boolean };

export async function listNotifications({ userId, take = 30 }: { userId: string; take?: number }): Promise<{ unread: number; items: TNotificationView[] }> {
  const [unread, rows] = await Promise.all([
    db.notification.count({ where: { userId, readAt: null } }),
    db.notification.findMany({
      where: { userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      select: { id: true, kind: true, title: true, body: true, href: true, createdAt: true, readAt: true },
    }),
  ]);
  return { unread, items: rows.map(({ readAt, ...r }) => ({ ...r, read: readAt !== null })) };
}

export async function countUnreadNotifications({ userId }: { userId: string }): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

/** Marks the notices of `userId` created up to `upTo` (default: now) read; returns how many were unread. */
export async function markNotificationsRead({ userId, upTo, now = new Date() }: { userId: string; upTo?: Date; now?: Date }): Promise<number> {
  const { count } = await db.notification.updateMany({ where: { userId, readAt: null, createdAt: { lte: upTo ?? now } }, data: { readAt: now } });
  return count;
}

export async function getMailPreferences({ userId }: { userId: string }): Promise<Record<TNotificationKind, boolean>> {
  const rows = await db.notificationPreference.findMany({ where: { userId }, select: { kind: true, email: true } });
  const prefs = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, true])) as Record<TNotificationKind, boolean>;
  for (const r of rows) prefs[r.kind] = r.email;
  return prefs;
}

export async function setMailPreferences({ userId, email }: { userId: string; email: Partial<Record<TNotificationKind, boolean>> }): Promise<Record<TNotificationKind, boolean>> {
  await db.$transaction(
    Object.entries(email).map(([kind, on]) =>
      db.notificationPreference.upsert({
        where: { userId_kind: { userId, kind: kind as TNotificationKind } },
        create: { userId, kind: kind as TNotificationKind, email: on === true },
        update: { email: on === true },
      }),
    ),
  );
  return getMailPreferences({ userId });
}
