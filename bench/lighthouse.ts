import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig, type Flags } from "lighthouse";
import puppeteer from "puppeteer-core";
import type { TBenchContext } from "./context";
import { record } from "./figures";
import { median } from "./lib";
import { seedCertificate } from "./sections/verify";
import { prepareSubmissions } from "./sections/submit";

// `npm run bench -- lighthouse`: Lighthouse (the npm package, pinned) in Debian's Chromium against
// the bench's production server, with the desktop and mobile presets, on every page a trainer
// meets: home, catalog, course, lesson, a started quiz attempt, the dashboard (signed in: the
// session cookie goes in extraHeaders and, because Chromium 156 did not send a Cookie given only
// that way — the signed-in pages redirected to /sign-in — also into the browser's cookie jar for
// that run alone) and a certificate's verify page. Issues 20/21 targets:
// performance ≥ 95, accessibility 100, best practices 100. A miss prints the audits that cost the
// points (id and title), so the reason is in the output and in bench/results.json.
//
// Throttling is Lighthouse's default "simulate" (Lantern): it loads the page unthrottled and
// computes the metrics for a slow device and network from the trace, so a busy shared machine
// moves the performance score much less than real (devtools) throttling would. It still scales
// the CPU time it observed, so under heavy load performance can dip; accessibility and best
// practices do not depend on load. Each figure is the median of 3 runs (BENCH_LIGHTHOUSE_RUNS=n
// for n); the detail lists every run and Lighthouse's benchmarkIndex of the host for each.

const CATEGORIES = ["performance", "accessibility", "best-practices"] as const;
const TARGETS = { performance: 95, accessibility: 100, "best-practices": 100 } as const;
const LABEL = { performance: "performance", accessibility: "accessibility", "best-practices": "best practices" } as const;

const METRICS = { "first-contentful-paint": "FCP", "largest-contentful-paint": "LCP", "total-blocking-time": "TBT", "cumulative-layout-shift": "CLS", "speed-index": "SI" } as const;

type TPage = { key: string; name: string; path: string; cookie?: string };
type TCategory = (typeof CATEGORIES)[number];
type TLhr = NonNullable<Awaited<ReturnType<typeof lighthouse>>>["lhr"];

export function chromiumPath(): string {
  return process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

/** The audits that cost a category points, worst first: `id (title)[: value]`. */
export function failingAudits(lhr: TLhr, category: TCategory): string[] {
  const cat = lhr.categories[category];
  if (!cat) return [`category ${category} missing from the report`];
  return cat.auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
    .filter(({ audit }) => audit && audit.score !== null && audit.score < (category === "performance" ? 0.9 : 1))
    .sort((a, b) => b.ref.weight * (1 - (b.audit.score ?? 1)) - a.ref.weight * (1 - (a.audit.score ?? 1)))
    .map(({ audit }) => `${audit.id} (${audit.title})${audit.displayValue ? `: ${audit.displayValue}` : ""}`);
}

async function pagesToAudit(ctx: TBenchContext): Promise<TPage[]> {
  const { db } = ctx;
  const course = await db.course.findFirstOrThrow({ where: { slug: "back-care" }, select: { slug: true, lessons: { select: { slug: true }, orderBy: { sortOrder: "asc" }, take: 1 } } });
  const quiz = await db.quiz.findFirstOrThrow({ where: { course: { slug: "back-care" }, kind: "FINAL" }, select: { slug: true } });
  // A trainer with an attempt of the final under way (the page a trainer spends longest on).
  const [attempt] = await prepareSubmissions(ctx, 1);
  const code = await seedCertificate(ctx);
  return [
    { key: "home", name: "home", path: "/" },
    { key: "catalog", name: "catalog", path: "/courses" },
    { key: "course", name: "course", path: `/courses/${course.slug}` },
    { key: "lesson", name: "lesson", path: `/courses/${course.slug}/${course.lessons[0].slug}` },
    { key: "quiz", name: "quiz attempt", path: `/courses/${course.slug}/quiz/${quiz.slug}/attempt/${attempt.id}`, cookie: attempt.cookie },
    { key: "dashboard", name: "dashboard", path: "/dashboard", cookie: attempt.cookie },
    { key: "verify", name: "verify", path: `/verify/${code}` },
  ];
}

export async function benchLighthouse(ctx: TBenchContext) {
  const base = await ctx.server();
  const pages = await pagesToAudit(ctx);
  const runs = Math.max(1, Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3) || 3);
  // Each page must answer 200 to the same request Lighthouse will make, or its scores mean nothing.
  for (const p of pages) {
    const res = await fetch(`${base}${p.path}`, { headers: p.cookie ? { cookie: p.cookie } : {}, redirect: "manual" });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${p.path} answered ${res.status} before Lighthouse ran`);
  }
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    // Headless, root-safe, and nothing that talks to Google's servers on its own.
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    logLevel: "silent",
  });
  const reportDir = path.join(os.tmpdir(), `backbone-lighthouse-${process.pid}`);
  mkdirSync(reportDir, { recursive: true });
  console.log(`  reports of the slowest run per page: ${reportDir}`);
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
  const host = new URL(base).hostname;
  const signIn = async (p: TPage) => {
    if (!p.cookie) return;
    const at = p.cookie.indexOf("=");
    await browser.setCookie({ name: p.cookie.slice(0, at), value: p.cookie.slice(at + 1), domain: host, path: "/", httpOnly: true, sameSite: "Lax" });
  };
  try {
    for (const preset of ["desktop", "mobile"] as const) {
      for (const p of pages) {
        const scores: Record<TCategory, number[]> = { performance: [], accessibility: [], "best-practices": [] };
        let worst: TLhr | null = null;
        // Lighthouse's own measure of the host's CPU speed at the time (higher is faster): on this
        // shared machine it says how loaded the run was.
        const benchmarkIndex: number[] = [];
        let error: string | undefined;
        for (let i = 0; i < runs; i++) {
          const flags: Flags = {
            port: chrome.port,
            output: "json",
            logLevel: "error",
            onlyCategories: [...CATEGORIES],
            throttlingMethod: "simulate",
            ...(p.cookie ? { extraHeaders: { cookie: p.cookie } } : {}),
          };
          await signIn(p);
          // A trace Chromium failed to record (NO_NAVSTART, seen under heavy load) is retried twice;
          // any other runtime error, or a third failure, is the figure's FAILED reason.
          let lhr: TLhr | undefined;
          for (let attempt = 0; attempt < 3; attempt++) {
            lhr = (
              await lighthouse(`${base}${p.path}`, flags, preset === "desktop" ? desktopConfig : undefined).finally(async () => {
                // Guest pages stay guest: the session lives in the jar for this run only.
                if (p.cookie) await browser.deleteCookie(...(await browser.cookies()));
              })
            )?.lhr;
            if (!lhr?.runtimeError || !/NO_NAVSTART|NO_FCP|PROTOCOL_TIMEOUT/.test(lhr.runtimeError.code)) break;
            console.log(`    ${p.path} (${preset}): ${lhr.runtimeError.code}, running again`);
            await signIn(p);
          }
          if (!lhr || lhr.runtimeError) {
            error = lhr?.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : "Lighthouse returned no report";
            break;
          }
          if (lhr.finalDisplayedUrl && new URL(lhr.finalDisplayedUrl).pathname !== new URL(`${base}${p.path}`).pathname) {
            error = `ended on ${lhr.finalDisplayedUrl} instead of ${p.path} (signed out?)`;
            break;
          }
          benchmarkIndex.push(lhr.environment.benchmarkIndex);
          for (const c of CATEGORIES) scores[c].push(Math.round((lhr.categories[c]?.score ?? 0) * 100));
          if (!worst || (lhr.categories.performance?.score ?? 0) < (worst.categories.performance?.score ?? 0)) worst = lhr;
        }
        // The slowest run's whole report, for reading what the main thread did (bootup-time,
        // mainthread-work-breakdown) or opening in the Lighthouse viewer.
        if (worst) writeFileSync(path.join(reportDir, `${preset}-${p.key}.json`), JSON.stringify(worst));
        if (worst) console.log(`    ${p.path} (${preset}): FCP ${worst.audits["first-contentful-paint"]?.displayValue}, LCP ${worst.audits["largest-contentful-paint"]?.displayValue}, TBT ${worst.audits["total-blocking-time"]?.displayValue}, CLS ${worst.audits["cumulative-layout-shift"]?.displayValue}, benchmarkIndex ${benchmarkIndex.map(Math.round).join(", ")}`);
        for (const c of CATEGORIES) {
          const value = error ? null : median(scores[c]);
          const reasons = worst && value !== null && value < TARGETS[c] ? failingAudits(worst, c) : [];
          const metrics = c === "performance" && worst ? (runs > 1 ? "slowest run: " : "") + Object.entries(METRICS).map(([id, short]) => `${short} ${worst!.audits[id]?.displayValue ?? "?"}`).join(", ") : "";
          const detail = [runs > 1 ? `runs: ${scores[c].join(", ")}` : "", metrics, c === "performance" && benchmarkIndex.length ? `benchmarkIndex ${benchmarkIndex.map(Math.round).join(", ")}` : "", reasons.length ? `failing: ${reasons.join("; ")}` : ""].filter(Boolean).join(" | ");
          const entry = record(`lighthouse:${preset}:${p.key}:${c}`, {
            figure: `Lighthouse ${preset}, ${p.name}: ${LABEL[c]}`,
            value,
            target: { op: ">=", limit: TARGETS[c] },
            ...(detail ? { detail } : {}),
            ...(error ? { error } : {}),
          });
          if (entry.verdict === "miss") console.log(`    why: ${reasons.join("; ") || "(no single audit below its bar: many small losses)"}`);
        }
      }
    }
  } finally {
    await browser.disconnect();
    chrome.kill();
  }
}
