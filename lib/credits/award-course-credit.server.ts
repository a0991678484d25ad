import "server-only";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { planCourseAwards } from "@/lib/certifications/certification-rules";
import { readStoredAccreditation } from "@/lib/content/content-schema";
import { decideCourseCredit } from "@/lib/credits/course-approval";
import { selectCourseCreditState } from "@/lib/credits/course-credit-state.sql.server";
import { lockKeyForTransaction } from "@/lib/db/locks.sql.server";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requiredObservedSeconds } from "@/lib/progress/observed-time";

// A course is complete when every lesson is complete and the final assessment is passed with the
// trainer's attestation. Completing it writes the provider's record (CourseCompletion, with its
// evidence) and a certificate request; it earns credit only when the course holds an approval for
// a body valid on the completion date, at the approved amount (docs/decisions/007), and it credits
// every active certification the trainer holds with such a body, each once (docs/decisions/013).
// The completion record names the trainer's primary certification. Called inside the transaction that completes the last lesson or grades the passing attempt.
// "Once, ever" is the database's job: unique (userId, courseId) on completions and (certificationId,
// awardCourseId) on awards, with ON CONFLICT DO NOTHING, so retries and races never record twice.

export type TAwardResult = { awarded: boolean; completed: boolean; entryId: string | null; hundredths: number };

type TLessonEvidence = {
  slug: string;
  title: string;
  revision: number | null;
  observedSeconds: number;
  requiredSeconds: number;
  startedAt: string;
  completedAt: string | null;
};

export type TCompletionEvidence = { lessons: TLessonEvidence[]; attemptNumber: number | null; creditNote: string | null };

const NONE: TAwardResult = { awarded: false, completed: false, entryId: null, hundredths: 0 };

/** The advisory lock key the award takes per trainer and course (see below). */
export function awardLockKey(userId: string, courseId: string): string {
  return `award:${userId}:${courseId}`;
}

export async function awardCourseCreditIfEarned(
  tx: Prisma.TransactionClient,
  { userId, courseId, now = new Date(), lockHeld = false }: { userId: string; courseId: string; now?: Date; lockHeld?: boolean },
): Promise<TAwardResult> {
  // The last lesson and the passing attempt can be recorded at the same moment (two tabs). Under
  // READ COMMITTED each transaction could then miss the other's uncommitted write and neither
  // would complete the course. Callers write first, then come here: the per-trainer-and-course lock
  // makes the second one wait, and its check below (a new statement, so a new snapshot) sees the first.
  // `lockHeld`: the caller took awardLockKey's lock in an earlier statement of this transaction,
  // with or after its write (the grading statement does, saving a round trip: decision 020).
  if (!lockHeld) await lockKeyForTransaction(tx, awardLockKey(userId, courseId));
  const course = await selectCourseCreditState(tx, { userId, courseId });
  // Only trainers with certification details complete for the record; the rest of the rule is below.
  if (!course?.certifyingBody || course.completed || course.lessonsLeft > 0) return NONE;
  if (course.hasFinal && !course.bestAttemptId) return NONE;

  const body = course.certifyingBody;
  const accreditation = readStoredAccreditation(course.accreditation);
  const decision = decideCourseCredit({ approvals: accreditation?.approvals ?? {}, provider: accreditation?.provider, body, on: now });
  const evidence: TCompletionEvidence = {
    lessons: await lessonEvidence(tx, userId, courseId, accreditation?.minObservedShare ?? 0.5),
    attemptNumber: course.bestAttemptNumber,
    creditNote: decision.eligible ? null : `no ${body} approval valid on ${now.toISOString().slice(0, 10)} (${decision.reason})`,
  };

  // Every active certification whose body approved the course, each once (certification-rules.ts).
  const planned = planCourseAwards({
    certifications: course.certifications ?? [],
    priorAwards: course.priorAwards ?? [],
    courseId,
    creditFor: (held) => {
      const d = decideCourseCredit({ approvals: accreditation?.approvals ?? {}, provider: accreditation?.provider, body: held, on: now });
      return d.eligible ? { hundredths: d.hundredths, courseNumber: d.approvalNumber } : { hundredths: 0, courseNumber: null };
    },
  });
  const inserted =
    planned.length === 0
      ? []
      : await tx.creditEntry.createManyAndReturn({
          data: planned.map((award) => ({
            userId,
            kind: "AWARD" as const,
            amountHundredths: award.hundredths,
            certifyingBody: award.body,
            certificationId: award.certificationId,
            courseId,
            awardCourseId: courseId,
            courseNumber: award.courseNumber,
            attemptId: course.bestAttemptId,
            occurredAt: now,
          })),
          skipDuplicates: true,
          select: { id: true, certificationId: true, amountHundredths: true, certifyingBody: true, courseNumber: true },
        });
  // The completion record speaks for the primary certification (the profile's body).
  const primary = inserted.find((e) => e.certifyingBody === body) ?? null;
  const entryId = primary?.id ?? null;
  const startedAt = new Date(Math.min(now.getTime(), ...evidence.lessons.map((l) => Date.parse(l.startedAt))));
  const completion = await tx.courseCompletion.createManyAndReturn({
    data: [
      {
        userId,
        courseId,
        courseRevision: course.revision ?? 1,
        courseVersion: course.version,
        certifyingBody: body,
        certificationNumber: course.certificationNumber,
        providerNumber: decision.providerNumber,
        approvalNumber: decision.eligible ? decision.approvalNumber : null,
        creditHundredths: primary && decision.eligible ? primary.amountHundredths : 0,
        creditEntryId: entryId,
        contactMinutes: course.contactMinutes,
        attemptId: course.bestAttemptId,
        scorePercent: course.bestScore,
        attestedAt: course.attestedAt,
        startedAt,
        completedAt: now,
        evidence: evidence as unknown as Prisma.InputJsonValue,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  if (!completion[0]) return NONE;
  await tx.certificateRequest.createMany({ data: [{ userId, courseId }], skipDuplicates: true });
  await recordAudit(tx, {
    actorId: userId,
    action: "course.complete",
    targetType: "course-completion",
    targetId: completion[0].id,
    data: { courseId, attemptId: course.bestAttemptId, certifyingBody: body, credited: !!entryId, reason: decision.eligible ? null : decision.reason },
  });
  for (const entry of inserted) {
    await recordAudit(tx, {
      actorId: userId,
      action: "credit.award",
      targetType: "credit-entry",
      targetId: entry.id,
      data: { courseId, attemptId: course.bestAttemptId, hundredths: entry.amountHundredths, certifyingBody: entry.certifyingBody, certificationId: entry.certificationId, approvalNumber: entry.courseNumber },
    });
  }
  const reported = primary ?? inserted[0];
  if (!reported) return { ...NONE, completed: true };
  return { awarded: true, completed: true, entryId: reported.id, hundredths: reported.amountHundredths };
}

async function lessonEvidence(tx: Prisma.TransactionClient, userId: string, courseId: string, share: number): Promise<TLessonEvidence[]> {
  const lessons = await tx.lesson.findMany({
    where: { courseId, archivedAt: null },
    orderBy: { sortOrder: "asc" },
    select: {
      slug: true,
      title: true,
      estimatedSeconds: true,
      progress: { where: { userId }, select: { startedAt: true, completedAt: true, completedRevision: true, observedSeconds: true } },
    },
  });
  return lessons.map((l) => {
    const p = l.progress[0];
    return {
      slug: l.slug,
      title: l.title,
      revision: p?.completedRevision ?? null,
      observedSeconds: p?.observedSeconds ?? 0,
      requiredSeconds: requiredObservedSeconds(l.estimatedSeconds, share),
      startedAt: (p?.startedAt ?? new Date()).toISOString(),
      completedAt: p?.completedAt?.toISOString() ?? null,
    };
  });
}
