import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { seedEarnedRequests } from "@/bench/certificates";
import { createContext, ensureBenchBuild, SECRET } from "@/bench/context";
import { freePort, waitFor } from "@/bench/lib";
import { correctAnswersFor, prepareSubmissions, submitRequest, type TSubmission } from "@/bench/sections/submit";
import { seedCertificate } from "@/bench/sections/verify";
import { syncContent } from "@/lib/content/sync-content.server";
import { createPrismaClient, type TDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { setting } from "@/lib/env";
import { ZQuestion } from "@/lib/quiz/quiz-schema";
import { createUser, recordObservedTime } from "@/prisma/seed-helpers";
import { serverNodeArgs } from "@/scripts/lib/server-node-args";
import { sourceStamp } from "@/scripts/lib/source-stamp";
import { adminQuery, databaseUrl, resolveTestServer } from "@/tests/pg-server";

// `npm run test:topology`: the site as it is deployed past one machine (docs/deploy.md), on real
// parts: three app instances (scripts/serve.ts compiled, production build) behind HAProxy, talking to
// PostgreSQL through PgBouncer in transaction-pooling mode. Through the load balancer it runs a
// trainer's journey, sign-in/sign-out-everywhere, login throttling, the verify rate limit, an
// admin bulk issue and a submission load, and kills one app instance (SIGKILL) mid-load.
// Checks: no acknowledged submission lost or graded twice, the batch finishes with every
// certificate issued once, and shared state (sessions, limits, throttling) behaves as on one
// instance. Configs live in a temporary folder; every port is chosen at run time.

const INSTANCES = 3;
const VERIFY_LIMIT = 30;
const SUBMIT_RATE = 30;
const SUBMIT_SECONDS = 20;
const BATCH = 400;

type TCheck = { name: string; ok: boolean; detail: string };
const checks: TCheck[] = [];
function check(name: string, ok: boolean, detail: string) {
  checks.push({ name, ok, detail });
  console.log(`${ok ? "✓" : "✗"} ${name}: ${detail}`);
}

const children: ChildProcess[] = [];
function start(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  const child = spawn(cmd, args, { env, stdio: ["ignore", "ignore", "pipe"] });
  child.stderr?.on("data", (d: Buffer) => {
    const text = d.toString().trim();
    if (text && process.env.TOPOLOGY_VERBOSE) console.error(`[${name}] ${text}`);
  });
  children.push(child);
  return child;
}

function requireBinary(name: string) {
  const found = ["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"].map((d) => path.join(d, name)).find(existsSync);
  if (!found) {
    console.error(`${name} is not installed: apt-get install -y haproxy pgbouncer (Debian packages), then run again.`);
    process.exit(1);
  }
  return found;
}

/** HTTP through the load balancer; `served` is the instance HAProxy picked (X-Served-By). */
async function call(base: string, pathname: string, init: RequestInit & { cookie?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set("cookie", init.cookie);
  if (init.method && init.method !== "GET") headers.set("origin", base);
  const res = await fetch(`${base}${pathname}`, { ...init, headers, redirect: "manual", signal: AbortSignal.timeout(60_000) });
  return { status: res.status, served: res.headers.get("x-served-by") ?? "?", headers: res.headers, text: await res.text() };
}

/** Signs in through next-auth's credentials endpoint (CSRF token and POST may hit different instances). */
async function signIn(base: string, email: string, password: string): Promise<string | null> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie, origin: base },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  return session ? session.split(";")[0] : null;
}

async function trainerJourney(base: string, db: TDb) {
  const password = "topology-trainer-password";
  const trainer = await createUser(db, {
    email: `topology-${Date.now()}@example.test`,
    name: "Topo Trainer",
    password,
    profile: { certificationNumber: `TOPO-${Date.now()}`, firstCertifiedOn: "2024-01-01" },
  });
  const cookie = await signIn(base, trainer.email, password);
  check("sign-in through the load balancer", cookie !== null, cookie ? "session cookie set" : "no session cookie");
  if (!cookie) return;
  const served = new Set<string>();
  let allOk = true;
  for (let i = 0; i < 6; i++) {
    const r = await call(base, "/dashboard", { cookie });
    served.add(r.served);
    allOk &&= r.status === 200;
  }
  check("one session on every instance", allOk && served.size === INSTANCES, `6 dashboard views answered 200 by ${[...served].join(", ")}`);

  const lessons = await db.lesson.findMany({ where: { course: { slug: "back-care" }, archivedAt: null }, select: { slug: true }, orderBy: { sortOrder: "asc" } });
  // Reading time is evidence the server observes from heartbeats over minutes (docs/decisions/007);
  // the journey writes it the way the e2e fixtures do, then completes each lesson through the API.
  await recordObservedTime(db, { userId: trainer.id, courseSlug: "back-care" });
  let read = 0;
  for (const l of lessons) {
    const page = await call(base, `/courses/back-care/${l.slug}`);
    const done = await call(base, "/api/progress/lesson", { method: "POST", cookie, headers: { "content-type": "application/json" }, body: JSON.stringify({ course: "back-care", lesson: l.slug, percent: 100, complete: true }) });
    if (page.status === 200 && done.status === 200) read++;
  }
  check("lessons read and completed", read === lessons.length, `${read}/${lessons.length}`);
  const started = await call(base, "/api/quiz/attempts", { method: "POST", cookie, headers: { "content-type": "application/json" }, body: JSON.stringify({ course: "back-care", quiz: "final" }) });
  const attemptId = (JSON.parse(started.text) as { attemptId?: string }).attemptId;
  if (!attemptId) {
    check("final assessment started", false, `${started.status} ${started.text.slice(0, 200)}`);
    return;
  }
  const attempt = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { draw: true, quizId: true } });
  const versions = await db.questionVersion.findMany({ where: { question: { quizId: attempt.quizId } }, select: { definition: true } });
  const pool = versions.map((v) => ZQuestion.parse(v.definition));
  const submitted = await call(base, `/api/quiz/attempts/${attemptId}/submit`, {
    method: "POST",
    cookie,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ idempotencyKey: `topo-${attemptId}`, answers: correctAnswersFor(pool, attempt.draw as { questionId: string }[]), attest: true }),
  });
  const passed = submitted.status === 200 && (JSON.parse(submitted.text) as { passed?: boolean }).passed === true;
  check("final assessment passed", passed, `${submitted.status} ${submitted.text.slice(0, 120)}`);
  const award = await db.creditEntry.count({ where: { userId: trainer.id, kind: "AWARD" } });
  const csv = await call(base, "/api/credits/export.csv", { cookie });
  // The course's NFPT approval is 0.25 CEC (content/courses/back-care/course.mdx).
  check("credit awarded once and in the transcript CSV", award === 1 && csv.status === 200 && csv.text.includes("0.25"), `${award} award(s); CSV ${csv.status}`);

  const out = await call(base, "/api/account/sign-out-everywhere", { method: "POST", cookie });
  const after = await Promise.all(Array.from({ length: 6 }, () => call(base, "/api/credits/export.csv", { cookie })));
  check(
    "sign-out-everywhere ends the session on every instance",
    out.status === 200 && after.every((r) => r.status === 401),
    `sign-out ${out.status}; old cookie then got ${after.map((r) => `${r.status}@${r.served}`).join(" ")}`,
  );
}

async function loginThrottling(base: string, db: TDb) {
  const password = "topology-throttle-password";
  const user = await createUser(db, { email: `topology-throttle-${Date.now()}@example.test`, name: "Throttled", password });
  for (let i = 0; i < 10; i++) await signIn(base, user.email, "wrong-password-wrong");
  const cookie = await signIn(base, user.email, password);
  const failures = await db.loginFailure.count({ where: { email: user.email } });
  check(
    "login throttling shared by the instances",
    cookie === null,
    `10 failures spread over the instances, then the right password is ${cookie ? "ACCEPTED" : "refused (locked)"}; ${failures} failures stored in PostgreSQL`,
  );
}

async function verifyRateLimit(base: string, code: string) {
  const statuses: number[] = [];
  const served = new Set<string>();
  for (let i = 0; i < VERIFY_LIMIT + 10; i++) {
    const r = await call(base, `/api/verify/${code}`);
    statuses.push(r.status);
    served.add(r.served);
  }
  const ok = statuses.filter((s) => s === 200).length;
  const limited = statuses.filter((s) => s === 429).length;
  check("verify rate limit counted once across instances", ok === VERIFY_LIMIT && limited === 10, `${ok}×200, ${limited}×429 over ${[...served].join(", ")} (limit ${VERIFY_LIMIT}/min)`);
}

/** One POST on a fresh connection with a hard deadline (a request lost with a killed instance must fail, not hang). */
function post(url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method: "POST", headers: { ...headers, connection: "close" }, agent: false }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => {
        text += c;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      res.on("error", reject);
    });
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    req.on("close", () => clearTimeout(timer));
    req.on("error", reject);
    req.end(body);
  });
}

/** Submissions at a fixed rate; a failed or unanswered one is retried with its idempotency key, as the page does. */
async function submissionLoad(base: string, subs: TSubmission[]) {
  const acknowledged = new Map<string, number>();
  const retried = new Set<string>();
  const failuresSeen: Record<string, number> = {};
  const sendOne = async (s: TSubmission) => {
    const r = submitRequest(s);
    for (let attempt = 0; attempt < 8; attempt++) {
      try {
        const res = await post(`${base}${r.path}`, r.headers, r.body, 20_000);
        if (res.status === 200) {
          acknowledged.set(s.id, (JSON.parse(res.text) as { scorePercent: number }).scorePercent);
          return;
        }
        failuresSeen[res.status] = (failuresSeen[res.status] ?? 0) + 1;
      } catch (error) {
        const key = error instanceof Error ? error.message.slice(0, 40) : "error";
        failuresSeen[key] = (failuresSeen[key] ?? 0) + 1;
      }
      retried.add(s.id);
      await new Promise((r) => setTimeout(r, 1_000 * (attempt + 1)));
    }
  };
  const t0 = performance.now();
  const progress = setInterval(() => console.log(`  … ${acknowledged.size}/${subs.length} acknowledged, ${retried.size} retried ${JSON.stringify(failuresSeen)}`), 10_000);
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < subs.length; i++) {
    const wait = t0 + (i * 1000) / SUBMIT_RATE - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(sendOne(subs[i]));
  }
  await Promise.all(inFlight);
  clearInterval(progress);
  return { acknowledged, retried, failuresSeen };
}

async function main() {
  const haproxy = requireBinary("haproxy");
  const pgbouncer = requireBinary("pgbouncer");
  const server = await resolveTestServer();
  const admin = new URL(server.adminUrl);
  const dbName = `backbone_topology_${process.pid}`;
  await adminQuery(server.adminUrl, `CREATE DATABASE "${dbName}"`);
  const direct = databaseUrl(server.adminUrl, dbName);
  const tmp = mkdtempSync(path.join(os.tmpdir(), "backbone-topology-"));
  const db = createPrismaClient(direct, { max: 4 });
  const started = Date.now();
  try {
    // Migrations take a session-level advisory lock: they run on a direct connection (docs/deploy.md).
    await migrateDatabase({ connectionString: direct });

    // PgBouncer, transaction pooling. It refuses to run as root: drop to the postgres user.
    const [pgbPort, lbPort, ...appPorts] = await Promise.all(Array.from({ length: 2 + INSTANCES }, () => freePort()));
    const user = decodeURIComponent(admin.username || "postgres");
    writeFileSync(path.join(tmp, "userlist.txt"), `"${user}" "${decodeURIComponent(admin.password)}"\n`);
    writeFileSync(
      path.join(tmp, "pgbouncer.ini"),
      [
        "[databases]",
        `${dbName} = host=${admin.hostname} port=${admin.port || 5432} dbname=${dbName}`,
        "[pgbouncer]",
        "listen_addr = 127.0.0.1",
        `listen_port = ${pgbPort}`,
        "unix_socket_dir =",
        `auth_type = ${admin.password ? "plain" : "trust"}`,
        `auth_file = ${path.join(tmp, "userlist.txt")}`,
        "pool_mode = transaction",
        "default_pool_size = 12",
        "max_client_conn = 400",
        "ignore_startup_parameters = extra_float_digits,options",
        `logfile = ${path.join(tmp, "pgbouncer.log")}`,
        `pidfile = ${path.join(tmp, "pgbouncer.pid")}`,
      ].join("\n"),
    );
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      const uid = Number(execFileSync("id", ["-u", "postgres"]).toString());
      const gid = Number(execFileSync("id", ["-g", "postgres"]).toString());
      for (const f of ["", "userlist.txt", "pgbouncer.ini"]) chownSync(path.join(tmp, f), uid, gid);
      chmodSync(tmp, 0o755);
    }
    start("pgbouncer", pgbouncer, [...(asRoot ? ["-u", "postgres"] : []), path.join(tmp, "pgbouncer.ini")]);
    const pooled = `postgresql://${encodeURIComponent(user)}${admin.password ? `:${admin.password}` : ""}@127.0.0.1:${pgbPort}/${dbName}`;
    for (let i = 0; ; i++) {
      const c = new pg.Client({ connectionString: pooled });
      try {
        await c.connect();
        await c.query("SELECT 1");
        await c.end();
        break;
      } catch (error) {
        await c.end().catch(() => {});
        if (i > 50) throw new Error(`PgBouncer did not accept connections: ${error instanceof Error ? error.message : error} (log: ${path.join(tmp, "pgbouncer.log")})`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    // Content sync through the pooler: its advisory lock is transaction-scoped, so this works.
    const pooledDb = createPrismaClient(pooled, { max: 4 });
    await syncContent(pooledDb);
    check("content sync through PgBouncer (transaction-level advisory lock)", true, "synced");

    const base = `http://127.0.0.1:${lbPort}`;
    const { privateKey } = generateKeyPairSync("ed25519");
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: pooled,
      NEXT_DIST_DIR: ".next-bench",
      APP_MODE: "demo",
      NEXTAUTH_SECRET: SECRET,
      NEXTAUTH_URL: base,
      SIGNING_KEY_PEM: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
      HOSTNAME: "127.0.0.1",
      TRUSTED_PROXY_HOPS: "1",
      VERIFY_RATE_LIMIT_PER_MINUTE: String(VERIFY_LIMIT),
      NEXT_TELEMETRY_DISABLED: "1",
    };
    // After `npm test` (CI) the e2e build is current: use it rather than build again.
    const e2eStamp = path.join(".next-e2e", "backbone-build-stamp");
    if (existsSync(path.join(".next-e2e", "BUILD_ID")) && existsSync(e2eStamp) && readFileSync(e2eStamp, "utf8") === sourceStamp(["e2e/fixtures"])) env.NEXT_DIST_DIR = ".next-e2e";
    else env.NEXT_DIST_DIR = await ensureBenchBuild(env);
    console.log(`serving the build in ${env.NEXT_DIST_DIR}`);
    // The compiled server, as production runs it (docs/deploy.md, "Building and installing"), with
    // the heap limit npm start gives every instance (WEB_HEAP_MB; not for the build above).
    execFileSync(process.execPath, ["scripts/compile-scripts.mjs"], { stdio: "inherit" });
    const heap = serverNodeArgs({ WEB_HEAP_MB: setting("WEB_HEAP_MB"), NODE_OPTIONS: process.env.NODE_OPTIONS });
    const apps = appPorts.map((port, i) => start(`app${i + 1}`, process.execPath, [...heap, "dist/scripts/serve.mjs"], { ...env, PORT: String(port) }));
    writeFileSync(
      path.join(tmp, "haproxy.cfg"),
      [
        "global",
        "  maxconn 2000",
        "defaults",
        "  mode http",
        "  timeout connect 2s",
        "  timeout client 60s",
        "  timeout server 60s",
        "  timeout queue 30s",
        // Retry only requests that never reached an instance (connection refused): a request an
        // instance received is never sent twice by the balancer; the client retries with its key.
        "  retries 3",
        "  option redispatch",
        "frontend web",
        `  bind 127.0.0.1:${lbPort}`,
        "  option forwardfor",
        "  default_backend app",
        "backend app",
        "  balance roundrobin",
        "  option httpchk GET /api/health",
        "  http-check expect status 200",
        "  http-response set-header X-Served-By %s",
        // Generous check timeouts: a busy instance is slow, not dead (SIGKILL is found by refused connections).
        "  timeout check 5s",
        // At most 32 requests in flight per instance; more wait in HAProxy's queue, not in the
        // instance's memory (docs/performance.md, peak server memory).
        "  default-server inter 1s fall 3 rise 2 maxconn 32",
        ...appPorts.map((port, i) => `  server app${i + 1} 127.0.0.1:${port} check`),
      ].join("\n").concat("\n"),
    );
    start("haproxy", haproxy, ["-f", path.join(tmp, "haproxy.cfg"), "-db"]);
    for (const port of appPorts) await waitFor(`http://127.0.0.1:${port}/api/health`, 120_000);
    // Until HAProxy's health checks have seen every instance up, round robin skips some.
    for (let i = 0; i < 100; i++) {
      const seen = new Set<string>();
      for (let j = 0; j < INSTANCES * 2; j++) seen.add((await call(base, "/api/health")).served);
      if (seen.size === INSTANCES) break;
      await new Promise((r) => setTimeout(r, 300));
    }
    console.log(`three instances behind HAProxy on ${base}, PgBouncer (transaction pooling) on :${pgbPort}`);

    await trainerJourney(base, db);
    await loginThrottling(base, db);

    const ctx = await createContext(db, direct);
    await verifyRateLimit(base, await seedCertificate(ctx));

    // Bulk issue started on instance 1 directly, which is then killed: another instance must
    // resume the batch (its lease goes stale) and no request may be issued twice.
    const adminUser = await createUser(db, { email: `topology-admin-${Date.now()}@example.test`, name: "Topo Admin", password: "unused", role: "ADMIN" }, "unused-hash");
    const adminCookie = await ctx.sessionCookie(adminUser);
    const requestIds = await seedEarnedRequests(db, BATCH);
    const subs = await prepareSubmissions(ctx, SUBMIT_RATE * SUBMIT_SECONDS);
    const first = `http://127.0.0.1:${appPorts[0]}`;
    // The submission load runs; 3 s in, the batch starts on app1; app1 is killed once it has
    // issued a twentieth of the certificates, with submissions still arriving.
    const loadStarted = Date.now();
    const loading = submissionLoad(base, subs);
    await new Promise((r) => setTimeout(r, 3_000));
    const batchRes = await call(first, "/api/admin/certificates/issue", { method: "POST", cookie: adminCookie, headers: { "content-type": "application/json", origin: base }, body: JSON.stringify({ requestIds }) });
    const batchId = (JSON.parse(batchRes.text) as { batchId?: string }).batchId;
    check("bulk issue accepted", batchRes.status === 202 && Boolean(batchId), `${batchRes.status} ${batchRes.text.slice(0, 120)}`);
    // Kill app1 while its batch is under way (a few certificates in), whatever the machine's speed.
    const issuedCount = () => db.certificateRequest.count({ where: { id: { in: requestIds }, status: "ISSUED" } });
    for (let i = 0; i < 200 && (await issuedCount()) < BATCH / 20; i++) await new Promise((r) => setTimeout(r, 50));
    apps[0].kill("SIGKILL");
    const killedAt = Date.now();
    const issuedAtKill = await issuedCount();
    console.log(`killed app1 (SIGKILL) ${((killedAt - loadStarted) / 1000).toFixed(1)} s into the load, ${issuedAtKill}/${BATCH} certificates issued`);
    const load = await loading;
    const graded = await db.quizAttempt.findMany({ where: { id: { in: subs.map((s) => s.id) } }, select: { id: true, status: true, scorePercent: true } });
    const byId = new Map(graded.map((g) => [g.id, g]));
    const lost = [...load.acknowledged].filter(([id, score]) => byId.get(id)?.status !== "GRADED" || byId.get(id)?.scorePercent !== score);
    const audits = await db.auditLog.groupBy({ by: ["targetId"], where: { action: "quiz.grade", targetId: { in: subs.map((s) => s.id) } }, _count: { _all: true } });
    const twice = audits.filter((a) => a._count._all > 1);
    check(
      "submissions through an instance kill: none lost, none graded twice",
      killedAt > loadStarted && lost.length === 0 && twice.length === 0 && load.acknowledged.size === subs.length,
      `${load.acknowledged.size}/${subs.length} acknowledged (${load.retried.size} needed a retry: ${JSON.stringify(load.failuresSeen)}); ${lost.length} acknowledged but not stored as answered; ${twice.length} graded twice`,
    );

    // The batch: poll through the balancer until it is done (a stalled one is resumed by the poll).
    let status = "";
    let done = 0;
    const resumedBy = new Set<string>();
    const deadline = Date.now() + 180_000;
    while (Date.now() < deadline) {
      const r = await call(base, `/api/admin/certificates/batches/${batchId}`, { cookie: adminCookie });
      const body = JSON.parse(r.text) as { batch?: { status: string; done: number }; resumed?: boolean };
      if (body.resumed) resumedBy.add(r.served);
      status = body.batch?.status ?? `HTTP ${r.status}`;
      done = body.batch?.done ?? 0;
      if (status === "DONE" || status === "FAILED") break;
      await new Promise((r) => setTimeout(r, 2_000));
    }
    const issued = await db.certificate.groupBy({ by: ["userId", "courseId"], where: { request: { id: { in: requestIds } } }, _count: { _all: true } });
    const certificates = await db.certificate.count({ where: { request: { id: { in: requestIds } } } });
    check(
      "bulk issue survives the kill: every request issued exactly once",
      issuedAtKill < BATCH && status === "DONE" && done === BATCH && certificates === BATCH && issued.every((g) => g._count._all === 1),
      `${issuedAtKill}/${BATCH} issued when app1 (running the batch) was killed; ${resumedBy.size ? `resumed by ${[...resumedBy].join(", ")}; ` : ""}batch ${status} ${done}/${BATCH}; ${certificates} certificates for ${BATCH} requests`,
    );
    await pooledDb.$disconnect();
  } finally {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 1_500));
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
    await db.$disconnect();
    const g = globalThis as unknown as { __backboneDb?: { $disconnect: () => Promise<void> } };
    await g.__backboneDb?.$disconnect();
    await adminQuery(server.adminUrl, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => {});
    if (!process.env.TOPOLOGY_KEEP) rmSync(tmp, { recursive: true, force: true });
    await server.stop?.();
  }
  const failed = checks.filter((c) => !c.ok);
  console.log(`\ntopology: ${checks.length - failed.length} passed, ${failed.length} failed in ${Math.round((Date.now() - started) / 1000)} s`);
  process.exit(failed.length ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  for (const c of children) c.kill("SIGKILL");
  process.exit(1);
});
