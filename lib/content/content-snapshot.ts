import { spawnSync } from "node:child_process";
import path from "node:path";
import matter from "gray-matter";
import { ZQuizFile } from "@/lib/quiz/quiz-schema";
import { courseDirs, hashText } from "./load-content";
import { hashQuestion } from "./question-hash";

// What content looked like before the author's edit, for the version rules of content:check:
// the database's last sync when one is reachable (content-snapshot.server.ts), otherwise the
// last git commit. Both are reduced to the same shape.

export type TContentSnapshot = {
  /** Said in messages: "the database" or "git HEAD". */
  source: string;
  courses: Map<string, { version: string; lessons: Map<string, string> }>;
  /** Content hash of each question version, keyed `id@version`. */
  questions: Map<string, string>;
};

const LESSON_FILE = /^lessons\/\d{2}-([a-z0-9-]+)\.mdx$/;

function git(cwd: string, args: string[]): string | null {
  const res = spawnSync("git", args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return res.status === 0 ? res.stdout : null;
}

/** The committed (HEAD) state of every course folder under `roots`, or null outside a git work tree. */
export function snapshotFromGit(roots: string[]): TContentSnapshot | null {
  const snapshot: TContentSnapshot = { source: "git HEAD", courses: new Map(), questions: new Map() };
  let inGit = false;
  for (const dir of courseDirs(roots)) {
    const top = git(dir, ["rev-parse", "--show-toplevel"])?.trim();
    if (!top) continue;
    inGit = true;
    const rel = path.relative(top, dir).split(path.sep).join("/");
    const files = git(top, ["ls-tree", "-r", "--name-only", "HEAD", "--", `${rel}/`]);
    if (!files) continue;
    const show = (file: string) => git(top, ["show", `HEAD:${rel}/${file}`]);
    const courseRaw = show("course.mdx");
    if (courseRaw === null) continue;
    const version = String(matter(courseRaw).data.version ?? "");
    const lessons = new Map<string, string>();
    for (const name of files.split("\n").filter(Boolean).map((f) => f.slice(rel.length + 1))) {
      const lesson = LESSON_FILE.exec(name);
      if (lesson) {
        const raw = show(name);
        if (raw !== null) lessons.set(lesson[1], hashText(raw));
      } else if (/^quizzes\/[^/]+\.json$/.test(name)) {
        try {
          const quiz = ZQuizFile.safeParse(JSON.parse(show(name) ?? ""));
          if (quiz.success) for (const q of quiz.data.questions) snapshot.questions.set(`${q.id}@${q.version}`, hashQuestion(q));
        } catch {
          // A committed file that was already broken has nothing to compare with.
        }
      }
    }
    snapshot.courses.set(path.basename(dir), { version, lessons });
  }
  return inGit ? snapshot : null;
}

/** The snapshot of already-loaded courses (what a sync of them would leave in the database). */
export function snapshotFromCourses(courses: { slug: string; frontmatter: { version: string }; lessons: { slug: string; hash: string }[]; quizzes: { quiz: { questions: Parameters<typeof hashQuestion>[0][] } }[] }[], source = "the last sync"): TContentSnapshot {
  const snapshot: TContentSnapshot = { source, courses: new Map(), questions: new Map() };
  for (const c of courses) {
    snapshot.courses.set(c.slug, { version: c.frontmatter.version, lessons: new Map(c.lessons.map((l) => [l.slug, l.hash])) });
    for (const q of c.quizzes) for (const question of q.quiz.questions) snapshot.questions.set(`${question.id}@${question.version}`, hashQuestion(question));
  }
  return snapshot;
}
