import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TAuditEntry } from "./record-audit.server";

// Raw because the caller writes the audit row in the same statement as the change it records (a
// data-modifying CTE, so the entry and the change commit or fail together in one round trip),
// which a Prisma create cannot join. Everywhere else, recordAudit (a Prisma create) is the way.

/**
 * The audit INSERT as an SQL fragment; with `onlyIf`, the row is written only when that
 * condition (for example `EXISTS (SELECT 1 FROM graded)`) holds.
 */
export function auditInsert(entry: TAuditEntry, onlyIf?: Prisma.Sql): Prisma.Sql {
  const row = Prisma.sql`${entry.actorId}, ${entry.action}, ${entry.targetType}, ${entry.targetId ?? null}, ${JSON.stringify(entry.data ?? {})}::jsonb`;
  return onlyIf
    ? Prisma.sql`INSERT INTO "AuditLog" ("actorId", action, "targetType", "targetId", data) SELECT ${row} WHERE ${onlyIf}`
    : Prisma.sql`INSERT INTO "AuditLog" ("actorId", action, "targetType", "targetId", data) VALUES (${row})`;
}
