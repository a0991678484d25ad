import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { mdxComponents } from "@/components/mdx";
import { checkContent, formatProblem, loadForCheck } from "./check-content";
import { snapshotFromCourses, snapshotFromGit } from "./content-snapshot";

// The "written from docs/authoring.md alone" fixture course passes every check, and one broken
// copy per rule fails with the file, the line and the rule named.

const FIXTURE = path.resolve("tests/fixtures/content/courses/warm-up-basics");
const COURSE = "courses/warm-up-basics";

function copyFixture(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "check-content-"));
  cpSync(FIXTURE, path.join(root, COURSE), { recursive: true });
  return root;
}

function edit(root: string, file: string, from: string | RegExp, to: string) {
  const full = path.join(root, COURSE, file);
  const before = readFileSync(full, "utf8");
  const after = before.replace(from, to);
  if (after === before) throw new Error(`test setup: ${from} not found in ${file}`);
  writeFileSync(full, after);
}

/** 1-based line of the first line containing `text` in a fixture file (after the edit). */
function lineOf(root: string, file: string, text: string): number {
  const index = readFileSync(path.join(root, COURSE, file), "utf8").split("\n").findIndex((l) => l.includes(text));
  if (index < 0) throw new Error(`test setup: ${text} not in ${file}`);
  return index + 1;
}

const check = (root: string, previous = null as ReturnType<typeof snapshotFromCourses> | null) =>
  checkContent({ roots: [root], components: mdxComponents, previous });

test("the fixture course written from docs/authoring.md passes every check", async () => {
  const root = copyFixture();
  const { courses, problems } = await check(root, snapshotFromCourses(loadForCheck([root]).courses));
  expect(problems.map(formatProblem)).toEqual([]);
  expect(courses.map((c) => c.slug)).toEqual(["warm-up-basics"]);
  expect(courses[0].lessons).toHaveLength(3);
});

type TCase = {
  rule: string;
  file: string;
  /** Breaks the copy; returns the text whose line the problem must name. */
  breakIt: (root: string) => string;
  message: RegExp;
  /** Compare with a snapshot of the unbroken copy (the version rules). */
  withPrevious?: boolean;
};

const L1 = "lessons/01-why-warm-up.mdx";
const L2 = "lessons/02-planning-the-sequence.mdx";
const QUIZ = "quizzes/final.json";

const CASES: TCase[] = [
  {
    rule: "frontmatter",
    file: L2,
    breakIt: (r) => {
      edit(r, L2, "minutes: 10", "minutes: -3");
      return "minutes: -3";
    },
    message: /minutes Too small/,
  },
  {
    rule: "json",
    file: QUIZ,
    breakIt: (r) => {
      edit(r, QUIZ, '"passMark": 60,', '"passMark": 60');
      return '"timeLimitMinutes"';
    },
    message: /not valid JSON at line \d+, column \d+/,
  },
  {
    rule: "quiz-schema",
    file: QUIZ,
    breakIt: (r) => {
      edit(r, QUIZ, '"answer": "climb"', '"answer": "sideways"');
      return '"answer": "sideways"';
    },
    message: /question "wu-gradual" answer: answer "sideways" is not one of the option ids/,
  },
  {
    rule: "question-lesson",
    file: QUIZ,
    breakIt: (r) => {
      edit(r, QUIZ, '"lesson": "reading-the-room"', '"lesson": "03-reading-the-room"');
      return '"id": "wu-minutes"';
    },
    message: /question "wu-minutes" names unknown lesson "03-reading-the-room"/,
  },
  {
    rule: "contact-hours",
    file: "course.mdx",
    breakIt: (r) => {
      edit(r, "course.mdx", "contactHours: 0.5", "contactHours: 1");
      return "contactHours: 1";
    },
    message: /contactHours is 1 but the lessons' minutes add up to 30/,
  },
  {
    rule: "mdx-compile",
    file: L1,
    breakIt: (r) => {
      edit(r, L1, "</KeyTakeaways>", "</KeyTakeaway>");
      return "</KeyTakeaway>";
    },
    message: /does not compile: Unexpected closing tag `<\/KeyTakeaway>`/,
  },
  {
    rule: "components",
    file: L1,
    breakIt: (r) => {
      edit(r, L1, '<Callout type="note"', '<Note type="note"');
      edit(r, L1, "</Callout>", "</Note>");
      return '<Note type="note"';
    },
    message: /<Note> is not a lesson component/,
  },
  {
    rule: "no-imports",
    file: L1,
    breakIt: (r) => {
      edit(r, L1, "## What a warm-up is for", 'import { x } from "./x"\n\n## What a warm-up is for');
      return "import { x }";
    },
    message: /may not import or export/,
  },
  {
    rule: "links",
    file: L1,
    breakIt: (r) => {
      edit(r, L1, "/courses/warm-up-basics/planning-the-sequence", "/courses/warm-up-basics/planing");
      return "/courses/warm-up-basics/planing";
    },
    message: /broken internal link \/courses\/warm-up-basics\/planing/,
  },
  {
    rule: "images",
    file: L2,
    breakIt: (r) => {
      edit(r, L2, "](images/intensity-steps.svg)", "](images/missing.svg)");
      return "images/missing.svg";
    },
    message: /image "images\/missing.svg" does not exist/,
  },
  {
    rule: "images",
    file: L1,
    breakIt: (r) => {
      edit(r, L1, /!\[[^\]]+\]\(images\/intensity-steps.svg\)/, "![](images/intensity-steps.svg)");
      return "![](images/";
    },
    message: /needs alt text/,
  },
  {
    rule: "images",
    file: L1,
    breakIt: (r) => {
      writeFileSync(path.join(r, COURSE, "images/huge.svg"), `<svg xmlns="http://www.w3.org/2000/svg">${"<g/>".repeat(50_000)}</svg>`);
      edit(r, L1, "](images/intensity-steps.svg)", "](images/huge.svg)");
      return "images/huge.svg";
    },
    message: /is \d+ KB; the limit is 150 KB/,
  },
  {
    rule: "lesson-structure",
    file: L2,
    breakIt: (r) => {
      edit(r, L2, /<KeyTakeaways>[\s\S]*<\/KeyTakeaways>/, "That is all.");
      return "That is all.";
    },
    message: /a lesson ends with <KeyTakeaways>/,
  },
  {
    rule: "final-coverage",
    file: QUIZ,
    breakIt: (r) => {
      edit(r, QUIZ, '"lesson": "reading-the-room"', '"lesson": "why-warm-up"');
      return "{";
    },
    message: /no question covers lesson "reading-the-room"/,
  },
  {
    rule: "changelog",
    file: "course.mdx",
    breakIt: (r) => {
      edit(r, "course.mdx", 'version: "1.0.0"\n    changes', 'version: "2.0.0"\n    changes');
      return 'version: "2.0.0"';
    },
    message: /changelog entry 2.0.0 is newer than the course version 1.0.0/,
  },
  {
    rule: "course-version",
    file: L2,
    withPrevious: true,
    breakIt: (r) => {
      edit(r, L2, "Open with whole-body movement", "Start with whole-body movement");
      return "---";
    },
    message: /changed since the last sync but the course is still version 1.0.0/,
  },
  {
    rule: "question-version",
    file: QUIZ,
    withPrevious: true,
    breakIt: (r) => {
      edit(r, QUIZ, '"answer": "climb"', '"answer": "flat"');
      return '"id": "wu-gradual"';
    },
    message: /question "wu-gradual" changed since the last sync but is still version 1: give it version 2/,
  },
];

describe("one broken copy per rule fails with file, line and rule", () => {
  test.each(CASES.map((c) => [`${c.rule}: ${c.message.source.slice(0, 50)}`, c] as const))("%s", async (_name, c) => {
    const root = copyFixture();
    const previous = c.withPrevious ? snapshotFromCourses(loadForCheck([root]).courses) : null;
    const marker = c.breakIt(root);
    const { problems } = await check(root, previous);
    const found = problems.find((p) => p.rule === c.rule && c.message.test(p.message));
    expect(found, problems.map(formatProblem).join("\n") || "no problems").toBeDefined();
    expect(found!.file).toBe(path.join(root, COURSE, c.file));
    // The line named is the line of the offending text (json: the line after the missing comma,
    // where the parser stops; question-version: the question's version line).
    const expected = c.rule === "question-version" ? lineOf(root, c.file, marker) + 1 : lineOf(root, c.file, marker);
    expect(found!.line).toBe(expected);
    expect(formatProblem(found!)).toContain(`:${expected}`);
    expect(formatProblem(found!)).toContain(`[${c.rule}]`);
    rmSync(root, { recursive: true, force: true });
  });
});

test("the version rules compare with git HEAD when there is no database", async () => {
  const root = copyFixture();
  const git = (...args: string[]) => execFileSync("git", ["-c", "user.email=t@example.test", "-c", "user.name=t", ...args], { cwd: root, stdio: "pipe" });
  git("init", "-q");
  git("add", ".");
  git("commit", "-qm", "first");
  expect(snapshotFromGit([root])?.courses.get("warm-up-basics")?.version).toBe("1.0.0");
  edit(root, L1, "A class that starts cold", "A class that begins cold");
  const { problems } = await check(root, snapshotFromGit([root]));
  expect(problems.map(formatProblem)).toEqual([
    `${path.join(root, COURSE, L1)}:1 [course-version] changed since git HEAD but the course is still version 1.0.0: raise \`version\` in ${path.join(root, COURSE, "course.mdx")} (and add a changelog entry)`,
  ]);
  edit(root, "course.mdx", 'version: "1.0.0"\norder', 'version: "1.0.1"\norder');
  expect((await check(root, snapshotFromGit([root]))).problems).toEqual([]);
});
