import "server-only";
import type { TSqlClient } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

// Raw because it is a loose index scan: a recursive CTE that probes the index once per distinct
// value, instead of DISTINCT (Prisma's `distinct`) over the whole audit table, which only grows.

type TAuditColumn = "action" | "targetType";

// Identifiers cannot be bound parameters; only these two fixed fragments ever reach the SQL.
const COLUMN: Record<TAuditColumn, Prisma.Sql> = { action: Prisma.sql`action`, targetType: Prisma.sql`"targetType"` };

type TValueRow = { v: string };

/** The distinct values of `column` in the audit log, in order (at most 200). */
export async function selectDistinctAuditValues(client: TSqlClient, column: TAuditColumn): Promise<string[]> {
  const c = COLUMN[column];
  const rows = await client.$queryRaw<TValueRow[]>`WITH RECURSIVE t(v) AS (
      SELECT min(${c}) FROM "AuditLog"
      UNION ALL SELECT (SELECT min(${c}) FROM "AuditLog" WHERE ${c} > t.v) FROM t WHERE t.v IS NOT NULL
    ) SELECT v FROM t WHERE v IS NOT NULL LIMIT 200`;
  return rows.map((r) => r.v);
}
