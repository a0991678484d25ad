import "server-only";
import { formatCec } from "@/lib/credits/cec-amount";
import { CREDIT_KIND_LABELS } from "@/lib/credits/ledger-view";
import type { TCsvValue } from "@/lib/csv";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isId } from "@/lib/ids";
import { streamAuditCsv } from "./audit.server";
import { parseAuditFilters } from "./audit-filters";
import { assertAdmin } from "./authorize.server";
import { streamFunnelCsv } from "./funnel.server";
import { getOverview, passRate } from "./overview.server";
import { streamCsv } from "./stream-csv.server";
import { parseTrainerFilters } from "./trainer-filters";
import { ADMIN_ATTEMPT_SELECT, streamTrainersCsv } from "./trainers.server";

// Every table the admin console shows, as a streamed CSV download, with the same query-string
// filters as its page. GET /api/admin/export/[table] is a thin wrapper around streamAdminExport.

export const EXPORT_TABLES = ["trainers", "audit", "funnel", "attempts", "ledger", "weekly"] as const;
export type TExportTable = (typeof EXPORT_TABLES)[number];


function userParam(params: URLSearchParams): string | undefined {
  const user = params.get("user")?.trim();
  return isId(user) ? user : undefined;
}

// How every export names the trainer a row belongs to: the same columns, filled the same way.
const TRAINER_SELECT = { select: { id: true, name: true, email: true, profile: { select: { certificationNumber: true } } } } as const;
const TRAINER_COLUMNS = ["Trainer", "Email", "Certification number"] as const;

function trainerCells(user: { name: string; email: string; profile: { certificationNumber: string } | null }): TCsvValue[] {
  return [user.name, user.email, user.profile?.certificationNumber ?? null];
}

// ---------------------------------------------------------------------------------------------
// Attempts

const ATTEMPT_SELECT = { ...ADMIN_ATTEMPT_SELECT, user: TRAINER_SELECT } satisfies Prisma.QuizAttemptSelect;

type TAttemptRow = Prisma.QuizAttemptGetPayload<{ select: typeof ATTEMPT_SELECT }>;

const ATTEMPTS_CSV_HEADER = [
  "Attempt ID",
  ...TRAINER_COLUMNS,
  "Course",
  "Assessment",
  "Kind",
  "Attempt",
  "Status",
  "Started (UTC)",
  "Submitted (UTC)",
  "Score %",
  "Pass mark %",
  "Passed",
  "User ID",
] as const;

/** Attempts (all, or one trainer's with ?user=), in id order (keyset on the primary key). */
export async function streamAttemptsCsv({ adminId, userId, pageSize }: { adminId: string; userId?: string; pageSize?: number }) {
  await assertAdmin(adminId);
  return streamCsv<TAttemptRow, string>({
    header: ATTEMPTS_CSV_HEADER,
    fetchPage: (after, limit) =>
      db.quizAttempt.findMany({
        where: { ...(userId ? { userId } : {}), ...(after ? { id: { gt: after } } : {}) },
        orderBy: { id: "asc" },
        take: limit,
        select: ATTEMPT_SELECT,
      }),
    cursorOf: (row) => row.id,
    toCells: (a): TCsvValue[] => [
      a.id,
      ...trainerCells(a.user),
      a.quiz.course.title,
      a.quiz.title,
      a.quiz.kind === "FINAL" ? "final" : "lesson check",
      a.number,
      a.status === "GRADED" ? "graded" : a.status === "CLOSED" ? "closed" : "in progress",
      a.startedAt,
      a.submittedAt,
      a.scorePercent,
      a.quiz.passMark,
      a.passed === null ? null : a.passed ? "yes" : "no",
      a.user.id,
    ],
    pageSize,
  });
}

// ---------------------------------------------------------------------------------------------
// Ledger

const LEDGER_SELECT = {
  id: true,
  occurredAt: true,
  kind: true,
  amountHundredths: true,
  certifyingBody: true,
  courseNumber: true,
  reason: true,
  reversesEntryId: true,
  course: { select: { title: true } },
  user: TRAINER_SELECT,
  createdBy: { select: { email: true } },
} satisfies Prisma.CreditEntrySelect;

type TLedgerRow = Prisma.CreditEntryGetPayload<{ select: typeof LEDGER_SELECT }>;

const LEDGER_CSV_HEADER = [
  "Entry ID",
  "Occurred at (UTC)",
  ...TRAINER_COLUMNS,
  "Certifying body",
  "Kind",
  "Credits",
  "Course",
  "Course number",
  "Reason",
  "Entered by",
  "Reverses entry ID",
  "User ID",
] as const;

/**
 * Credit entries: one trainer's (?user=) oldest first, like a statement (keyset on occurredAt, id
 * over the (userId, occurredAt) index); everyone's in id order (keyset on the primary key).
 */
export async function streamLedgerCsvForAdmin({ adminId, userId, pageSize }: { adminId: string; userId?: string; pageSize?: number }) {
  await assertAdmin(adminId);
  const toCells = (e: TLedgerRow): TCsvValue[] => [
    e.id,
    e.occurredAt,
    ...trainerCells(e.user),
    e.certifyingBody,
    CREDIT_KIND_LABELS[e.kind],
    formatCec(e.amountHundredths),
    e.course?.title ?? null,
    e.courseNumber,
    e.reason,
    e.createdBy?.email ?? null,
    e.reversesEntryId,
    e.user.id,
  ];
  if (userId) {
    return streamCsv<TLedgerRow, { occurredAt: Date; id: string }>({
      header: LEDGER_CSV_HEADER,
      fetchPage: (after, limit) =>
        db.creditEntry.findMany({
          where: { userId, ...(after ? { OR: [{ occurredAt: { gt: after.occurredAt } }, { occurredAt: after.occurredAt, id: { gt: after.id } }] } : {}) },
          orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
          take: limit,
          select: LEDGER_SELECT,
        }),
      cursorOf: (row) => ({ occurredAt: row.occurredAt, id: row.id }),
      toCells,
      pageSize,
    });
  }
  return streamCsv<TLedgerRow, string>({
    header: LEDGER_CSV_HEADER,
    fetchPage: (after, limit) => db.creditEntry.findMany({ where: after ? { id: { gt: after } } : {}, orderBy: { id: "asc" }, take: limit, select: LEDGER_SELECT }),
    cursorOf: (row) => row.id,
    toCells,
    pageSize,
  });
}

// ---------------------------------------------------------------------------------------------
// Weekly figures (the overview's chart tables)

const WEEKLY_CSV_HEADER = [
  "Week starting (Monday, UTC)",
  "Active trainers",
  "New trainers",
  "Lessons completed",
  "Final assessment attempts",
  "Passed",
  "Pass rate %",
  "Credit awarded",
  "Certificates issued",
] as const;

export async function streamWeeklyCsv({ adminId, weeks }: { adminId: string; weeks?: number }) {
  const overview = await getOverview({ adminId, weeks });
  return streamCsv<{ i: number }, number>({
    header: WEEKLY_CSV_HEADER,
    fetchPage: async (after, limit) =>
      overview.weeks.slice(after === null ? 0 : after + 1, (after === null ? 0 : after + 1) + limit).map((_, j) => ({ i: (after === null ? 0 : after + 1) + j })),
    cursorOf: (row) => row.i,
    toCells: ({ i }): TCsvValue[] => {
      const w = overview.weeks[i];
      return [w.weekStart, w.activeTrainers, w.newTrainers, w.lessonsCompleted, w.attempts, w.passed, passRate(w.passed, w.attempts), formatCec(w.creditsAwardedHundredths), w.certificatesIssued];
    },
  });
}

// ---------------------------------------------------------------------------------------------

/** The stream for one table, filtered by the same query string its page uses. */
export async function streamAdminExport({
  adminId,
  table,
  params,
  timeZone = "UTC",
}: {
  adminId: string;
  table: TExportTable;
  params: URLSearchParams;
  timeZone?: string;
}): Promise<ReadableStream<Uint8Array>> {
  await assertAdmin(adminId);
  switch (table) {
    case "trainers": {
      const { page: _page, pageSize: _size, ...filters } = parseTrainerFilters(params);
      return streamTrainersCsv({ adminId, filters });
    }
    case "audit": {
      const { page: _page, ...filters } = parseAuditFilters(params);
      return streamAuditCsv({ adminId, timeZone, filters });
    }
    case "funnel":
      return streamFunnelCsv({ adminId });
    case "attempts":
      return streamAttemptsCsv({ adminId, userId: userParam(params) });
    case "ledger":
      return streamLedgerCsvForAdmin({ adminId, userId: userParam(params) });
    case "weekly": {
      const weeks = Number.parseInt(params.get("weeks") ?? "", 10);
      return streamWeeklyCsv({ adminId, weeks: Number.isFinite(weeks) ? Math.min(Math.max(weeks, 1), 104) : undefined });
    }
  }
}
