import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Badge, Card } from "@/components/ui";
import { getSessionUser } from "@/lib/auth/session.server";
import { formatDateTime } from "@/lib/format/date-time";
import { NOTIFICATION_KIND_LABELS, NOTIFICATION_KINDS } from "@/lib/notifications/notification-content";
import { getMailPreferences, listNotifications } from "@/lib/notifications/notifications.server";
import { MailPreferencesForm, MarkReadOnView } from "./notifications-client";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=/notifications");
  const shownAt = new Date();
  const [{ unread, items }, prefs] = await Promise.all([listNotifications({ userId: user.id, take: 50 }), getMailPreferences({ userId: user.id })]);
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold tracking-tight">Notifications</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        {unread === 0 ? "Nothing new." : `${unread} new since you last looked.`} Times are in your time zone ({user.timeZone}).
      </p>
      {unread > 0 && <MarkReadOnView upTo={shownAt.toISOString()} />}
      {items.length === 0 ? (
        <p className="mt-8 rounded-xl border border-dashed border-slate-300 p-8 text-center text-slate-600 dark:border-slate-700 dark:text-slate-400">
          You have no notifications yet. You will hear here (and by mail) when a certificate is issued, revoked or reissued, or when your credit is adjusted.
        </p>
      ) : (
        <ol className="mt-8 space-y-3">
          {items.map((n) => (
            <li key={n.id}>
              <Card className="!p-4">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h2 className="font-semibold">
                  <Link href={n.href} className="hover:underline">
                    {n.title}
                  </Link>
                </h2>
                {!n.read && <Badge tone="info">New</Badge>}
              </div>
              <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{n.body}</p>
              <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
                <time dateTime={n.createdAt.toISOString()}>{formatDateTime(n.createdAt, user.timeZone)}</time>
              </p>
              </Card>
            </li>
          ))}
        </ol>
      )}
      <section aria-labelledby="mail-heading" className="mt-12">
        <h2 id="mail-heading" className="text-xl font-semibold">
          Email me when
        </h2>
        <MailPreferencesForm initial={prefs} kinds={NOTIFICATION_KINDS.map((kind) => ({ kind, label: NOTIFICATION_KIND_LABELS[kind] }))} />
      </section>
    </div>
  );
}
