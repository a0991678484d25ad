import { cp, mkdtemp, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, expect, inject, test } from "vitest";
import { DEFAULT_MIGRATIONS_DIR, migrateDatabase } from "@/lib/db/migrate";
import { createTestDatabase } from "@/tests/pg-server";

// The certifications migration on a database holding single-profile trainers from before it:
// every profile becomes a certification field for field, every ledger entry is tied to the
// certification of its own body, and credit under a body the trainer has left stays with a
// retired certification of that body.

const MIGRATION = "20261129173500_certifications_reminders";
const drops: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const drop of drops) await drop();
});

test("existing single profiles migrate without loss", async () => {
  const database = await createTestDatabase(inject("pgAdminUrl"), { prefix: "bt_certmig" });
  drops.push(database.drop);
  // The migrations before this one, alone in a folder.
  const before = await mkdtemp(path.join(os.tmpdir(), "certmig-"));
  // ...and the same folder with this one added, so exactly this migration runs on the old data
  // (later migrations exist and are applied on top at the end).
  const through = await mkdtemp(path.join(os.tmpdir(), "certmig-through-"));
  const all = (await readdir(DEFAULT_MIGRATIONS_DIR)).filter((n) => /^\d{14}_/.test(n));
  for (const name of all.filter((n) => n <= MIGRATION)) {
    if (name < MIGRATION) await cp(path.join(DEFAULT_MIGRATIONS_DIR, name), path.join(before, name), { recursive: true });
    await cp(path.join(DEFAULT_MIGRATIONS_DIR, name), path.join(through, name), { recursive: true });
  }
  await migrateDatabase({ connectionString: database.url, dir: before });

  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const q = (sql: string, params: unknown[] = []) => client.query(sql, params);
    for (const [id, created] of [
      ["u-nfpt", "2024-01-10"],
      ["u-switched", "2023-05-01"],
      ["u-none", "2024-02-01"],
    ]) {
      await q(`INSERT INTO "User" (id, email, name, "passwordHash", "createdAt", "updatedAt") VALUES ($1, $2, $1, 'x', $3, now())`, [id, `${id}@example.test`, created]);
    }
    await q(
      `INSERT INTO "TrainerProfile" ("userId", "certifyingBody", "certificationNumber", "firstCertifiedOn", "certificationExpiresOn", "updatedAt") VALUES
       ('u-nfpt', 'NFPT', 'NFPT-100', '2024-01-15', '2025-01-15', now()),
       ('u-switched', 'ACE', 'ACE-200', '2025-02-01', NULL, now())`,
    );
    await q(`INSERT INTO "Course" (id, slug, title, summary, version, "contentHash", "contactMinutes", "updatedAt") VALUES ('course-1', 'c1', 'C1', 's', '1', 'h', 120, now())`);
    await q(
      `INSERT INTO "CreditEntry" (id, "userId", kind, "amountHundredths", "certifyingBody", "courseId", "awardCourseId", "occurredAt") VALUES
       ('e1', 'u-nfpt', 'AWARD', 40, 'NFPT', 'course-1', 'course-1', '2024-06-01'),
       ('e2', 'u-switched', 'AWARD', 40, 'NFPT', 'course-1', 'course-1', '2023-09-01')`,
    );
    await q(`INSERT INTO "CreditEntry" (id, "userId", kind, "amountHundredths", "certifyingBody", reason, "occurredAt") VALUES ('e3', 'u-switched', 'ADJUSTMENT', 15, 'ACE', 'x', '2025-03-01')`);

    const { applied } = await migrateDatabase({ connectionString: database.url, dir: through });
    expect(applied).toEqual([MIGRATION]);

    const certs = await q(
      `SELECT "userId", "certifyingBody", "certificationNumber", to_char("firstCertifiedOn", 'YYYY-MM-DD') AS first, to_char("expiresOn", 'YYYY-MM-DD') AS expires, "retiredAt" IS NOT NULL AS retired
       FROM "Certification" ORDER BY "userId", "certifyingBody"`,
    );
    expect(certs.rows).toEqual([
      { userId: "u-nfpt", certifyingBody: "NFPT", certificationNumber: "NFPT-100", first: "2024-01-15", expires: "2025-01-15", retired: false },
      { userId: "u-switched", certifyingBody: "NFPT", certificationNumber: "not recorded", first: "2023-09-01", expires: null, retired: true },
      { userId: "u-switched", certifyingBody: "ACE", certificationNumber: "ACE-200", first: "2025-02-01", expires: null, retired: false },
    ]);
    const entries = await q(`SELECT e.id, c."certifyingBody", c."retiredAt" IS NOT NULL AS retired FROM "CreditEntry" e JOIN "Certification" c ON c.id = e."certificationId" ORDER BY e.id`);
    expect(entries.rows).toEqual([
      { id: "e1", certifyingBody: "NFPT", retired: false },
      { id: "e2", certifyingBody: "NFPT", retired: true }, // old NFPT credit stays NFPT's
      { id: "e3", certifyingBody: "ACE", retired: false },
    ]);
    // The profiles themselves are untouched, and the ledger is append-only again.
    expect((await q(`SELECT count(*)::int AS n FROM "TrainerProfile"`)).rows[0].n).toBe(2);
    await expect(q(`UPDATE "CreditEntry" SET reason = 'edited' WHERE id = 'e3'`)).rejects.toThrow(/append-only/);
    // "Once, ever" now per certification: a second award of course-1 to u-nfpt's certification is refused.
    await expect(
      q(`INSERT INTO "CreditEntry" (id, "userId", kind, "amountHundredths", "certifyingBody", "courseId", "awardCourseId") VALUES ('e4', 'u-nfpt', 'AWARD', 40, 'NFPT', 'course-1', 'course-1')`),
    ).rejects.toThrow(/CreditEntry_certificationId_awardCourseId_key/);
    // The later migrations apply on top of the migrated data.
    const later = await migrateDatabase({ connectionString: database.url });
    expect(later.applied).toEqual(all.filter((n) => n > MIGRATION).sort());
  } finally {
    await client.end();
  }
});
