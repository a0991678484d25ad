import "server-only";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { ZCourseCreditOverrides } from "@/lib/credits/cec-amount";
import { computeCourseCredit } from "@/lib/credits/cec-amount";
import type { Prisma } from "@/lib/generated/prisma/client";

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
  const profile = await tx.trainerProfile.findUnique({ where: { userId }, select: { certifyingBody: true } });
  if (!profile) return none; // only trainers with certification details earn credit

  const [course, lessonsLeft, final] = await Promise.all([
    tx.course.findUnique({ where: { id: courseId }, select: { contactMinutes: true, credits: true, autoIssue: true } }),
    tx.lesson.count({
      where: { courseId, archivedAt: null, NOT: { progress: { some: { userId, completedAt: { not: null } } } } },
    }),
    tx.quiz.findFirst({ where: { courseId, kind: "FINAL" }, select: { id: true } }),
  ]);
  if (!course || lessonsLeft > 0) return none;
  let attemptId: string | null = null;
  if (final) {
    const best = await tx.quizAttempt.findFirst({
      where: { userId, quizId: final.id, status: "GRADED", passed: true },
      orderBy: [{ scorePercent: "desc" }, { gradedAt: "asc" }],
      select: { id: true },
    });
    if (!best) return none;
    attemptId = best.id;
  }
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
