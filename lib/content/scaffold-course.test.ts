import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { mdxComponents } from "@/components/mdx";
import { checkContent, formatProblem } from "./check-content";
import { scaffoldCourse } from "./scaffold-course";

test("npm run content:new scaffolds a course that passes content:check as it stands", async () => {
  const root = mkdtempSync(path.join(os.tmpdir(), "scaffold-"));
  for (const [file, text] of Object.entries(scaffoldCourse("shoulder-health", 'Shoulder "Health"'))) {
    const full = path.join(root, "courses/shoulder-health", file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  const { courses, problems } = await checkContent({ roots: [root], components: mdxComponents });
  expect(problems.map(formatProblem)).toEqual([]);
  expect(courses[0].frontmatter.title).toBe('Shoulder "Health"');
  expect(courses[0].quizzes[0].quiz.questions[0].id).toBe("shoulder-health-path");
});

test.each(["Shoulder", "shoulder_health", "-x"])("a slug that is not kebab-case (%s) is refused", (slug) => {
  expect(() => scaffoldCourse(slug)).toThrow(/kebab-case/);
});
