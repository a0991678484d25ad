import autocannon from "autocannon";

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

/** Samples a process's resident memory (VmRSS) while a measurement runs; returns the peak in MB. */
export function sampleMemory(pid: number) {
  let peakKb = 0;
  const read = async () => {
    try {
      const { readFile } = await import("node:fs/promises");
      const status = await readFile(`/proc/${pid}/status`, "utf8");
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peakKb = Math.max(peakKb, kb);
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
