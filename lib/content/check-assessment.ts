import { listLessonSections } from "./lesson-sections";
import type { TCourseSource } from "./load-content";

// Checks that a course's assessments measure what its lessons promise (ACE approves a course only
// with objectives and a clear assessment of them): every question of a final names the lesson
// objectives it tests, every lesson objective is tested by the final, the sections questions send
// trainers back to exist, and the final's pool is large enough that retakes meet new questions.

const POOL_TO_DRAW_MIN = 3;

export type TAssessmentCheck = { problems: string[]; warnings: string[] };

export function checkAssessment(course: TCourseSource): TAssessmentCheck {
  const problems: string[] = [];
  const warnings: string[] = [];
  const lessons = new Map(course.lessons.map((l) => [l.slug, l]));
  const sectionsOf = new Map(course.lessons.map((l) => [l.slug, new Set(listLessonSections(l.body).map((s) => s.id))]));

  for (const { file, quiz } of course.quizzes) {
    for (const q of quiz.questions) {
      const lesson = lessons.get(q.lesson);
      if (!lesson) continue; // load-content already refuses unknown lessons
      for (const n of q.objectives ?? []) {
        if (n > lesson.frontmatter.objectives.length) {
          problems.push(`${file}: question ${q.id} names objective ${n} of lesson "${q.lesson}", which has ${lesson.frontmatter.objectives.length}`);
        }
      }
      if (q.section && !sectionsOf.get(q.lesson)?.has(q.section)) {
        problems.push(`${file}: question ${q.id} sends trainers to section "${q.section}", which lesson "${q.lesson}" does not have (headings: ${[...(sectionsOf.get(q.lesson) ?? [])].join(", ")})`);
      }
      // With as many choices as prompts the last match is free: one spare choice makes every match count.
      if (q.type === "matching" && q.choices.length <= q.prompts.length) {
        problems.push(`${file}: question ${q.id} has ${q.prompts.length} prompts and ${q.choices.length} choices; add at least one more choice than prompts`);
      }
    }
  }

  const final = course.quizzes.find((q) => q.quiz.kind === "final");
  if (!final) return { problems, warnings };
  const { quiz, file } = final;
  // Knowledge checks show every key; one that repeats a final's question would publish that key.
  const finalPrompts = new Map(quiz.questions.map((q) => [q.prompt.trim().toLowerCase(), q.id]));
  for (const check of course.quizzes.filter((q) => q.quiz.kind === "lesson-check")) {
    for (const q of check.quiz.questions) {
      const twin = finalPrompts.get(q.prompt.trim().toLowerCase());
      if (twin) problems.push(`${check.file}: question ${q.id} repeats the final's question ${twin}; a knowledge check shows its keys, so write a different question`);
    }
  }
  for (const q of quiz.questions) {
    if (!q.objectives?.length) problems.push(`${file}: question ${q.id} does not name the objective(s) of lesson "${q.lesson}" it tests ("objectives": [1])`);
  }
  for (const lesson of course.lessons) {
    lesson.frontmatter.objectives.forEach((objective, index) => {
      const tested = quiz.questions.some((q) => q.lesson === lesson.slug && q.objectives?.includes(index + 1));
      if (!tested) problems.push(`${file}: no question tests objective ${index + 1} of lesson "${lesson.slug}": "${objective}"`);
    });
  }
  if (quiz.questions.length < POOL_TO_DRAW_MIN * quiz.draw) {
    warnings.push(
      `${file}: the pool has ${quiz.questions.length} questions for a draw of ${quiz.draw}; under ${POOL_TO_DRAW_MIN}× the draw (${POOL_TO_DRAW_MIN * quiz.draw}), retakes soon repeat questions`,
    );
  }
  return { problems, warnings };
}
