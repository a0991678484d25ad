import "server-only";
import { STALL_SECONDS } from "@/lib/certificates/issue-batch-limits";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

// Raw because Prisma cannot say these: an advisory lock, a lease taken and renewed with compare-and-set
// on the database clock (IssueBatch.finishedAt doubles as the heartbeat while RUNNING; see
// start-issue-batch.server.ts), counters derived in the same UPDATE, and "stalled" computed on the
// database clock so instances with drifting clocks agree.

/** Serializes batch starts, so two admins selecting the same rows cannot both claim them. */
export async function lockBatchStarts(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('certificate-issue-batch-start'))`;
}

/** Takes the lease when nobody holds a live one; returns the token (heartbeat in epoch ms) or null. */
export async function acquireBatchLease(batchId: string): Promise<string | null> {
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
export async function renewBatchLease(batchId: string, lease: string, finish: boolean): Promise<string | null> {
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

export type TBatchRow = {
  id: string;
  status: "RUNNING" | "DONE" | "FAILED";
  total: number;
  done: number;
  failed: number;
  createdAt: Date;
  finishedAt: Date | null;
  /** RUNNING with no heartbeat for STALL_SECONDS, by the database clock. */
  stalled: boolean;
};

export async function findBatchRow(batchId: string): Promise<TBatchRow | null> {
  const [row] = await db.$queryRaw<TBatchRow[]>`
    SELECT id, status::text AS status, total, done, failed, "createdAt", "finishedAt",
      (status = 'RUNNING' AND COALESCE("finishedAt", "createdAt") < (clock_timestamp() AT TIME ZONE 'UTC') - ${STALL_SECONDS}::int * interval '1 second') AS stalled
    FROM "IssueBatch" WHERE id = ${batchId}`;
  return row ?? null;
}

/** Live counts between heartbeats, by the same rule renewBatchLease stores. */
export async function countBatchRequests(batchId: string): Promise<{ done: number; pending: number }> {
  const [live] = await db.$queryRaw<{ done: number; pending: number }[]>`
    SELECT count(*) FILTER (WHERE status = 'ISSUED')::int AS done, count(*) FILTER (WHERE status = 'PENDING')::int AS pending
    FROM "CertificateRequest" WHERE "batchId" = ${batchId}`;
  return live;
}
