import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { snapshotFromDatabase } from "@/lib/content/content-snapshot.server";
import { syncContent } from "@/lib/content/sync-content.server";
import { createPrismaClient } from "@/lib/db/client";
import { isPortFree } from "@/lib/db/embedded";
import { MigrationError, migrateDatabase } from "@/lib/db/migrate";
import { parseEnv } from "@/lib/env";
import { DEMO_ADMIN, DEMO_TRAINER, seedDemoAccounts } from "@/prisma/seed-helpers";
import { buildApp, buildState } from "./lib/build-app";
import { runContentCheck } from "./lib/content-check-runner";
import { DATA_DIR, fail, loadLocalSecrets, openDatabase, StartupError, step, type TDatabase } from "./lib/runtime";
import { serverNodeArgs } from "./lib/server-node-args";

// `npm start`: one command from a fresh clone to a running site. Each step prints progress;
// Ctrl-C or SIGTERM stops Next and the embedded PostgreSQL cleanly.
//
// The build rule: the demo (no APP_MODE, no NODE_ENV=production: `npm ci && npm start` on a fresh
// clone) builds the app when the build is missing or older than the sources. Production
// (APP_MODE=production or NODE_ENV=production) never builds on the fly: it refuses with the
// instruction to run `npm run build`, so a deploy never starts with a minute-long build, an
// unreviewed compile on the server, or a site that is down while it builds.
const TOTAL = 6;
const ROOT = process.cwd();
// Run compiled (dist/scripts/start.mjs, what npm start does) the children are compiled too; run
// through tsx (npm run dev, tests, the bench) they are the TypeScript sources.
const COMPILED = fileURLToPath(import.meta.url).endsWith(".mjs");
function scriptCommand(name: string, nodeArgs: string[] = []): string[] {
  return COMPILED ? [...nodeArgs, path.join(ROOT, "dist/scripts", `${name}.mjs`)] : [...nodeArgs, "--import", "tsx", path.join(ROOT, "scripts", `${name}.ts`)];
}
let database: TDatabase | undefined;
let server: ChildProcess | undefined;
let scheduler: ChildProcess | undefined;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  process.stdout.write("\nStopping…\n");
  if (scheduler && scheduler.exitCode === null) scheduler.kill("SIGTERM");
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  }
  await database?.stop().catch(() => {});
  process.exit(code);
}

async function waitForServer(url: string, timeoutMs = 60_000): Promise<boolean> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (server?.exitCode !== null && server?.exitCode !== undefined) return false;
    try {
      const res = await fetch(url);
      if (res.status < 500) return true;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

async function main() {
  const dev = process.argv.includes("--dev");
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  step(1, TOTAL, "Checking configuration");
  const mode = process.env.APP_MODE || (process.env.NODE_ENV === "production" ? "production" : "demo");
  const mayBuild = mode === "demo" && process.env.NODE_ENV !== "production";
  // Telemetry off: a CE site sends nothing about its operators to third parties, and the notice
  // would otherwise greet every first start.
  const childEnv: NodeJS.ProcessEnv = { ...process.env, APP_MODE: mode, NEXT_TELEMETRY_DISABLED: "1" };
  if (mode === "demo") {
    const secrets = loadLocalSecrets();
    childEnv.NEXTAUTH_SECRET ??= secrets.nextauthSecret;
    childEnv.SIGNING_KEY_PEM ??= secrets.signingKeyPem;
  }
  const precheck = parseEnv({ ...childEnv, DATABASE_URL: childEnv.DATABASE_URL || "postgresql://placeholder/db" });
  if (!precheck.ok) throw new StartupError(precheck.message);
  const port = precheck.env.PORT;
  childEnv.PORT = String(port);
  childEnv.NEXTAUTH_URL ||= `http://localhost:${port}`;
  // Production refuses before it touches the database: the fix is a build, not a restart.
  const build = dev ? "current" : buildState();
  if (build !== "current" && !mayBuild) {
    throw new StartupError(
      build === "missing"
        ? "there is no production build: run npm run build, then npm start (in production the app is never built on the fly)"
        : "the production build is older than the sources: run npm run build, then npm start (in production the app is never built on the fly)",
    );
  }
  if (!(await isPortFree(port, "0.0.0.0"))) {
    throw new StartupError(`port ${port} is already in use: stop whatever uses it or start with PORT=<another port> npm start`);
  }

  step(2, TOTAL, process.env.DATABASE_URL ? "Connecting to DATABASE_URL" : "Starting the embedded PostgreSQL");
  database = await openDatabase((line) => console.log(`      ${line}`));
  childEnv.DATABASE_URL = database.url;
  console.log(`      using ${database.describe}`);

  step(3, TOTAL, "Applying migrations");
  const { applied } = await migrateDatabase({ connectionString: database.url, log: (l) => console.log(`      ${l}`) });
  console.log(`      ${applied.length ? `${applied.length} applied` : "up to date"}`);

  const db = createPrismaClient(database.url, { max: 2 });
  try {
    step(4, TOTAL, "Checking and syncing courses from content/");
    // The same check as `npm run content:check`, against what this database holds, so a course
    // the build or the sync would refuse never reaches the database (docs/authoring.md).
    const check = await runContentCheck({ previous: await snapshotFromDatabase(db) });
    for (const line of check.lines) console.log(`      ${line}`);
    if (!check.ok) throw new StartupError("content check failed: fix the problems above (docs/authoring.md explains each rule), then run npm start again");
    const sync = await syncContent(db);
    console.log(
      `      ${sync.courses} course(s), ${sync.lessons} lesson(s), ${sync.changed} change(s)` +
        (sync.retired.length ? `; retired ${sync.retired.join(", ")} (${sync.closedAttempts} open attempt(s) closed)` : ""),
    );
    if (mode === "demo") {
      step(5, TOTAL, "Seeding demo accounts");
      const seeded = await seedDemoAccounts(db);
      console.log(`      ${seeded.created ? "created" : "already there"}`);
    } else step(5, TOTAL, "Skipping demo accounts (APP_MODE=production)");
  } finally {
    await db.$disconnect();
  }

  const nextBin = path.join(ROOT, "node_modules/next/dist/bin/next");
  if (dev) {
    step(6, TOTAL, "Starting the development server");
    server = spawn(process.execPath, [nextBin, "dev", "-p", String(port)], { env: { ...childEnv, NODE_ENV: "development" }, stdio: "inherit" });
  } else {
    if (build !== "current") {
      step(6, TOTAL, "Building the app (demo: first run or sources changed; about a minute)");
      if ((await buildApp(childEnv)) !== 0) throw new StartupError("the production build failed (see the output above)");
    } else step(6, TOTAL, "Using the existing production build");
    server = spawn(process.execPath, scriptCommand("serve", serverNodeArgs({ WEB_HEAP_MB: precheck.env.WEB_HEAP_MB, NODE_OPTIONS: process.env.NODE_OPTIONS })), {
      env: { ...childEnv, NODE_ENV: "production" },
      stdio: ["ignore", "inherit", "inherit"],
    });
  }
  server.on("exit", (code, signal) => {
    // Ctrl-C reaches the whole process group, so the server may stop before our own handler runs.
    if (!stopping && (signal || code === 0)) void shutdown(0);
    else if (!stopping) {
      process.stderr.write(`\n✖ the web server exited (code ${code})\n`);
      void shutdown(1);
    }
  });
  const url = `http://localhost:${port}`;
  if (!(await waitForServer(`${url}/api/health`, dev ? 120_000 : 60_000))) throw new StartupError("the web server did not start (see the output above)");

  // Renewal reminders and notice mail: every instance may run this; the lease and per-mail claims
  // keep each mail to one send (docs/decisions/013).
  scheduler = spawn(process.execPath, [...scriptCommand("reminders", ["--conditions=react-server"]), "--every", "600"], {
    env: { ...childEnv, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });

  console.log(`\n✔ Backbone CE is running at ${url}`);
  if (mode === "demo") {
    console.log("\n  Demo accounts (APP_MODE=demo):");
    console.log(`    admin    ${DEMO_ADMIN.email}  /  ${DEMO_ADMIN.password}`);
    console.log(`    trainer  ${DEMO_TRAINER.email}  /  ${DEMO_TRAINER.password}`);
    if (!process.env.SMTP_URL) console.log(`\n  Mail goes to the development outbox: ${url}/admin/outbox (stored in the OutboxEmail table)`);
  }
  if (database.embedded) console.log(`\n  Data is kept in ${path.relative(ROOT, DATA_DIR)}/ — stop with Ctrl-C; the next npm start keeps every row.`);
}

main().catch(async (error) => {
  const message =
    error instanceof StartupError || error instanceof MigrationError ? error.message : error instanceof Error ? error.message : String(error);
  await database?.stop().catch(() => {});
  if (server && server.exitCode === null) server.kill("SIGTERM");
  fail(message);
});
