import "server-only";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { ZCourseCreditOverrides } from "@/lib/credits/cec-amount";
import { computeCourseCredit } from "@/lib/credits/cec-amount";
import type { CertifyingBody, Prisma } from "@/lib/generated/prisma/client";

// A course's credit is earned when every lesson is complete and the final assessment is passed.
// Called inside the transaction that completes the last lesson or grades the passing attempt.
// "Once, ever" is the database's job: the unique (userId, awardCourseId) pair plus
// ON CONFLICT DO NOTHING, so retries and parallel requests can never award twice.

export type TAwardResult = { awarded: boolean; entryId: string | null; hundredths: number };

export async function awardCourseCreditIfEarned(
  tx: Prisma.TransactionClient,
  { userId, courseId, now = new Date() }: { userId: string; courseId: string; now?: Date },
): Promise<TAwardResult> {
  const none: TAwardResult = { awarded: false, entryId: null, hundredths: 0 };
  // The last lesson and the passing attempt can be recorded at the same moment (two tabs). Under
  // READ COMMITTED each transaction could then miss the other's uncommitted write and neither
  // would award. Callers write first, then come here: the per-trainer-and-course lock makes the
  // second one wait, and its check below (a new statement, so a new snapshot) sees the first.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`award:${userId}:${courseId}`}))`;
  // Everything the rule needs in one round trip: this runs inside every passing submission.
  const rows = await tx.$queryRaw<
    { certifyingBody: CertifyingBody | null; contactMinutes: number; credits: unknown; lessonsLeft: number; hasFinal: boolean; bestAttemptId: string | null; awarded: boolean }[]
  >`
    SELECT
      (SELECT p."certifyingBody"::text FROM "TrainerProfile" p WHERE p."userId" = ${userId}) AS "certifyingBody",
      c."contactMinutes", c.credits,
      (SELECT count(*)::int FROM "Lesson" l WHERE l."courseId" = c.id AND l."archivedAt" IS NULL
         AND NOT EXISTS (SELECT 1 FROM "LessonProgress" lp WHERE lp."lessonId" = l.id AND lp."userId" = ${userId} AND lp."completedAt" IS NOT NULL)) AS "lessonsLeft",
      EXISTS (SELECT 1 FROM "Quiz" q WHERE q."courseId" = c.id AND q.kind = 'FINAL') AS "hasFinal",
      (SELECT a.id FROM "QuizAttempt" a JOIN "Quiz" q ON q.id = a."quizId"
         WHERE q."courseId" = c.id AND q.kind = 'FINAL' AND a."userId" = ${userId} AND a.status = 'GRADED' AND a.passed
         ORDER BY a."scorePercent" DESC, a."gradedAt" ASC LIMIT 1) AS "bestAttemptId",
      EXISTS (SELECT 1 FROM "CreditEntry" e WHERE e."userId" = ${userId} AND e."awardCourseId" = c.id) AS awarded
    FROM "Course" c WHERE c.id = ${courseId} AND c."archivedAt" IS NULL`; // a retired course awards nothing (decision 010)
  const course = rows[0];
  // Only trainers with certification details earn credit; the rest of the rule is below.
  if (!course?.certifyingBody || course.awarded || course.lessonsLeft > 0) return none;
  if (course.hasFinal && !course.bestAttemptId) return none;
  const profile = { certifyingBody: course.certifyingBody };
  const attemptId = course.bestAttemptId;
  const overrides = ZCourseCreditOverrides.safeParse(course.credits);
  const credit = computeCourseCredit({
    body: profile.certifyingBody,
    contactMinutes: course.contactMinutes,
    override: overrides.success ? overrides.data[profile.certifyingBody] : undefined,
  });
  if (credit.hundredths <= 0) return none;

  const inserted = await tx.creditEntry.createManyAndReturn({
    data: [
      {
        userId,
        kind: "AWARD",
        amountHundredths: credit.hundredths,
        certifyingBody: profile.certifyingBody,
        courseId,
        awardCourseId: courseId,
        courseNumber: credit.courseNumber,
        attemptId,
        occurredAt: now,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  const entry = inserted[0];
  if (!entry) return none;
  await tx.certificateRequest.createMany({ data: [{ userId, courseId }], skipDuplicates: true });
  await recordAudit(tx, {
    actorId: userId,
    action: "credit.award",
    targetType: "credit-entry",
    targetId: entry.id,
    data: { courseId, attemptId, hundredths: credit.hundredths, certifyingBody: profile.certifyingBody },
  });
  return { awarded: true, entryId: entry.id, hundredths: credit.hundredths };
}
