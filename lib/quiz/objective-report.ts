// The admin item report grouped by lesson objective: a weak objective (one the course does not
// teach well) shows up even when each of its items looks acceptable on its own.

export type TObjectiveItem = { questionId: string; attempts: number; difficulty: number };
export type TObjectiveQuestion = { id: string; lesson: string; objectives?: readonly number[] };
export type TObjectiveLesson = { slug: string; title: string; objectives: readonly string[] };

export type TObjectiveRow = {
  lesson: string;
  lessonTitle: string;
  /** 1-based, as questions name it */
  number: number;
  text: string;
  questionIds: string[];
  /** graded answers to this objective's questions */
  answers: number;
  /** proportion correct over those answers, 0..1; null with no answers */
  proportionCorrect: number | null;
};

/** One row per lesson objective, in course order; an answer counts toward every objective its question names. */
export function groupByObjective(items: readonly TObjectiveItem[], questions: readonly TObjectiveQuestion[], lessons: readonly TObjectiveLesson[]): TObjectiveRow[] {
  const byQuestion = new Map(items.map((i) => [i.questionId, i]));
  return lessons.flatMap((lesson) =>
    lesson.objectives.map((text, index) => {
      const questionIds = questions
        .filter((q) => q.lesson === lesson.slug && q.objectives?.includes(index + 1))
        .map((q) => q.id)
        .sort();
      let answers = 0;
      let correct = 0;
      for (const id of questionIds) {
        const item = byQuestion.get(id);
        if (!item) continue;
        answers += item.attempts;
        correct += item.difficulty * item.attempts;
      }
      return { lesson: lesson.slug, lessonTitle: lesson.title, number: index + 1, text, questionIds, answers, proportionCorrect: answers ? correct / answers : null };
    }),
  );
}
