import "server-only";
import { recordAudit } from "@/lib/audit/record-audit.server";
import type { TBatchStatus } from "@/lib/certificates/get-batch-status.server";
import { acquireBatchLease, renewBatchLease } from "@/lib/certificates/issue-batch.sql.server";
import { issueCertificate } from "@/lib/certificates/issue-certificate.server";
import { db } from "@/lib/db";
import { AppError, isDatabaseUnavailable } from "@/lib/errors";

// Working through a batch (start-issue-batch.server.ts explains the lease and the counters).

const CHUNK_SIZE = 25;
const CONCURRENCY = 4;

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
  let lease = await acquireBatchLease(batchId);
  if (!lease) return { ran: false, status: null };

  for (;;) {
    const pending = await db.certificateRequest.findMany({
      where: { batchId, status: "PENDING" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: CHUNK_SIZE,
      select: { id: true },
    });
    if (pending.length === 0) {
      const finished = await renewBatchLease(batchId, lease, true);
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
    const renewed = await renewBatchLease(batchId, lease, false);
    if (!renewed) return { ran: true, status: null }; // another runner took over; it finishes the job
    lease = renewed;
  }
}
