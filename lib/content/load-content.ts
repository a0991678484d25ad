import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { ZQuizFile, type TQuizFile } from "@/lib/quiz/quiz-schema";
import { estimateLessonTime, expectedQuizItems, type TLessonEstimate } from "./estimate-learning-time";
import { ZCourseFrontmatter, ZLessonFrontmatter, ZSlug, type TCourseFrontmatter, type TLessonFrontmatter } from "./content-schema";

// Reads content/ from disk: adding a course is adding a folder. Everything here is plain data;
// quiz files hold answer keys, so callers that reach a browser must strip them (lib/quiz).

export type TLessonSource = {
  slug: string;
  order: number;
  file: string;
  frontmatter: TLessonFrontmatter;
  body: string;
  hash: string;
  /** Estimated learning time (lib/content/estimate-learning-time.ts), set once the quizzes are read. */
  estimate: TLessonEstimate;
};

export type TQuizSource = { slug: string; file: string; quiz: TQuizFile; hash: string };

export type TCourseSource = {
  slug: string;
  dir: string;
  frontmatter: TCourseFrontmatter;
  intro: string;
  lessons: TLessonSource[];
  quizzes: TQuizSource[];
  contactMinutes: number;
  hash: string;
};

export class ContentError extends Error {
  override name = "ContentError";
}

/** content/ (or CONTENT_DIR), plus EXTRA_CONTENT_DIR when set (the e2e fixture course). */
export function contentRoots(): string[] {
  const roots = [path.resolve(process.env.CONTENT_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), "content"))];
  if (process.env.EXTRA_CONTENT_DIR) roots.push(path.resolve(process.env.EXTRA_CONTENT_DIR));
  return roots;
}

export function hashText(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function formatIssues(file: string, issues: { path: PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `${file}: ${i.path.map(String).join(".") || "(root)"} ${i.message}`).join("\n");
}

const LESSON_FILE = /^(\d{2})-([a-z0-9-]+)\.mdx$/;

export function loadCourse(dir: string): TCourseSource {
  const slug = path.basename(dir);
  const slugCheck = ZSlug.safeParse(slug);
  if (!slugCheck.success) throw new ContentError(`${dir}: folder name ${slugCheck.error.issues[0]?.message}`);
  const courseFile = path.join(dir, "course.mdx");
  if (!existsSync(courseFile)) throw new ContentError(`${dir}: missing course.mdx`);
  const courseRaw = readFileSync(courseFile, "utf8");
  const courseMatter = matter(courseRaw);
  const fm = ZCourseFrontmatter.safeParse(courseMatter.data);
  if (!fm.success) throw new ContentError(formatIssues(courseFile, fm.error.issues));

  const lessonsDir = path.join(dir, "lessons");
  const lessons: TLessonSource[] = [];
  for (const name of existsSync(lessonsDir) ? readdirSync(lessonsDir).sort() : []) {
    if (!name.endsWith(".mdx")) continue;
    const file = path.join(lessonsDir, name);
    const m = LESSON_FILE.exec(name);
    if (!m) throw new ContentError(`${file}: lesson files are named NN-slug.mdx, e.g. 01-introduction.mdx`);
    const raw = readFileSync(file, "utf8");
    const parsed = matter(raw);
    const lfm = ZLessonFrontmatter.safeParse(parsed.data);
    if (!lfm.success) throw new ContentError(formatIssues(file, lfm.error.issues));
    const estimate = estimateLessonTime({ body: parsed.content });
    lessons.push({ slug: m[2], order: Number(m[1]), file, frontmatter: lfm.data, body: parsed.content, hash: hashText(raw), estimate });
  }
  if (lessons.length === 0) throw new ContentError(`${dir}: a course needs at least one lesson in lessons/`);
  const seen = new Set<string>();
  for (const l of lessons) {
    if (seen.has(l.slug)) throw new ContentError(`${l.file}: duplicate lesson slug "${l.slug}"`);
    seen.add(l.slug);
  }

  const quizzesDir = path.join(dir, "quizzes");
  const quizzes: TQuizSource[] = [];
  for (const name of existsSync(quizzesDir) ? readdirSync(quizzesDir).sort() : []) {
    if (!name.endsWith(".json")) continue;
    const file = path.join(quizzesDir, name);
    const raw = readFileSync(file, "utf8");
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch (error) {
      throw new ContentError(`${file}: not valid JSON (${(error as Error).message})`);
    }
    const q = ZQuizFile.safeParse(data);
    if (!q.success) throw new ContentError(formatIssues(file, q.error.issues));
    const quizSlug = name.replace(/\.json$/, "");
    for (const question of q.data.questions) {
      if (!seen.has(question.lesson)) throw new ContentError(`${file}: question ${question.id} names unknown lesson "${question.lesson}"`);
    }
    if (q.data.lesson && !seen.has(q.data.lesson)) throw new ContentError(`${file}: unknown lesson "${q.data.lesson}"`);
    quizzes.push({ slug: quizSlug, file, quiz: q.data, hash: hashText(raw) });
  }
  if (quizzes.filter((q) => q.quiz.kind === "final").length > 1) throw new ContentError(`${dir}: at most one final assessment per course`);

  const quizShapes = quizzes.map((q) => q.quiz);
  for (const l of lessons) l.estimate = estimateLessonTime({ body: l.body, quizItems: expectedQuizItems(l.slug, quizShapes) });

  const contactMinutes = lessons.reduce((sum, l) => sum + l.frontmatter.minutes, 0);
  if (Math.round(fm.data.contactHours * 60) !== contactMinutes) {
    throw new ContentError(
      `${courseFile}: contactHours is ${fm.data.contactHours} but the lessons' minutes add up to ${contactMinutes} (${contactMinutes / 60} h)`,
    );
  }
  const hash = hashText([hashText(courseRaw), ...lessons.map((l) => l.hash), ...quizzes.map((q) => q.hash)].join(":"));
  return { slug, dir, frontmatter: fm.data, intro: courseMatter.content, lessons, quizzes, contactMinutes, hash };
}

let cache: { root: string; courses: TCourseSource[] } | undefined;

/** Every course under content/courses, sorted by frontmatter order. Cached per process. */
export function loadAllCourses(options: { fresh?: boolean } = {}): TCourseSource[] {
  const root = contentRoots().join(path.delimiter);
  if (!options.fresh && cache?.root === root) return cache.courses;
  const dirs = contentRoots().flatMap((base) => {
    const coursesDir = path.join(base, "courses");
    return existsSync(coursesDir)
      ? readdirSync(coursesDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => path.join(coursesDir, d.name))
      : [];
  });
  const courses = dirs.map(loadCourse).sort((a, b) => a.frontmatter.order - b.frontmatter.order || a.slug.localeCompare(b.slug));
  cache = { root, courses };
  return courses;
}

export function findCourse(slug: string): TCourseSource | undefined {
  return loadAllCourses().find((c) => c.slug === slug);
}

export function findLesson(courseSlug: string, lessonSlug: string) {
  const course = findCourse(courseSlug);
  const index = course?.lessons.findIndex((l) => l.slug === lessonSlug) ?? -1;
  if (!course || index < 0) return undefined;
  return { course, lesson: course.lessons[index], previous: course.lessons[index - 1], next: course.lessons[index + 1], index };
}
