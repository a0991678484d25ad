import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { mdxComponents } from "@/components/mdx";
import { checkAssessment } from "@/lib/content/check-assessment";
import { checkCourses } from "@/lib/content/check-content";
import { compileMdx } from "@/lib/content/compile-lesson.server";
import { ContentError, contentRoots, loadAllCourses } from "@/lib/content/load-content";

// `npm run content:check`: validates every course (frontmatter, quiz files), compiles every
// lesson, checks components and internal links, and that no lesson copies the seed article.
async function main() {
  const problems: string[] = [];
  let courses: ReturnType<typeof loadAllCourses> = [];
  try {
    courses = loadAllCourses({ fresh: true });
  } catch (error) {
    if (error instanceof ContentError) problems.push(error.message);
    else throw error;
  }
  problems.push(...checkCourses(courses, Object.keys(mdxComponents)));
  let compiled = 0;
  for (const course of courses) {
    for (const source of [{ file: `${course.dir}/course.mdx`, body: course.intro }, ...course.lessons.map((l) => ({ file: l.file, body: l.body }))]) {
      try {
        await compileMdx(source.body);
        compiled++;
      } catch (error) {
        problems.push(`${source.file}: does not compile: ${(error as Error).message.split("\n")[0]}`);
      }
    }
  }
  const overlap = path.resolve("../shared/tools/seed-overlap.py");
  if (existsSync(overlap)) {
    for (const root of contentRoots()) {
      const res = spawnSync("python3", [overlap, root, "8"], { encoding: "utf8" });
      if (res.status !== 0) problems.push(`seed overlap in ${root}:\n${res.stdout.trim()}`);
    }
  } else console.log("(seed-overlap check skipped: ../shared/tools/seed-overlap.py not found)");

  // Warnings (a small final pool) do not fail the check; they are printed either way.
  for (const course of courses) for (const warning of checkAssessment(course).warnings) console.warn(`⚠ ${warning}`);
  const lessons = courses.reduce((n, c) => n + c.lessons.length, 0);
  const questions = courses.reduce((n, c) => n + c.quizzes.reduce((m, q) => m + q.quiz.questions.length, 0), 0);
  if (problems.length) {
    console.error(problems.map((p) => `✖ ${p}`).join("\n"));
    console.error(`\ncontent check failed: ${problems.length} problem(s)`);
    process.exit(1);
  }
  console.log(`✔ ${courses.length} course(s), ${lessons} lesson(s), ${compiled} MDX file(s) compiled, ${questions} question(s); no seed overlap`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
