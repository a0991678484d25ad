import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

// Applies Prisma-layout migrations without Prisma's schema engine (which cannot be downloaded
// here). Bookkeeping matches `prisma migrate deploy` (same table, same sha256 checksum, same
// advisory lock key) so either tool can take over from the other.
const PRISMA_ADVISORY_LOCK_KEY = 72707369;
export const DEFAULT_MIGRATIONS_DIR = path.resolve(/*turbopackIgnore: true*/ process.cwd(), "prisma/migrations");

export type TMigrationFile = { name: string; sql: string; checksum: string };
export type TMigrationStatus = { applied: string[]; pending: string[]; problems: string[] };

export class MigrationError extends Error {
  override name = "MigrationError";
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

export async function readMigrationFiles(dir = DEFAULT_MIGRATIONS_DIR): Promise<TMigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: checksumOf(sql) };
    }),
  );
}

type TAppliedRow = { migration_name: string; checksum: string; finished_at: Date | null };

async function readApplied(client: pg.ClientBase): Promise<TAppliedRow[] | null> {
  const exists = await client.query(`SELECT to_regclass('"_prisma_migrations"') AS t`);
  if (!exists.rows[0]?.t) return null;
  const res = await client.query<TAppliedRow>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"
     WHERE rolled_back_at IS NULL ORDER BY started_at`,
  );
  return res.rows;
}

/** Compares the migration files with what the database records, without changing anything. */
export function compareMigrations(files: TMigrationFile[], applied: TAppliedRow[]): TMigrationStatus {
  const problems: string[] = [];
  const done = new Map<string, TAppliedRow>();
  for (const row of applied) {
    if (!row.finished_at) {
      problems.push(`migration ${row.migration_name} started but did not finish; repair it by hand, then mark it rolled back`);
    } else done.set(row.migration_name, row);
  }
  const fileNames = new Set(files.map((f) => f.name));
  for (const name of done.keys()) {
    if (!fileNames.has(name)) problems.push(`migration ${name} is applied but its folder is missing from prisma/migrations`);
  }
  const pending: string[] = [];
  const appliedNames: string[] = [];
  for (const file of files) {
    const row = done.get(file.name);
    if (!row) pending.push(file.name);
    else {
      appliedNames.push(file.name);
      if (row.checksum !== file.checksum) {
        problems.push(
          `migration ${file.name} was edited after it was applied (checksum differs); restore the file and put the change in a new migration`,
        );
      }
    }
  }
  return { applied: appliedNames, pending, problems };
}

/**
 * Applies pending migrations in name order, each in its own transaction, under Prisma's advisory
 * lock so two instances starting at once apply each migration exactly once.
 */
export async function migrateDatabase(options: {
  connectionString: string;
  dir?: string;
  log?: (line: string) => void;
}): Promise<{ applied: string[] }> {
  const log = options.log ?? (() => {});
  const client = new pg.Client({ connectionString: options.connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
    try {
      await client.query(CREATE_TABLE);
      const files = await readMigrationFiles(options.dir);
      const status = compareMigrations(files, (await readApplied(client)) ?? []);
      if (status.problems.length > 0) throw new MigrationError(status.problems.join("; "));
      const applied: string[] = [];
      for (const file of files.filter((f) => status.pending.includes(f.name))) {
        log(`applying migration ${file.name}`);
        await client.query("BEGIN");
        try {
          await client.query(file.sql);
          await client.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
             VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
            [randomUUID(), file.checksum, file.name],
          );
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          const message = error instanceof Error ? error.message : String(error);
          throw new MigrationError(`migration ${file.name} failed and was rolled back: ${message}`);
        }
        applied.push(file.name);
      }
      return { applied };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_KEY]).catch(() => {});
    }
  } finally {
    await client.end();
  }
}
