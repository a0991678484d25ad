import "server-only";
import { assertAdmin } from "@/lib/auth/assert-admin.server";
import { countBatchRequests, findBatchRow, type TBatchRow } from "@/lib/certificates/issue-batch.sql.server";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

const FAILURES_SHOWN = 20;

export type TBatchStatus = Omit<TBatchRow, "createdAt" | "finishedAt"> & {
  createdAt: string;
  /** Set once the batch is no longer running. */
  finishedAt: string | null;
  failures: { requestId: string; trainerName: string | null; courseTitle: string | null; message: string }[];
};

export async function getBatchStatus(batchId: string, adminId: string): Promise<TBatchStatus> {
  await assertAdmin(adminId);
  const row = await findBatchRow(batchId);
  if (!row) throw new AppError("NOT_FOUND", "That batch does not exist.");
  let { done, failed } = row;
  if (row.status === "RUNNING") {
    // Live counts between heartbeats, by the same rule the runner stores.
    const live = await countBatchRequests(batchId);
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
