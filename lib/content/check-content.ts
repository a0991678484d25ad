import { readFileSync } from "node:fs";
import { getMDXComponent } from "mdx-bundler/client";
import { checkAssessment } from "./check-assessment";
import { checkActivities, checkDeclaredMinutes } from "./estimate-learning-time";
import { compileMdx } from "./compile-lesson.server";
import { imageProblem } from "./course-images";
import { ContentError, courseDirs, escapeRegExp, findLine, loadCourse, type TContentLocation, type TCourseSource } from "./load-content";
import type { TContentSnapshot } from "./content-snapshot";
import { compareVersions } from "./course-lifecycle";
import { hashQuestion } from "./question-hash";

// `npm run content:check` (and `npm start`, before it syncs): everything the build and the sync
// would refuse, found first, each with its file, line and rule. The checks are a list of
// independent entries: add a rule by adding an entry to CONTENT_CHECKS (docs/authoring.md lists
// them from this array).

export type TContentProblem = TContentLocation & { message: string };

type TCheckContext = {
  courses: TCourseSource[];
  /** The components lessons may use: the real map of components/mdx/index.ts. */
  components: Record<string, unknown>;
  /** What the database (or git HEAD) holds, for the version rules; null when neither is available. */
  previous: TContentSnapshot | null;
};

export type TContentCheck = {
  rule: string;
  /** One line for docs/authoring.md. */
  description: string;
  run: (ctx: TCheckContext) => TContentProblem[] | Promise<TContentProblem[]>;
};

type TSource = { course: TCourseSource; file: string; body: string; bodyLine: number; lesson: boolean };

function sourcesOf(course: TCourseSource): TSource[] {
  return [
    { course, file: `${course.dir}/course.mdx`, body: course.intro, bodyLine: course.introLine, lesson: false },
    ...course.lessons.map((l) => ({ course, file: l.file, body: l.body, bodyLine: l.bodyLine, lesson: true })),
  ];
}

/** File line of a match inside an MDX body (bodies start after the frontmatter). */
function lineIn(source: TSource, pattern: RegExp): number {
  const inBody = findLine(source.body, pattern);
  return inBody ? source.bodyLine + inBody - 1 : source.bodyLine;
}

const LINK = /\]\((\/courses\/[^)\s#]+)(?:#[^)\s]*)?\)/g;
const IMAGE = /!\[([^\]]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g;
const VISUAL = /<(Figure|[A-Z][A-Za-z0-9]*Diagram)\b|!\[[^\]]+\]\(/;

// Compiled once per check run and shared by the checks that need it.
const compiled = new WeakMap<TSource["course"], Map<string, Promise<{ code: string } | { error: Error }>>>();
function compileOnce(source: TSource) {
  let perCourse = compiled.get(source.course);
  if (!perCourse) {
    perCourse = new Map();
    compiled.set(source.course, perCourse);
  }
  let result = perCourse.get(source.file);
  if (!result) {
    result = compileMdx(source.body, { courseDir: source.course.dir }).then(
      (r) => ({ code: r.code }),
      (error: Error) => ({ error }),
    );
    perCourse.set(source.file, result);
  }
  return result;
}

type TEsbuildError = { errors?: { text: string; location?: { line: number; column: number } | null }[] };

export const CONTENT_CHECKS: TContentCheck[] = [
  {
    rule: "mdx-compile",
    description: "every course.mdx and lesson compiles as MDX (unclosed tags, bad JSX, stray braces)",
    async run({ courses }) {
      const problems: TContentProblem[] = [];
      for (const source of courses.flatMap(sourcesOf)) {
        const result = await compileOnce(source);
        if (!("error" in result)) continue;
        const first = (result.error as TEsbuildError).errors?.[0];
        // "Cannot process MDX file with esbuild:\n  6:70-6:80: Unexpected closing tag…": keep the reason.
        const text = (first?.text ?? result.error.message)
          .replace(/^Cannot process MDX file with esbuild:\s*/, "")
          .replace(/^\d+:\d+(-\d+:\d+)?:\s*/, "")
          .split("\n")[0];
        // Image problems are reported by their own rule, with the image's line.
        if (/^image "/.test(text)) continue;
        const line = first?.location ? source.bodyLine + first.location.line - 1 : source.bodyLine;
        problems.push({ file: source.file, line, column: first?.location?.column, rule: "mdx-compile", message: `does not compile: ${text}` });
      }
      return problems;
    },
  },
  {
    rule: "components",
    description: "every component a lesson uses exists in the component map (what fails `next build` otherwise)",
    async run({ courses, components }) {
      const problems: TContentProblem[] = [];
      for (const source of courses.flatMap(sourcesOf)) {
        const result = await compileOnce(source);
        if ("error" in result) continue;
        // Running the compiled lesson with the real map throws exactly where the prerender would.
        let missing: string | null = null;
        try {
          const Content = getMDXComponent(result.code) as unknown as (props: { components: Record<string, unknown> }) => unknown;
          Content({ components });
        } catch (error) {
          missing = /Expected component `?([A-Za-z0-9_.]+)`? to be defined/.exec((error as Error).message)?.[1] ?? null;
          if (!missing) {
            problems.push({ file: source.file, line: source.bodyLine, rule: "components", message: `does not render: ${(error as Error).message.split("\n")[0]}` });
            continue;
          }
        }
        // Report every unknown tag, not just the first the renderer met.
        const unknown = new Set<string>(missing ? [missing] : []);
        for (const m of source.body.matchAll(/<([A-Z][A-Za-z0-9]*)\b/g)) if (!(m[1] in components) && missing) unknown.add(m[1]);
        for (const name of unknown) {
          problems.push({
            file: source.file,
            line: lineIn(source, new RegExp(`<${escapeRegExp(name)}\\b`)),
            rule: "components",
            message: `<${name}> is not a lesson component (available: ${Object.keys(components).join(", ")})`,
          });
        }
      }
      return problems;
    },
  },
  {
    rule: "no-imports",
    description: "lessons do not import or export code; they use the components above",
    run: ({ courses }) =>
      courses.flatMap(sourcesOf).flatMap((s) =>
        /^\s*(import|export)\s/m.test(s.body)
          ? [{ file: s.file, line: lineIn(s, /^\s*(import|export)\s/), rule: "no-imports", message: "lessons may not import or export; use the available components" }]
          : [],
      ),
  },
  {
    rule: "links",
    description: "every internal link (`/courses/...`) points at a course, lesson or quiz that exists",
    run({ courses }) {
      const paths = new Set<string>();
      for (const c of courses) {
        if (c.frontmatter.status === "retired") continue;
        paths.add(`/courses/${c.slug}`);
        for (const l of c.lessons) paths.add(`/courses/${c.slug}/${l.slug}`);
        for (const q of c.quizzes) paths.add(`/courses/${c.slug}/quiz/${q.slug}`);
      }
      return courses.flatMap(sourcesOf).flatMap((s) =>
        [...s.body.matchAll(LINK)]
          .filter((m) => !paths.has(m[1].replace(/\/$/, "")))
          .map((m) => ({ file: s.file, line: lineIn(s, new RegExp(escapeRegExp(`](${m[1]}`))), rule: "links", message: `broken internal link ${m[1]}` })),
      );
    },
  },
  {
    rule: "images",
    description: "every image is a file in the course's `images/` folder (SVG, PNG or WebP, at most 150 KB) and has alt text",
    run: ({ courses }) =>
      courses.flatMap(sourcesOf).flatMap((s) =>
        [...s.body.matchAll(IMAGE)].flatMap((m) => {
          const line = lineIn(s, new RegExp(escapeRegExp(`](${m[2]}`)));
          const problems: TContentProblem[] = [];
          if (!m[1].trim()) problems.push({ file: s.file, line, rule: "images", message: `image "${m[2]}" needs alt text: ![what the image shows](${m[2]})` });
          const problem = imageProblem(s.course.dir, m[2]);
          if (problem) problems.push({ file: s.file, line, rule: "images", message: problem });
          return problems;
        }),
      ),
  },
  {
    rule: "lesson-structure",
    description: "every lesson has at least one visual (a `<Figure>`, a diagram or an image) and ends with `<KeyTakeaways>`",
    run: ({ courses }) =>
      courses.flatMap(sourcesOf).flatMap((s) => {
        if (!s.lesson) return [];
        const problems: TContentProblem[] = [];
        const end = s.bodyLine + s.body.replace(/\s+$/, "").split("\n").length - 1;
        if (!s.body.includes("<KeyTakeaways")) problems.push({ file: s.file, line: end, rule: "lesson-structure", message: "a lesson ends with <KeyTakeaways>" });
        if (!VISUAL.test(s.body)) problems.push({ file: s.file, line: s.bodyLine, rule: "lesson-structure", message: "a lesson needs at least one visual (<Figure>, a diagram or an image)" });
        return problems;
      }),
  },
  {
    rule: "learning-time",
    description:
      "a lesson's `minutes` exceed its estimated learning time (words at 200 a minute, figures, `<Activity>` minutes, expected quiz items) by at most 20 %, and every `<Activity>` has a kind and its minutes",
    run: ({ courses }) =>
      courses.flatMap((c) =>
        c.lessons.flatMap((l) => {
          // The estimator speaks in "file: message"; these rules are about the lesson as a whole.
          const texts = [...checkActivities(l.file, l.body), checkDeclaredMinutes(l.file, l.frontmatter.minutes, l.estimate)].filter((t): t is string => !!t);
          return texts.map((text) => ({
            file: l.file,
            line: text.includes("<Activity>") ? lineIn({ course: c, file: l.file, body: l.body, bodyLine: l.bodyLine, lesson: true }, /<Activity\b/) : (findLine(readFileSync(l.file, "utf8"), /^minutes\s*:/) ?? 1),
            rule: "learning-time",
            message: text.slice(l.file.length + 2),
          }));
        }),
      ),
  },
  {
    rule: "final-coverage",
    description: "the final assessment has at least one question on every lesson",
    run: ({ courses }) =>
      courses.flatMap((c) => {
        const final = c.quizzes.find((q) => q.quiz.kind === "final");
        if (!final) return [];
        const covered = new Set(final.quiz.questions.map((q) => q.lesson));
        return c.lessons
          .filter((l) => !covered.has(l.slug))
          .map((l) => ({ file: final.file, line: 1, rule: "final-coverage", message: `no question covers lesson "${l.slug}"` }));
      }),
  },
  {
    rule: "assessment",
    description:
      "every question of a final names the lesson objectives it tests, every lesson objective is tested by the final, revisit sections exist, matching questions have a spare choice, and no knowledge check repeats a final question",
    run: ({ courses }) =>
      courses.flatMap((c) =>
        checkAssessment(c).problems.map((text) => {
          // checkAssessment speaks in "file: message"; point at the question's line where it names one.
          const [file, ...rest] = text.split(": ");
          const message = rest.join(": ");
          const quiz = c.quizzes.find((q) => q.file === file);
          const id = /^question (\S+)/.exec(message)?.[1];
          const line = quiz && id ? findLine(quiz.raw, new RegExp(`"id"\\s*:\\s*"${escapeRegExp(id)}"`)) : undefined;
          return { file, line: line ?? 1, rule: "assessment", message };
        }),
      ),
  },
  {
    rule: "question-ids",
    description: "question ids are unique across every quiz of every course (they are database keys)",
    run({ courses }) {
      const seen = new Map<string, string>();
      const problems: TContentProblem[] = [];
      for (const c of courses) {
        for (const q of c.quizzes) {
          for (const question of q.quiz.questions) {
            const other = seen.get(question.id);
            if (other) {
              const line = findLine(q.raw, new RegExp(`"id"\\s*:\\s*"${escapeRegExp(question.id)}"`));
              problems.push({ file: q.file, line, rule: "question-ids", message: `question id "${question.id}" is also used in ${other}` });
            } else seen.set(question.id, q.file);
          }
        }
      }
      return problems;
    },
  },
  {
    rule: "changelog",
    description: "changelog entries name versions no newer than the course's `version`, each once",
    run: ({ courses }) =>
      courses.flatMap((c) => {
        const file = `${c.dir}/course.mdx`;
        const seen = new Set<string>();
        return c.frontmatter.changelog.flatMap((entry) => {
          const line = findLine(c.raw, new RegExp(`version\\s*:\\s*["']?${escapeRegExp(entry.version)}\\b`)) ?? 1;
          const problems: TContentProblem[] = [];
          if (compareVersions(entry.version, c.frontmatter.version) > 0)
            problems.push({ file, line, rule: "changelog", message: `changelog entry ${entry.version} is newer than the course version ${c.frontmatter.version}` });
          if (seen.has(entry.version)) problems.push({ file, line, rule: "changelog", message: `changelog lists version ${entry.version} twice` });
          seen.add(entry.version);
          return problems;
        });
      }),
  },
  {
    rule: "course-version",
    description: "a changed, added or removed lesson comes with a higher course `version` than the one last synced (or committed)",
    run({ courses, previous }) {
      if (!previous) return [];
      const problems: TContentProblem[] = [];
      for (const c of courses) {
        const before = previous.courses.get(c.slug);
        if (!before) continue;
        const file = `${c.dir}/course.mdx`;
        const line = findLine(c.raw, /^version\s*:/) ?? 1;
        const order = compareVersions(c.frontmatter.version, before.version);
        if (order < 0) {
          problems.push({ file, line, rule: "course-version", message: `version ${c.frontmatter.version} is lower than ${before.version} in ${previous.source}` });
          continue;
        }
        if (order > 0) continue;
        const changed = c.lessons.filter((l) => before.lessons.get(l.slug) !== l.hash);
        for (const l of changed) {
          problems.push({
            file: l.file,
            line: 1,
            rule: "course-version",
            message: `${before.lessons.has(l.slug) ? "changed" : "added"} since ${previous.source} but the course is still version ${c.frontmatter.version}: raise \`version\` in ${file} (and add a changelog entry)`,
          });
        }
        const removed = [...before.lessons.keys()].filter((slug) => !c.lessons.some((l) => l.slug === slug));
        if (removed.length) {
          problems.push({ file, line, rule: "course-version", message: `lesson(s) ${removed.join(", ")} removed since ${previous.source}: raise \`version\`` });
        }
      }
      return problems;
    },
  },
  {
    rule: "question-version",
    description: "a changed question gets a higher `version` (attempts keep the version they answered)",
    run({ courses, previous }) {
      if (!previous) return [];
      const problems: TContentProblem[] = [];
      for (const c of courses) {
        for (const q of c.quizzes) {
          for (const question of q.quiz.questions) {
            const hash = previous.questions.get(`${question.id}@${question.version}`);
            if (hash === undefined || hash === hashQuestion(question)) continue;
            const start = findLine(q.raw, new RegExp(`"id"\\s*:\\s*"${escapeRegExp(question.id)}"`));
            const line = (start && findLine(q.raw, /"version"\s*:/, start)) || start;
            problems.push({
              file: q.file,
              line,
              rule: "question-version",
              message: `question "${question.id}" changed since ${previous.source} but is still version ${question.version}: give it version ${question.version + 1}`,
            });
          }
        }
      }
      return problems;
    },
  },
];

/** Loads every course folder, turning load errors into problems so one broken course hides nothing else. */
export function loadForCheck(roots: string[]): { courses: TCourseSource[]; problems: TContentProblem[] } {
  const courses: TCourseSource[] = [];
  const problems: TContentProblem[] = [];
  for (const dir of courseDirs(roots)) {
    try {
      courses.push(loadCourse(dir));
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      problems.push(...(error.problems.length ? error.problems : [{ file: dir, rule: "load", message: error.message }]));
    }
  }
  return { courses, problems };
}

/** Runs every check over the content roots; problems are sorted by file and line. */
export async function checkContent({
  roots,
  components,
  previous = null,
  checks = CONTENT_CHECKS,
}: {
  roots: string[];
  components: Record<string, unknown>;
  previous?: TContentSnapshot | null;
  checks?: TContentCheck[];
}): Promise<{ courses: TCourseSource[]; problems: TContentProblem[] }> {
  const loaded = loadForCheck(roots);
  const problems = [...loaded.problems];
  for (const check of checks) problems.push(...(await check.run({ courses: loaded.courses, components, previous })));
  problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return { courses: loaded.courses, problems };
}

/** `file:line:column [rule] message`, the shape editors and CI annotate. */
export function formatProblem(p: TContentProblem): string {
  return `${p.file}${p.line ? `:${p.line}${p.column ? `:${p.column}` : ""}` : ""} [${p.rule}] ${p.message}`;
}
