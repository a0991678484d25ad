import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

type TAuditClient = Pick<Prisma.TransactionClient, "auditLog">;

export type TAuditEntry = {
  actorId: string | null;
  action: string; // e.g. "user.disable", "credit.adjust", "certificate.revoke"
  targetType: string;
  targetId?: string | null;
  data?: Record<string, unknown>;
};

/** Written inside the caller's transaction, so the change and its record land together. */
export async function recordAudit(tx: TAuditClient, entry: TAuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      // Through JSON text, like the raw insert this replaced: undefined members dropped, dates as ISO strings.
      data: JSON.parse(JSON.stringify(entry.data ?? {})) as Prisma.InputJsonObject,
    },
    select: { id: true },
  });
}
