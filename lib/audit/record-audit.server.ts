import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

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
  await tx.$executeRaw`${auditInsert(entry)}`;
}

/**
 * The audit INSERT as SQL, for a caller that writes it in the same statement as the change it
 * records (a data-modifying CTE); with `onlyIf`, the row is written only when that condition
 * (for example `EXISTS (SELECT 1 FROM graded)`) holds.
 */
export function auditInsert(entry: TAuditEntry, onlyIf?: Prisma.Sql): Prisma.Sql {
  const row = Prisma.sql`${entry.actorId}, ${entry.action}, ${entry.targetType}, ${entry.targetId ?? null}, ${JSON.stringify(entry.data ?? {})}::jsonb`;
  return onlyIf
    ? Prisma.sql`INSERT INTO "AuditLog" ("actorId", action, "targetType", "targetId", data) SELECT ${row} WHERE ${onlyIf}`
    : Prisma.sql`INSERT INTO "AuditLog" ("actorId", action, "targetType", "targetId", data) VALUES (${row})`;
}
