import "server-only";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { assertAdmin } from "@/lib/auth/assert-admin.server";
import { cprAedStatus, type TCprAedStatus } from "@/lib/certifications/certification-rules";
import { courseUpdate, type TCourseUpdate } from "@/lib/content/course-lifecycle";
import { formatHours } from "@/lib/content/course-view";
import { formatCec } from "@/lib/credits/cec-amount";
import { BODY_RULES, type TBodyRule, type TCertifyingBody } from "@/lib/credits/certifying-bodies";
import { creditsOverTime, summarizeCredits, type TCreditPoint, type TCreditSummary, toLocalDate } from "@/lib/credits/cycle";
import {
  selectCompletedCourseRevisionRows,
  selectCompletionsWithoutCredit,
  selectCreditProfileRows,
  selectInProgressLessonRows,
  type TCreditProfileRow,
} from "@/lib/credits/dashboard-reads.sql.server";
import { LEDGER_CSV_HEADER, ledgerCsvCells, toCsvLine } from "@/lib/credits/ledger-csv";
import { MAX_ADJUSTMENT_HUNDREDTHS, ZAdjustmentReason } from "@/lib/credits/ledger-schemas";
import { dbDateToIso, ledgerTotals, pickCertificate, type TLedgerEntry } from "@/lib/credits/ledger-view";
import { renderTranscriptPdfDocument } from "@/lib/credits/render-transcript-pdf";
import { db } from "@/lib/db";
import { lockUserRow } from "@/lib/db/locks.sql.server";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { formatLongDate } from "@/lib/format/calendar-date";
import { resolveTimeZone } from "@/lib/format/date-time";
import type { Prisma } from "@/lib/generated/prisma/client";
import { deliverNotificationMail, notifyUser } from "@/lib/notifications/notifications.server";

// The credit ledger as trainers and administrators see it: the dashboard overview, the full list,
// admin adjustments, and the CSV and PDF exports. Credit is only ever added as new rows
// (the table refuses UPDATE and DELETE), so every view here is a read of the same entries.

const ISSUER_NAME = "Backbone CE";
const CSV_PAGE_SIZE = 500;

export type TCreditProfile = {
  /** The certification this profile is (the primary one, for the single-certification views). */
  certificationId: string;
  body: TCertifyingBody;
  bodyName: string;
  unit: TBodyRule["unit"];
  rule: TBodyRule;
  certificationNumber: string;
  firstCertifiedOn: string;
  certificationExpiresOn: string | null;
  timeZone: string;
};

type TInProgressCourse = {
  slug: string;
  title: string;
  completedLessons: number;
  totalLessons: number;
  /** The lesson to continue with; null once every lesson is done (the final assessment is next). */
  resumeLessonSlug: string | null;
  /** Retired (decision 010): shown with its progress, without links to pages that are gone. */
  retired: boolean;
};

/** One active certification with its own cycle summary: credit counts only where it was earned. */
export type TCertificationSummary = { profile: TCreditProfile; summary: TCreditSummary; cprAed: TCprAedStatus };

export type TCreditOverview = {
  name: string;
  timeZone: string;
  /** Today in the trainer's zone. */
  today: string;
  /** Null for accounts without certification details (administrators). */
  profile: TCreditProfile | null;
  summary: TCreditSummary | null;
  /** Every active certification, primary first, each with its own cycles. */
  certifications: TCertificationSummary[];
  cprAedCard: { provider: string; expiresOn: string } | null;
  series: TCreditPoint[];
  entryCount: number;
  totalHundredths: number;
  inProgress: TInProgressCourse[];
  /** Completed courses with a newer version since ("updated since you completed it"). */
  updates: TCourseUpdate[];
  /** Courses completed for the record without credit: the course held no approval for the body. */
  withoutCredit: TCompletionWithoutCredit[];
};

export type TCompletionWithoutCredit = { slug: string; title: string; completedOn: string; contactMinutes: number; body: TCertifyingBody | null };

/** One active certification as the credit views show it (from Prisma's rows or the dashboard's flat ones). */
function toCreditProfile(
  c: { certificationId: string; certifyingBody: TCertifyingBody; certificationNumber: string; firstCertifiedOn: Date; expiresOn: Date | null },
  timeZone: string,
): TCreditProfile {
  const rule = BODY_RULES[c.certifyingBody];
  return {
    certificationId: c.certificationId,
    body: c.certifyingBody,
    bodyName: rule.name,
    unit: rule.unit,
    rule,
    certificationNumber: c.certificationNumber,
    firstCertifiedOn: dbDateToIso(c.firstCertifiedOn),
    certificationExpiresOn: c.expiresOn ? dbDateToIso(c.expiresOn) : null,
    timeZone,
  };
}

async function findUserOrThrow(userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      name: true,
      timeZone: true,
      certifications: {
        where: { retiredAt: null },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, certifyingBody: true, certificationNumber: true, firstCertifiedOn: true, expiresOn: true },
      },
      cprAedCard: { select: { provider: true, expiresOn: true } },
    },
  });
  if (!user) throw new AppError("NOT_FOUND", "That user does not exist.");
  const timeZone = resolveTimeZone(user.timeZone);
  // Oldest first: the first is the primary certification (lib/certifications, pickPrimary).
  const certifications = user.certifications.map((c) => toCreditProfile({ ...c, certificationId: c.id }, timeZone));
  const cprAedCard = user.cprAedCard ? { provider: user.cprAedCard.provider, expiresOn: dbDateToIso(user.cprAedCard.expiresOn) } : null;
  return { name: user.name, timeZone, profile: certifications[0] ?? null, certifications, cprAedCard };
}

/** The user's name, zone, active certifications (primary first) and CPR/AED card from the dashboard's flat rows. */
function toCreditUser(rows: TCreditProfileRow[]) {
  const [first] = rows;
  if (!first) throw new AppError("NOT_FOUND", "That user does not exist.");
  const timeZone = resolveTimeZone(first.timeZone);
  // Oldest first: the first is the primary certification (lib/certifications, pickPrimary).
  const certifications = rows.flatMap((c) =>
    c.certificationId && c.certifyingBody && c.certificationNumber !== null && c.firstCertifiedOn
      ? [toCreditProfile({ certificationId: c.certificationId, certifyingBody: c.certifyingBody, certificationNumber: c.certificationNumber, firstCertifiedOn: c.firstCertifiedOn, expiresOn: c.expiresOn }, timeZone)]
      : [],
  );
  const cprAedCard = first.cprProvider !== null && first.cprExpiresOn ? { provider: first.cprProvider, expiresOn: dbDateToIso(first.cprExpiresOn) } : null;
  return { name: first.name, timeZone, profile: certifications[0] ?? null, certifications, cprAedCard };
}

/** Flat rows grouped by `key`, in first-seen order. */
function groupRows<T>(rows: T[], key: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return [...groups.values()];
}

export async function getCreditOverview({ userId, now }: { userId: string; now: Date }): Promise<TCreditOverview> {
  // Every read at once, each one statement (lib/credits/dashboard-reads.sql.server.ts): the page
  // waits for one round trip instead of the user, then its relations, then four nested reads.
  const [profileRows, entries, lessonRows, completedRows, uncredited] = await Promise.all([
    selectCreditProfileRows(db, { userId }),
    db.creditEntry.findMany({ where: { userId }, select: { amountHundredths: true, occurredAt: true, certifyingBody: true, certificationId: true } }),
    selectInProgressLessonRows(db, { userId }),
    // One completion per course (a course may award once per certification, so not the awards).
    selectCompletedCourseRevisionRows(db, { userId }),
    selectCompletionsWithoutCredit(db, { userId }),
  ]);
  const user = toCreditUser(profileRows);
  const courses = groupRows(lessonRows, (r) => r.courseId).map((lessons) => ({
    slug: lessons[0].slug,
    title: lessons[0].title,
    archivedAt: lessons[0].archivedAt,
    lessons: lessons.map((l) => ({ slug: l.lessonSlug, progress: l.updatedAt ? [{ completedAt: l.completedAt, updatedAt: l.updatedAt }] : [] })),
  }));
  const completed = groupRows(completedRows, (r) => r.completionId).map((revisions) => ({
    completedAt: revisions[0].completedAt,
    course: {
      slug: revisions[0].slug,
      title: revisions[0].title,
      version: revisions[0].version,
      changelog: revisions[0].changelog,
      revisions: revisions.flatMap((r) => (r.revisionVersion !== null && r.revisionCreatedAt ? [{ version: r.revisionVersion, createdAt: r.revisionCreatedAt }] : [])),
    },
  }));

  const updates = completed.flatMap(({ completedAt, course: c }) => {
    const update = courseUpdate({ slug: c.slug, title: c.title, currentVersion: c.version, changelog: c.changelog, revisions: c.revisions, completedAt });
    return update ? [update] : [];
  });

  const today = toLocalDate(now, user.timeZone);
  const certifications: TCertificationSummary[] = user.certifications.map((profile) => {
    const summary = summarizeCredits({
      body: profile.body,
      firstCertifiedOn: profile.firstCertifiedOn,
      expiresOn: profile.certificationExpiresOn,
      timeZone: user.timeZone,
      now,
      entries: entries.filter((e) => e.certificationId === profile.certificationId),
    });
    const cprAed = cprAedStatus({ body: profile.body, card: user.cprAedCard, today, cycleEndsOn: summary.current.cycle.endsOn });
    return { profile, summary, cprAed };
  });
  const summary = certifications[0]?.summary ?? null;

  const inProgress = courses
    .map((course) => {
      const progress = course.lessons.map((l) => ({ slug: l.slug, row: l.progress[0] }));
      const lastActivity = Math.max(0, ...progress.map((p) => p.row?.updatedAt.getTime() ?? 0));
      // Same rule as the course page: the lesson last touched if unfinished, else the first unfinished.
      const recent = progress.filter((p) => p.row).sort((a, b) => b.row!.updatedAt.getTime() - a.row!.updatedAt.getTime())[0];
      const resume = recent && !recent.row!.completedAt ? recent.slug : (progress.find((p) => !p.row?.completedAt)?.slug ?? null);
      return {
        lastActivity,
        view: {
          slug: course.slug,
          title: course.title,
          completedLessons: progress.filter((p) => p.row?.completedAt).length,
          totalLessons: progress.length,
          resumeLessonSlug: course.archivedAt ? null : resume,
          retired: course.archivedAt !== null,
        },
      };
    })
    .sort((a, b) => b.lastActivity - a.lastActivity)
    .map((c) => c.view);

  return {
    name: user.name,
    timeZone: user.timeZone,
    today,
    profile: user.profile,
    summary,
    certifications,
    cprAedCard: user.cprAedCard,
    // The chart shows the credit that counts for the primary certification, as the summary does.
    series: creditsOverTime(user.profile ? entries.filter((e) => e.certificationId === user.profile?.certificationId) : entries, { timeZone: user.timeZone }),
    entryCount: entries.length,
    totalHundredths: entries.reduce((sum, e) => sum + e.amountHundredths, 0),
    inProgress,
    updates,
    withoutCredit: uncredited.map((c) => ({
      slug: c.slug,
      title: c.title,
      completedOn: toLocalDate(c.completedAt, user.timeZone),
      contactMinutes: c.contactMinutes,
      body: c.certifyingBody,
    })),
  };
}

const LEDGER_SELECT = {
  id: true,
  kind: true,
  amountHundredths: true,
  certifyingBody: true,
  courseNumber: true,
  courseId: true,
  reason: true,
  occurredAt: true,
  reversesEntryId: true,
  course: { select: { slug: true, title: true, archivedAt: true } },
  attempt: { select: { scorePercent: true } },
  reversedBy: { select: { occurredAt: true } },
  certificates: { orderBy: { issuedAt: "desc" }, select: { code: true, status: true } },
} satisfies Prisma.CreditEntrySelect;

type TLedgerRow = Prisma.CreditEntryGetPayload<{ select: typeof LEDGER_SELECT }>;

function toLedgerEntry(row: TLedgerRow, timeZone: string, providerNumbers: Map<string, string | null> = new Map()): TLedgerEntry {
  return {
    id: row.id,
    occurredAt: row.occurredAt,
    localDate: toLocalDate(row.occurredAt, timeZone),
    kind: row.kind,
    amountHundredths: row.amountHundredths,
    certifyingBody: row.certifyingBody,
    course: row.course ? { slug: row.course.slug, title: row.course.title, retired: row.course.archivedAt !== null } : null,
    courseNumber: row.courseNumber,
    providerNumber: row.courseId ? (providerNumbers.get(row.courseId) ?? null) : null,
    reason: row.reason,
    scorePercent: row.kind === "AWARD" ? (row.attempt?.scorePercent ?? null) : null,
    certificate: pickCertificate(row.certificates),
    reversesEntryId: row.reversesEntryId,
    reversedOn: row.reversedBy ? toLocalDate(row.reversedBy.occurredAt, timeZone) : null,
  };
}

// Oldest first, like a statement; the id breaks ties so paging never skips or repeats a row.
const LEDGER_ORDER: Prisma.CreditEntryOrderByWithRelationInput[] = [{ occurredAt: "asc" }, { id: "asc" }];

/** Every ledger entry of a trainer, oldest first. A trainer's ledger is dozens of rows, not thousands. */
export async function listLedger({ userId }: { userId: string }): Promise<TLedgerEntry[]> {
  const user = await findUserOrThrow(userId);
  const [rows, completions] = await Promise.all([
    db.creditEntry.findMany({ where: { userId }, orderBy: LEDGER_ORDER, select: LEDGER_SELECT }),
    db.courseCompletion.findMany({ where: { userId }, select: { courseId: true, providerNumber: true } }),
  ]);
  const providerNumbers = new Map(completions.map((c) => [c.courseId, c.providerNumber]));
  return rows.map((row) => toLedgerEntry(row, user.timeZone, providerNumbers));
}

export type TAdjustCreditInput = {
  adminId: string;
  userId: string;
  /** Signed, never zero. */
  amountHundredths: number;
  reason: string;
  courseId?: string | null;
  now?: Date;
};

/**
 * An administrator's correction: a new ADJUSTMENT entry and its audit record, in one transaction.
 * Refuses to adjust one's own credit, and a removal that would leave a negative lifetime total
 * (the user row is locked so two removals cannot both pass that check).
 */
export async function adjustCredit({ adminId, userId, amountHundredths, reason, courseId, now = new Date() }: TAdjustCreditInput) {
  if (!Number.isSafeInteger(amountHundredths) || amountHundredths === 0 || Math.abs(amountHundredths) > MAX_ADJUSTMENT_HUNDREDTHS) {
    throw new AppError("UNPROCESSABLE", "An adjustment must be a non-zero amount of at most 100.00.", { fields: { amount: "Enter a non-zero amount." } });
  }
  const parsedReason = ZAdjustmentReason.safeParse(reason);
  if (!parsedReason.success) {
    const message = parsedReason.error.issues[0]?.message ?? "Give a reason.";
    throw new AppError("UNPROCESSABLE", message, { fields: { reason: message } });
  }
  if (adminId === userId) throw new AppError("FORBIDDEN", "Another administrator must adjust your own credit.");

  const entry = await db.$transaction(async (tx) => {
    await assertAdmin(adminId, tx);
    // FOR NO KEY UPDATE serializes adjustments for this trainer without blocking awards (their
    // foreign-key checks take KEY SHARE, which this lock does not conflict with).
    if (!(await lockUserRow(tx, userId))) throw new AppError("NOT_FOUND", "That user does not exist.");
    const profile = await tx.trainerProfile.findUnique({ where: { userId }, select: { certifyingBody: true } });
    if (!profile) throw new AppError("UNPROCESSABLE", "This account has no certification details, so it holds no credit to adjust.");
    if (courseId) {
      const course = await tx.course.findUnique({ where: { id: courseId }, select: { id: true } });
      if (!course) throw new AppError("UNPROCESSABLE", "That course does not exist.", { fields: { courseId: "No such course." } });
    }
    if (amountHundredths < 0) {
      const { _sum } = await tx.creditEntry.aggregate({ where: { userId }, _sum: { amountHundredths: true } });
      const total = _sum.amountHundredths ?? 0;
      if (total + amountHundredths < 0) {
        throw new AppError("UNPROCESSABLE", "This would take the trainer's total credit below zero.", {
          fields: { amount: "The trainer does not hold that much credit." },
        });
      }
    }
    const entry = await tx.creditEntry.create({
      data: {
        userId,
        kind: "ADJUSTMENT",
        amountHundredths,
        certifyingBody: profile.certifyingBody,
        courseId: courseId ?? null,
        reason: parsedReason.data,
        createdById: adminId,
        occurredAt: now,
      },
      select: { id: true, amountHundredths: true, occurredAt: true, certifyingBody: true, courseId: true, reason: true },
    });
    await recordAudit(tx, {
      actorId: adminId,
      action: "credit.adjust",
      targetType: "credit-entry",
      targetId: entry.id,
      data: { userId, amountHundredths, reason: parsedReason.data, courseId: courseId ?? null, certifyingBody: profile.certifyingBody },
    });
    await notifyUser(tx, {
      userId,
      notice: { kind: "CREDIT_ADJUSTED", amountHundredths, unit: BODY_RULES[profile.certifyingBody].unit, reason: parsedReason.data },
    });
    return entry;
  });
  await deliverNotificationMail({ userId });
  return entry;
}

/**
 * The ledger as CSV (header, then one row per entry, oldest first), read a page at a time as the
 * client consumes it, so a long history is never held in memory. Resolves once the user is known,
 * so an unknown user is a 404 rather than a broken download.
 */
export async function streamLedgerCsv({ userId, pageSize = CSV_PAGE_SIZE }: { userId: string; pageSize?: number }): Promise<ReadableStream<Uint8Array>> {
  const user = await findUserOrThrow(userId);
  const encoder = new TextEncoder();
  let cursor: { occurredAt: Date; id: string } | null = null;
  let headerSent = false;

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(toCsvLine(LEDGER_CSV_HEADER)));
        return;
      }
      const after: { occurredAt: Date; id: string } | null = cursor;
      const rows = await db.creditEntry.findMany({
        where: {
          userId,
          ...(after ? { OR: [{ occurredAt: { gt: after.occurredAt } }, { occurredAt: after.occurredAt, id: { gt: after.id } }] } : {}),
        },
        orderBy: LEDGER_ORDER,
        take: pageSize,
        select: LEDGER_SELECT,
      });
      if (rows.length > 0) {
        controller.enqueue(encoder.encode(rows.map((row) => toCsvLine(ledgerCsvCells(toLedgerEntry(row, user.timeZone)))).join("")));
        const last = rows[rows.length - 1];
        cursor = { occurredAt: last.occurredAt, id: last.id };
      }
      if (rows.length < pageSize) controller.close();
    },
  });
}

/** A PDF transcript of the whole ledger with the current cycle's totals, for a certifying body. */
export async function renderTranscriptPdf({ userId, now }: { userId: string; now: Date }): Promise<Uint8Array> {
  const [overview, entries] = await Promise.all([getCreditOverview({ userId, now }), listLedger({ userId })]);
  const profile = overview.profile;
  return renderTranscriptPdfDocument({
    issuerName: ISSUER_NAME,
    trainerName: overview.name,
    certification: profile
      ? {
          body: profile.body,
          bodyName: profile.bodyName,
          unit: profile.unit,
          number: profile.certificationNumber,
          firstCertifiedOn: profile.firstCertifiedOn,
          firstCycleExempt: profile.rule.firstCycleExempt,
          carryForward: profile.rule.carryForward,
        }
      : null,
    current: overview.summary?.current ?? null,
    alsoHeld: overview.certifications.slice(1).map(
      ({ profile: p, summary: { current } }) =>
        `${p.bodyName} (${p.body}) No. ${p.certificationNumber}: cycle ${formatLongDate(current.cycle.startsOn)} to ${formatLongDate(current.cycle.endsOn)}, ${formatCec(current.earnedHundredths + current.carriedInHundredths)} of ${formatCec(current.requiredHundredths)} ${p.unit}`,
    ),
    entries,
    withoutCredit: overview.withoutCredit.map((c) => ({
      title: c.title,
      completedOn: c.completedOn,
      note: `${formatHours(c.contactMinutes)}. No ${c.body ?? "body"} approval held on that date, so no figure is claimed; you may submit the certificate to ${c.body ?? "your body"} for review.`,
    })),
    totals: ledgerTotals(entries),
    timeZone: overview.timeZone,
    generatedAt: now,
    generatedOn: overview.today,
    siteUrl: env().NEXTAUTH_URL ?? null,
  });
}
