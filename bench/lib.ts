import { createRequire } from "node:module";
import autocannon from "autocannon";

const require = createRequire(import.meta.url);

// autocannon 9 appends every response body to a JS string (`body += chunk`, a UTF-8 decode per
// byte) so that `expectBody`/`verifyBody` can check it. The bench never uses either, and on this
// machine the load generator shares two cores with the server: decoding a 42 kB lesson costs the
// client more CPU than serving it costs the server, and would be charged to the larger page. The
// byte count and latency are kept; only the unused copy of the body is skipped.
const { prototype: queue } = require("autocannon/lib/pipelinedRequestsQueue.js") as { prototype: { addBody: (data: unknown) => void } };
queue.addBody = () => {};

export type TLoad = { rps: number; p50: number; p99: number; errors: number; non2xx: number; requests: number };

export async function load(options: autocannon.Options): Promise<TLoad> {
  const opts: autocannon.Options = { connections: 50, ...options };
  if (opts.amount) delete opts.duration;
  else opts.duration ??= 8;
  const r = await autocannon(opts);
  return {
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    requests: r.requests.total,
  };
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export async function waitFor(url: string, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      const res = await fetch(url);
      if (res.status === 200) return Date.now() - started;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** Samples the resident memory (VmRSS) of a process and its children; returns the peak total in MB. */
export function sampleMemory(pid: number) {
  let peakKb = 0;
  const { readFile } = require("node:fs/promises") as typeof import("node:fs/promises");
  const rss = async (p: number) => Number(/VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
  const read = async () => {
    try {
      const children = (await readFile(`/proc/${pid}/task/${pid}/children`, "utf8")).trim().split(/\s+/).filter(Boolean).map(Number);
      let total = await rss(pid);
      for (const c of children) total += await rss(c).catch(() => 0);
      peakKb = Math.max(peakKb, total);
    } catch {}
  };
  const timer = setInterval(() => void read(), 100);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.round(peakKb / 1024);
    },
  };
}
