import { type ChildProcess, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { syncContent } from "@/lib/content/sync-content.server";
import { createPrismaClient } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { createUser } from "@/prisma/seed-helpers";
import { adminQuery, databaseUrl, resolveTestServer } from "@/tests/pg-server";
import { createContext, type TBenchContext } from "./context";
import { failedCount, printTable, record, recordSectionFailure, writeResults } from "./figures";
import { freePort, median, waitFor } from "./lib";
import { benchPages } from "./sections/pages";
import { benchSubmit } from "./sections/submit";
import { benchVerify } from "./sections/verify";

// `npm run bench`: every figure the issues name, measured in one run on this machine against a
// production build served by scripts/serve.ts, each printed with its target and verdict and
// written to bench/results.json. `npm run bench -- verify submit` runs chosen sections; each
// section seeds what it needs, so any one runs alone.
//
// Adding a section: one async function taking the context (bench/context.ts), one line in
// SECTIONS. A section that throws is recorded as FAILED with its error; the others still run.

const SECTIONS: Record<string, (ctx: TBenchContext) => Promise<void>> = {
  pages: benchPages,
  submit: benchSubmit,
  verify: benchVerify,
  trainers: benchTrainers,
  certificates: benchCertificatesSection,
  "unicode-pdf": benchUnicodePdf,
  forgot: benchForgot,
  cold: benchCold,
  // Loaded on demand: Lighthouse is a large import the other sections do not need.
  lighthouse: async (ctx) => (await import("./lighthouse")).benchLighthouse(ctx),
  scale: async (ctx) => (await import("./scale")).benchScale(ctx),
};

// Certificate PDFs with a name outside Windows-1252 embed subset fonts (docs/decisions/019).
async function benchUnicodePdf(_ctx: TBenchContext) {
  const r = await (await import("./unicode-pdf")).benchUnicodeCertificatePdf();
  record("unicodePdfMedianMs", { figure: "Certificate PDF render, Vietnamese + Chinese name (median, in-process)", value: r.medianMs, unit: " ms", target: { op: "<", limit: 60 } });
  record("unicodePdfBytes", { figure: "Certificate PDF size, Vietnamese + Chinese name", value: r.bytes, unit: " B", target: { op: "<", limit: 250_000 } });
}

// Forgot-password does the same work for known and unknown addresses (docs/decisions/006): the
// two medians over 50 alternating pairs should not tell them apart.
async function benchForgot(ctx: TBenchContext) {
  const { benchForgotPassword } = await import("./forgot-password");
  const r = await benchForgotPassword(ctx.db, await ctx.server());
  record("forgotPasswordKnownMedianMs", { figure: "Forgot-password, existing account (median of 50)", value: r.knownMedianMs, unit: " ms" });
  record("forgotPasswordGapMs", {
    figure: "Forgot-password, |existing − unknown| median gap",
    value: Math.abs(r.knownMedianMs - r.unknownMedianMs),
    unit: " ms",
    target: { op: "<", limit: 2 },
    detail: `unknown address median ${Math.round(r.unknownMedianMs * 100) / 100} ms`,
  });
}

async function benchTrainers(ctx: TBenchContext) {
  const { seedLargeForBench, benchTrainersList } = await import("./trainers-list");
  await seedLargeForBench(ctx.db);
  const r = await benchTrainersList(ctx.db, { runs: 30 });
  record("trainersListMedianMs", { figure: "Admin trainers list query, 10,000 trainers (median, in-process)", value: r.medianMs, unit: " ms", target: { op: "<", limit: 300 } });

  const base = await ctx.server();
  const admin = await createUser(ctx.db, { email: `bench-list-admin-${Date.now()}@example.test`, name: "List Admin", password: "x", role: "ADMIN" }, "unused-hash");
  const cookie = await ctx.sessionCookie(admin);
  const someone = await ctx.db.trainerProfile.findFirstOrThrow({ orderBy: { certificationNumber: "desc" }, select: { certificationNumber: true } });
  const urls = ["/admin/trainers", `/admin/trainers?q=${encodeURIComponent(someone.certificationNumber)}`, "/admin/trainers?body=NFPT&cycle=behind&sort=due&page=3"];
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    for (const u of urls) {
      const t0 = performance.now();
      const res = await fetch(`${base}${u}`, { headers: { cookie } });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`${u} answered ${res.status}: ${text.slice(0, 300)}`);
      times.push(performance.now() - t0);
    }
  }
  record("trainersListHttpMedianMs", { figure: "Admin trainers page over HTTP, 10,000 trainers (median)", value: median(times), unit: " ms", target: { op: "<", limit: 300 } });
}

async function benchCertificatesSection(ctx: TBenchContext) {
  const { benchCertificates } = await import("./certificates");
  const admin = await createUser(ctx.db, { email: `bench-admin-${Date.now()}@example.test`, name: "Bench Admin", password: "bench-password-long", role: "ADMIN" }, "unused-hash");
  // The issuing code uses the app's own client (lib/db), which reads these on first use.
  process.env.SIGNING_KEY_PEM = ctx.env.SIGNING_KEY_PEM;
  process.env.DATABASE_URL = ctx.databaseUrl;
  const r = await benchCertificates(ctx.db, admin.id);
  record("pdfMedianMs", { figure: "Certificate PDF generation (median)", value: r.pdfMedianMs, unit: " ms", target: { op: "<", limit: 150 } });
  record("bulkIssue500Seconds", { figure: "Bulk issue of 500 certificates", value: r.bulk500Seconds, unit: " s", target: { op: "<", limit: 60 } });
}

/** `npm start` with the embedded database and a current build, until the first page is served. */
async function benchCold() {
  const port = await freePort();
  const dataDir = path.resolve(`.data/bench-cold-${process.pid}`);
  const env: NodeJS.ProcessEnv = { ...process.env, BACKBONE_DATA_DIR: dataDir, PORT: String(port) };
  delete env.DATABASE_URL;
  const start = () => spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/start.ts"], { env, stdio: "ignore", detached: true });
  const stop = async (child: ChildProcess) => {
    process.kill(-child.pid!, "SIGTERM");
    await new Promise((r) => child.once("exit", r));
  };
  rmSync(dataDir, { recursive: true, force: true });
  try {
    // First run: initialise the database and make sure the build is current (not measured).
    const warm = start();
    await waitFor(`http://127.0.0.1:${port}/`, 600_000);
    await stop(warm);
    const t0 = Date.now();
    const cold = start();
    await waitFor(`http://127.0.0.1:${port}/`, 120_000);
    const ms = Date.now() - t0;
    await stop(cold);
    record("coldStartMs", { figure: "Cold npm start (embedded DB, build present) to first page", value: ms, unit: " ms" });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((s) => !(s in SECTIONS));
  if (unknown.length) {
    console.error(`unknown bench section(s): ${unknown.join(", ")}; known: ${Object.keys(SECTIONS).join(", ")}`);
    process.exit(2);
  }
  const sections = asked.length ? asked : Object.keys(SECTIONS);
  const startedAt = new Date().toISOString();
  const loadAverageAtStart = os.loadavg().map((n) => Math.round(n * 100) / 100);
  if (loadAverageAtStart[0] > os.cpus().length * 0.5) {
    console.log(`note: load average ${loadAverageAtStart.join(" ")} on ${os.cpus().length} cores before the run: absolute figures will be low; compare the ratios.`);
  }

  // A database of its own per run, so two benches on one server never drop each other's data.
  const pg = await resolveTestServer();
  const dbName = `backbone_bench_${process.pid}`;
  await adminQuery(pg.adminUrl, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await adminQuery(pg.adminUrl, `CREATE DATABASE "${dbName}"`);
  const url = databaseUrl(pg.adminUrl, dbName);
  const db = createPrismaClient(url, { max: 5 });
  const ctx = await createContext(db, url);
  try {
    await migrateDatabase({ connectionString: url });
    await syncContent(db);
    for (const name of sections) {
      console.log(`\n== ${name}`);
      try {
        await SECTIONS[name](ctx);
      } catch (error) {
        recordSectionFailure(name, error);
      }
      const peak = ctx.takeMemoryPeakMb();
      if (peak) record(`peakServerRssMb:${name}`, { figure: `Peak server RSS during "${name}"`, value: peak, unit: " MB" });
    }
  } finally {
    const server = await ctx.stop();
    if (server) {
      record("peakServerRssMb", {
        figure: `Peak server RSS over this run (${sections.join(", ")}), one instance`,
        value: server.peakMb,
        unit: " MB",
        target: { op: "<", limit: 300 },
        detail: server.split,
      });
      if (server.split) console.log(`  ${server.split}`);
    }
    await db.$disconnect();
    const g = globalThis as unknown as { __backboneDb?: { $disconnect: () => Promise<void> } };
    await g.__backboneDb?.$disconnect();
    await adminQuery(pg.adminUrl, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => {});
    await pg.stop?.();
  }
  printTable();
  writeResults("bench/results.json", { startedAt, sections, loadAverageAtStart });
  console.log("\nwritten to bench/results.json");
  // Exit 1 when any figure FAILED (could not be measured), so scripts notice; misses exit 0.
  process.exit(failedCount() ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
