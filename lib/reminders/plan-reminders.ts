import { cprAedStatus, isCprAedBlocker } from "@/lib/certifications/certification-rules";
import { formatCec } from "@/lib/credits/cec-amount";
import { BODY_RULES, type TCertifyingBody } from "@/lib/credits/certifying-bodies";
import { daysBetween } from "@/lib/credits/cycle";
import { formatLongDate } from "@/lib/format/calendar-date";

// Which renewal reminders are due for one trainer today. Pure; the scheduler
// (send-reminders.server.ts) claims and sends them, each at most once.

/** Days before the end of a period at which a reminder goes out. */
const REMINDER_STAGES = [90, 30, 7] as const;
export type TReminderStage = (typeof REMINDER_STAGES)[number];

/**
 * The stage a period with `daysLeft` days to go (1 on its last day) is in: the tightest threshold
 * it has reached. A trainer who signs up 20 days before the end gets the 30-day reminder, not a
 * late 90-day one; one reminder per stage and period.
 */
export function stageFor(daysLeft: number): TReminderStage | null {
  if (daysLeft < 1) return null;
  for (const stage of [...REMINDER_STAGES].sort((a, b) => a - b)) if (daysLeft <= stage) return stage;
  return null;
}

export type TReminderCertification = {
  id: string;
  body: TCertifyingBody;
  certificationNumber: string;
  cycleEndsOn: string;
  daysLeft: number;
  remainingHundredths: number;
};

export type TPlannedReminder = {
  /** "cycle:<certification id>" or "cpr": with periodEnd and stage, the at-most-once key. */
  subject: string;
  periodEnd: string;
  stage: TReminderStage;
  title: string;
  /** What is missing, one line each. */
  missing: string[];
};


export function planReminders({
  today,
  certifications,
  card,
}: {
  today: string;
  certifications: readonly TReminderCertification[];
  card: { expiresOn: string; provider: string } | null;
}): TPlannedReminder[] {
  const planned: TPlannedReminder[] = [];
  for (const cert of certifications) {
    const stage = stageFor(cert.daysLeft);
    if (!stage) continue;
    const rule = BODY_RULES[cert.body];
    const cpr = cprAedStatus({ body: cert.body, card, today, cycleEndsOn: cert.cycleEndsOn });
    const missing: string[] = [];
    if (cert.remainingHundredths > 0) missing.push(`${formatCec(cert.remainingHundredths)} ${rule.unit} of continuing education`);
    if (isCprAedBlocker(cpr)) {
      missing.push(
        cpr.kind === "missing"
          ? "a current CPR/AED certificate (none is recorded on your account)"
          : `a CPR/AED certificate valid past ${formatLongDate(cert.cycleEndsOn)} (yours ${cpr.kind === "expired" ? "expired" : "expires"} on ${formatLongDate(cpr.expiresOn)})`,
      );
    }
    if (missing.length === 0) continue;
    planned.push({
      subject: `cycle:${cert.id}`,
      periodEnd: cert.cycleEndsOn,
      stage,
      title: `Your ${cert.body} cycle ends in ${cert.daysLeft} ${cert.daysLeft === 1 ? "day" : "days"} (${formatLongDate(cert.cycleEndsOn)})`,
      missing,
    });
  }
  const needsCard = certifications.some((c) => BODY_RULES[c.body].requiresCprAed);
  if (card && needsCard) {
    const daysLeft = daysBetween(today, card.expiresOn) + 1;
    const stage = stageFor(daysLeft);
    if (stage) {
      planned.push({
        subject: "cpr",
        periodEnd: card.expiresOn,
        stage,
        title: `Your CPR/AED certificate expires in ${daysLeft} ${daysLeft === 1 ? "day" : "days"} (${formatLongDate(card.expiresOn)})`,
        missing: [`a renewed CPR/AED certificate (${card.provider}) before ${formatLongDate(card.expiresOn)}`],
      });
    }
  }
  return planned;
}
