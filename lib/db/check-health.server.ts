import "server-only";
import { db } from "@/lib/db";
import { compareMigrations, readMigrationFiles, type TMigrationFile } from "@/lib/db/migrate";
import { selectAppliedMigrations, type TAppliedMigrationRow } from "@/lib/db/migrations.sql.server";

export type THealth = { ok: true; migrations: number } | { ok: false; reason: string };

let filesPromise: Promise<TMigrationFile[]> | undefined;

/** Database reachable and every migration applied; answers within a few seconds even when it is down. */
export async function checkHealth(timeoutMs = 3_000): Promise<THealth> {
  filesPromise ??= readMigrationFiles();
  const check = (async (): Promise<THealth> => {
    let rows: TAppliedMigrationRow[];
    try {
      rows = await selectAppliedMigrations(db);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/_prisma_migrations/.test(message) && /does not exist/.test(message)) return { ok: false, reason: "database is not migrated: run npm run db:migrate" };
      return { ok: false, reason: "database unreachable" };
    }
    const status = compareMigrations(await filesPromise!, rows);
    if (status.problems.length) return { ok: false, reason: status.problems[0] };
    if (status.pending.length) return { ok: false, reason: `${status.pending.length} migration(s) pending: run npm run db:migrate` };
    return { ok: true, migrations: status.applied.length };
  })();
  const timeout = new Promise<THealth>((resolve) => setTimeout(() => resolve({ ok: false, reason: "database did not answer in time" }), timeoutMs).unref());
  return Promise.race([check, timeout]);
}
