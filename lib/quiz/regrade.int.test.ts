import path from "node:path";
import { beforeAll, expect, test } from "vitest";
import { syncContent } from "@/lib/content/sync-content.server";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createUser } from "@/prisma/seed-helpers";
import { completeLessons } from "@/tests/evidence";
import { analyzeItems, chosenOf } from "./item-analysis";
import { readItemStats } from "./item-stats.server";
import { getAttemptView, startAttempt, submitAttempt } from "./quiz-attempts.server";
import { ZResponse } from "./quiz-schema";
import { applyRegrade, listRegradeCandidates, previewRegrade } from "./regrade.server";

process.env.EXTRA_CONTENT_DIR = path.resolve("tests/fixtures/content");
const COURSE = "fixture-course";

async function trainerWhoAnswers(single: "blue" | "green", n: number) {
  const user = await createUser(db, {
    email: `regrade-${n}@example.test`,
    name: `Regrade Trainer ${n}`,
    password: "unused-password-for-tests",
    profile: { certificationNumber: `NFPT-R-${n}`, firstCertifiedOn: "2024-01-01" },
  });
  await completeLessons(user.id, COURSE);
  const { attemptId } = await startAttempt({ userId: user.id, courseSlug: COURSE, quizSlug: "final" });
  const view = await getAttemptView({ userId: user.id, attemptId });
  if (view.status !== "IN_PROGRESS") throw new Error("expected in progress");
  const answers: Record<string, unknown> = {};
  for (const q of view.questions) {
    if (q.type === "single") answers[q.id] = { type: "single", optionId: single };
    if (q.type === "true-false") answers[q.id] = { type: "true-false", value: true };
    if (q.type === "numeric") answers[q.id] = { type: "numeric", value: 2 };
  }
  const result = await submitAttempt({ userId: user.id, attemptId, idempotencyKey: `key-${n}-abc`, answers, attest: true });
  return { user, attemptId, result };
}

beforeAll(async () => {
  await syncContent(db);
});

// The item analysis of a quiz by its specification, from the stored graded answers.
async function analyzeStoredAnswers(quizId: string) {
  const answers = await db.attemptAnswer.findMany({
    where: { attempt: { quizId, status: "GRADED" } },
    select: { attemptId: true, questionId: true, earned: true, response: true, attempt: { select: { scorePercent: true } } },
  });
  return analyzeItems(
    answers.map((a) => {
      const parsed = ZResponse.safeParse(a.response);
      return { attemptId: a.attemptId, questionId: a.questionId, earned: a.earned ?? 0, totalScorePercent: a.attempt.scorePercent ?? 0, chosen: chosenOf(parsed.success ? parsed.data : null) };
    }),
  );
}

test("a corrected key regrades old answers, with credit and certificate effects previewed then applied", async () => {
  const passer = await trainerWhoAnswers("blue", 1);
  const failer = await trainerWhoAnswers("green", 2);
  expect(passer.result).toMatchObject({ passed: true, creditAwarded: true });
  expect(failer.result).toMatchObject({ passed: false, scorePercent: 66 });
  const award = await db.creditEntry.findFirstOrThrow({ where: { userId: passer.user.id, kind: "AWARD" } });
  const course = await db.course.findUniqueOrThrow({ where: { slug: COURSE }, select: { id: true, title: true, version: true } });
  await db.certificate.create({
    data: {
      code: "BKCE-TEST0-TEST0-TEST0-TEST0-TEST00",
      userId: passer.user.id,
      courseId: course.id,
      creditEntryId: award.id,
      trainerName: passer.user.name,
      certificationNumber: "NFPT-R-1",
      certifyingBody: "NFPT",
      courseTitle: course.title,
      courseVersion: course.version,
      contactMinutes: 30,
      creditHundredths: award.amountHundredths,
      scorePercent: 100,
      completedAt: new Date(),
    },
  });

  // The content is corrected: the key of fx-single becomes "green" in version 2.
  const v1 = await db.questionVersion.findUniqueOrThrow({ where: { questionId_version: { questionId: "fx-single", version: 1 } } });
  const corrected = { ...(v1.definition as Record<string, unknown>), version: 2, answer: "green" };
  await db.questionVersion.create({ data: { questionId: "fx-single", version: 2, contentHash: "corrected", definition: corrected as Prisma.InputJsonValue } });
  await db.question.update({ where: { id: "fx-single" }, data: { currentVersion: 2 } });
  const admin = await createUser(db, { email: "regrade-admin@example.test", name: "Admin", password: "unused-password-for-tests", role: "ADMIN" });
  expect(await listRegradeCandidates(admin.id)).toEqual([expect.objectContaining({ questionId: "fx-single", staleAnswers: 2 })]);

  const plan = await previewRegrade("fx-single", admin.id);
  expect(plan.affectedAnswers).toBe(2);
  const byAttempt = Object.fromEntries(plan.changes.map((c) => [c.attemptId, c]));
  expect(byAttempt[passer.attemptId]).toMatchObject({ oldScore: 100, newScore: 66, newPassed: false });
  expect(byAttempt[passer.attemptId].effects.join(" ")).toMatch(/credit of 0.10 reversed.*certificate BKCE-TEST0.* revoked/);
  expect(byAttempt[failer.attemptId]).toMatchObject({ oldScore: 66, newScore: 100, newPassed: true });
  // The dry run changed nothing.
  expect(await db.creditEntry.count({ where: { userId: failer.user.id } })).toBe(0);

  // The item analysis is folded into its rollup (as if read an hour from now), before the regrade.
  const { quizId } = await db.question.findUniqueOrThrow({ where: { id: "fx-single" }, select: { quizId: true } });
  const inAnHour = new Date(Date.now() + 60 * 60_000);
  expect(await readItemStats(db, quizId, { now: inAnHour })).toEqual(await analyzeStoredAnswers(quizId));
  expect(await db.itemScoreRollup.count({ where: { quizId } })).toBeGreaterThan(0);

  await applyRegrade({ questionId: "fx-single", adminId: admin.id });
  // The regrade changed graded answers and scores: the rollup is emptied and unbuilt, and the next
  // read rebuilds it from the regraded answers.
  expect(await db.itemStatsWatermark.findUniqueOrThrow({ where: { quizId }, select: { gradedBefore: true } })).toEqual({ gradedBefore: null });
  expect(await db.itemScoreRollup.count({ where: { quizId } })).toBe(0);
  expect(await db.itemChoiceRollup.count({ where: { quizId } })).toBe(0);
  const regraded = await analyzeStoredAnswers(quizId);
  expect(regraded.find((i) => i.questionId === "fx-single")?.meanEarned).toBe(50);
  expect(await readItemStats(db, quizId, { now: inAnHour })).toEqual(regraded);
  const passerLedger = await db.creditEntry.findMany({ where: { userId: passer.user.id }, orderBy: { occurredAt: "asc" }, select: { kind: true, amountHundredths: true } });
  expect(passerLedger).toEqual([
    { kind: "AWARD", amountHundredths: 10 },
    { kind: "REVERSAL", amountHundredths: -10 },
  ]);
  expect((await db.certificate.findFirstOrThrow({ where: { userId: passer.user.id } })).status).toBe("REVOKED");
  const failerLedger = await db.creditEntry.findMany({ where: { userId: failer.user.id }, select: { kind: true } });
  expect(failerLedger).toEqual([{ kind: "AWARD" }]);
  expect(await db.auditLog.count({ where: { action: "quiz.regrade" } })).toBe(1);
  // Applying again finds nothing left to do.
  expect((await previewRegrade("fx-single", admin.id)).affectedAnswers).toBe(0);
});
