import { z } from "zod";
import { BODY_RULES, type TCertifyingBody, ZCertifyingBody } from "@/lib/credits/certifying-bodies";
import { daysBetween, ZCalendarDate } from "@/lib/credits/cycle";

// Rules about the certifications a trainer holds: which of them a course completion credits, and
// when a CPR/AED card blocks a renewal. Pure: the caller passes rows and today's date.

export const ZCertificationInput = z
  .strictObject({
    certifyingBody: ZCertifyingBody,
    certificationNumber: z
      .string()
      .trim()
      .min(3, "Enter your certification number.")
      .max(40)
      .regex(/^[A-Za-z0-9][A-Za-z0-9 ./-]*$/, "Use letters, digits, spaces, dots, slashes or hyphens."),
    firstCertifiedOn: ZCalendarDate,
    expiresOn: ZCalendarDate.nullish(),
  })
  .refine((d) => !d.expiresOn || d.expiresOn > d.firstCertifiedOn, {
    message: "The expiry date must come after the date first certified.",
    path: ["expiresOn"],
  });
export type TCertificationInput = z.infer<typeof ZCertificationInput>;

export type THeldCertification = { id: string; body: TCertifyingBody; retired: boolean };
export type TPriorAward = { certificationId: string; body: TCertifyingBody; courseId: string };
export type TCreditFor = (body: TCertifyingBody) => { hundredths: number; courseNumber: string | null };
export type TPlannedAward = { certificationId: string; body: TCertifyingBody; hundredths: number; courseNumber: string | null };

/**
 * The awards one course completion makes: one per active certification whose body gives credit
 * for the course (creditFor > 0), each at that body's own amount, and none where that
 * certification already holds an award for the course. A course is the same course in every
 * version (its id does not change), so a body without repeat credit (ACE: no credit for a course
 * taken again, new version included) also refuses it when any certification of that body held
 * by the trainer (a retired one, say) was already credited for it.
 */
export function planCourseAwards({
  certifications,
  priorAwards,
  courseId,
  creditFor,
}: {
  certifications: readonly THeldCertification[];
  priorAwards: readonly TPriorAward[];
  courseId: string;
  creditFor: TCreditFor;
}): TPlannedAward[] {
  const planned: TPlannedAward[] = [];
  for (const cert of certifications) {
    if (cert.retired) continue;
    const already = priorAwards.some(
      (a) => a.courseId === courseId && (a.certificationId === cert.id || (!BODY_RULES[cert.body].repeatCourseCredit && a.body === cert.body)),
    );
    if (already) continue;
    const credit = creditFor(cert.body);
    if (credit.hundredths <= 0) continue;
    planned.push({ certificationId: cert.id, body: cert.body, hundredths: credit.hundredths, courseNumber: credit.courseNumber });
  }
  return planned;
}

export type TCprAedStatus =
  | { kind: "not-required" }
  | { kind: "ok"; expiresOn: string }
  | { kind: "missing" }
  | { kind: "expired"; expiresOn: string }
  /** Valid today but lapses on or before the cycle ends: renewing needs a new card first. */
  | { kind: "expires-before-renewal"; expiresOn: string; daysLeft: number };

/** Whether the CPR/AED card blocks renewing a certification of `body` whose cycle ends on `cycleEndsOn`. */
export function cprAedStatus({
  body,
  card,
  today,
  cycleEndsOn,
}: {
  body: TCertifyingBody;
  card: { expiresOn: string } | null;
  today: string;
  cycleEndsOn: string;
}): TCprAedStatus {
  if (!BODY_RULES[body].requiresCprAed) return { kind: "not-required" };
  if (!card) return { kind: "missing" };
  if (card.expiresOn < today) return { kind: "expired", expiresOn: card.expiresOn };
  if (card.expiresOn <= cycleEndsOn) return { kind: "expires-before-renewal", expiresOn: card.expiresOn, daysLeft: daysBetween(today, card.expiresOn) + 1 };
  return { kind: "ok", expiresOn: card.expiresOn };
}

export const isCprAedBlocker = (status: TCprAedStatus) => status.kind === "missing" || status.kind === "expired" || status.kind === "expires-before-renewal";

/**
 * The primary certification (the one TrainerProfile mirrors, shown where one certification is
 * shown: admin lists, certificates): the earliest added active one.
 */
export function pickPrimary<T extends { retiredAt: Date | null; createdAt: Date; id: string }>(rows: readonly T[]): T | null {
  const active = rows.filter((r) => !r.retiredAt).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
  return active[0] ?? null;
}
