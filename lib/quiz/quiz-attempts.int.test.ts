import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { syncContent } from "@/lib/content/sync-content.server";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordLessonProgress } from "@/lib/progress/lesson-progress.server";
import { createUser } from "@/prisma/seed-helpers";
import { completeLessons } from "@/tests/evidence";
import { getAttemptView, getQuizOverview, saveAnswers, startAttempt, submitAttempt } from "./quiz-attempts.server";
import { lockAttemptRow, writeAttemptGrade } from "./quiz-attempts.sql.server";
import type { TClientQuestion, TResponse } from "./quiz-schema";

// Runs the attempt state machine against real PostgreSQL with the e2e fixture course, whose
// answer key is known: single "blue", true-false true, numeric 2.
process.env.EXTRA_CONTENT_DIR = path.resolve("tests/fixtures/content");
const COURSE = "fixture-course";
const QUIZ = "final";
let n = 0;

// A trainer who has completed every lesson (with observed time), so the final is open to them.
async function trainer({ lessonsDone = true } = {}) {
  n++;
  const user = await createUser(db, {
    email: `quiz-${n}-${Date.now()}@example.test`,
    name: `Quiz Trainer ${n}`,
    password: "unused-password-for-tests",
    profile: { certificationNumber: `NFPT-Q-${n}`, firstCertifiedOn: "2024-01-01" },
  });
  if (lessonsDone) await completeLessons(user.id, COURSE);
  return user;
}

function correctAnswers(questions: TClientQuestion[]): Record<string, TResponse> {
  const answers: Record<string, TResponse> = {};
  for (const q of questions) {
    if (q.type === "single") answers[q.id] = { type: "single", optionId: "blue" };
    if (q.type === "true-false") answers[q.id] = { type: "true-false", value: true };
    if (q.type === "numeric") answers[q.id] = { type: "numeric", value: 2 };
  }
  return answers;
}

async function inProgressView(userId: string, attemptId: string) {
  const view = await getAttemptView({ userId, attemptId });
  if (view.status !== "IN_PROGRESS") throw new Error("expected an attempt in progress");
  return view;
}

beforeAll(async () => {
  await syncContent(db);
});

describe("quiz attempts", () => {
  test("the client view of an attempt carries no answer key or explanation", async () => {
    const user = await trainer();
    const { attemptId } = await startAttempt({ userId: user.id, courseSlug: COURSE, quizSlug: QUIZ });
    const view = await inProgressView(user.id, attemptId);
    const json = JSON.stringify(view);
    expect(json).not.toContain("SENTINEL-ANSWER-KEY");
    expect(json).not.toMatch(/"answer"|"explanation"|"tolerance"/);
    expect(view.questions).toHaveLength(3);
  });

  test("starting twice resumes the open attempt", async () => {
    const user = await trainer();
    const a = await startAttempt({ userId: user.id, courseSlug: COURSE, quizSlug: QUIZ });
    const b = await startAttempt({ userId: user.id, courseSlug: COURSE, quizSlug: QUIZ });
    expect(b).toEqual({ attemptId: a.attemptId, resumed: true });
  });

  test("grading uses only the server key; client-sent score fields are rejected", async () => {
    const user = await trainer();
    const { attemptId } = await startAttempt({ userId: user.id, courseSlug: COURSE, quizSlug: QUIZ });
    const view = await inProgressView(user.id, attemptId);
    const single = view.questions.find((q) => q.type === "single")!;
    await expect(
      submitAttempt({
        userId: user.id,
        attemptId,
        idempotencyKey: "k-mass-assign",
        answers: { [single.id]: { type: "single", optionId: "red", correct: true, score: 100 } },
        attest: true,
      }),
    ).rejects.toThrow(/not valid/);
    const result = await submitAttempt({ userId: user.id, attemptId, idempotencyKey: "k-wrong", answers: { [single.id]: { type: "single", optionId: "red" } }, attest: true });
    expect(result.scorePercent).toBe(0);
    expect(result.passed).toBe(false);
  });

  test("50 parallel identical submissions grade once and get the same response", async () => {
    const user = await trainer();
    const { attemptId } = await startAttempt({ userId: user.id, courseSlug: COURSE, quizSlug: QUIZ });
    const answers = correctAnswers((await inProgressView(user.id, attemptId)).questions);
    const results = await Promise.all(Array.from({ length: 50 }, () => submitAttempt({ userId: user.id, attemptId, idempotencyKey: "same-key-123", answers, attest: true })));
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(results[0].scorePercent).toBe(100);
    const audits = await db.auditLog.count({ where: { action: "quiz.grade", targetId: attemptId } });
    expect(audits).toBe(1);
    await expect(submitAttempt({ userId: user.id, attemptId, idempotencyKey: "another-key", answers, attest: true })).rejects.toThrow(/already been submitted/);
  });

  test("50 parallel identical submissions that do not pass also grade once, every one answered with the same bytes", async () => {
    const user = await trainer();
    const { attemptId } = await startAttempt({ userId: user.id, courseSlug: COURSE, quizSlug: QUIZ });
    const questions = (await inProgressView(user.id, attemptId)).questions;
    const answers = correctAnswers(questions);
    const numeric = questions.find((q) => q.type === "numeric")!;
    answers[numeric.id] = { type: "numeric", value: 99 }; // one wrong: 2 of 3, below the 80% pass mark
    const results = await Promise.all(Array.from({ length: 50 }, () => submitAttempt({ userId: user.id, attemptId, idempotencyKey: "fail-key-123", answers, attest: true })));
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(results[0]).toMatchObject({ passed: false, scorePercent: 66, creditAwarded: false, expired: false });
    expect(await db.auditLog.count({ where: { action: "quiz.grade", targetId: attemptId } })).toBe(1);
    const stored = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { status: true, scorePercent: true, passed: true, idempotencyKey: true, result: true } });
    expect(stored).toMatchObject({ status: "GRADED", scorePercent: 66, passed: false, idempotencyKey: "fail-key-123" });
    expect(stored.result).toEqual(results[0]);
    const rows = await db.attemptAnswer.findMany({ where: { attemptId }, select: { questionId: true, correct: true, earned: true } });
    expect(rows).toHaveLength(questions.length);
    expect(rows.filter((r) => r.correct === false).map((r) => r.questionId)).toEqual([numeric.id]);
    await expect(submitAttempt({ userId: user.id, attemptId, idempotencyKey: "another-key", answers, attest: true })).rejects.toThrow(/already been submitted/);
    await expect(saveAnswers({ userId: user.id, attemptId, answers })).rejects.toThrow(/already been submitted/);
  });

  test("the final cannot be started until every lesson is complete", async () => {
    const user = await trainer({ lessonsDone: false });
    await completeLessons(user.id, COURSE, ["first-steps"]);
    const error = await startAttempt({ userId: user.id, courseSlug: COURSE, quizSlug: QUIZ }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(409);
    expect((error as AppError).message).toMatch(/Complete every lesson.*1 lesson still to complete/);
    const overview = await getQuizOverview({ userId: user.id, courseSlug: COURSE, quizSlug: QUIZ });
    expect(overview).toMatchObject({ canStart: false, blockedReason: expect.stringMatching(/Complete every lesson/) });
    await completeLessons(user.id, COURSE, ["second-steps"]);
    await expect(startAttempt({ userId: user.id, courseSlug: COURSE, quizSlug: QUIZ })).resolves.toMatchObject({ resumed: false });
  });

  test("a final is submitted only with the attestation, which is stored; the award keeps its evidence", async () => {
    const user = await trainer();
    const { attemptId } = await startAttempt({ userId: user.id, courseSlug: COURSE, quizSlug: QUIZ });
    const answers = correctAnswers((await inProgressView(user.id, attemptId)).questions);
    for (const attest of [undefined, false]) {
      const error = await submitAttempt({ userId: user.id, attemptId, idempotencyKey: "no-attest-1", answers, attest }).catch((e) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(422);
      expect((error as AppError).message).toMatch(/your own work/);
    }
    expect(await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { status: true, attestedAt: true } })).toEqual({ status: "IN_PROGRESS", attestedAt: null });
    const now = new Date();
    const result = await submitAttempt({ userId: user.id, attemptId, idempotencyKey: "attest-1", answers, attest: true, now });
    expect(result).toMatchObject({ passed: true, creditAwarded: true });
    expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { attestedAt: true } })).attestedAt).toEqual(now);
    const completion = await db.courseCompletion.findFirstOrThrow({ where: { userId: user.id } });
    expect(completion).toMatchObject({ attemptId, scorePercent: 100, attestedAt: now, certifyingBody: "NFPT", approvalNumber: "FX-APPROVAL-42", providerNumber: "FX-PROVIDER-7", creditHundredths: 10 });
    expect(completion.courseRevision).toBeGreaterThanOrEqual(1);
    const evidence = completion.evidence as { lessons: { slug: string; observedSeconds: number; requiredSeconds: number }[]; attemptNumber: number };
    expect(evidence.attemptNumber).toBe(1);
    expect(evidence.lessons.map((l) => l.slug)).toEqual(["first-steps", "second-steps"]);
    for (const l of evidence.lessons) expect(l.observedSeconds).toBeGreaterThanOrEqual(l.requiredSeconds);
  });

  test("foreign and unknown attempts are refused alike", async () => {
    const owner = await trainer();
    const other = await trainer();
    const { attemptId } = await startAttempt({ userId: owner.id, courseSlug: COURSE, quizSlug: QUIZ });
    for (const id of [attemptId, "00000000-0000-4000-8000-000000000000"]) {
      const error = await submitAttempt({ userId: other.id, attemptId: id, idempotencyKey: "k-foreign" }).catch((e) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(404);
      await expect(saveAnswers({ userId: other.id, attemptId: id, answers: {} })).rejects.toThrow(/not yours/);
    }
  });

  test("autosave keeps answers; an expired attempt is graded with what was saved in time", async () => {
    const user = await trainer();
    const t0 = new Date("2026-01-01T10:00:00Z");
    const { attemptId } = await startAttempt({ userId: user.id, courseSlug: COURSE, quizSlug: QUIZ, now: t0 });
    const view = await inProgressView(user.id, attemptId);
    const answers = correctAnswers(view.questions);
    const [firstId] = Object.keys(answers);
    await saveAnswers({ userId: user.id, attemptId, answers: { [firstId]: answers[firstId] }, now: new Date(t0.getTime() + 60_000) });
    const late = new Date(t0.getTime() + 31 * 60_000);
    await expect(saveAnswers({ userId: user.id, attemptId, answers, now: late })).rejects.toThrow(/Time is up/);
    const result = await submitAttempt({ userId: user.id, attemptId, idempotencyKey: "late-key-1", answers, now: late });
    expect(result.expired).toBe(true);
    expect(result.scorePercent).toBe(33); // only the answer saved in time counts
  });

  test("passing after completing every lesson awards the course credit once", async () => {
    const user = await trainer();
    // Completing again changes nothing.
    for (const lesson of ["first-steps", "second-steps"]) await recordLessonProgress({ userId: user.id, courseSlug: COURSE, lessonSlug: lesson, complete: true });
    const { attemptId } = await startAttempt({ userId: user.id, courseSlug: COURSE, quizSlug: QUIZ });
    const answers = correctAnswers((await inProgressView(user.id, attemptId)).questions);
    const result = await submitAttempt({ userId: user.id, attemptId, idempotencyKey: "pass-key-1", answers, attest: true });
    expect(result).toMatchObject({ passed: true, scorePercent: 100, creditAwarded: true });
    const second = await startAttempt({ userId: user.id, courseSlug: COURSE, quizSlug: QUIZ });
    const again = await submitAttempt({
      userId: user.id,
      attemptId: second.attemptId,
      idempotencyKey: "pass-key-2",
      attest: true,
      answers: correctAnswers((await inProgressView(user.id, second.attemptId)).questions),
    });
    expect(again.creditAwarded).toBe(false);
    const entries = await db.creditEntry.findMany({ where: { userId: user.id }, select: { kind: true, amountHundredths: true } });
    // The fixture course's NFPT approval is for 0.10 CEC
    expect(entries).toEqual([{ kind: "AWARD", amountHundredths: 10 }]);
    const overview = await getQuizOverview({ userId: user.id, courseSlug: COURSE, quizSlug: QUIZ });
    expect(overview.passed).toBe(true);
    expect(overview.bestScore).toBe(100);
  });
});

describe("the grading statement (decision 020)", () => {
  async function failingAnswers(userId: string, attemptId: string) {
    const questions = (await inProgressView(userId, attemptId)).questions;
    const answers = correctAnswers(questions);
    answers[questions.find((q) => q.type === "numeric")!.id] = { type: "numeric", value: 99 };
    return answers;
  }

  test("a submission with no award step writes its audit row in the grading statement, once, with the result", async () => {
    const user = await trainer();
    const { attemptId } = await startAttempt({ userId: user.id, courseSlug: COURSE, quizSlug: QUIZ });
    const answers = await failingAnswers(user.id, attemptId);
    const result = await submitAttempt({ userId: user.id, attemptId, idempotencyKey: "audit-key", answers, attest: true });
    const audits = await db.auditLog.findMany({ where: { targetId: attemptId }, select: { actorId: true, action: true, targetType: true, data: true } });
    expect(audits).toEqual([{ actorId: user.id, action: "quiz.grade", targetType: "quiz-attempt", data: { scorePercent: 66, passed: false, expired: false, creditAwarded: false } }]);
    // Re-submits: the same key gets the stored result, another is refused; neither writes again.
    expect(await submitAttempt({ userId: user.id, attemptId, idempotencyKey: "audit-key", answers, attest: true })).toEqual(result);
    await expect(submitAttempt({ userId: user.id, attemptId, idempotencyKey: "other-key", answers, attest: true })).rejects.toThrow(/already been submitted/);
    expect(await db.auditLog.count({ where: { targetId: attemptId } })).toBe(1);
  });

  test("on an attempt no longer in progress it changes nothing: no audit row, no answers, no new key", async () => {
    const user = await trainer();
    const { attemptId } = await startAttempt({ userId: user.id, courseSlug: COURSE, quizSlug: QUIZ });
    const answers = await failingAnswers(user.id, attemptId);
    await submitAttempt({ userId: user.id, attemptId, idempotencyKey: "first", answers, attest: true });
    const before = await db.attemptAnswer.findMany({ where: { attemptId }, orderBy: { questionId: "asc" } });
    const questionId = before[0].questionId;
    const graded = await db.$transaction((tx) =>
      writeAttemptGrade(tx, {
        attemptId,
        idempotencyKey: "second",
        now: new Date(),
        earnedHundredths: 0,
        possibleHundredths: 300,
        scorePercent: 0,
        passed: false,
        result: { overwritten: true },
        attestedAt: null,
        answers: [{ questionId, version: before[0].questionVersion, response: null, earned: 0, correct: false }],
        audit: { actorId: user.id, action: "quiz.grade", targetType: "quiz-attempt", targetId: attemptId, data: { again: true } },
        lockKey: null,
      }),
    );
    expect(graded).toBe(false);
    expect(await db.auditLog.count({ where: { targetId: attemptId } })).toBe(1);
    expect(await db.attemptAnswer.findMany({ where: { attemptId }, orderBy: { questionId: "asc" } })).toEqual(before);
    expect(await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { idempotencyKey: true } })).toEqual({ idempotencyKey: "first" });
  });

  test("a submission waits for a transaction holding the attempt's row lock, then grades once", async () => {
    const user = await trainer();
    const { attemptId } = await startAttempt({ userId: user.id, courseSlug: COURSE, quizSlug: QUIZ });
    const answers = await failingAnswers(user.id, attemptId);
    let release = () => {};
    let locked = () => {};
    const lockTaken = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const holder = db.$transaction(
      async (tx) => {
        await lockAttemptRow(tx, attemptId);
        locked();
        await new Promise<void>((resolve) => {
          release = resolve;
        });
      },
      { timeout: 15_000 },
    );
    await lockTaken;
    let settled = false;
    const submissions = [1, 2].map(() => submitAttempt({ userId: user.id, attemptId, idempotencyKey: "wait-key", answers, attest: true }).finally(() => (settled = true)));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(settled).toBe(false);
    expect(await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { status: true } })).toEqual({ status: "IN_PROGRESS" });
    release();
    await holder;
    const [a, b] = await Promise.all(submissions);
    expect(a).toEqual(b);
    expect(await db.auditLog.count({ where: { action: "quiz.grade", targetId: attemptId } })).toBe(1);
  });

  test("the award lock asked for is held from the grading statement until commit", async () => {
    const user = await trainer();
    const { attemptId } = await startAttempt({ userId: user.id, courseSlug: COURSE, quizSlug: QUIZ });
    const key = `award:${user.id}:test`;
    const tryLock = () => db.$transaction((tx) => tx.$queryRaw<{ ok: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext(${key})) AS ok`).then((r) => r[0].ok);
    let heldDuring: boolean | null = null;
    await db.$transaction(async (tx) => {
      await lockAttemptRow(tx, attemptId);
      const graded = await writeAttemptGrade(tx, {
        attemptId,
        idempotencyKey: "lock-key",
        now: new Date(),
        earnedHundredths: 300,
        possibleHundredths: 300,
        scorePercent: 100,
        passed: true,
        result: {},
        attestedAt: null,
        answers: [],
        audit: null,
        lockKey: key,
      });
      expect(graded).toBe(true);
      heldDuring = !(await tryLock());
    });
    expect(heldDuring).toBe(true);
    expect(await tryLock()).toBe(true);
    expect(await db.auditLog.count({ where: { targetId: attemptId } })).toBe(0); // audit: null writes none
  });
});

describe("review policy (issue 17)", () => {
  const SENTINEL = "SENTINEL-ANSWER-KEY-7f3a9c";

  async function failOnce(userId: string) {
    const { attemptId } = await startAttempt({ userId, courseSlug: COURSE, quizSlug: QUIZ });
    const view = await inProgressView(userId, attemptId);
    const single = view.questions.find((q) => q.type === "single")!;
    // One wrong answer and two blanks: 0%.
    await submitAttempt({ userId, attemptId, idempotencyKey: `fail-${attemptId}`, answers: { [single.id]: { type: "single", optionId: "red" } }, attest: true });
    return attemptId;
  }

  async function gradedView(userId: string, attemptId: string) {
    const view = await getAttemptView({ userId, attemptId });
    if (view.status !== "GRADED") throw new Error("expected a graded attempt");
    return view;
  }

  test("a failed final's review returns no correct answer, option, response or explanation, only what was missed and where to revisit", async () => {
    const user = await trainer();
    const attemptId = await failOnce(user.id);
    const view = await gradedView(user.id, attemptId);
    expect(view.moment).toBe("afterFail");
    expect(view.shown).toEqual(["correctness", "revisit"]);
    const json = JSON.stringify(view);
    expect(json).not.toContain(SENTINEL);
    // The key's option text and id, the other options, and any key-shaped field.
    expect(json).not.toMatch(/Blue|Green|"blue"|"green"|"red"|"answer"|"options"|"explanation":"|"tolerance"/);
    expect(view.review.map((r) => [r.outcome, r.yourAnswer, r.rightAnswer, r.explanation])).toEqual(view.review.map(() => ["incorrect", null, null, null]));
    const links = Object.fromEntries(view.review.map((r) => [r.questionId, r.revisit?.href]));
    expect(links).toEqual({
      "fx-single": "/courses/fixture-course/first-steps#warm-welcome",
      "fx-true-false": "/courses/fixture-course/second-steps#almost-there",
      "fx-numeric": "/courses/fixture-course/second-steps#almost-there",
    });
    expect(view.review.find((r) => r.questionId === "fx-single")?.revisit).toMatchObject({ lessonTitle: "First Steps", sectionTitle: "Warm welcome" });
  });

  test("after a pass, the earlier failed attempt's review shows answers and explanations", async () => {
    const user = await trainer();
    for (const lesson of ["first-steps", "second-steps"]) await recordLessonProgress({ userId: user.id, courseSlug: COURSE, lessonSlug: lesson, complete: true });
    const failed = await failOnce(user.id);
    const { attemptId } = await startAttempt({ userId: user.id, courseSlug: COURSE, quizSlug: QUIZ });
    const answers = correctAnswers((await inProgressView(user.id, attemptId)).questions);
    expect((await submitAttempt({ userId: user.id, attemptId, idempotencyKey: "pass-after-fail", answers, attest: true })).passed).toBe(true);

    const view = await gradedView(user.id, failed);
    expect(view.moment).toBe("afterPass");
    expect(JSON.stringify(view)).toContain(SENTINEL);
    expect(view.review.find((r) => r.questionId === "fx-single")).toMatchObject({ outcome: "incorrect", yourAnswer: "Red", rightAnswer: "Blue" });
  });

  test("with no attempts left, the review shows answers and explanations", async () => {
    const user = await trainer();
    const quiz = await db.quiz.findFirstOrThrow({ where: { slug: QUIZ, course: { slug: COURSE } }, select: { maxAttempts: true } });
    let last = "";
    for (let i = 0; i < (quiz.maxAttempts ?? 0); i++) {
      last = await failOnce(user.id);
      const view = await gradedView(user.id, last);
      expect(JSON.stringify(view).includes(SENTINEL)).toBe(i === (quiz.maxAttempts ?? 0) - 1);
    }
    const view = await gradedView(user.id, last);
    expect(view.moment).toBe("whenClosed");
    expect(view.review.every((r) => r.rightAnswer !== null && r.explanation?.startsWith(SENTINEL))).toBe(true);
  });
});
