import "server-only";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { assertAdmin } from "@/lib/auth/assert-admin.server";
import { lockBatchStarts } from "@/lib/certificates/issue-batch.sql.server";
import { MAX_BATCH_REQUESTS } from "@/lib/certificates/issue-batch-limits";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

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

export async function startIssueBatch({ adminId, requestIds }: { adminId: string; requestIds: string[] }): Promise<{ batchId: string; total: number; skipped: number }> {
  const ids = [...new Set(requestIds)];
  if (ids.length === 0) throw new AppError("UNPROCESSABLE", "Select at least one request to issue.");
  if (ids.length > MAX_BATCH_REQUESTS) throw new AppError("UNPROCESSABLE", `A batch can hold at most ${MAX_BATCH_REQUESTS} requests.`);
  return db.$transaction(
    async (tx) => {
      await assertAdmin(adminId, tx);
      // Batch starts are serialized so two admins selecting the same rows cannot both claim them.
      await lockBatchStarts(tx);
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
