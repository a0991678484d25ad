import { spawn } from "node:child_process";
import { cp, mkdtemp, mkdir, writeFile, appendFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, test } from "vitest";
import { createTestDatabase } from "@/tests/pg-server";
import { checksumOf, DEFAULT_MIGRATIONS_DIR, migrateDatabase, readMigrationFiles } from "./migrate";

const adminUrl = inject("pgAdminUrl");
const drops: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const drop of drops) await drop();
});

async function emptyDatabase() {
  const db = await createTestDatabase(adminUrl, { prefix: "bt_migrate" });
  drops.push(db.drop);
  return db;
}

async function appliedRows(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const res = await client.query(
      `SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    return res.rows;
  } finally {
    await client.end();
  }
}

function runMigrateProcess(url: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/db-migrate.ts"], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("close", (code) => resolve({ code, output }));
  });
}

describe("migrateDatabase", () => {
  test("applies every migration once and records it as Prisma does", async () => {
    const db = await emptyDatabase();
    const files = await readMigrationFiles();
    const first = await migrateDatabase({ connectionString: db.url });
    expect(first.applied).toEqual(files.map((f) => f.name));
    const again = await migrateDatabase({ connectionString: db.url });
    expect(again.applied).toEqual([]);
    const rows = await appliedRows(db.url);
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    for (const [i, row] of rows.entries()) {
      expect(row.checksum).toBe(checksumOf(files[i].sql));
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
      expect(row.rolled_back_at).toBeNull();
    }
  });

  test("two db:migrate processes started together both exit 0 and apply each migration once", async () => {
    const db = await emptyDatabase();
    const [a, b] = await Promise.all([runMigrateProcess(db.url), runMigrateProcess(db.url)]);
    expect(a.code, a.output).toBe(0);
    expect(b.code, b.output).toBe(0);
    const files = await readMigrationFiles();
    const rows = await appliedRows(db.url);
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
  });

  test("refuses with a clear message when an applied migration file was edited", async () => {
    const db = await emptyDatabase();
    const dir = await mkdtemp(path.join(os.tmpdir(), "migrations-"));
    await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
    await migrateDatabase({ connectionString: db.url, dir });
    const [firstName] = (await readMigrationFiles(dir)).map((f) => f.name);
    await appendFile(path.join(dir, firstName, "migration.sql"), "\n-- edited\n");
    await expect(migrateDatabase({ connectionString: db.url, dir })).rejects.toThrow(/was edited after it was applied/);
  });

  test("a failing migration is rolled back whole and not recorded", async () => {
    const db = await emptyDatabase();
    const dir = await mkdtemp(path.join(os.tmpdir(), "migrations-"));
    await mkdir(path.join(dir, "20200101000000_good"));
    await writeFile(path.join(dir, "20200101000000_good", "migration.sql"), "CREATE TABLE good (id int);");
    await mkdir(path.join(dir, "20200102000000_bad"));
    await writeFile(path.join(dir, "20200102000000_bad", "migration.sql"), "CREATE TABLE half (id int);\nSELECT nonsense FROM nowhere;");
    await expect(migrateDatabase({ connectionString: db.url, dir })).rejects.toThrow(/20200102000000_bad failed and was rolled back/);
    const rows = await appliedRows(db.url);
    expect(rows.map((r) => r.migration_name)).toEqual(["20200101000000_good"]);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const half = await client.query(`SELECT to_regclass('half') AS t`);
    await client.end();
    expect(half.rows[0].t).toBeNull();
  });

  test("the ledger and audit log refuse updates and deletes", async () => {
    const db = await emptyDatabase();
    await migrateDatabase({ connectionString: db.url });
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query(`INSERT INTO "AuditLog" (action, "targetType") VALUES ('test.action', 'test')`);
      await expect(client.query(`UPDATE "AuditLog" SET action = 'changed'`)).rejects.toThrow(/append-only/);
      await expect(client.query(`DELETE FROM "AuditLog"`)).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
  });
});
