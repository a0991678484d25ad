import "server-only";
import type { TCompletionEvidence } from "@/lib/credits/award-course-credit.server";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertAdmin } from "./authorize.server";
import { PROVIDER_RECORD_CSV_HEADER, providerRecordCells, recordWindow, type TProviderRecord, type TProviderRecordFilters } from "./provider-records";
import { streamCsv } from "./stream-csv.server";

// Reads the append-only completion records (CourseCompletion) for the provider-records page and
// its CSV. Admins only, checked here whoever calls.

const SELECT = {
  id: true,
  courseRevision: true,
  courseVersion: true,
  certifyingBody: true,
  certificationNumber: true,
  providerNumber: true,
  approvalNumber: true,
  contactMinutes: true,
  creditHundredths: true,
  scorePercent: true,
  attestedAt: true,
  startedAt: true,
  completedAt: true,
  evidence: true,
  user: { select: { name: true, email: true } },
  course: { select: { slug: true, title: true } },
} satisfies Prisma.CourseCompletionSelect;

type TRow = Prisma.CourseCompletionGetPayload<{ select: typeof SELECT }>;
type TCursor = { completedAt: Date; id: string };

function toRecord(row: TRow): TProviderRecord {
  const evidence = (row.evidence ?? {}) as Partial<TCompletionEvidence>;
  return {
    id: row.id,
    trainerName: row.user.name,
    trainerEmail: row.user.email,
    certifyingBody: row.certifyingBody,
    certificationNumber: row.certificationNumber,
    courseSlug: row.course.slug,
    courseTitle: row.course.title,
    courseVersion: row.courseVersion,
    courseRevision: row.courseRevision,
    providerNumber: row.providerNumber,
    approvalNumber: row.approvalNumber,
    contactMinutes: row.contactMinutes,
    creditHundredths: row.creditHundredths,
    scorePercent: row.scorePercent,
    attemptNumber: evidence.attemptNumber ?? null,
    attestedAt: row.attestedAt,
    startedAt: row.startedAt,
    completedAt: row.completedAt,
    lessons: (evidence.lessons ?? []).map((l) => ({ slug: l.slug, observedSeconds: l.observedSeconds, requiredSeconds: l.requiredSeconds, completedAt: l.completedAt })),
    creditNote: evidence.creditNote ?? null,
  };
}

function whereFor(filters: TProviderRecordFilters, cursor: TCursor | null): Prisma.CourseCompletionWhereInput {
  const window = recordWindow(filters);
  return {
    ...(filters.course ? { course: { slug: filters.course } } : {}),
    ...(window.gte || window.lt ? { completedAt: window } : {}),
    // Keyset: after the last row of the previous page, in (completedAt, id) order. The `gte` bound
    // is implied by the OR, but only it can be an index condition on (completedAt, id): without it
    // each page walked the index from the first completion (docs/performance.md, "Data at scale").
    ...(cursor ? { AND: [{ completedAt: { gte: cursor.completedAt } }, { OR: [{ completedAt: { gt: cursor.completedAt } }, { completedAt: cursor.completedAt, id: { gt: cursor.id } }] }] } : {}),
  };
}

async function fetchPage(filters: TProviderRecordFilters, cursor: TCursor | null, limit: number): Promise<TProviderRecord[]> {
  const rows = await db.courseCompletion.findMany({ where: whereFor(filters, cursor), orderBy: [{ completedAt: "asc" }, { id: "asc" }], take: limit, select: SELECT });
  return rows.map(toRecord);
}

export const PROVIDER_RECORDS_PAGE_SIZE = 100;

/** The first rows for the page (oldest first), with the total matching. */
export async function listProviderRecords({ adminId, filters }: { adminId: string; filters: TProviderRecordFilters }): Promise<{ rows: TProviderRecord[]; total: number }> {
  await assertAdmin(adminId);
  const [rows, total] = await Promise.all([fetchPage(filters, null, PROVIDER_RECORDS_PAGE_SIZE), db.courseCompletion.count({ where: whereFor(filters, null) })]);
  return { rows, total };
}

/** Courses that can be filtered on: every course, archived ones too (their records are kept). */
export async function listRecordCourses({ adminId }: { adminId: string }): Promise<{ slug: string; title: string }[]> {
  await assertAdmin(adminId);
  return db.course.findMany({ orderBy: [{ sortOrder: "asc" }, { slug: "asc" }], select: { slug: true, title: true } });
}

/** Every matching record as CSV, streamed a page at a time. */
export async function streamProviderRecordsCsv({ adminId, filters, pageSize }: { adminId: string; filters: TProviderRecordFilters; pageSize?: number }): Promise<ReadableStream<Uint8Array>> {
  await assertAdmin(adminId);
  if (filters.course && !(await db.course.findUnique({ where: { slug: filters.course }, select: { id: true } }))) {
    throw new AppError("NOT_FOUND", `There is no course "${filters.course}".`);
  }
  return streamCsv<TProviderRecord, TCursor>({
    header: PROVIDER_RECORD_CSV_HEADER,
    fetchPage: (cursor, limit) => fetchPage(filters, cursor, limit),
    cursorOf: (r) => ({ completedAt: r.completedAt, id: r.id }),
    toCells: providerRecordCells,
    pageSize,
  });
}
