import { gzipSync } from "node:zlib";
import type { TBenchContext } from "../context";
import { record } from "../figures";
import { load, median, type TLoad } from "../lib";

// The trivial prerendered page against a lesson page, in alternating rounds (two shared cores
// drift over a run: a slow spell cannot land on one page only), and the lesson's client JS split
// into what every page loads and what the lesson adds.

export const LESSON_PATH = "/courses/back-care/trunk-muscles";

/** Alternating rounds over several URLs; every round's load is returned so failures surface. */
export async function alternatingRounds(urls: string[], { rounds = 7, seconds = 3, warmups = 2 } = {}): Promise<{ rps: number[][]; loads: TLoad[] }> {
  for (let i = 0; i < warmups; i++) for (const url of urls) await load({ url, duration: 2 });
  const rps: number[][] = urls.map(() => []);
  const loads: TLoad[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const [i, url] of urls.entries()) {
      const r = await load({ url, duration: seconds });
      rps[i].push(r.rps);
      loads.push(r);
    }
  }
  return { rps, loads };
}

async function scriptsOf(base: string, path: string): Promise<string[]> {
  const html = await (await fetch(`${base}${path}`)).text();
  // What a browser downloads: every script except `noModule` ones (legacy polyfills), which
  // browsers that run modules, all the ones we support, never fetch.
  return [...html.matchAll(/<script([^>]+)>/g)].filter((m) => !/\bnoModule\b/i.test(m[1])).flatMap((m) => /\bsrc="([^"]+)"/.exec(m[1])?.[1] ?? []);
}

export async function benchPages(ctx: TBenchContext) {
  const base = await ctx.server();
  const lesson = `${base}${LESSON_PATH}`;
  const { rps, loads } = await alternatingRounds([`${base}/`, lesson]);
  const [trivial, lessonRps] = rps.map(median);
  const detail = `rounds: trivial ${rps[0].join(", ")}; lesson ${rps[1].join(", ")} req/s`;
  record("trivialPageRps", { figure: "Trivial prerendered page (/), 50 clients", value: trivial, unit: " req/s", loads: loads.filter((_, i) => i % 2 === 0), detail });
  record("lessonPageRps", { figure: "Lesson page, 50 clients", value: lessonRps, unit: " req/s", loads: loads.filter((_, i) => i % 2 === 1), detail });
  record("lessonToTrivialRatio", { figure: "Lesson / trivial page throughput", value: lessonRps / trivial, unit: "×", target: { op: ">=", limit: 0.8 }, loads, detail });

  // Scripts every page loads (framework runtime, Turbopack runtime, root layout) are those common to
  // pages with almost no code of their own; the lesson's figure is what it adds above them.
  const lessonScripts = new Set(await scriptsOf(base, LESSON_PATH));
  const common = [await scriptsOf(base, "/"), await scriptsOf(base, "/verify"), await scriptsOf(base, "/courses")].reduce((a, b) => a.filter((s) => b.includes(s)));
  const gz = async (src: string) => gzipSync(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer())).length / 1024;
  let shared = 0;
  let added = 0;
  for (const src of lessonScripts) {
    const kb = await gz(src);
    if (common.includes(src)) shared += kb;
    else added += kb;
  }
  record("lessonClientJsGzipKb", { figure: "Lesson page client JS, all scripts (gzip)", value: shared + added, unit: " kB", detail: `${lessonScripts.size} scripts` });
  record("sharedRuntimeJsGzipKb", { figure: "  of which every page loads (framework runtime + root layout)", value: shared, unit: " kB" });
  record("lessonAddedJsGzipKb", { figure: "  of which the lesson adds", value: added, unit: " kB", target: { op: "<=", limit: 10 } });
}
