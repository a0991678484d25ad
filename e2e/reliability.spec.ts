import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { createPrismaClient } from "@/lib/db/client";
import { findFreePort, startEmbeddedPostgres, type TEmbeddedPostgres } from "@/lib/db/embedded";
import { migrateDatabase } from "@/lib/db/migrate";
import { sessionCookieValue } from "./fixtures";
import { E2E_SECRET } from "./e2e-env";

// Real failures, not mocks: a PostgreSQL of our own (so killing it harms nobody else), two app
// instances of the production build on it, and a load of quiz submissions while the database is
// killed with an immediate shutdown and started again.

test.describe.configure({ mode: "serial", timeout: 240_000 });

let database: TEmbeddedPostgres;
let url: string;
const servers: ChildProcess[] = [];
const bases: string[] = [];

async function waitHealthy(base: string, want: number, timeoutMs = 60_000) {
  const started = Date.now();
  for (;;) {
    const status = await fetch(`${base}/api/health`).then((r) => r.status, () => 0);
    if (status === want) return;
    if (Date.now() - started > timeoutMs) throw new Error(`${base}/api/health never returned ${want} (last ${status})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

test.beforeAll(async () => {
  // A scratch cluster: clear what an interrupted earlier run may have left behind.
  const dataDir = path.resolve(".data/reliability-pg");
  try {
    process.kill(Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]), "SIGKILL");
  } catch {}
  rmSync(dataDir, { recursive: true, force: true });
  database = await startEmbeddedPostgres({ dataDir, password: "reliability", preferredPort: 56432, persistent: false });
  const admin = new pg.Client({ connectionString: database.adminUrl });
  await admin.connect();
  await admin.query('CREATE DATABASE "backbone"');
  await admin.end();
  url = database.urlFor("backbone");
  await migrateDatabase({ connectionString: url });
  // The sync holds answer keys, so it is server-only: run it as the npm script does.
  const sync = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/content-sync.ts"], {
    env: { ...process.env, DATABASE_URL: url, EXTRA_CONTENT_DIR: path.resolve("e2e/fixtures/content") },
    encoding: "utf8",
  });
  expect(sync.status, sync.stderr).toBe(0);
  for (let i = 0; i < 2; i++) {
    const port = await findFreePort(3600 + i * 10);
    const base = `http://127.0.0.1:${port}`;
    servers.push(
      spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
        env: {
          ...process.env,
          NODE_ENV: "production",
          NEXT_DIST_DIR: ".next-e2e",
          DATABASE_URL: url,
          NEXTAUTH_SECRET: E2E_SECRET,
          NEXTAUTH_URL: base,
          APP_MODE: "demo",
          PORT: String(port),
          HOSTNAME: "127.0.0.1",
          EXTRA_CONTENT_DIR: path.resolve("e2e/fixtures/content"),
        },
        stdio: process.env.RELIABILITY_DEBUG ? "inherit" : "ignore",
      }),
    );
    bases.push(base);
  }
  for (const base of bases) await waitHealthy(base, 200);
});

test.afterAll(async () => {
  for (const s of servers) s.kill("SIGTERM");
  // stop() waits for the server process to exit, which never comes if the test left it killed.
  await Promise.race([database?.stop().catch(() => {}), new Promise((r) => setTimeout(r, 5_000))]);
});

test("killing PostgreSQL mid-load loses no acknowledged submission and grades none twice; two instances act as one", async () => {
  // Users live in the reliability database, made through the same seed helper as everywhere.
  const db = createPrismaClient(url, { max: 4 });
  const { createUser, recordObservedTime } = await import("@/prisma/seed-helpers");
  const { hashPassword } = await import("@/lib/auth/password");
  const hash = await hashPassword("reliability-password");
  const clients: { cookie: string; attemptId: string; key: string; base: string }[] = [];
  for (let i = 0; i < 40; i++) {
    const user = await createUser(
      db,
      { email: `rel-${i}@example.test`, name: `Reliable ${i}`, password: "x", profile: { certificationNumber: `R-${i}`, firstCertifiedOn: "2024-01-01" } },
      hash,
    );
    // The final opens once every lesson is complete: evidence rows, then the lessons completed.
    await recordObservedTime(db, { userId: user.id, courseSlug: "fixture-course" });
    await db.lessonProgress.updateMany({ where: { userId: user.id }, data: { completedAt: new Date(), completedRevision: 1 } });
    const cookie = `next-auth.session-token=${await sessionCookieValue({ ...user, role: "TRAINER" })}`;
    const base = bases[i % 2];
    const res = await fetch(`${base}/api/quiz/attempts`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ course: "fixture-course", quiz: "final" }) });
    expect(res.status).toBe(200);
    const { attemptId } = (await res.json()) as { attemptId: string };
    clients.push({ cookie, attemptId, key: `rel-key-${i}-abcdef`, base });
  }
  const answers = { "fx-single": { type: "single", optionId: "blue" }, "fx-true-false": { type: "true-false", value: true }, "fx-numeric": { type: "numeric", value: 2 } };
  const acknowledged = new Map<string, unknown>();
  const statuses: number[] = [];
  const unexpected: string[] = []; // bodies of answers other than 200/503, shown if the check below fails
  const submit = async (c: (typeof clients)[number], base = c.base) => {
    const res = await fetch(`${base}/api/quiz/attempts/${c.attemptId}/submit`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: c.cookie },
      body: JSON.stringify({ idempotencyKey: c.key, answers, attest: true }),
    }).catch(() => null);
    statuses.push(res?.status ?? 0);
    if (res && res.status !== 200 && res.status !== 503) unexpected.push(`${res.status}: ${await res.clone().text()}`);
    if (res?.status === 200) acknowledged.set(c.attemptId, await res.json());
    return res?.status ?? 0;
  };

  // Submit the first half, then kill the database while the rest are in flight.
  await Promise.all(clients.slice(0, 20).map((c) => submit(c)));
  const inFlight = Promise.all(clients.slice(20).map((c, i) => new Promise((r) => setTimeout(r, i * 15)).then(() => submit(c))));
  const postmasterPid = Number(readFileSync(path.join(database.dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  process.kill(postmasterPid, "SIGQUIT"); // = pg_ctl stop -m immediate
  await inFlight;

  // While it is down, health says so (on both instances), and nothing is acknowledged.
  for (const base of bases) {
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(503);
    expect(((await health.json()) as { reason: string }).reason).toMatch(/unreachable|did not answer/);
  }
  expect(statuses.filter((s) => s !== 200 && s !== 503 && s !== 0), `statuses: ${statuses.join(",")}; ${unexpected.join("; ")}`).toEqual([]);
  expect(statuses).not.toContain(500);
  expect(statuses.filter((s) => s !== 200).length).toBeGreaterThan(0); // the outage really hit the load

  await database.start();
  for (const base of bases) await waitHealthy(base, 200); // recovered without restarting the app

  // Clients retry whatever was not acknowledged, each on the other instance, with the same key.
  for (const c of clients) if (!acknowledged.has(c.attemptId)) expect(await submit(c, bases[(bases.indexOf(c.base) + 1) % 2])).toBe(200);
  // A retry of an acknowledged submission returns the same response from either instance.
  const sample = clients[0];
  const again = await fetch(`${bases[1]}/api/quiz/attempts/${sample.attemptId}/submit`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: sample.cookie },
    body: JSON.stringify({ idempotencyKey: sample.key, answers, attest: true }),
  });
  expect(await again.json()).toEqual(acknowledged.get(sample.attemptId));

  const ids = clients.map((c) => c.attemptId);
  const graded = await db.quizAttempt.count({ where: { id: { in: ids }, status: "GRADED", scorePercent: 100 } });
  expect(graded).toBe(clients.length);
  const grades = await db.auditLog.groupBy({ by: ["targetId"], where: { action: "quiz.grade", targetId: { in: ids } }, _count: { _all: true } });
  expect(grades).toHaveLength(clients.length);
  expect(grades.every((g) => g._count._all === 1)).toBe(true);
  await db.$disconnect();
});
