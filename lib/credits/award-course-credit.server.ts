import "server-only";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { ZCourseCreditOverrides } from "@/lib/credits/cec-amount";
import { computeCourseCredit } from "@/lib/credits/cec-amount";
import { planCourseAwards, type THeldCertification, type TPriorAward } from "@/lib/certifications/certification-rules";
import type { Prisma } from "@/lib/generated/prisma/client";

type THeldRow = THeldCertification;

// A course's credit is earned when every lesson is complete and the final assessment is passed.
// Called inside the transaction that completes the last lesson or grades the passing attempt.
// "Once, ever" is the database's job: the unique (certificationId, awardCourseId) pair plus
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
    { contactMinutes: number; credits: unknown; lessonsLeft: number; hasFinal: boolean; bestAttemptId: string | null; certifications: THeldRow[] | null; priorAwards: TPriorAward[] | null }[]
  >`
    SELECT
      c."contactMinutes", c.credits,
      (SELECT count(*)::int FROM "Lesson" l WHERE l."courseId" = c.id AND l."archivedAt" IS NULL
         AND NOT EXISTS (SELECT 1 FROM "LessonProgress" lp WHERE lp."lessonId" = l.id AND lp."userId" = ${userId} AND lp."completedAt" IS NOT NULL)) AS "lessonsLeft",
      EXISTS (SELECT 1 FROM "Quiz" q WHERE q."courseId" = c.id AND q.kind = 'FINAL') AS "hasFinal",
      (SELECT a.id FROM "QuizAttempt" a JOIN "Quiz" q ON q.id = a."quizId"
         WHERE q."courseId" = c.id AND q.kind = 'FINAL' AND a."userId" = ${userId} AND a.status = 'GRADED' AND a.passed
         ORDER BY a."scorePercent" DESC, a."gradedAt" ASC LIMIT 1) AS "bestAttemptId",
      (SELECT json_agg(json_build_object('id', ct.id, 'body', ct."certifyingBody", 'retired', ct."retiredAt" IS NOT NULL) ORDER BY ct."createdAt", ct.id)
         FROM "Certification" ct WHERE ct."userId" = ${userId}) AS certifications,
      (SELECT json_agg(json_build_object('certificationId', e."certificationId", 'body', e."certifyingBody", 'courseId', e."awardCourseId"))
         FROM "CreditEntry" e WHERE e."userId" = ${userId} AND e."awardCourseId" = c.id) AS "priorAwards"
    FROM "Course" c WHERE c.id = ${courseId} AND c."archivedAt" IS NULL`; // a retired course awards nothing (decision 010)
  const course = rows[0];
  // Only trainers with certification details earn credit; the rest of the rule is below.
  if (!course?.certifications || course.lessonsLeft > 0) return none;
  if (course.hasFinal && !course.bestAttemptId) return none;
  const attemptId = course.bestAttemptId;
  const overrides = ZCourseCreditOverrides.safeParse(course.credits);
  // One completion credits every active certification whose body gives credit for the course,
  // each once, at that body's own amount (lib/certifications/certification-rules.ts).
  const planned = planCourseAwards({
    certifications: course.certifications,
    priorAwards: course.priorAwards ?? [],
    courseId,
    creditFor: (body) =>
      computeCourseCredit({ body, contactMinutes: course.contactMinutes, override: overrides.success ? overrides.data[body] : undefined }),
  });
  if (planned.length === 0) return none;

  const inserted = await tx.creditEntry.createManyAndReturn({
    data: planned.map((award) => ({
      userId,
      kind: "AWARD" as const,
      amountHundredths: award.hundredths,
      certifyingBody: award.body,
      certificationId: award.certificationId,
      courseId,
      awardCourseId: courseId,
      courseNumber: award.courseNumber,
      attemptId,
      occurredAt: now,
    })),
    skipDuplicates: true,
    select: { id: true, certificationId: true, amountHundredths: true, certifyingBody: true },
  });
  if (inserted.length === 0) return none;
  await tx.certificateRequest.createMany({ data: [{ userId, courseId }], skipDuplicates: true });
  for (const entry of inserted) {
    await recordAudit(tx, {
      actorId: userId,
      action: "credit.award",
      targetType: "credit-entry",
      targetId: entry.id,
      data: { courseId, attemptId, hundredths: entry.amountHundredths, certifyingBody: entry.certifyingBody, certificationId: entry.certificationId },
    });
  }
  // The first planned award is the trainer's earliest-added (primary) certification's.
  const entry = inserted.find((e) => e.certificationId === planned[0].certificationId) ?? inserted[0];
  return { awarded: true, entryId: entry.id, hundredths: entry.amountHundredths };
}
