import "server-only";
import type { TSqlClient } from "@/lib/db/client";

// Raw because `_prisma_migrations` is the migrator's bookkeeping table, not a model in the
// Prisma schema, so the client has no accessor for it.

export type TAppliedMigrationRow = { migration_name: string; checksum: string; finished_at: Date | null };

/** Migrations recorded as applied (rolled-back ones left out). Throws when the table does not exist yet. */
export async function selectAppliedMigrations(client: TSqlClient): Promise<TAppliedMigrationRow[]> {
  return client.$queryRaw<TAppliedMigrationRow[]>`SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`;
}
