import "server-only";
import type { THeldCertification, TPriorAward } from "@/lib/certifications/certification-rules";
import type { TSqlClient } from "@/lib/db/client";
import type { CertifyingBody } from "@/lib/generated/prisma/client";

// Raw because this runs inside every passing submission and must be one round trip: the
// trainer's profile, the course, the lessons still open, the best attested passing attempt, the
// certifications held and the awards already made, in one statement. As Prisma calls it would be
// about seven sequential queries (the lateral "best attempt" and the NOT EXISTS count included).

export type TCourseCreditState = {
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

/** Everything the course-credit rule needs for one trainer and course; null when the course does not exist or is retired. */
export async function selectCourseCreditState(tx: TSqlClient, { userId, courseId }: { userId: string; courseId: string }): Promise<TCourseCreditState | null> {
  const rows = await tx.$queryRaw<TCourseCreditState[]>`
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
