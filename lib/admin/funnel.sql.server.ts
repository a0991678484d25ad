import "server-only";
import type { TSqlClient } from "@/lib/db/client";

// The course funnel's counts. Raw because they are reports: distinct trainers per course or
// lesson, joined to the user's role, over a UNION of two tables. Prisma's groupBy can neither
// count distinct values nor group across a join. Each query reads an index or one table once.

export type TFunnelCountRow = { id: string; n: number };
type TFunnelFinalRow = { id: string; attempted: number; passed: number };
export type TFunnelCounts = {
  /** Per course: trainers who opened a lesson or started an assessment. */
  started: TFunnelCountRow[];
  /** Per lesson: trainers who completed it. */
  lessons: TFunnelCountRow[];
  /** Per course: trainers who attempted and who passed the final assessment. */
  finals: TFunnelFinalRow[];
  /** Per course: trainers awarded credit. */
  awarded: TFunnelCountRow[];
  /** Per course: trainers holding an issued certificate. */
  certified: TFunnelCountRow[];
};

/** Every stage's count, trainer accounts only (administrators trying a course are left out). */
export async function countFunnelStages(client: TSqlClient): Promise<TFunnelCounts> {
  const [started, lessons, finals, awarded, certified] = await Promise.all([
    // "Started" is anyone who opened a lesson or went straight to an assessment: every later stage
    // is then a subset of it and no step can exceed 100 %.
    client.$queryRaw<TFunnelCountRow[]>`SELECT s."courseId" AS id, count(DISTINCT s."userId")::int AS n FROM (
        SELECT l."courseId", lp."userId" FROM "LessonProgress" lp JOIN "Lesson" l ON l.id = lp."lessonId"
        UNION ALL
        SELECT q."courseId", a."userId" FROM "QuizAttempt" a JOIN "Quiz" q ON q.id = a."quizId"
      ) s JOIN "User" u ON u.id = s."userId" AND u.role = 'TRAINER'
      GROUP BY 1`,
    client.$queryRaw<TFunnelCountRow[]>`SELECT lp."lessonId" AS id, count(*)::int AS n
      FROM "LessonProgress" lp JOIN "User" u ON u.id = lp."userId" AND u.role = 'TRAINER'
      WHERE lp."completedAt" IS NOT NULL GROUP BY 1`,
    client.$queryRaw<TFunnelFinalRow[]>`SELECT q."courseId" AS id,
        count(DISTINCT a."userId")::int AS attempted,
        count(DISTINCT a."userId") FILTER (WHERE a.passed)::int AS passed
      FROM "QuizAttempt" a JOIN "Quiz" q ON q.id = a."quizId" AND q.kind = 'FINAL' JOIN "User" u ON u.id = a."userId" AND u.role = 'TRAINER'
      GROUP BY 1`,
    client.$queryRaw<TFunnelCountRow[]>`SELECT "awardCourseId" AS id, count(DISTINCT "userId")::int AS n FROM "CreditEntry" WHERE kind = 'AWARD' GROUP BY 1`,
    client.$queryRaw<TFunnelCountRow[]>`SELECT "courseId" AS id, count(DISTINCT "userId")::int AS n FROM "Certificate" WHERE status = 'ISSUED' GROUP BY 1`,
  ]);
  return { started, lessons, finals, awarded, certified };
}
