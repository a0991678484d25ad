import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

type TAuditClient = Pick<Prisma.TransactionClient, "$executeRaw">;

export type TAuditEntry = {
  actorId: string | null;
  action: string; // e.g. "user.disable", "credit.adjust", "certificate.revoke"
  targetType: string;
  targetId?: string | null;
  data?: Record<string, unknown>;
};

/** Written inside the caller's transaction, so the change and its record land together. */
export async function recordAudit(tx: TAuditClient, entry: TAuditEntry): Promise<void> {
  // A plain insert: audit rows are written on hot paths (every graded attempt).
  await tx.$executeRaw`
    INSERT INTO "AuditLog" ("actorId", action, "targetType", "targetId", data)
    VALUES (${entry.actorId}, ${entry.action}, ${entry.targetType}, ${entry.targetId ?? null}, ${JSON.stringify(entry.data ?? {})}::jsonb)`;
}
