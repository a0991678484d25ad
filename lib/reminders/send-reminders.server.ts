import "server-only";
import { summarizeCredits, toLocalDate } from "@/lib/credits/cycle";
import { db } from "@/lib/db";
import { runUnderLease } from "@/lib/db/locks.sql.server";
import { env } from "@/lib/env";
import { siteUrl } from "@/lib/config/site-url.server";
import { resolveTimeZone } from "@/lib/format/date-time";
import { sendMail } from "@/lib/mail/send-mail.server";
import { planReminders, type TPlannedReminder } from "@/lib/reminders/plan-reminders";
import { signUnsubscribeToken } from "@/lib/reminders/unsubscribe-token";

// Renewal reminders, sent at most once however many app instances run the
// scheduler (docs/decisions/013):
// - each due reminder is claimed by inserting its ReminderSent row (unique per trainer, subject,
//   period and stage) with ON CONFLICT DO NOTHING, in the same transaction that queues the mail;
//   only the transaction whose insert wrote a row sends, and a failed send rolls the claim back
//   so the next sweep retries;
// - a sweep runs under a PostgreSQL advisory lease, so instances do not all do the same work at
//   once. The lease only saves work: correctness comes from the claim.

const PAGE = 200;
const SCHEDULER_LOCK_KEY = 72707416;

function unsubscribeSecret(): string {
  const { NEXTAUTH_SECRET, APP_MODE } = env();
  if (NEXTAUTH_SECRET) return NEXTAUTH_SECRET;
  if (APP_MODE === "production") throw new Error("NEXTAUTH_SECRET is required to sign unsubscribe links");
  return "backbone-demo-unsubscribe-secret";
}

function unsubscribeUrl(userId: string): string {
  return siteUrl(`/unsubscribe?token=${signUnsubscribeToken(unsubscribeSecret(), userId)}`);
}

export { unsubscribeSecret };

function reminderMail(user: { email: string; name: string; id: string }, reminder: TPlannedReminder) {
  const link = unsubscribeUrl(user.id);
  // RFC 8058 one-click: the mail client POSTs "List-Unsubscribe=One-Click" to this URL.
  const oneClick = siteUrl(`/api/reminders/unsubscribe?token=${encodeURIComponent(new URL(link).searchParams.get("token") ?? "")}`);
  const text = [
    `Hello ${user.name},`,
    "",
    `${reminder.title}.`,
    "",
    "To renew, you still need:",
    ...reminder.missing.map((m) => `- ${m}`),
    "",
    `Find a course: ${siteUrl("/courses")}`,
    `Your dashboard: ${siteUrl("/dashboard")}`,
    "",
    `You get this because renewal reminders are on for your Backbone CE account. Turn them off: ${link}`,
  ].join("\n");
  return {
    to: user.email,
    subject: reminder.title,
    text,
    headers: { "List-Unsubscribe": `<${oneClick}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}

export type TSweepResult = { remindersSent: number };

/** One pass over every trainer with an active certification; safe to run anywhere, any number of times. */
export async function sendDueReminders({ now = new Date() }: { now?: Date } = {}): Promise<TSweepResult> {
  let remindersSent = 0;
  let cursor: string | undefined;
  for (;;) {
    const users = await db.user.findMany({
      // Only confirmed addresses: an account someone else signed up with an address must not mail it.
      where: { disabledAt: null, emailVerifiedAt: { not: null }, remindersOffAt: null, certifications: { some: { retiredAt: null } } },
      orderBy: { id: "asc" },
      take: PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: {
        id: true,
        email: true,
        name: true,
        timeZone: true,
        certifications: { where: { retiredAt: null }, select: { id: true, certifyingBody: true, certificationNumber: true, firstCertifiedOn: true, expiresOn: true } },
        cprAedCard: { select: { provider: true, expiresOn: true } },
        creditEntries: { select: { amountHundredths: true, occurredAt: true, certifyingBody: true, certificationId: true } },
      },
    });
    if (users.length === 0) break;
    cursor = users[users.length - 1].id;
    for (const user of users) {
      const timeZone = resolveTimeZone(user.timeZone);
      const today = toLocalDate(now, timeZone);
      const certifications = user.certifications.map((c) => {
        const { current } = summarizeCredits({
          body: c.certifyingBody,
          firstCertifiedOn: isoDay(c.firstCertifiedOn),
          expiresOn: c.expiresOn ? isoDay(c.expiresOn) : null,
          timeZone,
          now,
          entries: user.creditEntries.filter((e) => e.certificationId === c.id),
        });
        return {
          id: c.id,
          body: c.certifyingBody,
          certificationNumber: c.certificationNumber,
          cycleEndsOn: current.cycle.endsOn,
          daysLeft: current.daysLeft,
          remainingHundredths: current.remainingHundredths,
        };
      });
      const card = user.cprAedCard ? { provider: user.cprAedCard.provider, expiresOn: isoDay(user.cprAedCard.expiresOn) } : null;
      for (const reminder of planReminders({ today, certifications, card })) {
        const sent = await db.$transaction(async (tx) => {
          // createMany + skipDuplicates is INSERT … ON CONFLICT DO NOTHING: count 0 means another sweep claimed it.
          const claimed = await tx.reminderSent.createMany({
            data: [{ id: `rem_${crypto.randomUUID()}`, userId: user.id, subject: reminder.subject, periodEnd: new Date(`${reminder.periodEnd}T00:00:00Z`), stage: reminder.stage, sentAt: now }],
            skipDuplicates: true,
          });
          if (claimed.count === 0) return false;
          await sendMail(tx, reminderMail(user, reminder));
          return true;
        });
        if (sent) remindersSent += 1;
      }
    }
  }
  return { remindersSent };
}

/**
 * A sweep under the scheduler lease: a session-level advisory lock on its own connection, so
 * whichever instance gets it sweeps and the others skip this round. Returns null when skipped.
 */
export async function runReminderSweep({ now }: { now?: Date } = {}): Promise<TSweepResult | null> {
  return runUnderLease({ connectionString: env().DATABASE_URL, key: SCHEDULER_LOCK_KEY }, () => sendDueReminders({ now }));
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}
