import "server-only";
import { formatCec } from "@/lib/credits/cec-amount";
import type { TCurrentCycleSummary, TCycleHistoryRow } from "@/lib/credits/cycle";
import { getCreditOverview, listLedger, type TCertificationSummary, type TCreditProfile } from "@/lib/credits/ledger.server";
import { ledgerTotals, type TLedgerEntry, type TLedgerTotals } from "@/lib/credits/ledger-view";
import type { TCsvValue } from "@/lib/csv";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { listAudit, type TAuditRow } from "./audit.server";
import { assertAdmin } from "./authorize.server";
import { streamCsv } from "./stream-csv.server";
import { cycleStatusOf, type TTrainerFilters } from "./trainer-filters";
import { queryTrainerPage, queryTrainers, type TTrainerList, type TTrainerRow } from "./trainer-query.sql.server";

// The admin's view of trainers: the searchable list (SQL in trainer-query.sql.server.ts), one
// trainer's full record, and the list as CSV. Every function checks that the caller is an admin.

export type { TTrainerList, TTrainerRow } from "./trainer-query.sql.server";

export async function listTrainers({ adminId, now = new Date(), ...filters }: TTrainerFilters & { adminId: string; now?: Date }): Promise<TTrainerList> {
  await assertAdmin(adminId);
  return queryTrainers(db, filters, now);
}

export const TRAINERS_CSV_HEADER = [
  "Name",
  "Email",
  "Certifying body",
  "Certification number",
  "First certified",
  "Joined (UTC)",
  "Account",
  "Email verified",
  "Cycle starts",
  "Cycle ends",
  "Days left",
  "Required",
  "Earned this cycle",
  "Carried in",
  "Counted",
  "Cycle status",
  "Courses completed",
  "Last active (UTC)",
  "User ID",
] as const;

function trainerCsvCells(row: TTrainerRow): TCsvValue[] {
  return [
    row.name,
    row.email,
    row.body,
    row.certificationNumber,
    row.firstCertifiedOn,
    row.joinedAt,
    row.disabled ? "disabled" : "active",
    row.verified ? "yes" : "no",
    row.cycle.startsOn,
    row.cycle.endsOn,
    row.cycle.daysLeft,
    formatCec(row.cycle.requiredHundredths),
    formatCec(row.cycle.earnedHundredths),
    formatCec(row.cycle.carriedInHundredths),
    formatCec(row.cycle.countedHundredths),
    cycleStatusOf(row.cycle),
    row.coursesCompleted,
    row.lastActiveAt,
    row.id,
  ];
}

/** The filtered list (all pages, in name order) as CSV, 1,000 trainers per query. */
export async function streamTrainersCsv({
  adminId,
  filters,
  now = new Date(),
  pageSize,
}: {
  adminId: string;
  filters: Omit<TTrainerFilters, "page" | "pageSize">;
  now?: Date;
  pageSize?: number;
}): Promise<ReadableStream<Uint8Array>> {
  await assertAdmin(adminId);
  return streamCsv<TTrainerRow, { name: string; id: string }>({
    header: TRAINERS_CSV_HEADER,
    fetchPage: (after, limit) => queryTrainerPage(db, filters, after, limit, now),
    cursorOf: (row) => ({ name: row.name, id: row.id }),
    toCells: trainerCsvCells,
    pageSize,
  });
}

// ---------------------------------------------------------------------------------------------
// One trainer

/** The attempt columns the admin console shows, on a trainer's record and in the attempts export. */
export const ADMIN_ATTEMPT_SELECT = {
  id: true,
  number: true,
  status: true,
  startedAt: true,
  submittedAt: true,
  scorePercent: true,
  passed: true,
  quiz: { select: { title: true, kind: true, passMark: true, course: { select: { title: true } } } },
} satisfies Prisma.QuizAttemptSelect;

type TTrainerLesson = { id: string; title: string; startedAt: Date | null; completedAt: Date | null; lastPercent: number };
type TTrainerCourse = { id: string; title: string; lessons: TTrainerLesson[]; completedLessons: number; awarded: boolean };
type TTrainerAttempt = {
  id: string;
  courseTitle: string;
  quizTitle: string;
  kind: "FINAL" | "LESSON_CHECK";
  number: number;
  status: "IN_PROGRESS" | "GRADED" | "CLOSED";
  startedAt: Date;
  submittedAt: Date | null;
  scorePercent: number | null;
  passMark: number;
  passed: boolean | null;
};
type TTrainerCertificate = {
  id: string;
  code: string;
  courseTitle: string;
  status: "ISSUED" | "REVOKED";
  issuedAt: Date;
  revokedAt: Date | null;
  revocationReason: string | null;
  creditHundredths: number;
};
export type TTrainerRecord = {
  user: {
    id: string;
    name: string;
    email: string;
    role: "TRAINER" | "ADMIN";
    timeZone: string;
    joinedAt: Date;
    verified: boolean;
    disabledAt: Date | null;
  };
  profile: TCreditProfile | null;
  /** Every active certification with its own current cycle (the first is `profile`). */
  certifications: TCertificationSummary[];
  /** Today in the trainer's zone. */
  today: string;
  cycle: TCurrentCycleSummary | null;
  history: TCycleHistoryRow[];
  courses: TTrainerCourse[];
  attempts: TTrainerAttempt[];
  ledger: (TLedgerEntry & { createdBy: { name: string; email: string } | null })[];
  ledgerTotals: TLedgerTotals;
  certificates: TTrainerCertificate[];
  pendingRequests: { id: string; courseTitle: string; createdAt: Date }[];
  /** Courses an adjustment may name. */
  courseOptions: { id: string; title: string }[];
  recentAudit: TAuditRow[];
};

/** Everything the trainer page shows. A trainer's history is dozens of rows, so it is read whole. */
export async function getTrainerRecord({ adminId, userId, now = new Date() }: { adminId: string; userId: string; now?: Date }): Promise<TTrainerRecord> {
  await assertAdmin(adminId);
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, role: true, timeZone: true, createdAt: true, emailVerifiedAt: true, disabledAt: true },
  });
  if (!user) throw new AppError("NOT_FOUND", "That user does not exist.");

  const [overview, ledger, creators, courses, attempts, certificates, pendingRequests, courseOptions, recentAudit] = await Promise.all([
    getCreditOverview({ userId, now }),
    listLedger({ userId }),
    db.creditEntry.findMany({ where: { userId, createdById: { not: null } }, select: { id: true, createdBy: { select: { name: true, email: true } } } }),
    db.course.findMany({
      where: { lessons: { some: { progress: { some: { userId } } } } },
      orderBy: [{ sortOrder: "asc" }, { title: "asc" }],
      select: {
        id: true,
        title: true,
        archivedAt: true,
        awards: { where: { userId }, select: { id: true } },
        lessons: {
          where: { OR: [{ archivedAt: null }, { progress: { some: { userId } } }] },
          orderBy: { sortOrder: "asc" },
          select: { id: true, title: true, progress: { where: { userId }, select: { startedAt: true, completedAt: true, lastPercent: true } } },
        },
      },
    }),
    db.quizAttempt.findMany({
      where: { userId },
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      select: ADMIN_ATTEMPT_SELECT,
    }),
    db.certificate.findMany({
      where: { userId },
      orderBy: [{ issuedAt: "desc" }, { id: "desc" }],
      select: { id: true, code: true, courseTitle: true, status: true, issuedAt: true, revokedAt: true, revocationReason: true, creditHundredths: true },
    }),
    db.certificateRequest.findMany({
      where: { userId, status: "PENDING" },
      orderBy: { createdAt: "asc" },
      select: { id: true, createdAt: true, course: { select: { title: true } } },
    }),
    db.course.findMany({ where: { archivedAt: null }, orderBy: [{ sortOrder: "asc" }, { title: "asc" }], select: { id: true, title: true } }),
    listAudit({ adminId, user: userId, page: 1, pageSize: 10 }).then((list) => list.rows),
  ]);

  const createdBy = new Map(creators.map((c) => [c.id, c.createdBy]));
  return {
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      timeZone: overview.timeZone,
      joinedAt: user.createdAt,
      verified: user.emailVerifiedAt !== null,
      disabledAt: user.disabledAt,
    },
    profile: overview.profile,
    certifications: overview.certifications,
    today: overview.today,
    cycle: overview.summary?.current ?? null,
    history: overview.summary?.history ?? [],
    courses: courses.map((c) => {
      const lessons = c.lessons.map((l) => ({
        id: l.id,
        title: l.title,
        startedAt: l.progress[0]?.startedAt ?? null,
        completedAt: l.progress[0]?.completedAt ?? null,
        lastPercent: l.progress[0]?.lastPercent ?? 0,
      }));
      // Retired courses keep their history here, labelled (decision 010).
      return { id: c.id, title: c.archivedAt ? `${c.title} (retired)` : c.title, lessons, completedLessons: lessons.filter((l) => l.completedAt).length, awarded: c.awards.length > 0 };
    }),
    attempts: attempts.map((a) => ({
      id: a.id,
      courseTitle: a.quiz.course.title,
      quizTitle: a.quiz.title,
      kind: a.quiz.kind,
      number: a.number,
      status: a.status,
      startedAt: a.startedAt,
      submittedAt: a.submittedAt,
      scorePercent: a.scorePercent,
      passMark: a.quiz.passMark,
      passed: a.passed,
    })),
    ledger: ledger.map((entry) => ({ ...entry, createdBy: createdBy.get(entry.id) ?? null })),
    ledgerTotals: ledgerTotals(ledger),
    certificates,
    pendingRequests: pendingRequests.map((r) => ({ id: r.id, courseTitle: r.course.title, createdAt: r.createdAt })),
    courseOptions,
    recentAudit,
  };
}

/** What the list's filter menus offer besides the fixed values: the courses. */
export async function trainerFilterOptions({ adminId }: { adminId: string }): Promise<{ courses: { id: string; title: string }[] }> {
  await assertAdmin(adminId);
  const courses = await db.course.findMany({ orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { sortOrder: "asc" }, { title: "asc" }], select: { id: true, title: true } });
  return { courses };
}
