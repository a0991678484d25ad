import path from "node:path";
import pg from "pg";
import { canConnect, startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrateDatabase, readMigrationFiles } from "@/lib/db/migrate";

// Where tests make their databases: TEST_PG_ADMIN_URL (set by scripts/test.ts), else the server
// DATABASE_URL names, else the PostgreSQL every machine runs on 127.0.0.1:5432, else an embedded one.
export async function resolveTestServer(): Promise<{ adminUrl: string; stop?: () => Promise<void> }> {
  if (process.env.TEST_PG_ADMIN_URL) return { adminUrl: process.env.TEST_PG_ADMIN_URL };
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = "/postgres";
    return { adminUrl: url.toString() };
  }
  if (await canConnect(5432)) return { adminUrl: "postgresql://postgres@127.0.0.1:5432/postgres" };
  const embedded = await startEmbeddedPostgres({
    dataDir: path.resolve(".data/test-pg"),
    password: "backbone-test",
    preferredPort: 55432,
    persistent: false,
  });
  return { adminUrl: embedded.adminUrl, stop: embedded.stop };
}

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A migrated template database named after the migrations' checksums: each test database is a
 * cheap copy of it (CREATE DATABASE ... TEMPLATE), so files never share state.
 */
export async function ensureTemplateDatabase(adminUrl: string): Promise<string> {
  const files = await readMigrationFiles();
  const { createHash } = await import("node:crypto");
  const digest = createHash("sha256").update(files.map((f) => f.checksum).join()).digest("hex").slice(0, 12);
  const name = `backbone_tmpl_${digest}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount) return name;
    // Build under a scratch name and rename, so a concurrent run never copies a half-migrated template.
    const scratch = `${name}_${process.pid}_${Date.now()}`;
    await client.query(`CREATE DATABASE "${scratch}"`);
    await migrateDatabase({ connectionString: databaseUrl(adminUrl, scratch) });
    try {
      await client.query(`ALTER DATABASE "${scratch}" RENAME TO "${name}"`);
    } catch {
      await client.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
    }
    return name;
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(adminUrl: string, options: { template?: string; prefix?: string } = {}) {
  const name = `${options.prefix ?? "bt"}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"${options.template ? ` TEMPLATE "${options.template}"` : ""}`);
  return {
    name,
    url: databaseUrl(adminUrl, name),
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
