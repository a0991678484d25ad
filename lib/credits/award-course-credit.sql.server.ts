import "server-only";
import type { THeldCertification, TPriorAward } from "@/lib/certifications/certification-rules";
import type { CertifyingBody, Prisma } from "@/lib/generated/prisma/client";

// Raw for two things Prisma cannot say: a transaction-scoped advisory lock, and the whole state
// the completion rule needs (lessons left, the best attested final attempt, certifications, prior
// awards) in one round trip, since it runs inside every passing submission.

type TTx = Prisma.TransactionClient;

/**
 * The last lesson and the passing attempt can be recorded at the same moment (two tabs). Under
 * READ COMMITTED each transaction could then miss the other's uncommitted write and neither would
 * complete the course; this per-trainer-and-course lock makes the second wait until the first commits.
 */
export async function lockCourseAward(tx: TTx, userId: string, courseId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`award:${userId}:${courseId}`}))`;
}

export type TCourseAwardState = {
  certifyingBody: CertifyingBody | null;
  certificationNumber: string | null;
  contactMinutes: number;
  version: string;
  accreditation: unknown;
  revision: number | null;
  lessonsLeft: number;
  hasFinal: boolean;
  bestAttemptId: string | null;
  bestAttemptNumber: number | null;
  bestScore: number | null;
  attestedAt: Date | null;
  completed: boolean;
  certifications: THeldCertification[] | null;
  priorAwards: TPriorAward[] | null;
};

/** The course and the trainer's standing in it; null for an unknown or retired course. */
export async function readCourseAwardState(tx: TTx, userId: string, courseId: string): Promise<TCourseAwardState | null> {
  const rows = await tx.$queryRaw<TCourseAwardState[]>`
    SELECT p."certifyingBody"::text AS "certifyingBody", p."certificationNumber",
      c."contactMinutes", c.version, c.accreditation,
      (SELECT max(r.revision) FROM "CourseRevision" r WHERE r."courseId" = c.id) AS revision,
      (SELECT count(*)::int FROM "Lesson" l WHERE l."courseId" = c.id AND l."archivedAt" IS NULL
         AND NOT EXISTS (SELECT 1 FROM "LessonProgress" lp WHERE lp."lessonId" = l.id AND lp."userId" = ${userId} AND lp."completedAt" IS NOT NULL)) AS "lessonsLeft",
      EXISTS (SELECT 1 FROM "Quiz" q WHERE q."courseId" = c.id AND q.kind = 'FINAL') AS "hasFinal",
      best.id AS "bestAttemptId", best.number AS "bestAttemptNumber", best."scorePercent" AS "bestScore", best."attestedAt",
      EXISTS (SELECT 1 FROM "CourseCompletion" cc WHERE cc."userId" = ${userId} AND cc."courseId" = c.id) AS completed,
      (SELECT json_agg(json_build_object('id', ct.id, 'body', ct."certifyingBody", 'retired', ct."retiredAt" IS NOT NULL) ORDER BY ct."createdAt", ct.id)
         FROM "Certification" ct WHERE ct."userId" = ${userId}) AS certifications,
      (SELECT json_agg(json_build_object('certificationId', e."certificationId", 'body', e."certifyingBody", 'courseId', e."awardCourseId"))
         FROM "CreditEntry" e WHERE e."userId" = ${userId} AND e."awardCourseId" = c.id) AS "priorAwards"
    FROM "Course" c
    LEFT JOIN "TrainerProfile" p ON p."userId" = ${userId}
    LEFT JOIN LATERAL (
      SELECT a.id, a.number, a."scorePercent", a."attestedAt" FROM "QuizAttempt" a JOIN "Quiz" q ON q.id = a."quizId"
      WHERE q."courseId" = c.id AND q.kind = 'FINAL' AND a."userId" = ${userId} AND a.status = 'GRADED' AND a.passed
        AND a."attestedAt" IS NOT NULL
      ORDER BY a."scorePercent" DESC, a."gradedAt" ASC LIMIT 1
    ) best ON true
    WHERE c.id = ${courseId} AND c."archivedAt" IS NULL`; // a retired course completes nothing (decision 010)
  return rows[0] ?? null;
}
