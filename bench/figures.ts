import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { failureReason, type TLoad } from "./lib";

// Every figure the bench prints: its value, its target and a verdict. A figure measured by a load
// that got any unexpected answer is not a measurement: it is printed as FAILED with the status
// histogram and the first failing response body, and it never passes.

export type TTarget = { op: "<" | "<=" | ">=" | ">"; limit: number };
export type TVerdict = "pass" | "miss" | "FAILED" | "info";

export type TFigure = {
  figure: string;
  value: number | string | null;
  unit: string;
  target: string;
  verdict: TVerdict;
  reason?: string;
  /** The loads behind the figure (status histograms, latencies), for reading afterwards. */
  loads?: Omit<TLoad, "firstFailure">[];
  /** Context that makes the figure readable: the other side of a ratio, the rounds. */
  detail?: string;
  measuredAt: string;
};

const figures = new Map<string, TFigure>();

export function targetText(t: TTarget | undefined, unit: string): string {
  if (!t) return "";
  const op = { "<": "<", "<=": "≤", ">=": "≥", ">": ">" }[t.op];
  return `${op} ${t.limit}${unit}`;
}

function meets(value: number, t: TTarget): boolean {
  if (t.op === "<") return value < t.limit;
  if (t.op === "<=") return value <= t.limit;
  if (t.op === ">=") return value >= t.limit;
  return value > t.limit;
}

/**
 * Records one figure. `loads` are the loads it was computed from: if any of them had a failure the
 * figure is FAILED, whatever its value. `error` marks a figure that could not be measured at all.
 */
export function record(
  key: string,
  options: { figure: string; value: number | string | null; unit?: string; target?: TTarget; loads?: TLoad[]; detail?: string; error?: string },
): TFigure {
  const unit = options.unit ?? "";
  const failed = options.error ?? (options.loads ?? []).map(failureReason).find((r) => r !== null) ?? null;
  const value = typeof options.value === "number" ? Math.round(options.value * 100) / 100 : options.value;
  let verdict: TVerdict = "info";
  if (failed) verdict = "FAILED";
  else if (options.target && typeof value === "number") verdict = meets(value, options.target) ? "pass" : "miss";
  else if (options.target) verdict = "FAILED";
  const entry: TFigure = {
    figure: options.figure,
    value: failed ? null : value,
    unit,
    target: targetText(options.target, unit),
    verdict,
    ...(failed ? { reason: failed } : {}),
    ...(options.loads?.length ? { loads: options.loads.map(({ firstFailure: _, ...rest }) => rest) } : {}),
    ...(options.detail ? { detail: options.detail } : {}),
    measuredAt: new Date().toISOString(),
  };
  figures.set(key, entry);
  const shown = failed ? "FAILED" : `${value}${unit}`;
  console.log(`  ${entry.figure}: ${shown}${entry.target ? ` (target ${entry.target}: ${verdict})` : ""}${failed ? `\n    reason: ${failed}` : ""}`);
  return entry;
}

/** A section that threw: one FAILED row with the error, so a crash is never a silent gap. */
export function recordSectionFailure(section: string, error: unknown) {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  record(`section:${section}`, { figure: `section "${section}"`, value: null, error: message.split("\n").slice(0, 4).join(" | ") });
}

/** Figures that could not be measured (a miss is a result; FAILED means the bench itself did not work). */
export function failedCount(): number {
  return [...figures.values()].filter((f) => f.verdict === "FAILED").length;
}

export function printTable() {
  const rows = [...figures.values()];
  if (rows.length === 0) return;
  const width = Math.min(78, Math.max(...rows.map((r) => r.figure.length)));
  console.log(`\n${"figure".padEnd(width)}  ${"value".padStart(14)}  ${"target".padEnd(12)}  verdict`);
  for (const r of rows) {
    const value = r.verdict === "FAILED" ? "FAILED" : `${r.value}${r.unit}`;
    console.log(`${r.figure.slice(0, width).padEnd(width)}  ${value.padStart(14)}  ${r.target.padEnd(12)}  ${r.verdict === "info" ? "" : r.verdict}`);
  }
  const failed = rows.filter((r) => r.reason);
  if (failed.length) {
    console.log("\nwhy:");
    for (const r of failed) console.log(`- ${r.figure}: ${r.reason}`);
  }
}

/**
 * bench/results.json: the machine and its load when the run started and ended (two shared cores:
 * read absolute figures with that in mind) and every figure. A partial run replaces only the
 * figures it measured.
 */
export function writeResults(file: string, run: { startedAt: string; sections: string[]; loadAverageAtStart: number[] }) {
  const previous = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { figures?: Record<string, TFigure> }) : {};
  const merged = { ...(previous.figures && typeof previous.figures === "object" ? previous.figures : {}), ...Object.fromEntries(figures) };
  const out = {
    lastRun: {
      ...run,
      finishedAt: new Date().toISOString(),
      loadAverageAtEnd: os.loadavg().map((n) => Math.round(n * 100) / 100),
      machine: { cpus: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    },
    figures: merged,
  };
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
}
