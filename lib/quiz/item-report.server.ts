import "server-only";
import { assertAdmin } from "@/lib/auth/assert-admin.server";
import { findCourse } from "@/lib/content/load-content";
import { db } from "@/lib/db";
import { labelChoice } from "./choice-label";
import { readItemStats } from "./item-stats.server";
import { groupByObjective } from "./objective-report";
import { type TQuestion, ZQuestion } from "./quiz-schema";

// Item analysis for the admin console, over every graded answer of a quiz.

export async function getItemReport(quizId: string, adminId: string) {
  await assertAdmin(adminId);
  // The statistics come from per-quiz rollups kept up to date by folding, plus the few attempts
  // graded since (item-stats.server.ts, docs/decisions/016): a final can have millions of answers.
  const [quiz, stats] = await Promise.all([
    db.quiz.findUnique({
      where: { id: quizId },
      select: { title: true, kind: true, course: { select: { title: true, slug: true } }, questions: { select: { id: true, currentVersion: true, archivedAt: true, versions: { select: { version: true, definition: true } } } } },
    }),
    readItemStats(db, quizId),
  ]);
  if (!quiz) return null;
  const definitions = new Map<string, TQuestion>();
  for (const q of quiz.questions) {
    const def = q.versions.find((v) => v.version === q.currentVersion);
    if (def) definitions.set(q.id, ZQuestion.parse(def.definition));
  }
  const items = stats.map((item) => ({
    ...item,
    prompt: definitions.get(item.questionId)?.prompt ?? item.questionId,
    type: definitions.get(item.questionId)?.type ?? "single",
    distribution: item.distribution.map((d) => ({ ...d, label: labelChoice(definitions.get(item.questionId), d.choice) })),
  }));
  // Objectives come from the lessons' frontmatter on disk; the current pool's questions name them.
  const lessons = (findCourse(quiz.course.slug)?.lessons ?? []).map((l) => ({ slug: l.slug, title: l.frontmatter.title, objectives: l.frontmatter.objectives }));
  const current = quiz.questions.filter((q) => !q.archivedAt && definitions.has(q.id)).map((q) => definitions.get(q.id) as TQuestion);
  const covered = new Set(current.map((q) => q.lesson));
  // A final answers for every lesson (an untested objective shows as a row without questions); a
  // lesson check only for its own.
  const objectives = groupByObjective(items, current, quiz.kind === "FINAL" ? lessons : lessons.filter((l) => covered.has(l.slug)));
  return { title: quiz.title, course: quiz.course.title, items, objectives, questionsInPool: quiz.questions.filter((q) => !q.archivedAt).length };
}

export async function listQuizzes(adminId: string) {
  await assertAdmin(adminId);
  return db.quiz.findMany({
    orderBy: [{ course: { sortOrder: "asc" } }, { kind: "asc" }, { slug: "asc" }],
    select: { id: true, slug: true, title: true, kind: true, passMark: true, course: { select: { title: true, slug: true } }, _count: { select: { attempts: true, questions: true } } },
  });
}
