import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setting } from "@/lib/env";
import { sourceStamp } from "./source-stamp";

// The production build npm start serves (.next, or NEXT_DIST_DIR), and whether it matches the sources.
const distDir = () => path.resolve(setting("NEXT_DIST_DIR"));
const stampFile = () => path.join(distDir(), "backbone-build-stamp");

export type TBuildState = "current" | "stale" | "missing";

export function buildState(): TBuildState {
  if (!existsSync(path.join(distDir(), "BUILD_ID"))) return "missing";
  return existsSync(stampFile()) && readFileSync(stampFile(), "utf8") === sourceStamp() ? "current" : "stale";
}

/** `next build` with telemetry off (nothing about an operator goes to third parties), then the stamp. */
export function buildApp(env: NodeJS.ProcessEnv): Promise<number> {
  const stamp = sourceStamp();
  const nextBin = path.resolve("node_modules/next/dist/bin/next");
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [nextBin, "build"], { env: { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" }, stdio: "inherit" });
    child.on("exit", (code) => {
      if (code === 0) writeFileSync(stampFile(), stamp);
      resolve(code ?? 1);
    });
  });
}
