import "server-only";
import { addCalendarDays, startOfLocalDay } from "@/lib/credits/cycle";
import type { TCsvValue } from "@/lib/csv";
import { db } from "@/lib/db";
import { resolveTimeZone } from "@/lib/format/date-time";
import type { Prisma } from "@/lib/generated/prisma/client";
import { escapeLike } from "@/lib/text/safe-text";
import { AUDIT_PAGE_SIZE, type TAuditFilters } from "./audit-filters";
import { selectDistinctAuditValues } from "./audit.sql.server";
import { assertAdmin } from "./authorize.server";
import { streamCsv } from "./stream-csv.server";

// The audit log as admins read it: filtered, newest first, a page at a time, and as CSV. Reads
// only: the table itself refuses UPDATE and DELETE (a trigger in the migrations), and nothing in
// the admin console offers to change it.

export type TAuditRow = {
  /** The row's bigint id, as text. */
  id: string;
  createdAt: Date;
  action: string;
  targetType: string;
  targetId: string | null;
  data: Record<string, unknown>;
  actor: { id: string; name: string; email: string } | null;
  /** The user the entry is about, when it names one (for a link to their record). */
  subjectUserId: string | null;
};

export type TAuditList = { rows: TAuditRow[]; total: number; page: number; pageCount: number; pageSize: number };

const AUDIT_SELECT = {
  id: true,
  createdAt: true,
  action: true,
  targetType: true,
  targetId: true,
  data: true,
  actor: { select: { id: true, name: true, email: true } },
} satisfies Prisma.AuditLogSelect;

type TSelected = Prisma.AuditLogGetPayload<{ select: typeof AUDIT_SELECT }>;

function toRow(row: TSelected): TAuditRow {
  const data = row.data && typeof row.data === "object" && !Array.isArray(row.data) ? (row.data as Record<string, unknown>) : {};
  // Trainers grade their own attempts, so an attempt's actor is the trainer it is about.
  const subjectUserId =
    row.targetType === "user" ? row.targetId : typeof data.userId === "string" ? data.userId : row.targetType === "quiz-attempt" ? (row.actor?.id ?? null) : null;
  return {
    id: row.id.toString(),
    createdAt: row.createdAt,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    data,
    actor: row.actor,
    subjectUserId,
  };
}

/** Filters as a Prisma where clause; dates are whole days in `timeZone` (the viewing admin's). */
async function whereFor(filters: Omit<TAuditFilters, "page">, timeZone: string): Promise<Prisma.AuditLogWhereInput> {
  const and: Prisma.AuditLogWhereInput[] = [];
  if (filters.action) and.push({ action: filters.action });
  if (filters.actor) and.push({ actor: { is: { email: { startsWith: escapeLike(filters.actor) } } } });
  if (filters.targetType) and.push({ targetType: filters.targetType });
  if (filters.targetId) and.push({ targetId: filters.targetId });
  const zone = resolveTimeZone(timeZone);
  if (filters.from) and.push({ createdAt: { gte: startOfLocalDay(filters.from, zone) } });
  if (filters.to) and.push({ createdAt: { lt: startOfLocalDay(addCalendarDays(filters.to, 1), zone) } });
  if (filters.user) {
    // Entries about a user name the user, or one of their credit entries, attempts or
    // certificates; each of those is an indexed (targetType, targetId) lookup.
    const userId = filters.user;
    const [entries, attempts, certificates, requests] = await Promise.all([
      db.creditEntry.findMany({ where: { userId }, select: { id: true } }),
      db.quizAttempt.findMany({ where: { userId }, select: { id: true } }),
      db.certificate.findMany({ where: { userId }, select: { id: true } }),
      db.certificateRequest.findMany({ where: { userId }, select: { id: true } }),
    ]);
    const ids = (rows: { id: string }[]) => ({ in: rows.map((r) => r.id) });
    and.push({
      OR: [
        { actorId: userId },
        { targetType: "user", targetId: userId },
        { targetType: "credit-entry", targetId: ids(entries) },
        { targetType: "quiz-attempt", targetId: ids(attempts) },
        { targetType: "certificate", targetId: ids(certificates) },
        { targetType: "certificate-request", targetId: ids(requests) },
      ],
    });
  }
  return and.length > 0 ? { AND: and } : {};
}

const NEWEST_FIRST: Prisma.AuditLogOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];

export async function listAudit({
  adminId,
  timeZone = "UTC",
  pageSize = AUDIT_PAGE_SIZE,
  ...filters
}: TAuditFilters & { adminId: string; timeZone?: string; pageSize?: number }): Promise<TAuditList> {
  await assertAdmin(adminId);
  const where = await whereFor(filters, timeZone);
  const total = await db.auditLog.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(filters.page) || 1), pageCount);
  const rows = await db.auditLog.findMany({ where, orderBy: NEWEST_FIRST, skip: (page - 1) * pageSize, take: pageSize, select: AUDIT_SELECT });
  return { rows: rows.map(toRow), total, page, pageCount, pageSize };
}

/** The distinct actions and target types, for the filter menus. */
export async function auditFilterOptions({ adminId }: { adminId: string }): Promise<{ actions: string[]; targetTypes: string[] }> {
  await assertAdmin(adminId);
  const [actions, targetTypes] = await Promise.all([selectDistinctAuditValues(db, "action"), selectDistinctAuditValues(db, "targetType")]);
  return { actions, targetTypes };
}

export const AUDIT_CSV_HEADER = ["ID", "When (UTC)", "Actor email", "Actor name", "Action", "Target type", "Target ID", "User ID", "Data (JSON)"] as const;

function auditCsvCells(row: TAuditRow): TCsvValue[] {
  return [row.id, row.createdAt, row.actor?.email ?? null, row.actor?.name ?? null, row.action, row.targetType, row.targetId, row.subjectUserId, JSON.stringify(row.data)];
}

/** The filtered log, newest first, as CSV (keyset on createdAt, id). */
export async function streamAuditCsv({
  adminId,
  timeZone = "UTC",
  filters,
  pageSize,
}: {
  adminId: string;
  timeZone?: string;
  filters: Omit<TAuditFilters, "page">;
  pageSize?: number;
}): Promise<ReadableStream<Uint8Array>> {
  await assertAdmin(adminId);
  const where = await whereFor(filters, timeZone);
  return streamCsv<TSelected, { createdAt: Date; id: bigint }>({
    header: AUDIT_CSV_HEADER,
    fetchPage: (after, limit) =>
      db.auditLog.findMany({
        // The `lte` bound is implied by the OR, but only it can be an index condition: without it
        // every page walked the index from the newest row down (docs/performance.md, "Data at scale").
        where: after ? { AND: [where, { createdAt: { lte: after.createdAt } }, { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }] } : where,
        orderBy: NEWEST_FIRST,
        take: limit,
        select: AUDIT_SELECT,
      }),
    cursorOf: (row) => ({ createdAt: row.createdAt, id: row.id }),
    toCells: (row) => auditCsvCells(toRow(row)),
    pageSize,
  });
}
