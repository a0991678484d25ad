import { spawn } from "node:child_process";
import net from "node:net";
import { expect, test } from "vitest";

// `npm start` must fail fast with one clear line (no stack trace) on bad configuration.
function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stderr, stdout }));
  });
}

function errorLines(stderr: string) {
  return stderr.split("\n").filter((l) => l.trim());
}

test("an unreachable DATABASE_URL prints one clear line and exits 1", async () => {
  const r = await start({ DATABASE_URL: "postgresql://nobody@127.0.0.1:1/x", PORT: "3417" });
  expect(r.code).toBe(1);
  expect(errorLines(r.stderr)).toEqual(["✖ cannot reach PostgreSQL at 127.0.0.1:1 (connection refused): start the server or fix DATABASE_URL"]);
});

test("a DATABASE_URL that is not a postgres URL is named", async () => {
  const r = await start({ DATABASE_URL: "mysql://root@localhost/x", PORT: "3418" });
  expect(r.code).toBe(1);
  expect(errorLines(r.stderr)).toHaveLength(1);
  expect(r.stderr).toMatch(/DATABASE_URL must be a postgresql:\/\/ connection URL/);
});

test("production without its secrets refuses to start", async () => {
  const r = await start({ APP_MODE: "production", DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/postgres", NEXTAUTH_SECRET: "", PORT: "3419" });
  expect(r.code).toBe(1);
  expect(errorLines(r.stderr)).toHaveLength(1);
  expect(r.stderr).toMatch(/NEXTAUTH_SECRET .*required when APP_MODE=production|NEXTAUTH_SECRET must be at least 32/);
});

test.each([
  ["missing", "there is no production build: run npm run build, then npm start"],
  ["stale", "the production build is older than the sources: run npm run build, then npm start"],
])("production never builds on the fly: a %s build is refused with the instruction", async (state, message) => {
  const { mkdtempSync, writeFileSync } = await import("node:fs");
  const os = await import("node:os");
  const path = await import("node:path");
  const dist = mkdtempSync(path.join(os.tmpdir(), "start-build-"));
  if (state === "stale") writeFileSync(path.join(dist, "BUILD_ID"), "old");
  const secrets = { NEXTAUTH_SECRET: "x".repeat(32), NEXTAUTH_URL: "https://ce.example.com", SMTP_URL: "smtp://mail.example.com", SIGNING_KEY_PEM: "pem" };
  const r = await start({ APP_MODE: "production", ...secrets, NEXT_DIST_DIR: dist, DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/postgres", PORT: "3422" });
  expect(r.code).toBe(1);
  expect(errorLines(r.stderr)).toEqual([`✖ ${message} (in production the app is never built on the fly)`]);
  expect(r.stdout).not.toMatch(/Building the app/);
});

test("a typo in a number setting is named, not read as NaN", async () => {
  const r = await start({ DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/postgres", TRUSTED_PROXY_HOPS: "1x", PORT: "3423" });
  expect(r.code).toBe(1);
  expect(errorLines(r.stderr)).toEqual(["✖ TRUSTED_PROXY_HOPS must be a whole number from 0 to 10"]);
});

test("a port in use is reported with the fix", async () => {
  const blocker = net.createServer().listen(3420, "0.0.0.0");
  await new Promise((r) => blocker.once("listening", r));
  try {
    const r = await start({ DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/postgres", PORT: "3420" });
    expect(r.code).toBe(1);
    expect(errorLines(r.stderr)).toEqual(["✖ port 3420 is already in use: stop whatever uses it or start with PORT=<another port> npm start"]);
  } finally {
    blocker.close();
  }
});

test("npm start runs the content check before syncing: a lesson with an unknown component never reaches the database", async () => {
  const { cpSync, mkdtempSync, readFileSync, writeFileSync } = await import("node:fs");
  const os = await import("node:os");
  const path = await import("node:path");
  const { db } = await import("@/lib/db");
  const root = mkdtempSync(path.join(os.tmpdir(), "start-content-"));
  cpSync(path.resolve("e2e/fixtures/content/courses/warm-up-basics"), path.join(root, "courses/warm-up-basics"), { recursive: true });
  const lesson = path.join(root, "courses/warm-up-basics/lessons/02-planning-the-sequence.mdx");
  writeFileSync(lesson, readFileSync(lesson, "utf8").replace("<ExerciseCard ", "<ExerciseTile "));
  const line = readFileSync(lesson, "utf8").split("\n").findIndex((l) => l.includes("<ExerciseTile")) + 1;

  const r = await start({ DATABASE_URL: process.env.DATABASE_URL!, CONTENT_DIR: root, EXTRA_CONTENT_DIR: "", PORT: "3421" });
  expect(r.code).toBe(1);
  expect(r.stdout).toContain(`${lesson}:${line} [components] <ExerciseTile> is not a lesson component`);
  expect(errorLines(r.stderr)).toEqual([expect.stringMatching(/^✖ content check failed: fix the problems above/)]);
  expect(await db.course.count()).toBe(0);
}, 120_000);
