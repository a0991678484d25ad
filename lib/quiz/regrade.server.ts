import "server-only";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { assertAdmin } from "@/lib/auth/assert-admin.server";
import { maybeAutoIssue } from "@/lib/certificates/auto-issue-certificate.server";
import { forgetVerifiedCertificates } from "@/lib/certificates/verify-cache.server";
import { awardCourseCreditIfEarned } from "@/lib/credits/award-course-credit.server";
import { db } from "@/lib/db";
import { lockKeyForTransaction } from "@/lib/db/locks.sql.server";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { gradeQuestion } from "./grade-attempt";
import { forgetItemStats } from "./item-stats.sql.server";
import { ZQuestion, ZResponse } from "./quiz-schema";

// Regrading after a question's key is corrected: content gets a new question version, sync
// stores it, and an admin previews (dry run) then applies the regrade of every graded answer
// given to an older version. Effects on credits and certificates are listed before anything
// changes, and applied in the same transaction as the new scores.

type TRegradeChange = {
  attemptId: string;
  trainer: string;
  fromVersion: number;
  oldScore: number;
  newScore: number;
  oldPassed: boolean;
  newPassed: boolean;
  effects: string[];
};

export type TRegradePlan = { questionId: string; toVersion: number; affectedAnswers: number; changes: TRegradeChange[] };

type TTx = Prisma.TransactionClient;

async function planRegrade(tx: TTx, questionId: string): Promise<TRegradePlan & { updates: { answerId: string; earned: number; correct: boolean; attempt: { id: string; earned: number; possible: number; passMark: number; kind: string; courseId: string; userId: string } }[] }> {
  const question = await tx.question.findUnique({
    where: { id: questionId },
    select: { currentVersion: true, versions: { select: { version: true, definition: true } } },
  });
  if (!question) throw new AppError("NOT_FOUND", "No such question.");
  const current = question.versions.find((v) => v.version === question.currentVersion);
  if (!current) throw new AppError("CONFLICT", "The question's current version is missing; run the content sync.");
  const definition = ZQuestion.parse(current.definition);
  const answers = await tx.attemptAnswer.findMany({
    where: { questionId, questionVersion: { lt: question.currentVersion }, attempt: { status: "GRADED" } },
    select: {
      id: true,
      questionVersion: true,
      response: true,
      earned: true,
      attempt: {
        select: {
          id: true,
          userId: true,
          earnedHundredths: true,
          possibleHundredths: true,
          scorePercent: true,
          passed: true,
          user: { select: { name: true } },
          quiz: { select: { passMark: true, kind: true, courseId: true } },
        },
      },
    },
  });
  const changes: TRegradeChange[] = [];
  const updates = [];
  for (const a of answers) {
    const parsed = ZResponse.safeParse(a.response);
    const grade = gradeQuestion(definition, parsed.success ? parsed.data : undefined);
    const earned = (a.attempt.earnedHundredths ?? 0) - (a.earned ?? 0) + grade.earned;
    const possible = a.attempt.possibleHundredths ?? 0;
    const newScore = possible > 0 ? Math.floor((earned * 100) / possible) : 0;
    const newPassed = newScore >= a.attempt.quiz.passMark;
    updates.push({
      answerId: a.id,
      earned: grade.earned,
      correct: grade.correct,
      attempt: { id: a.attempt.id, earned, possible, passMark: a.attempt.quiz.passMark, kind: a.attempt.quiz.kind, courseId: a.attempt.quiz.courseId, userId: a.attempt.userId },
    });
    if (newScore === a.attempt.scorePercent && newPassed === a.attempt.passed) continue;
    const effects: string[] = [];
    if (a.attempt.quiz.kind === "FINAL" && a.attempt.passed && !newPassed) {
      const otherPass = await tx.quizAttempt.count({ where: { userId: a.attempt.userId, quiz: { courseId: a.attempt.quiz.courseId, kind: "FINAL" }, passed: true, id: { not: a.attempt.id } } });
      if (!otherPass) {
        const award = await tx.creditEntry.findFirst({ where: { userId: a.attempt.userId, awardCourseId: a.attempt.quiz.courseId }, select: { amountHundredths: true } });
        if (award) effects.push(`credit of ${(award.amountHundredths / 100).toFixed(2)} reversed`);
        const certs = await tx.certificate.findMany({ where: { userId: a.attempt.userId, courseId: a.attempt.quiz.courseId, status: "ISSUED" }, select: { code: true } });
        for (const c of certs) effects.push(`certificate ${c.code} revoked`);
      }
    }
    if (a.attempt.quiz.kind === "FINAL" && !a.attempt.passed && newPassed) effects.push("now passes: credit awarded if every lesson is complete, certificate request created");
    changes.push({
      attemptId: a.attempt.id,
      trainer: a.attempt.user.name,
      fromVersion: a.questionVersion,
      oldScore: a.attempt.scorePercent ?? 0,
      newScore,
      oldPassed: !!a.attempt.passed,
      newPassed,
      effects,
    });
  }
  return { questionId, toVersion: question.currentVersion, affectedAnswers: answers.length, changes, updates };
}

export async function previewRegrade(questionId: string, adminId: string): Promise<TRegradePlan> {
  await assertAdmin(adminId);
  const { updates: _updates, ...plan } = await db.$transaction((tx) => planRegrade(tx, questionId));
  return plan;
}

export async function applyRegrade({ questionId, adminId }: { questionId: string; adminId: string }): Promise<TRegradePlan> {
  const awarded: { userId: string; courseId: string }[] = [];
  const plan = await db.$transaction(
    async (tx) => {
      await assertAdmin(adminId, tx);
      await lockKeyForTransaction(tx, `regrade:${questionId}`);
      const { updates, ...plan } = await planRegrade(tx, questionId);
      const attempts = new Map<string, (typeof updates)[number]["attempt"]>();
      for (const u of updates) {
        await tx.attemptAnswer.update({ where: { id: u.answerId }, data: { earned: u.earned, correct: u.correct, questionVersion: plan.toVersion } });
        attempts.set(u.attempt.id, u.attempt);
      }
      for (const a of attempts.values()) {
        const scorePercent = a.possible > 0 ? Math.floor((a.earned * 100) / a.possible) : 0;
        const passed = scorePercent >= a.passMark;
        await tx.quizAttempt.update({ where: { id: a.id }, data: { earnedHundredths: a.earned, scorePercent, passed } });
      }
      const reason = `Regrade of question ${questionId} (version ${plan.toVersion})`;
      for (const change of plan.changes) {
        const a = attempts.get(change.attemptId)!;
        if (a.kind !== "FINAL") continue;
        if (change.oldPassed && !change.newPassed) {
          const otherPass = await tx.quizAttempt.count({ where: { userId: a.userId, quiz: { courseId: a.courseId, kind: "FINAL" }, passed: true } });
          if (otherPass) continue;
          // One award per certification the course credited: reverse each (a reversal keeps its award's certification).
          const awards = await tx.creditEntry.findMany({ where: { userId: a.userId, awardCourseId: a.courseId }, select: { id: true, amountHundredths: true, certifyingBody: true, certificationId: true } });
          if (awards.length > 0) {
            await tx.creditEntry.createMany({
              data: awards.map((award) => ({ userId: a.userId, kind: "REVERSAL" as const, amountHundredths: -award.amountHundredths, certifyingBody: award.certifyingBody, certificationId: award.certificationId, courseId: a.courseId, reversesEntryId: award.id, reason, createdById: adminId })),
              skipDuplicates: true,
            });
          }
          const revoked = await tx.certificate.updateManyAndReturn({
            where: { userId: a.userId, courseId: a.courseId, status: "ISSUED" },
            data: { status: "REVOKED", revokedAt: new Date(), revokedById: adminId, revocationReason: reason },
            select: { id: true, code: true },
          });
          for (const c of revoked) {
            await recordAudit(tx, { actorId: adminId, action: "certificate.revoke", targetType: "certificate", targetId: c.id, data: { code: c.code, reason } });
          }
        }
        if (!change.oldPassed && change.newPassed && (await awardCourseCreditIfEarned(tx, { userId: a.userId, courseId: a.courseId })).awarded) {
          awarded.push({ userId: a.userId, courseId: a.courseId });
        }
      }
      // Answers' earned and attempts' scores changed: the quiz's item-analysis rollup no longer
      // matches them, so it is emptied and rebuilt on the next report read (docs/decisions/016).
      // Last, so the watermark row (which a fold in progress holds) is held only briefly.
      if (updates.length > 0) {
        const { quizId } = await tx.question.findUniqueOrThrow({ where: { id: questionId }, select: { quizId: true } });
        await forgetItemStats(tx, quizId);
      }
      await recordAudit(tx, { actorId: adminId, action: "quiz.regrade", targetType: "question", targetId: questionId, data: { toVersion: plan.toVersion, affectedAnswers: plan.affectedAnswers, changes: plan.changes } });
      return plan;
    },
    { timeout: 60_000 },
  );
  forgetVerifiedCertificates(); // a failed pass may have revoked certificates
  for (const a of awarded) await maybeAutoIssue(a);
  return plan;
}

/** Questions with graded answers on an older version: the regrade to-do list for admins. */
export async function listRegradeCandidates(adminId: string) {
  await assertAdmin(adminId);
  const questions = await db.question.findMany({ where: { currentVersion: { gt: 1 } }, select: { id: true, currentVersion: true, quiz: { select: { title: true, course: { select: { title: true } } } } } });
  const result = [];
  for (const q of questions) {
    const stale = await db.attemptAnswer.count({ where: { questionId: q.id, questionVersion: { lt: q.currentVersion }, attempt: { status: "GRADED" } } });
    if (stale) result.push({ questionId: q.id, currentVersion: q.currentVersion, quiz: q.quiz.title, course: q.quiz.course.title, staleAnswers: stale });
  }
  return result;
}
