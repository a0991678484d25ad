import http from "node:http";
import { createRequire } from "node:module";
import net from "node:net";
import autocannon from "autocannon";

const require = createRequire(import.meta.url);

// autocannon 9 appends every response body to a JS string (`body += chunk`, a UTF-8 decode per
// byte) so that `expectBody`/`verifyBody` can check it. The bench never uses either, and on this
// machine the load generator shares two cores with the server: decoding a 42 kB lesson costs the
// client more CPU than serving it costs the server, and would be charged to the larger page. Only
// the first 2 kB of each body is kept (enough to say why a request failed); byte counts and
// latencies are unchanged.
const BODY_KEPT = 2048;
type TPending = { body: string; headers: { statusCode?: number } };
const { prototype: queue } = require("autocannon/lib/pipelinedRequestsQueue.js") as {
  prototype: { addBody: (data: Buffer) => void; peek: () => TPending | undefined; terminateRequest: () => TPending | undefined };
};
queue.addBody = function addBody(this: { peek: () => TPending | undefined }, data: Buffer) {
  const req = this.peek();
  if (req && req.body.length < BODY_KEPT) req.body += data.subarray(0, BODY_KEPT - req.body.length).toString("utf8");
};
// The first response of a load whose status is not one the load expects, kept with its body.
let watch: { expected: ReadonlySet<number>; first: string | null } | null = null;
const terminate = queue.terminateRequest;
queue.terminateRequest = function terminateRequest(this: unknown) {
  const data = terminate.call(this) as TPending | undefined;
  const status = data?.headers?.statusCode;
  if (watch && !watch.first && data && status !== undefined && !watch.expected.has(status)) watch.first = `${status} ${data.body.slice(0, 500)}`;
  return data;
};

/**
 * One load's outcome. `failures` counts every request that did not get an expected status
 * (transport errors and timeouts included); `firstFailure` says what the first of them got, so a
 * figure measured under errors can say why instead of printing a number.
 */
export type TLoad = {
  model: "closed" | "open";
  /** Closed loop: connections; open loop: the fixed arrival rate (requests per second). */
  load: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  requests: number;
  statusCodes: Record<string, number>;
  errors: number;
  failures: number;
  firstFailure: string | null;
};

export type TLoadOptions = autocannon.Options & { expect?: number[] };

/** Closed loop (autocannon): `connections` clients, each sending its next request when the last one is answered. */
export async function load(options: TLoadOptions): Promise<TLoad> {
  const { expect = [200], ...rest } = options;
  const opts: autocannon.Options = { connections: 50, ...rest };
  if (opts.amount) delete opts.duration;
  else opts.duration ??= 8;
  watch = { expected: new Set(expect), first: null };
  let transportError: string | null = null;
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(opts, (error, result) => (error ? reject(error) : resolve(result)));
    instance.on("reqError", (error: Error) => {
      transportError ??= `transport error: ${error.message}`;
    });
  });
  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(r.statusCodeStats ?? {})) statusCodes[code] = stat?.count ?? 0;
  const errors = r.errors + r.timeouts;
  if (errors) statusCodes.error = errors;
  const expectedCount = Object.entries(statusCodes).reduce((sum, [code, n]) => sum + (expect.includes(Number(code)) ? n : 0), 0);
  const total = Object.values(statusCodes).reduce((a, b) => a + b, 0);
  const first = watch.first ?? transportError ?? (r.timeouts ? `${r.timeouts} requests timed out` : null);
  watch = null;
  return {
    model: "closed",
    load: opts.connections ?? 50,
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    max: r.latency.max,
    requests: total,
    statusCodes,
    errors,
    failures: total - expectedCount,
    firstFailure: total - expectedCount > 0 ? first : null,
  };
}

export type TOpenRequest = { method?: string; path: string; headers?: Record<string, string>; body?: string };

/**
 * Open loop: requests start at a fixed arrival rate whatever the server does, each on any free
 * keep-alive connection (a new one when all are busy), the way independent users arrive. Latency is
 * counted from the moment a request was due, not from when it was sent, so a server that falls
 * behind shows it in the tail (no coordinated omission). `next(i)` gives the i-th request.
 */
export async function openLoad({
  base,
  rate,
  seconds,
  next,
  expect = [200],
  timeoutMs = 10_000,
}: {
  base: string;
  rate: number;
  seconds: number;
  next: (i: number) => TOpenRequest;
  expect?: number[];
  timeoutMs?: number;
}): Promise<TLoad> {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1000 });
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let firstFailure: string | null = null;
  let errors = 0;
  const started = performance.now();
  const one = (i: number, due: number) =>
    new Promise<void>((resolve) => {
      const r = next(i);
      const req = http.request(
        { host: url.hostname, port: url.port, method: r.method ?? "GET", path: r.path, headers: r.headers, agent, timeout: timeoutMs },
        (res) => {
          let body = "";
          res.on("data", (chunk: Buffer) => {
            if (body.length < BODY_KEPT) body += chunk.subarray(0, BODY_KEPT - body.length).toString("utf8");
          });
          res.on("end", () => {
            const status = res.statusCode ?? 0;
            latencies.push(performance.now() - due);
            statusCodes[status] = (statusCodes[status] ?? 0) + 1;
            if (!expect.includes(status)) firstFailure ??= `${status} ${body.slice(0, 500)}`;
            resolve();
          });
        },
      );
      req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      req.on("error", (error) => {
        errors++;
        statusCodes.error = (statusCodes.error ?? 0) + 1;
        firstFailure ??= `transport error: ${error.message}`;
        resolve();
      });
      req.end(r.body);
    });
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(one(i, due));
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : Number.NaN);
  const expected = Object.entries(statusCodes).reduce((sum, [code, n]) => sum + (expect.includes(Number(code)) ? n : 0), 0);
  const failures = total - expected;
  return {
    model: "open",
    load: rate,
    rps: Math.round(total / elapsed),
    p50: round(at(50)),
    p90: round(at(90)),
    p99: round(at(99)),
    max: round(sorted.at(-1) ?? Number.NaN),
    requests: total,
    statusCodes,
    errors,
    failures,
    firstFailure: failures > 0 ? firstFailure : null,
  };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** "2,980 of 2,980 answered 500 (first: 500 {"error":…})": why a load's figure cannot be trusted, or null. */
export function failureReason(r: TLoad): string | null {
  if (r.failures === 0) return null;
  const histogram = Object.entries(r.statusCodes)
    .map(([code, n]) => `${code}×${n}`)
    .join(" ");
  return `${r.failures} of ${r.requests} requests failed [${histogram}]; first: ${r.firstFailure ?? "?"}`;
}

export function describeLoad(r: TLoad): string {
  const histogram = Object.entries(r.statusCodes)
    .map(([code, n]) => `${code}×${n}`)
    .join(" ");
  const how = r.model === "closed" ? `${r.load} clients` : `${r.load}/s arrivals`;
  return `${how}: ${r.rps} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms [${histogram}]`;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** A TCP port nobody listens on now (the kernel picks it), so parallel runs never collide. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
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
  let sincePeakKb = 0;
  const { readFile } = require("node:fs/promises") as typeof import("node:fs/promises");
  const rss = async (p: number) => Number(/VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
  const read = async () => {
    try {
      const children = (await readFile(`/proc/${pid}/task/${pid}/children`, "utf8")).trim().split(/\s+/).filter(Boolean).map(Number);
      let total = await rss(pid);
      for (const c of children) total += await rss(c).catch(() => 0);
      peakKb = Math.max(peakKb, total);
      sincePeakKb = Math.max(sincePeakKb, total);
    } catch {}
  };
  const timer = setInterval(() => void read(), 100);
  return {
    peakMb: () => Math.round(peakKb / 1024),
    /** The peak since the last call (one bench section's). */
    takePeakMb: () => {
      const mb = Math.round(sincePeakKb / 1024);
      sincePeakKb = 0;
      return mb;
    },
    stop: () => {
      clearInterval(timer);
      return Math.round(peakKb / 1024);
    },
  };
}

/** CPU time (user + system, ms) a set of processes has used so far, from /proc (Linux). */
async function cpuMs(pids: number[]): Promise<Map<number, number>> {
  const { readFile } = require("node:fs/promises") as typeof import("node:fs/promises");
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  const out = new Map<number, number>();
  for (const pid of pids) {
    try {
      const stat = await readFile(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      out.set(pid, (Number(fields[11]) + Number(fields[12])) * tick);
    } catch {}
  }
  return out;
}

export type TCpuSplit = { serverMs: number; postgresMs: number; loadGeneratorMs: number };

/**
 * Where the CPU went during `body`: the app server, the PostgreSQL backends serving the bench
 * database, and this process (the load generator). On two shared cores these three compete, so
 * the CPU per request of each explains a throughput better than the throughput alone.
 */
export async function measureCpu<T>(serverPid: number, postgresPids: () => Promise<number[]>, body: () => Promise<T>): Promise<{ result: T; cpu: TCpuSplit }> {
  const pgBefore = await postgresPids();
  const before = await cpuMs([serverPid, ...pgBefore]);
  const self = process.cpuUsage();
  const result = await body();
  const selfUsed = process.cpuUsage(self);
  const pgAfter = [...new Set([...pgBefore, ...(await postgresPids())])];
  const after = await cpuMs([serverPid, ...pgAfter]);
  const delta = (pid: number) => (after.get(pid) ?? before.get(pid) ?? 0) - (before.get(pid) ?? 0);
  return {
    result,
    cpu: {
      serverMs: delta(serverPid),
      postgresMs: pgAfter.reduce((sum, pid) => sum + delta(pid), 0),
      loadGeneratorMs: (selfUsed.user + selfUsed.system) / 1000,
    },
  };
}
