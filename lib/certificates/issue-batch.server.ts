import "server-only";
import { assertAdmin } from "@/lib/auth/assert-admin.server";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { issueCertificate } from "@/lib/certificates/issue-certificate.server";
import { formatCec } from "@/lib/credits/cec-amount";
import { type TCertifyingBody, ZCertifyingBody } from "@/lib/credits/certifying-bodies";
import { db } from "@/lib/db";
import { AppError, isDatabaseUnavailable } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

import { escapeLike, readSearchText } from "@/lib/text/safe-text";

/*
 * Bulk issuing. A batch is a row (IssueBatch) plus the requests assigned to it (batchId), so its
 * progress lives in PostgreSQL and survives a reload, a second tab or a restarted instance.
 *
 * Each request is issued in its own short transaction by issueCertificate, which is idempotent per
 * request: however many runners overlap, nothing is issued twice. To keep runners from
 * overlapping at all, one holds a lease: IssueBatch.finishedAt doubles as the heartbeat while the
 * batch is RUNNING (and is the finish time once it is DONE/FAILED). A runner takes the lease with
 * a compare-and-set (heartbeat missing or older than STALL_SECONDS), renews it after every chunk
 * with another compare-and-set on the value it last wrote, and stops as soon as a renewal fails.
 * Times come from the database clock, so instances with drifting clocks agree.
 *
 * Counters are derived from the requests themselves (done = assigned and ISSUED; failed = total
 * minus done minus still pending), never incremented, so an overlap cannot double-count. A request
 * that cannot be issued (credit reversed, no passing attempt, …) is released from the batch back to
 * the queue, with the reason recorded in the audit log for the progress panel.
 */

export const MAX_BATCH_REQUESTS = 1000;
export const STALL_SECONDS = 30;
const CHUNK_SIZE = 25;
const CONCURRENCY = 4;
const FAILURES_SHOWN = 20;

export type TBatchStatus = {
  id: string;
  status: "RUNNING" | "DONE" | "FAILED";
  total: number;
  done: number;
  failed: number;
  createdAt: string;
  /** Set once the batch is no longer running. */
  finishedAt: string | null;
  /** RUNNING with no heartbeat for STALL_SECONDS: nobody is working on it. */
  stalled: boolean;
  failures: { requestId: string; trainerName: string | null; courseTitle: string | null; message: string }[];
};

// ---------------------------------------------------------------------------------------------
// Start

export async function startIssueBatch({ adminId, requestIds }: { adminId: string; requestIds: string[] }): Promise<{ batchId: string; total: number; skipped: number }> {
  const ids = [...new Set(requestIds)];
  if (ids.length === 0) throw new AppError("UNPROCESSABLE", "Select at least one request to issue.");
  if (ids.length > MAX_BATCH_REQUESTS) throw new AppError("UNPROCESSABLE", `A batch can hold at most ${MAX_BATCH_REQUESTS} requests.`);
  return db.$transaction(
    async (tx) => {
      await assertAdmin(adminId, tx);
      // Batch starts are serialized so two admins selecting the same rows cannot both claim them.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('certificate-issue-batch-start'))`;
      const batch = await tx.issueBatch.create({ data: { createdById: adminId, total: 0 }, select: { id: true } });
      // Only waiting requests that no running batch holds; a finished batch's leftovers may move.
      const claimed = await tx.certificateRequest.updateMany({
        where: { id: { in: ids }, status: "PENDING", OR: [{ batchId: null }, { batch: { status: { not: "RUNNING" } } }] },
        data: { batchId: batch.id },
      });
      if (claimed.count === 0) throw new AppError("CONFLICT", "None of the selected requests is waiting to be issued (already issued, dismissed or in another running batch).");
      await tx.issueBatch.update({ where: { id: batch.id }, data: { total: claimed.count } });
      await recordAudit(tx, {
        actorId: adminId,
        action: "certificate.batch-start",
        targetType: "issue-batch",
        targetId: batch.id,
        data: { total: claimed.count, skipped: ids.length - claimed.count },
      });
      return { batchId: batch.id, total: claimed.count, skipped: ids.length - claimed.count };
    },
    { timeout: 15_000, maxWait: 10_000 },
  );
}

// ---------------------------------------------------------------------------------------------
// Run (resumable)

/** Takes the lease when nobody holds a live one; returns the token (heartbeat in epoch ms). */
async function acquireLease(batchId: string): Promise<string | null> {
  const rows = await db.$queryRaw<{ lease: string }[]>`
    UPDATE "IssueBatch" SET "finishedAt" = (clock_timestamp() AT TIME ZONE 'UTC')
    WHERE id = ${batchId} AND status = 'RUNNING'
      AND ("finishedAt" IS NULL OR "finishedAt" < (clock_timestamp() AT TIME ZONE 'UTC') - ${STALL_SECONDS}::int * interval '1 second')
    RETURNING (extract(epoch FROM "finishedAt") * 1000)::bigint::text AS lease`;
  return rows[0]?.lease ?? null;
}

/**
 * Renews the lease and refreshes the counters in one compare-and-set; with `finish`, also ends the
 * batch. Returns the new token, or null when another runner has taken over.
 */
async function heartbeat(batchId: string, lease: string, finish: boolean): Promise<string | null> {
  const rows = await db.$queryRaw<{ lease: string }[]>`
    WITH c AS (
      SELECT count(*) FILTER (WHERE status = 'ISSUED')::int AS done,
             count(*) FILTER (WHERE status = 'PENDING')::int AS pending
      FROM "CertificateRequest" WHERE "batchId" = ${batchId}
    )
    UPDATE "IssueBatch" b
    SET "finishedAt" = (clock_timestamp() AT TIME ZONE 'UTC'),
        done = c.done,
        failed = GREATEST(0, b.total - c.done - c.pending),
        status = CASE WHEN ${finish}::boolean
                      THEN (CASE WHEN c.done = 0 AND b.total > 0 THEN 'FAILED' ELSE 'DONE' END)::"BatchStatus"
                      ELSE b.status END
    FROM c
    WHERE b.id = ${batchId} AND b.status = 'RUNNING'
      AND (extract(epoch FROM b."finishedAt") * 1000)::bigint = ${lease}::bigint
    RETURNING (extract(epoch FROM b."finishedAt") * 1000)::bigint::text AS lease`;
  return rows[0]?.lease ?? null;
}

async function releaseFailed(batchId: string, requestId: string, error: unknown, actorId: string): Promise<void> {
  const message = error instanceof AppError ? error.message : "Unexpected error while issuing; see the server log.";
  if (!(error instanceof AppError)) console.error("certificate batch item failed", { batchId, requestId, error });
  await db.$transaction(async (tx) => {
    const released = await tx.certificateRequest.updateMany({ where: { id: requestId, batchId, status: "PENDING" }, data: { batchId: null } });
    if (released.count === 0) return;
    await recordAudit(tx, { actorId, action: "certificate.batch-item-failed", targetType: "issue-batch", targetId: batchId, data: { requestId, message } });
  });
}

async function eachWithConcurrency<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(workers);
}

export type TRunResult = { ran: boolean; status: TBatchStatus["status"] | null };

/**
 * Works through a batch until every assigned request is issued or released. Safe to call any
 * number of times from anywhere: without the lease it returns at once ({ ran: false }).
 */
export async function runIssueBatch(batchId: string): Promise<TRunResult> {
  const batch = await db.issueBatch.findUnique({ where: { id: batchId }, select: { createdById: true } });
  if (!batch) throw new AppError("NOT_FOUND", "That batch does not exist.");
  let lease = await acquireLease(batchId);
  if (!lease) return { ran: false, status: null };

  for (;;) {
    const pending = await db.certificateRequest.findMany({
      where: { batchId, status: "PENDING" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: CHUNK_SIZE,
      select: { id: true },
    });
    if (pending.length === 0) {
      const finished = await heartbeat(batchId, lease, true);
      if (!finished) return { ran: true, status: null };
      const { status } = await db.issueBatch.findUniqueOrThrow({ where: { id: batchId }, select: { status: true } });
      return { ran: true, status };
    }
    await eachWithConcurrency(pending, CONCURRENCY, async ({ id }) => {
      try {
        await issueCertificate({ requestId: id, adminId: batch.createdById });
      } catch (error) {
        // An outage ends this run with the request still assigned; the next resume retries it.
        if (isDatabaseUnavailable(error)) throw error;
        await releaseFailed(batchId, id, error, batch.createdById);
      }
    });
    const renewed = await heartbeat(batchId, lease, false);
    if (!renewed) return { ran: true, status: null }; // another runner took over; it finishes the job
    lease = renewed;
  }
}

// ---------------------------------------------------------------------------------------------
// Status

export async function getBatchStatus(batchId: string, adminId: string): Promise<TBatchStatus> {
  await assertAdmin(adminId);
  const [row] = await db.$queryRaw<
    { id: string; status: TBatchStatus["status"]; total: number; done: number; failed: number; createdAt: Date; finishedAt: Date | null; stalled: boolean }[]
  >`
    SELECT id, status::text AS status, total, done, failed, "createdAt", "finishedAt",
      (status = 'RUNNING' AND COALESCE("finishedAt", "createdAt") < (clock_timestamp() AT TIME ZONE 'UTC') - ${STALL_SECONDS}::int * interval '1 second') AS stalled
    FROM "IssueBatch" WHERE id = ${batchId}`;
  if (!row) throw new AppError("NOT_FOUND", "That batch does not exist.");
  let { done, failed } = row;
  if (row.status === "RUNNING") {
    // Live counts between heartbeats, by the same rule the runner stores.
    const [live] = await db.$queryRaw<{ done: number; pending: number }[]>`
      SELECT count(*) FILTER (WHERE status = 'ISSUED')::int AS done, count(*) FILTER (WHERE status = 'PENDING')::int AS pending
      FROM "CertificateRequest" WHERE "batchId" = ${batchId}`;
    done = live.done;
    failed = Math.max(0, row.total - live.done - live.pending);
  }
  const failureRows = failed
    ? await db.auditLog.findMany({
        where: { targetType: "issue-batch", targetId: batchId, action: "certificate.batch-item-failed" },
        orderBy: { id: "desc" },
        take: FAILURES_SHOWN,
        select: { data: true },
      })
    : [];
  const failures = failureRows.map((f) => {
    const data = (f.data ?? {}) as { requestId?: unknown; message?: unknown };
    return { requestId: String(data.requestId ?? ""), message: String(data.message ?? "Could not be issued.") };
  });
  const named = failures.length
    ? await db.certificateRequest.findMany({
        where: { id: { in: failures.map((f) => f.requestId) } },
        select: { id: true, user: { select: { name: true } }, course: { select: { title: true } } },
      })
    : [];
  const byId = new Map(named.map((r) => [r.id, r]));
  return {
    id: row.id,
    status: row.status,
    total: row.total,
    done,
    failed,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.status === "RUNNING" || !row.finishedAt ? null : row.finishedAt.toISOString(),
    stalled: row.stalled,
    failures: failures.map((f) => ({ ...f, trainerName: byId.get(f.requestId)?.user.name ?? null, courseTitle: byId.get(f.requestId)?.course.title ?? null })),
  };
}

// ---------------------------------------------------------------------------------------------
// The queue the admin page shows

export const QUEUE_PAGE_SIZE = 50;

export type TQueueFilters = { courseId?: string; body?: TCertifyingBody; q?: string; page?: number };

export type TQueueRow = {
  requestId: string;
  requestedAt: string;
  trainerName: string;
  email: string;
  certifyingBody: TCertifyingBody | null;
  certificationNumber: string | null;
  courseTitle: string;
  credit: string | null;
  scorePercent: number | null;
  /** Why it cannot be issued as things stand, if so (shown instead of a checkbox). */
  blocker: string | null;
  inRunningBatch: boolean;
};

export type TQueue = { rows: TQueueRow[]; total: number; page: number; pageCount: number; pageSize: number; matchingIds: string[]; matchingCapped: boolean };

export function parseQueueFilters(input: { course?: string; body?: string; q?: string; page?: number }): TQueueFilters {
  const body = ZCertifyingBody.safeParse(input.body);
  return {
    courseId: input.course && /^[A-Za-z0-9_-]{1,64}$/.test(input.course) ? input.course : undefined,
    body: body.success ? body.data : undefined,
    q: readSearchText(input.q),
    page: input.page,
  };
}

/** Waiting requests, oldest first, with every id that matches the filters (for "select all"). */
export async function listCertificateQueue(filters: TQueueFilters, adminId: string): Promise<TQueue> {
  await assertAdmin(adminId);
  const where: Prisma.CertificateRequestWhereInput = {
    status: "PENDING",
    ...(filters.courseId ? { courseId: filters.courseId } : {}),
    ...(filters.body || filters.q
      ? {
          user: {
            ...(filters.body ? { profile: { is: { certifyingBody: filters.body } } } : {}),
            ...(filters.q
              ? {
                  OR: [
                    { name: { contains: escapeLike(filters.q), mode: "insensitive" as const } },
                    { email: { contains: escapeLike(filters.q), mode: "insensitive" as const } },
                    { profile: { is: { certificationNumber: { contains: escapeLike(filters.q), mode: "insensitive" as const } } } },
                  ],
                }
              : {}),
          },
        }
      : {}),
  };
  const orderBy: Prisma.CertificateRequestOrderByWithRelationInput[] = [{ createdAt: "asc" }, { id: "asc" }];
  const [total, matching] = await Promise.all([
    db.certificateRequest.count({ where }),
    db.certificateRequest.findMany({ where, orderBy, take: MAX_BATCH_REQUESTS, select: { id: true } }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(filters.page ?? 1) || 1), pageCount);
  const requests = await db.certificateRequest.findMany({
    where,
    orderBy,
    skip: (page - 1) * QUEUE_PAGE_SIZE,
    take: QUEUE_PAGE_SIZE,
    select: {
      id: true,
      userId: true,
      courseId: true,
      createdAt: true,
      batch: { select: { status: true } },
      course: { select: { title: true } },
      user: { select: { name: true, email: true, profile: { select: { certifyingBody: true, certificationNumber: true } } } },
    },
  });
  const awards = requests.length
    ? await db.creditEntry.findMany({
        where: { kind: "AWARD", OR: requests.map((r) => ({ userId: r.userId, awardCourseId: r.courseId })) },
        select: {
          userId: true,
          awardCourseId: true,
          amountHundredths: true,
          reversedBy: { select: { id: true } },
          attempt: { select: { passed: true, scorePercent: true } },
        },
      })
    : [];
  const awardFor = new Map(awards.map((a) => [`${a.userId}|${a.awardCourseId}`, a]));
  // A completion without an approval for the trainer's body has no award but is certified all the
  // same, with contact hours and no credit figure (docs/decisions/007).
  const completions = requests.length
    ? await db.courseCompletion.findMany({ where: { OR: requests.map((r) => ({ userId: r.userId, courseId: r.courseId })) }, select: { userId: true, courseId: true, scorePercent: true } })
    : [];
  const completionFor = new Map(completions.map((c) => [`${c.userId}|${c.courseId}`, c]));
  return {
    rows: requests.map((r) => {
      const award = awardFor.get(`${r.userId}|${r.courseId}`);
      const completion = completionFor.get(`${r.userId}|${r.courseId}`);
      const blocker = !award && !completion
        ? "No credit awarded"
        : award?.reversedBy
          ? "Credit reversed"
          : award && !award.attempt?.passed
            ? "No passed final assessment"
            : !r.user.profile
              ? "No certification details"
              : null;
      return {
        requestId: r.id,
        requestedAt: r.createdAt.toISOString(),
        trainerName: r.user.name,
        email: r.user.email,
        certifyingBody: r.user.profile?.certifyingBody ?? null,
        certificationNumber: r.user.profile?.certificationNumber ?? null,
        courseTitle: r.course.title,
        credit: award ? formatCec(award.amountHundredths) : completion ? formatCec(0) : null,
        scorePercent: award?.attempt?.scorePercent ?? completion?.scorePercent ?? null,
        blocker,
        inRunningBatch: r.batch?.status === "RUNNING",
      };
    }),
    total,
    page,
    pageCount,
    pageSize: QUEUE_PAGE_SIZE,
    matchingIds: matching.map((m) => m.id),
    matchingCapped: total > MAX_BATCH_REQUESTS,
  };
}

export type TCourseIssueSetting = { id: string; title: string; autoIssue: boolean; pending: number; archived: boolean };

/** Every course with its auto-issue switch and how many requests wait for it. */
export async function listCourseIssueSettings(adminId: string): Promise<TCourseIssueSetting[]> {
  await assertAdmin(adminId);
  const [courses, pending] = await Promise.all([
    db.course.findMany({ orderBy: [{ sortOrder: "asc" }, { title: "asc" }], select: { id: true, title: true, autoIssue: true, archivedAt: true } }),
    db.certificateRequest.groupBy({ by: ["courseId"], where: { status: "PENDING" }, _count: { _all: true } }),
  ]);
  const waiting = new Map(pending.map((p) => [p.courseId, p._count._all]));
  return courses.map((c) => ({ id: c.id, title: c.title, autoIssue: c.autoIssue, pending: waiting.get(c.id) ?? 0, archived: c.archivedAt !== null }));
}
