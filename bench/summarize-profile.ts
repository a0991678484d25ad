import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

// `npx tsx bench/summarize-profile.ts [dir-or-file]`: where a V8 CPU profile of the server
// (BENCH_CPU_PROF=1 npm run bench -- <section>) spent its time, as shares of all samples:
// grouped by package (next, react-dom, @prisma/client, pg, app code, node internals, idle) and
// the top functions by self time. The bench's figures in docs/performance.md are read this way.

type TNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
type TProfile = { nodes: TNode[]; samples: number[]; timeDeltas: number[] };

function newest(target: string): string {
  if (!statSync(target).isDirectory()) return target;
  const files = readdirSync(target)
    .filter((f) => f.endsWith(".cpuprofile"))
    .map((f) => path.join(target, f))
    .sort((a, b) => statSync(b).size - statSync(a).size); // the main thread's profile is the big one (tsx's loader thread writes its own)
  if (!files[0]) throw new Error(`no .cpuprofile in ${target}`);
  return files[0];
}

export function groupOf(url: string, name: string): string {
  if (name === "(idle)") return "idle";
  if (name === "(garbage collector)") return "garbage collection";
  if (name === "(program)") return "V8/native (program)";
  if (!url) return "native / builtins";
  if (url.startsWith("node:")) {
    if (/node:(net|_http|http|stream|internal\/stream|internal\/http|internal\/net)/.test(url)) return "node http/net/streams";
    return "node (other)";
  }
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) {
    const pkg = m[1];
    if (pkg === "next") {
      if (/react-dom|react-server-dom/.test(url)) return "react-dom / RSC (bundled in next)";
      return "next (request handling, router)";
    }
    return pkg;
  }
  if (/\.next[^/]*\/server\/chunks/.test(url)) return "app code + bundled libs (server chunks)";
  return "app code";
}

function main() {
  const file = newest(process.argv[2] ?? "/tmp/prof");
  const profile = JSON.parse(readFileSync(file, "utf8")) as TProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  // LAST=10: only the last ten seconds of samples (the load), not start-up and module loading.
  const lastUs = Number(process.env.LAST ?? 0) * 1e6;
  const spanUs = profile.timeDeltas.reduce((a, b) => a + b, 0);
  const self = new Map<number, number>();
  let at = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    if (lastUs && at < spanUs - lastUs) continue;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const groups = new Map<string, number>();
  const fns = new Map<string, number>();
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    const g = groupOf(n.callFrame.url, n.callFrame.functionName);
    groups.set(g, (groups.get(g) ?? 0) + us);
    const key = `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*?\/(\.next[^/]*)/, "$1")}:${n.callFrame.lineNumber}`;
    fns.set(key, (fns.get(key) ?? 0) + us);
  }
  const pct = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)} %`;
  console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled`);
  for (const [g, us] of [...groups].sort((a, b) => b[1] - a[1])) console.log(`${pct(us)}  ${g}`);
  console.log("\ntop functions (self time):");
  for (const [f, us] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 25))) console.log(`${pct(us)}  ${f.slice(0, 150)}`);
}

main();
