import "server-only";
import { assertAdmin } from "@/lib/auth/assert-admin.server";
import { findCourse } from "@/lib/content/load-content";
import { db } from "@/lib/db";
import { labelChoice } from "./choice-label";
import { analyzeItems, type TItemRow } from "./item-analysis";
import { groupByObjective } from "./objective-report";
import { type TQuestion, type TResponse, ZQuestion, ZResponse } from "./quiz-schema";

// Item analysis for the admin console, over every graded answer of a quiz.

function chosenOf(response: TResponse | null): string[] {
  if (!response) return [];
  switch (response.type) {
    case "single":
      return [response.optionId];
    case "multiple":
      return response.optionIds;
    case "true-false":
      return [String(response.value)];
    case "ordering":
      return [response.itemIds.join(" > ")];
    case "matching":
      return Object.entries(response.pairs).map(([p, c]) => `${p}=${c}`);
    case "numeric":
      return [String(response.value)];
  }
}

export async function getItemReport(quizId: string, adminId: string) {
  await assertAdmin(adminId);
  const [quiz, answers] = await Promise.all([
    db.quiz.findUnique({
      where: { id: quizId },
      select: { title: true, kind: true, course: { select: { title: true, slug: true } }, questions: { select: { id: true, currentVersion: true, archivedAt: true, versions: { select: { version: true, definition: true } } } } },
    }),
    db.attemptAnswer.findMany({
      where: { attempt: { quizId, status: "GRADED" } },
      select: { attemptId: true, questionId: true, earned: true, response: true, attempt: { select: { scorePercent: true } } },
    }),
  ]);
  if (!quiz) return null;
  const definitions = new Map<string, TQuestion>();
  for (const q of quiz.questions) {
    const def = q.versions.find((v) => v.version === q.currentVersion);
    if (def) definitions.set(q.id, ZQuestion.parse(def.definition));
  }
  const rows: TItemRow[] = answers.map((a) => {
    const r = ZResponse.safeParse(a.response);
    return { attemptId: a.attemptId, questionId: a.questionId, earned: a.earned ?? 0, totalScorePercent: a.attempt.scorePercent ?? 0, chosen: chosenOf(r.success ? r.data : null) };
  });
  const items = analyzeItems(rows).map((item) => ({
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
