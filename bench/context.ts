import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";
import type { TDb } from "@/lib/db/client";
import { parseSettings } from "@/lib/env";
import { createUser } from "@/prisma/seed-helpers";
import { serverNodeArgs } from "@/scripts/lib/server-node-args";
import { sourceStamp } from "@/scripts/lib/source-stamp";
import { freePort, sampleMemory, waitFor } from "./lib";

// What every bench section gets: the bench database, and the app served from a production build
// on a port chosen at run time, started the first time a section asks for it and kept for the
// rest of the run (its peak memory is sampled the whole time).

export const SECRET = "bench-only-secret-not-for-production-0123456789";
const DIST = ".next-bench";

export type TBenchContext = {
  db: TDb;
  databaseUrl: string;
  /** The environment the server runs with (DATABASE_URL, SIGNING_KEY_PEM, raised verify limit…). */
  env: NodeJS.ProcessEnv;
  /** Starts the server on first use; its base URL, e.g. http://127.0.0.1:41234. */
  server: () => Promise<string>;
  /** Peak server RSS since the last call, or null when the server is not running. */
  takeMemoryPeakMb: () => number | null;
  /** The running server's process id, or null before the first `server()`. */
  serverPid: () => number | null;
  /** Process ids of the PostgreSQL backends connected to the bench database (for CPU accounting). */
  postgresPids: () => Promise<number[]>;
  /** A signed session cookie for a user, as next-auth would set it. */
  sessionCookie: (user: { id: string; name: string; email: string; role: "TRAINER" | "ADMIN" }) => Promise<string>;
  /** A trainer made for the caller (argon2 hash of a throwaway password, computed once). */
  makeTrainer: (label: string) => Promise<{ id: string; name: string; email: string; role: "TRAINER" | "ADMIN" }>;
};

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, stdio: "inherit" });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

/** A production build in .next-bench matching the current sources (built when missing or stale). */
export async function ensureBenchBuild(env: NodeJS.ProcessEnv): Promise<string> {
  const stampFile = path.join(DIST, "backbone-build-stamp");
  const stamp = sourceStamp();
  if (!(existsSync(path.join(DIST, "BUILD_ID")) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp)) {
    console.log(`building the app into ${DIST}…`);
    if ((await run(process.execPath, ["node_modules/next/dist/bin/next", "build"], { ...env, NEXT_DIST_DIR: DIST, NODE_ENV: "production" })) !== 0) throw new Error("next build failed");
    writeFileSync(stampFile, stamp);
  }
  return DIST;
}

export async function createContext(db: TDb, databaseUrl: string): Promise<TBenchContext & { stop: () => Promise<{ peakMb: number; split: string } | null> }> {
  const { privateKey } = generateKeyPairSync("ed25519");
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXT_DIST_DIR: DIST,
    APP_MODE: "demo",
    NEXTAUTH_SECRET: SECRET,
    NEXTAUTH_URL: base,
    SIGNING_KEY_PEM: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    // The verify figures measure the lookup, not the limiter refusing it: raised, still counted.
    VERIFY_RATE_LIMIT_PER_MINUTE: "1000000000",
    MAIL_RATE_LIMIT_PER_HOUR: "1000000000",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  let child: ChildProcess | null = null;
  let memory: ReturnType<typeof sampleMemory> | null = null;
  let starting: Promise<string> | null = null;

  const start = async () => {
    await ensureBenchBuild(env);
    const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR ?? "/tmp/prof"}`] : [];
    // BENCH_SERVER_NODE_ARGS: extra flags for the server alone (e.g. another heap limit to try).
    const extra = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
    // The server as production runs it: the compiled dist/scripts/serve.mjs (no TypeScript loader,
    // whose module-loader thread is a V8 isolate of its own), with the flags npm start gives it
    // (the WEB_HEAP_MB heap limit), so the memory and CPU figures are those of a deployed instance.
    execFileSync(process.execPath, ["scripts/compile-scripts.mjs"], { stdio: ["ignore", "ignore", "inherit"] });
    const settings = parseSettings(env);
    if (!settings.ok) throw new Error(settings.message);
    const nodeArgs = /--max-old-space-size/.test(extra.join(" ")) ? [] : serverNodeArgs({ WEB_HEAP_MB: settings.env.WEB_HEAP_MB, NODE_OPTIONS: env.NODE_OPTIONS });
    rmSync(memoryLog, { force: true });
    child = spawn(process.execPath, [...profile, ...nodeArgs, ...extra, "--import=./bench/memory-probe.mjs", "dist/scripts/serve.mjs"], {
      env: { ...env, NODE_ENV: "production", BENCH_MEMORY_LOG: memoryLog },
      stdio: ["ignore", "ignore", "inherit"],
    });
    memory = sampleMemory(child.pid!);
    await waitFor(`${base}/api/health`, 60_000);
    return base;
  };

  // The server logs its memory split twice a second (bench/memory-probe.mjs): the peak RSS figure
  // says what it was made of.
  const memoryLog = path.join(os.tmpdir(), `backbone-bench-memory-${process.pid}.jsonl`);
  let hash: Promise<string> | null = null;
  let made = 0;
  return {
    db,
    databaseUrl,
    env,
    server: () => {
      starting ??= start();
      return starting;
    },
    serverPid: () => child?.pid ?? null,
    takeMemoryPeakMb: () => memory?.takePeakMb() ?? null,
    postgresPids: async () =>
      (await db.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`).map((r) => Number(r.pid)),
    sessionCookie: async (u) => `next-auth.session-token=${await encode({ token: { uid: u.id, sv: 0, sid: randomUUID(), role: u.role, name: u.name, email: u.email, sub: u.id }, secret: SECRET })}`,
    makeTrainer: async (label) => {
      hash ??= (await import("@/lib/auth/password")).hashPassword("bench-password-long");
      const n = made++;
      const stamp = `${Date.now().toString(36)}${n}`;
      return createUser(
        db,
        { email: `bench-${label}-${stamp}@example.test`, name: `Bench ${label} ${n}`, password: "unused", profile: { certificationNumber: `B-${label}-${stamp}`, firstCertifiedOn: "2024-01-01" } },
        await hash,
      );
    },
    stop: async () => {
      if (!child) return null;
      const peakMb = memory!.stop();
      const exited = new Promise((r) => child!.once("exit", r));
      child.kill("SIGTERM");
      await exited;
      let split = "";
      if (existsSync(memoryLog)) {
        type TRow = { rss: number; heapTotal: number; heapUsed: number; external: number; spaces: Record<string, number> };
        const rows = readFileSync(memoryLog, "utf8").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as TRow);
        const top = rows.reduce<TRow | undefined>((a, b) => (!a || b.rss > a.rss ? b : a), undefined);
        if (top) {
          const sp = top.spaces;
          split = `at the peak: RSS ${top.rss} MB = V8 heap ${top.heapTotal} MB (new ${sp.new_space}, old ${sp.old_space}, large objects ${sp.large_object_space}, code ${sp.code_space}; ${top.heapUsed} MB used, garbage not yet collected included) + external ${top.external} MB + ${top.rss - top.heapTotal - top.external} MB outside the heap (code, threads, allocator)`;
        }
        rmSync(memoryLog, { force: true });
      }
      return { peakMb, split };
    },
  };
}
