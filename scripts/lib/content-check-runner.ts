import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { mdxComponents } from "@/components/mdx";
import { checkAssessment } from "@/lib/content/check-assessment";
import { checkContent, formatProblem } from "@/lib/content/check-content";
import { snapshotFromGit, type TContentSnapshot } from "@/lib/content/content-snapshot";
import { contentRoots } from "@/lib/content/load-content";

// The one content check, shared by `npm run content:check` and `npm start` (before it syncs), so
// a course that passes one passes the other and a bad course never reaches the database.

const SEED_OVERLAP = path.resolve("../shared/tools/seed-overlap.py");

export type TContentCheckReport = { ok: boolean; lines: string[] };

/** `previous`: what the version rules compare with; left out, git HEAD. */
export async function runContentCheck({ previous }: { previous?: TContentSnapshot | null } = {}): Promise<TContentCheckReport> {
  const roots = contentRoots();
  const baseline = previous === undefined ? snapshotFromGit(roots) : previous;
  const { courses, problems } = await checkContent({ roots, components: mdxComponents, previous: baseline });
  const lines = problems.map((p) => `✖ ${formatProblem(p)}`);
  // Warnings (a final's pool under 3× its draw) do not fail the check; they are printed either way.
  const warnings = courses.flatMap((c) => checkAssessment(c).warnings.map((w) => `⚠ [pool-size] ${w}`));

  // One line either way: whether the overlap check ran, and what it found.
  let overlapLine = "seed overlap: not checked (../shared/tools/seed-overlap.py is not on this machine)";
  if (existsSync(SEED_OVERLAP)) {
    const found: string[] = [];
    for (const root of roots) {
      const res = spawnSync("python3", [SEED_OVERLAP, root, "8"], { encoding: "utf8" });
      if (res.status !== 0) found.push(`${root}:\n${res.stdout.trim() || res.stderr.trim()}`);
    }
    overlapLine = found.length ? "seed overlap: FOUND" : "seed overlap: none";
    for (const f of found) lines.push(`✖ [seed-overlap] lessons copy the seed article in ${f}`);
  }

  const lessons = courses.reduce((n, c) => n + c.lessons.length, 0);
  const questions = courses.reduce((n, c) => n + c.quizzes.reduce((m, q) => m + q.quiz.questions.length, 0), 0);
  const versions = baseline ? `version rules checked against ${baseline.source}` : "version rules not checked (no database and no git history)";
  const ok = lines.length === 0;
  lines.unshift(...warnings);
  lines.push(
    `${ok ? "✔" : "✖"} ${courses.length} course(s), ${lessons} lesson(s) checked, ${questions} question(s); ${versions}; ${overlapLine}`,
  );
  if (!ok) lines.push(`content check failed: ${problems.length + (overlapLine.endsWith("FOUND") ? 1 : 0)} problem(s); docs/authoring.md explains each rule`);
  return { ok, lines };
}
