import { type ChildProcess, spawn } from "node:child_process";
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { encode } from "next-auth/jwt";
import { syncContent } from "@/lib/content/sync-content.server";
import { createPrismaClient } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import type { Prisma } from "@/lib/generated/prisma/client";
import { drawQuestions } from "@/lib/quiz/draw-questions";
import { ZQuestion } from "@/lib/quiz/quiz-schema";
import { createUser } from "@/prisma/seed-helpers";
import { sourceStamp } from "@/scripts/lib/source-stamp";
import { adminQuery, databaseUrl, resolveTestServer } from "@/tests/pg-server";
import { load, median, sampleMemory, type TLoad, waitFor } from "./lib";

// `npm run bench`: every figure the issues name, measured in one run on this machine against a
// production build served by scripts/serve.ts. Prints a table and writes bench/results.json.

const PORT = 3300;
const BASE = `http://127.0.0.1:${PORT}`;
const DIST = ".next-bench";
const SECRET = "bench-only-secret-not-for-production-0123456789";
// `npm run bench -- pages submit verify certificates unicode-pdf trainers forgot cold` runs a subset; all by default.
const only = process.argv.slice(2);
const want = (part: string) => only.length === 0 || only.includes(part);
const rows: { figure: string; value: string; target: string; ok: boolean | null }[] = [];
const results: Record<string, unknown> = { measuredAt: new Date().toISOString(), machine: { cpus: (await import("node:os")).cpus().length, node: process.version } };

function record(key: string, figure: string, value: number | string, unit: string, target: string, ok: boolean | null) {
  results[key] = typeof value === "number" ? Math.round(value * 100) / 100 : value;
  rows.push({ figure, value: `${typeof value === "number" ? Math.round(value * 100) / 100 : value}${unit}`, target, ok });
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, stdio: "inherit" });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

async function main() {
  const pg = await resolveTestServer();
  const dbName = "backbone_bench";
  await adminQuery(pg.adminUrl, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await adminQuery(pg.adminUrl, `CREATE DATABASE "${dbName}"`);
  const url = databaseUrl(pg.adminUrl, dbName);
  await migrateDatabase({ connectionString: url });
  const db = createPrismaClient(url, { max: 5 });
  await syncContent(db);

  const { privateKey } = generateKeyPairSync("ed25519");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: url,
    NEXT_DIST_DIR: DIST,
    APP_MODE: "demo",
    NEXTAUTH_SECRET: SECRET,
    NEXTAUTH_URL: BASE,
    SIGNING_KEY_PEM: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    PORT: String(PORT),
    HOSTNAME: "127.0.0.1",
    VERIFY_RATE_LIMIT_PER_MINUTE: "1000000",
    MAIL_RATE_LIMIT_PER_HOUR: "1000000",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const stampFile = path.join(DIST, "backbone-build-stamp");
  const stamp = sourceStamp();
  if (!(existsSync(path.join(DIST, "BUILD_ID")) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp)) {
    console.log("building the app for the benchmark…");
    if ((await run(process.execPath, ["node_modules/next/dist/bin/next", "build"], { ...env, NODE_ENV: "production" })) !== 0) throw new Error("build failed");
    writeFileSync(stampFile, stamp);
  }

  // The 10,000-trainer data set goes in before the server starts, so the admin list can be timed
  // over HTTP as well as in-process.
  if (want("trainers")) {
    const { seedLargeForBench } = await import("./trainers-list");
    await seedLargeForBench(db);
  }
  const server: ChildProcess = spawn(process.execPath, [...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", "--cpu-prof-dir=/tmp/prof"] : []), "--import", "tsx", "scripts/serve.ts"], { env: { ...env, NODE_ENV: "production" }, stdio: "ignore" });
  const memory = sampleMemory(server.pid!);
  try {
    await waitFor(`${BASE}/api/health`, 60_000);
    const lesson = `${BASE}/courses/back-care/trunk-muscles`;
    // Warm both pages so neither measurement pays for the first render, cache fill or JIT.
    for (let i = 0; i < 2; i++) {
      await load({ url: `${BASE}/`, duration: 2 });
      await load({ url: lesson, duration: 2 });
    }

    if (want("pages")) {
    // Two shared cores drift over a run: the two pages are measured in alternating rounds and
    // each figure is the median of its rounds, so a slow spell cannot land on one page only.
    const trivialRounds: number[] = [];
    const lessonRounds: number[] = [];
    for (let round = 0; round < 7; round++) {
      trivialRounds.push((await load({ url: `${BASE}/`, duration: 3 })).rps);
      lessonRounds.push((await load({ url: lesson, duration: 3 })).rps);
    }
    console.log(`pages: trivial ${trivialRounds.join(", ")} req/s; lesson ${lessonRounds.join(", ")} req/s`);
    const trivialRps = median(trivialRounds);
    const lessonRps = median(lessonRounds);
    record("trivialPageRps", "Trivial prerendered page (/)", trivialRps, " req/s", "", null);
    record("lessonPageRps", "Lesson page", lessonRps, " req/s", "", null);
    record("lessonToTrivialRatio", "Lesson / trivial throughput", lessonRps / trivialRps, "×", "≥ 0.8", lessonRps / trivialRps >= 0.8);
    const lessonHtml = await (await fetch(lesson)).text();
    const trivialHtml = await (await fetch(`${BASE}/`)).text();
    record("lessonHtmlKb", "Lesson page HTML (trivial page)", `${(Buffer.byteLength(lessonHtml) / 1024).toFixed(1)} kB (${(Buffer.byteLength(trivialHtml) / 1024).toFixed(1)} kB)`, "", "", null);

    // What a browser downloads: every script the page loads, except `noModule` ones (the legacy
    // polyfills), which browsers that run modules, all the ones we support, never fetch.
    const scripts = [...lessonHtml.matchAll(/<script([^>]+)>/g)].filter((m) => !/\bnoModule\b/i.test(m[1])).flatMap((m) => /\bsrc="([^"]+)"/.exec(m[1])?.[1] ?? []);
    let gz = 0;
    for (const src of new Set(scripts)) gz += gzipSync(Buffer.from(await (await fetch(new URL(src, BASE))).arrayBuffer())).length;
    record("lessonClientJsGzipKb", "Lesson page client JS (gzip)", gz / 1024, " kB", "≤ 120 kB", gz / 1024 <= 120);
    }

    if (want("submit")) {
    // The floor under any route handler on this machine: the same submit route, refused before
    // it does any work (no session cookie: no database, no grading), at the same 50 clients.
    const refused: Parameters<typeof load>[0] = {
      url: `${BASE}/api/quiz/attempts/00000000-0000-4000-8000-000000000000/submit`,
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    };
    await load({ ...refused, duration: 3 }); // warm the route first, as the pages are
    const floor = await load(refused);
    if (floor.non2xx !== floor.requests) throw new Error("the floor measurement expected only 401 answers");
    record("routeFloorRps", "Route handler floor, no work (401), 50 clients", floor.rps, " req/s", "", null);
    record("routeFloorP50Ms", "Route handler floor p50", floor.p50, " ms", "", null);
    record("routeFloorP99Ms", "Route handler floor p99", floor.p99, " ms", "", null);
    const submit = await benchSubmissions(db);
    record("quizSubmitP50Ms", "Quiz submission p50 (50 clients)", submit.p50, " ms", "", null);
    record("quizSubmitP99Ms", "Quiz submission p99 (50 clients)", submit.p99, " ms", "< 100 ms", submit.p99 < 100);
    record("quizSubmitRps", "Quiz submission throughput", submit.rps, " req/s", "", null);
    record("quizSubmitErrors", "Quiz submission errors", submit.errors + submit.non2xx, "", "0", submit.errors + submit.non2xx === 0);
    }

    const verify = want("verify") ? await benchVerify(db) : null;
    if (verify) record("verifyPageRps", "Verify page", verify.rps, " req/s", "", verify.non2xx === 0);

    if (want("trainers")) {
      const admin = await createUser(db, { email: `bench-list-admin-${Date.now()}@example.test`, name: "List Admin", password: "x", role: "ADMIN" }, "unused-hash");
      const cookie = `next-auth.session-token=${await encode({ token: { uid: admin.id, sv: 0, sid: randomUUID(), role: "ADMIN", name: admin.name, email: admin.email, sub: admin.id }, secret: SECRET })}`;
      const someone = await db.trainerProfile.findFirstOrThrow({ orderBy: { certificationNumber: "desc" }, select: { certificationNumber: true } });
      const urls = ["/admin/trainers", `/admin/trainers?q=${encodeURIComponent(someone.certificationNumber)}`, "/admin/trainers?body=NFPT&cycle=behind&sort=due&page=3"];
      const times: number[] = [];
      for (let i = 0; i < 30; i++) {
        for (const u of urls) {
          const t0 = performance.now();
          const res = await fetch(`${BASE}${u}`, { headers: { cookie } });
          await res.text();
          if (res.status !== 200) throw new Error(`${u} answered ${res.status}`);
          times.push(performance.now() - t0);
        }
      }
      const ms = median(times);
      record("trainersListHttpMedianMs", "Admin trainers page over HTTP, 10,000 trainers (median)", ms, " ms", "< 300 ms", ms < 300);
    }
    if (want("forgot")) {
      const { benchForgotPassword } = await import("./forgot-password");
      const r = await benchForgotPassword(db, BASE);
      record("forgotPasswordKnownMedianMs", "Forgot-password, existing account (median of 50)", r.knownMedianMs, " ms", "", null);
      record("forgotPasswordUnknownMedianMs", "Forgot-password, unknown address (median of 50)", r.unknownMedianMs, " ms", "≈ existing", Math.abs(r.knownMedianMs - r.unknownMedianMs) < 2);
    }
    record("peakServerMemoryMb", "Peak server memory under load", memory.stop(), " MB", "", null);
  } finally {
    memory.stop();
    server.kill("SIGTERM");
  }

  if (want("certificates")) await benchOptional("certificates", async () => {
    const { benchCertificates } = await import("./certificates");
    const admin = await createUser(db, { email: `bench-admin-${Date.now()}@example.test`, name: "Bench Admin", password: "bench-password-long", role: "ADMIN" });
    process.env.SIGNING_KEY_PEM = env.SIGNING_KEY_PEM;
    process.env.DATABASE_URL = url;
    const r = await benchCertificates(db, admin.id);
    record("pdfMedianMs", "Certificate PDF generation (median)", r.pdfMedianMs, " ms", "< 150 ms", r.pdfMedianMs < 150);
    record("bulkIssue500Seconds", "Bulk issue of 500 certificates", r.bulk500Seconds, " s", "< 60 s", r.bulk500Seconds < 60);
  });
  if (want("unicode-pdf")) await benchOptional("Unicode certificate PDF", async () => {
    const r = await (await import("./unicode-pdf")).benchUnicodeCertificatePdf();
    record("unicodePdfMedianMs", "Certificate PDF, Vietnamese + Chinese name (median)", r.medianMs, " ms", "< 60 ms", r.medianMs < 60);
    record("unicodePdfBytes", "Certificate PDF size, Vietnamese + Chinese name", r.bytes, " B", "< 250000 B", r.bytes < 250_000);
  });
  if (want("trainers")) await benchOptional("trainers list", async () => {
    const { benchTrainersList } = await import("./trainers-list");
    const r = await benchTrainersList(db, { runs: 30 });
    record("trainersListMedianMs", "Admin trainers list query, 10,000 trainers (median, in-process)", r.medianMs, " ms", "< 300 ms", r.medianMs < 300);
  });
  await db.$disconnect();

  if (want("cold")) {
    const cold = await benchColdStart();
    record("coldStartMs", "Cold npm start (embedded DB, build present) to first page", cold, " ms", "", null);
  }

  await pg.stop?.();
  mkdirSync("bench", { recursive: true });
  // A partial run only updates the figures it measured.
  const previous = only.length && existsSync("bench/results.json") ? (JSON.parse(readFileSync("bench/results.json", "utf8")) as Record<string, unknown>) : {};
  writeFileSync("bench/results.json", `${JSON.stringify({ ...previous, ...results }, null, 2)}\n`);
  const width = Math.max(...rows.map((r) => r.figure.length));
  console.log(`\n${"figure".padEnd(width)}  ${"value".padStart(14)}  target`);
  for (const r of rows) console.log(`${r.figure.padEnd(width)}  ${r.value.padStart(14)}  ${r.target}${r.ok === null ? "" : r.ok ? "  ✓" : "  ✗"}`);
  console.log("\nwritten to bench/results.json");
}

async function benchOptional(name: string, body: () => Promise<void>) {
  try {
    await body();
  } catch (error) {
    console.error(`(${name} benchmark failed: ${error instanceof Error ? error.message : error})`);
    rows.push({ figure: name, value: "failed", target: "", ok: false });
  }
}

/** 50 clients submitting distinct in-progress attempts of the final assessment (grade + record). */
async function benchSubmissions(db: ReturnType<typeof createPrismaClient>): Promise<TLoad> {
  const quiz = await db.quiz.findFirstOrThrow({ where: { course: { slug: "back-care" }, kind: "FINAL" }, select: { id: true, drawCount: true } });
  const versions = await db.questionVersion.findMany({ where: { question: { quizId: quiz.id } }, select: { definition: true } });
  const pool = versions.map((v) => ZQuestion.parse(v.definition));
  const users = [];
  const hash = (await import("@/lib/auth/password")).hashPassword("bench-password-long");
  for (let i = 0; i < 50; i++) {
    users.push(
      await createUser(
        db,
        { email: `bench-${i}-${Date.now()}@example.test`, name: `Bench ${i}`, password: "x", profile: { certificationNumber: `B-${i}`, firstCertifiedOn: "2024-01-01" } },
        await hash,
      ),
    );
  }
  const total = 3000;
  const attempts: { id: string; cookie: string; body: string }[] = [];
  const rowsToInsert: Prisma.QuizAttemptCreateManyInput[] = [];
  const cookies = await Promise.all(users.map((u) => encode({ token: { uid: u.id, sv: 0, sid: randomUUID(), role: u.role, name: u.name, email: u.email, sub: u.id }, secret: SECRET })));
  for (let i = 0; i < total; i++) {
    const u = i % users.length;
    const id = randomUUID();
    const draw = drawQuestions({ questions: pool, draw: quiz.drawCount, seed: id });
    rowsToInsert.push({ id, userId: users[u].id, quizId: quiz.id, number: Math.floor(i / users.length) + 1, draw: draw as unknown as Prisma.InputJsonValue });
    const answers: Record<string, unknown> = {};
    for (const d of draw) {
      const q = pool.find((x) => x.id === d.questionId)!;
      if (q.type === "single") answers[q.id] = { type: "single", optionId: q.answer };
      else if (q.type === "true-false") answers[q.id] = { type: "true-false", value: q.answer };
      else if (q.type === "numeric") answers[q.id] = { type: "numeric", value: q.answer };
      else if (q.type === "multiple") answers[q.id] = { type: "multiple", optionIds: q.answer };
      else if (q.type === "ordering") answers[q.id] = { type: "ordering", itemIds: q.answer };
      else if (q.type === "matching") answers[q.id] = { type: "matching", pairs: q.answer };
    }
    attempts.push({ id, cookie: `next-auth.session-token=${cookies[u]}`, body: JSON.stringify({ idempotencyKey: `bench-${id}`, answers, attest: true }) });
  }
  for (let i = 0; i < rowsToInsert.length; i += 500) await db.quizAttempt.createMany({ data: rowsToInsert.slice(i, i + 500) });
  // Warm the route with a few submissions outside the measurement.
  for (const a of attempts.splice(0, 20)) {
    await fetch(`${BASE}/api/quiz/attempts/${a.id}/submit`, { method: "POST", headers: { "content-type": "application/json", cookie: a.cookie }, body: a.body });
  }
  let next = 0;
  return load({
    url: BASE,
    connections: 50,
    amount: attempts.length,
    requests: [
      {
        setupRequest: (req) => {
          const a = attempts[next++ % attempts.length];
          return { ...req, method: "POST", path: `/api/quiz/attempts/${a.id}/submit`, headers: { "content-type": "application/json", cookie: a.cookie }, body: a.body };
        },
      },
    ],
  });
}

async function benchVerify(db: ReturnType<typeof createPrismaClient>): Promise<TLoad | null> {
  const { generateCertificateCode } = await import("@/lib/certificates/certificate-code");
  const user = await db.user.findFirstOrThrow({ where: { role: "TRAINER" }, select: { id: true, name: true } });
  const course = await db.course.findFirstOrThrow({ select: { id: true, title: true, version: true, contactMinutes: true } });
  const code = generateCertificateCode();
  await db.certificate.create({
    data: {
      code,
      userId: user.id,
      courseId: course.id,
      trainerName: user.name,
      certificationNumber: "B-0",
      certifyingBody: "NFPT",
      courseTitle: course.title,
      courseVersion: course.version,
      contactMinutes: course.contactMinutes,
      creditHundredths: 40,
      scorePercent: 100,
      completedAt: new Date(),
    },
  });
  const page = `${BASE}/verify/${code}`;
  if ((await fetch(page)).status !== 200) return null;
  await load({ url: page, duration: 2 });
  return load({ url: page });
}

/** `npm start` with the embedded database and a current build, until the first page is served. */
async function benchColdStart(): Promise<number> {
  const dataDir = path.resolve(".data/bench-cold");
  const env: NodeJS.ProcessEnv = { ...process.env, BACKBONE_DATA_DIR: dataDir, PORT: "3301" };
  delete env.DATABASE_URL;
  const start = () => spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/start.ts"], { env, stdio: "ignore", detached: true });
  const stop = async (child: ChildProcess) => {
    process.kill(-child.pid!, "SIGTERM");
    await new Promise((r) => child.once("exit", r));
  };
  // First run: initialise the database and make sure the build is current (not measured).
  rmSync(dataDir, { recursive: true, force: true });
  const warm = start();
  await waitFor("http://127.0.0.1:3301/", 600_000);
  await stop(warm);
  const t0 = Date.now();
  const cold = start();
  await waitFor("http://127.0.0.1:3301/", 120_000);
  const ms = Date.now() - t0;
  await stop(cold);
  return ms;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
