import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { resolveTestServer } from "@/tests/pg-server";

// `npm test`: type-check, lint, content check, unit + integration tests (Vitest, real PostgreSQL,
// one database per file), then Playwright against a production build in Debian's Chromium.
// Ends with one line: "N passed, N failed".

type TStage = { name: string; passed: number; failed: number; seconds: number };
const stages: TStage[] = [];
const REPORTS = path.resolve(".data/test-reports");
const only = process.argv.slice(2); // e.g. `npm test -- unit e2e`

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, stdio: "inherit" });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function stage(name: string, body: () => Promise<{ passed: number; failed: number }>) {
  if (only.length && !only.includes(name)) return;
  process.stdout.write(`\n━━ ${name} ━━\n`);
  const started = Date.now();
  let result: { passed: number; failed: number };
  try {
    result = await body();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    result = { passed: 0, failed: 1 };
  }
  stages.push({ name, ...result, seconds: Math.round((Date.now() - started) / 1000) });
}

async function single(cmd: string, args: string[], env?: NodeJS.ProcessEnv) {
  const code = await run(cmd, args, env);
  return code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
}

function bin(name: string) {
  return path.resolve("node_modules/.bin", name);
}

async function ensureChromium(): Promise<string | null> {
  const exe = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (existsSync(exe)) return null;
  if (process.getuid?.() !== 0) return `Chromium is not installed at ${exe}: run \`sudo apt-get install -y chromium\` (or set CHROMIUM_PATH)`;
  console.log("Installing Debian's Chromium for the browser tests (apt-get install -y chromium)…");
  await run("apt-get", ["update", "-qq"]);
  const code = await run("apt-get", ["install", "-y", "-qq", "chromium"], { ...process.env, DEBIAN_FRONTEND: "noninteractive" });
  return code === 0 && existsSync(exe) ? null : "apt-get install -y chromium failed: install it by hand and run npm test again";
}

async function main() {
  rmSync(REPORTS, { recursive: true, force: true });
  mkdirSync(REPORTS, { recursive: true });
  const server = await resolveTestServer();
  const env: NodeJS.ProcessEnv = { ...process.env, TEST_PG_ADMIN_URL: server.adminUrl };
  delete env.DATABASE_URL; // every test makes its own database on that server

  await stage("typecheck", () => single(bin("tsc"), ["--noEmit", "-p", "."], env));
  await stage("lint", async () => {
    // Biome, then knip: no unused file, export or dependency (knip.jsonc says what is ignored and why).
    const biome = await single(bin("biome"), ["lint", "."], env);
    const knip = await single(bin("knip"), ["--no-progress"], env);
    return { passed: biome.passed + knip.passed, failed: biome.failed + knip.failed };
  });
  await stage("content", () => single(bin("tsx"), ["--conditions=react-server", "scripts/content-check.ts"], env));
  await stage("vitest", async () => {
    const out = path.join(REPORTS, "vitest.json");
    const code = await run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`], env);
    if (!existsSync(out)) return { passed: 0, failed: 1 };
    const report = JSON.parse(readFileSync(out, "utf8")) as { numPassedTests: number; numFailedTests: number; numTotalTestSuites: number; success: boolean };
    const failed = report.numFailedTests + (code !== 0 && report.numFailedTests === 0 ? 1 : 0);
    return { passed: report.numPassedTests, failed };
  });
  await stage("e2e", async () => {
    const problem = await ensureChromium();
    if (problem) throw new Error(problem);
    const out = path.join(REPORTS, "playwright.json");
    const code = await run(bin("playwright"), ["test"], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: out });
    if (!existsSync(out)) return { passed: 0, failed: 1 };
    const report = JSON.parse(readFileSync(out, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
    const failed = report.stats.unexpected + report.stats.skipped + (code !== 0 && report.stats.unexpected === 0 ? 1 : 0);
    return { passed: report.stats.expected + report.stats.flaky, failed };
  });

  await server.stop?.();
  console.log("\n━━ summary ━━");
  for (const s of stages) console.log(`${s.name.padEnd(10)} ${String(s.passed).padStart(4)} passed ${String(s.failed).padStart(3)} failed  (${s.seconds}s)`);
  const passed = stages.reduce((n, s) => n + s.passed, 0);
  const failed = stages.reduce((n, s) => n + s.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  console.log("0 passed, 1 failed");
  process.exit(1);
});
