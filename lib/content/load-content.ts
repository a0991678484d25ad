import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { setting } from "@/lib/env";
import { ZQuizFile, type TQuizFile } from "@/lib/quiz/quiz-schema";
import { estimateLessonTime, expectedQuizItems, type TLessonEstimate } from "./estimate-learning-time";
import { ZCourseFrontmatter, ZLessonFrontmatter, ZSlug, type TCourseFrontmatter, type TLessonFrontmatter } from "./content-schema";

// Reads content/ from disk: adding a course is adding a folder. Everything here is plain data;
// quiz files hold answer keys, so callers that reach a browser must strip them (lib/quiz).

type TLessonSource = {
  slug: string;
  order: number;
  file: string;
  frontmatter: TLessonFrontmatter;
  body: string;
  /** The file line on which `body` starts (after the frontmatter), for problem reports. */
  bodyLine: number;
  hash: string;
  /** Estimated learning time (lib/content/estimate-learning-time.ts), set once the quizzes are read. */
  estimate: TLessonEstimate;
};

type TQuizSource = { slug: string; file: string; quiz: TQuizFile; hash: string; raw: string };

export type TCourseSource = {
  slug: string;
  dir: string;
  frontmatter: TCourseFrontmatter;
  /** The whole course.mdx, for problem lines. */
  raw: string;
  intro: string;
  introLine: number;
  lessons: TLessonSource[];
  quizzes: TQuizSource[];
  contactMinutes: number;
  hash: string;
};

/** Where a content problem is and which rule it breaks, so authors can jump straight to it. */
export type TContentLocation = { file: string; line?: number; column?: number; rule: string };

export class ContentError extends Error {
  override name = "ContentError";
  /** One entry per problem found (a file can break several rules at once). */
  readonly problems: (TContentLocation & { message: string })[];
  constructor(message: string, problems?: (TContentLocation & { message: string })[]) {
    super(message);
    this.problems = problems ?? [];
  }
}

function contentError(loc: TContentLocation, message: string): ContentError {
  return new ContentError(`${loc.file}${loc.line ? `:${loc.line}` : ""}: ${message}`, [{ ...loc, message }]);
}

/** 1-based line and column of a character offset. */
function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const lines = before.split("\n");
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/** The line of the first match of `pattern` at or after line `from` (1-based), else undefined. */
export function findLine(text: string, pattern: RegExp, from = 1): number | undefined {
  const lines = text.split("\n");
  for (let i = from - 1; i < lines.length; i++) if (pattern.test(lines[i])) return i + 1;
  return undefined;
}

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** content/ (or CONTENT_DIR), plus EXTRA_CONTENT_DIR when set (the e2e fixture course). */
export function contentRoots(): string[] {
  const extra = setting("EXTRA_CONTENT_DIR");
  const roots = [path.resolve(setting("CONTENT_DIR") ?? path.join(/*turbopackIgnore: true*/ process.cwd(), "content"))];
  if (extra) roots.push(path.resolve(extra));
  return roots;
}

export function hashText(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

type TIssue = { path: PropertyKey[]; message: string };

function issuesError(problems: (TContentLocation & { message: string })[]): ContentError {
  return new ContentError(problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ""}: ${p.message}`).join("\n"), problems);
}

// Frontmatter issues point at the line of their top-level key (a missing key: the first line).
function frontmatterIssues(file: string, raw: string, issues: TIssue[]) {
  return issues.map((i) => {
    const key = i.path[0] === undefined ? undefined : String(i.path[0]);
    const line = (key && findLine(raw, new RegExp(`^${escapeRegExp(key)}\\s*:`))) || 1;
    return { file, line, rule: "frontmatter", message: `${i.path.map(String).join(".") || "(frontmatter)"} ${i.message}` };
  });
}

// Quiz issues name the question by its id, not its index ("questions.3.answer" helps nobody),
// and point at the line of the field inside that question.
function quizIssues(file: string, raw: string, data: unknown, issues: TIssue[]) {
  const questions = (data as { questions?: { id?: unknown }[] } | null)?.questions;
  return issues.map((i) => {
    const [head, index, field, ...rest] = i.path;
    if (head === "questions" && typeof index === "number" && Array.isArray(questions)) {
      const id = questions[index]?.id;
      const name = typeof id === "string" ? `question "${id}"` : `question #${index + 1}`;
      const start = typeof id === "string" ? findLine(raw, new RegExp(`"id"\\s*:\\s*"${escapeRegExp(id)}"`)) : undefined;
      const line = (start && field !== undefined && findLine(raw, new RegExp(`"${escapeRegExp(String(field))}"\\s*:`), start)) || start;
      const where = [field, ...rest].filter((p) => p !== undefined).map(String).join(".");
      return { file, line, rule: "quiz-schema", message: `${name}${where ? ` ${where}` : ""}: ${i.message}` };
    }
    const key = head === undefined ? undefined : String(head);
    const line = key ? findLine(raw, new RegExp(`^\\s*"${escapeRegExp(key)}"\\s*:`)) : undefined;
    return { file, line, rule: "quiz-schema", message: `${i.path.map(String).join(".") || "(quiz)"} ${i.message}` };
  });
}

/** JSON.parse with the error as a line and column instead of a character position. */
function parseJsonFile(file: string, raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch (error) {
    const message = (error as Error).message;
    const at = /at position (\d+)/.exec(message);
    const { line, column } = at ? lineColumnAt(raw, Number(at[1])) : { line: undefined, column: undefined };
    const reason = message.replace(/\s*in JSON at position \d+.*$/, "").replace(/^JSON\.parse: /, "");
    throw contentError({ file, line, column, rule: "json" }, `not valid JSON${line ? ` at line ${line}, column ${column}` : ""}: ${reason}`);
  }
}

function bodyStartLine(raw: string, body: string): number {
  const at = body ? raw.lastIndexOf(body) : -1;
  return at < 0 ? 1 : raw.slice(0, at).split("\n").length;
}

const LESSON_FILE = /^(\d{2})-([a-z0-9-]+)\.mdx$/;

export function loadCourse(dir: string): TCourseSource {
  const slug = path.basename(dir);
  const slugCheck = ZSlug.safeParse(slug);
  if (!slugCheck.success) throw contentError({ file: dir, rule: "course-folder" }, `folder name ${slugCheck.error.issues[0]?.message}`);
  const courseFile = path.join(dir, "course.mdx");
  if (!existsSync(courseFile)) throw contentError({ file: dir, rule: "course-folder" }, "missing course.mdx");
  // Every file is read even after a problem, so an author sees all of a course's problems at once.
  const problems: (TContentLocation & { message: string })[] = [];
  const courseRaw = readFileSync(courseFile, "utf8");
  const courseMatter = matter(courseRaw);
  const fm = ZCourseFrontmatter.safeParse(courseMatter.data);
  if (!fm.success) problems.push(...frontmatterIssues(courseFile, courseRaw, fm.error.issues));

  const lessonsDir = path.join(dir, "lessons");
  const lessons: TLessonSource[] = [];
  // Slugs from file names, so a lesson with bad frontmatter does not also make its questions "unknown".
  const seen = new Set<string>();
  for (const name of existsSync(lessonsDir) ? readdirSync(lessonsDir).sort() : []) {
    if (!name.endsWith(".mdx")) continue;
    const file = path.join(lessonsDir, name);
    const m = LESSON_FILE.exec(name);
    if (!m) {
      problems.push({ file, rule: "lesson-file", message: "lesson files are named NN-slug.mdx, e.g. 01-introduction.mdx" });
      continue;
    }
    if (seen.has(m[2])) problems.push({ file, rule: "lesson-file", message: `duplicate lesson slug "${m[2]}"` });
    seen.add(m[2]);
    const raw = readFileSync(file, "utf8");
    const parsed = matter(raw);
    const lfm = ZLessonFrontmatter.safeParse(parsed.data);
    if (!lfm.success) {
      problems.push(...frontmatterIssues(file, raw, lfm.error.issues));
      continue;
    }
    const estimate = estimateLessonTime({ body: parsed.content });
    lessons.push({ slug: m[2], order: Number(m[1]), file, frontmatter: lfm.data, body: parsed.content, bodyLine: bodyStartLine(raw, parsed.content), hash: hashText(raw), estimate });
  }
  if (seen.size === 0) problems.push({ file: dir, rule: "lesson-file", message: "a course needs at least one lesson in lessons/" });

  const quizzesDir = path.join(dir, "quizzes");
  const quizzes: TQuizSource[] = [];
  for (const name of existsSync(quizzesDir) ? readdirSync(quizzesDir).sort() : []) {
    if (!name.endsWith(".json")) continue;
    const file = path.join(quizzesDir, name);
    const raw = readFileSync(file, "utf8");
    let data: unknown;
    try {
      data = parseJsonFile(file, raw);
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      problems.push(...error.problems);
      continue;
    }
    const q = ZQuizFile.safeParse(data);
    if (!q.success) {
      problems.push(...quizIssues(file, raw, data, q.error.issues));
      continue;
    }
    const unknown = q.data.questions
      .filter((question) => !seen.has(question.lesson))
      .map((question) => ({
        file,
        line: findLine(raw, new RegExp(`"id"\\s*:\\s*"${escapeRegExp(question.id)}"`)),
        rule: "question-lesson",
        message: `question "${question.id}" names unknown lesson "${question.lesson}" (a lesson is named by its file name without the NN- prefix: ${[...seen].join(", ")})`,
      }));
    problems.push(...unknown);
    if (q.data.lesson && !seen.has(q.data.lesson)) {
      problems.push({ file, line: findLine(raw, /^\s*"lesson"\s*:/), rule: "question-lesson", message: `unknown lesson "${q.data.lesson}"` });
    }
    quizzes.push({ slug: name.replace(/\.json$/, ""), file, quiz: q.data, hash: hashText(raw), raw });
  }
  if (quizzes.filter((q) => q.quiz.kind === "final").length > 1) problems.push({ file: quizzesDir, rule: "quiz-schema", message: "at most one final assessment per course" });

  const quizShapes = quizzes.map((q) => q.quiz);
  for (const l of lessons) l.estimate = estimateLessonTime({ body: l.body, quizItems: expectedQuizItems(l.slug, quizShapes) });

  const contactMinutes = lessons.reduce((sum, l) => sum + l.frontmatter.minutes, 0);
  if (fm.success && lessons.length === seen.size && Math.round(fm.data.contactHours * 60) !== contactMinutes) {
    problems.push({
      file: courseFile,
      line: findLine(courseRaw, /^contactHours\s*:/),
      rule: "contact-hours",
      message: `contactHours is ${fm.data.contactHours} but the lessons' minutes add up to ${contactMinutes} (${contactMinutes / 60} h)`,
    });
  }
  if (problems.length || !fm.success) throw issuesError(problems);
  const hash = hashText([hashText(courseRaw), ...lessons.map((l) => l.hash), ...quizzes.map((q) => q.hash)].join(":"));
  return { slug, dir, frontmatter: fm.data, raw: courseRaw, intro: courseMatter.content, introLine: bodyStartLine(courseRaw, courseMatter.content), lessons, quizzes, contactMinutes, hash };
}

/** Every course folder under the given content roots. */
export function courseDirs(roots: string[]): string[] {
  return roots.flatMap((base) => {
    const coursesDir = path.join(base, "courses");
    return existsSync(coursesDir)
      ? readdirSync(coursesDir, { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((d) => path.join(coursesDir, d.name))
          .sort()
      : [];
  });
}

let cache: { root: string; courses: TCourseSource[] } | undefined;

/** Every course under content/courses, sorted by frontmatter order. Cached per process. */
export function loadAllCourses(options: { fresh?: boolean } = {}): TCourseSource[] {
  const root = contentRoots().join(path.delimiter);
  if (!options.fresh && cache?.root === root) return cache.courses;
  const courses = courseDirs(contentRoots())
    .map(loadCourse).sort((a, b) => a.frontmatter.order - b.frontmatter.order || a.slug.localeCompare(b.slug));
  cache = { root, courses };
  return courses;
}

/** The courses trainers can take: a course with `status: retired` keeps its folder but no pages. */
export function loadLiveCourses(): TCourseSource[] {
  return loadAllCourses().filter((c) => c.frontmatter.status !== "retired");
}

export function findCourse(slug: string): TCourseSource | undefined {
  return loadLiveCourses().find((c) => c.slug === slug);
}

export function findLesson(courseSlug: string, lessonSlug: string) {
  const course = findCourse(courseSlug);
  const index = course?.lessons.findIndex((l) => l.slug === lessonSlug) ?? -1;
  if (!course || index < 0) return undefined;
  return { course, lesson: course.lessons[index], previous: course.lessons[index - 1], next: course.lessons[index + 1], index };
}
