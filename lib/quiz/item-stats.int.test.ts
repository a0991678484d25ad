import { beforeAll, expect, test } from "vitest";
import { syncContent } from "@/lib/content/sync-content.server";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createUser } from "@/prisma/seed-helpers";
import { analyzeItems, chosenOf, type TItemAnalysis, type TItemRow } from "./item-analysis";
import { ITEM_STATS_FOLD_LAG_MS, readItemStats, refreshItemStats } from "./item-stats.server";
import { aggregateItemStats, lockItemStatsWatermark, selectItemStatsWatermark } from "./item-stats.sql.server";
import { ZResponse } from "./quiz-schema";

// The item report sums per-quiz rollups kept up to date by folding plus a live aggregate of the
// attempts graded since the watermark (item-stats.sql.server.ts, docs/decisions/016);
// analyzeItems is its specification. Both run over the same stored answers here, with every
// response type, blanks, partial credit, ties in score at the 27% boundaries and a question
// everyone gets right, and must agree however the answers are split between rollup and live part.

const MINUTE = 60_000;
let quizId = "";
let questionIds: string[] = [];
let otherQuiz: { id: string; questionIds: string[] } = { id: "", questionIds: [] };

beforeAll(async () => {
  await syncContent(db);
  const quiz = await db.quiz.findFirstOrThrow({ where: { kind: "FINAL" }, select: { id: true, questions: { orderBy: { id: "asc" }, select: { id: true } } } });
  quizId = quiz.id;
  questionIds = quiz.questions.slice(0, 6).map((q) => q.id);
  const other = await db.quiz.findFirstOrThrow({ where: { kind: "LESSON_CHECK" }, orderBy: { id: "asc" }, select: { id: true, questions: { orderBy: { id: "asc" }, select: { id: true } } } });
  otherQuiz = { id: other.id, questionIds: other.questions.slice(0, 2).map((q) => q.id) };
});

function expectSameStats(actual: TItemAnalysis[], expected: TItemAnalysis[]) {
  expect(actual.map((i) => i.questionId)).toEqual(expected.map((i) => i.questionId));
  for (const [i, js] of expected.entries()) {
    const sql = actual[i];
    expect({ ...sql, difficulty: 0, meanEarned: 0, discrimination: 0, upperLowerIndex: 0 }).toEqual({ ...js, difficulty: 0, meanEarned: 0, discrimination: 0, upperLowerIndex: 0 });
    expect(sql.difficulty).toBeCloseTo(js.difficulty, 12);
    expect(sql.meanEarned).toBeCloseTo(js.meanEarned, 12);
    expect(sql.upperLowerIndex).toBeCloseTo(js.upperLowerIndex as number, 12);
    if (js.discrimination === null) expect(sql.discrimination).toBeNull();
    else expect(sql.discrimination).toBeCloseTo(js.discrimination, 9);
  }
}

// The report's read with the watermark as stored (what readItemStats does without folding).
async function aggregateStored(id: string) {
  const read = await aggregateItemStats(db, id, await selectItemStatsWatermark(db, id));
  expect(read.consistent).toBe(true);
  return read;
}

async function watermarkOf(id: string) {
  return (await db.itemStatsWatermark.findUnique({ where: { quizId: id }, select: { gradedBefore: true } }))?.gradedBefore ?? null;
}

// A small deterministic generator, so a failure is reproducible.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function responseFor(q: number, r: () => number): unknown {
  const x = r();
  if (x < 0.08) return null;
  switch (q % 6) {
    case 0:
      return { type: "single", optionId: ["a", "b", "c", "d"][Math.floor(r() * 4)] };
    case 1:
      return { type: "multiple", optionIds: x < 0.2 ? [] : ["a", "b", "c"].filter(() => r() < 0.6) };
    case 2:
      return { type: "true-false", value: r() < 0.5 };
    case 3:
      return { type: "ordering", itemIds: x < 0.15 ? [] : ["x", "y", "z"].sort(() => r() - 0.5) };
    case 4:
      return { type: "matching", pairs: { left: r() < 0.5 ? "one" : "two", right: r() < 0.5 ? "one" : "two" } };
    default:
      return { type: "numeric", value: [12, 2.5, -3, 100][Math.floor(r() * 4)] };
  }
}

test("the rollup-based report gives what analyzeItems gives for the same answers, however they are split between rollup and live part", async () => {
  const r = rng(21);
  const now = new Date();
  const user = await createUser(db, { email: "item-stats@example.test", name: "Item Stats", password: "unused-password-for-tests" });
  const expected: TItemRow[] = [];
  const attempts: Prisma.QuizAttemptCreateManyInput[] = [];
  const answers: Prisma.AttemptAnswerCreateManyInput[] = [];
  let recentAnswers = 0;
  for (let n = 1; n <= 90; n++) {
    const attemptId = `itemstats${String(n).padStart(3, "0")}`;
    // Few distinct scores, so many attempts tie at the group boundaries.
    const scorePercent = [40, 60, 60, 80, 80, 100][Math.floor(r() * 6)];
    // Every fifth attempt is still in progress: its answers must not count.
    const graded = n % 5 !== 0;
    // Graded from 3 hours to 1 minute ago: a third within the fold lag (the live part).
    const gradedAt = new Date(now.getTime() - (n % 3 === 0 ? 1 + (n % 7) : 20 + n * 2) * MINUTE);
    if (graded && n % 3 === 0) recentAnswers += questionIds.length;
    attempts.push({ id: attemptId, userId: user.id, quizId, number: n, status: graded ? "GRADED" : "IN_PROGRESS", draw: [], scorePercent: graded ? scorePercent : null, gradedAt: graded ? gradedAt : null });
    questionIds.forEach((questionId, q) => {
      // Question 5 is always right: discrimination undefined (null) there.
      const earned = q === 5 ? 100 : r() < 0.1 ? 50 : r() < scorePercent / 100 ? 100 : 0;
      const response = responseFor(q, r);
      answers.push({ attemptId, questionId, questionVersion: 1, response: response === null ? undefined : (response as Prisma.InputJsonValue), earned, correct: earned === 100 });
      if (graded) {
        const parsed = ZResponse.safeParse(response);
        expected.push({ attemptId, questionId, earned, totalScorePercent: scorePercent, chosen: chosenOf(parsed.success ? parsed.data : null) });
      }
    });
  }
  await db.quizAttempt.createMany({ data: attempts });
  await db.attemptAnswer.createMany({ data: answers });
  const fromJs = analyzeItems(expected);
  expect(fromJs.find((i) => i.questionId === questionIds[5])?.discrimination).toBeNull();
  expect(fromJs.some((i) => i.blank > 0)).toBe(true);
  expect(fromJs.some((i) => i.meanEarned !== i.difficulty * 100)).toBe(true);

  // Not built yet: everything is aggregated live.
  const unbuilt = await aggregateStored(quizId);
  expect(unbuilt.liveAnswers).toBe(expected.length);
  expectSameStats(unbuilt.items, fromJs);

  // First fold, 2 hours ago: the oldest attempts go into the rollup.
  const early = await refreshItemStats(db, quizId, { now: new Date(now.getTime() - 2 * 60 * MINUTE) });
  expect(early.folded).toBeGreaterThan(0);
  const afterEarly = await aggregateStored(quizId);
  expect(afterEarly.liveAnswers).toBe(expected.length - (early.folded as number));
  expectSameStats(afterEarly.items, fromJs);

  // The report's own fold (now − lag) adds to the same rollup rows; the attempts graded within the
  // lag stay live.
  expectSameStats(await readItemStats(db, quizId, { now }), fromJs);
  expect(await watermarkOf(quizId)).toEqual(new Date(now.getTime() - ITEM_STATS_FOLD_LAG_MS));
  const steady = await aggregateStored(quizId);
  expect(steady.liveAnswers).toBe(recentAnswers);
  expectSameStats(steady.items, fromJs);

  // Everything folded: the rollup alone gives the same figures.
  expectSameStats(await readItemStats(db, quizId, { now: new Date(now.getTime() + 60 * MINUTE) }), fromJs);
  expect((await aggregateStored(quizId)).liveAnswers).toBe(0);
});

async function gradeAttempt(userId: string, number: number, gradedAt: Date, scorePercent: number, earned: number[]) {
  const id = `itemlag${String(number).padStart(3, "0")}`;
  await db.quizAttempt.create({ data: { id, userId, quizId: otherQuiz.id, number, status: "GRADED", draw: [], scorePercent, gradedAt } });
  await db.attemptAnswer.createMany({
    data: otherQuiz.questionIds.map((questionId, i) => ({ attemptId: id, questionId, questionVersion: 1, response: { type: "single", optionId: earned[i] >= 100 ? "a" : "b" }, earned: earned[i], correct: earned[i] >= 100 })),
  });
}

test("folding stops at now − lag, so a submission committing late with an earlier gradedAt is still counted, once", async () => {
  const user = await createUser(db, { email: "item-lag@example.test", name: "Item Lag", password: "unused-password-for-tests" });
  const now = new Date();
  const ago = (minutes: number) => new Date(now.getTime() - minutes * MINUTE);
  await gradeAttempt(user.id, 1, ago(30), 100, [100, 100]);
  await gradeAttempt(user.id, 2, ago(15), 50, [100, 0]);
  await gradeAttempt(user.id, 3, ago(5), 0, [0, 0]);

  const first = await refreshItemStats(db, otherQuiz.id, { now });
  expect(first).toEqual({ folded: 4, gradedBefore: ago(10) });
  expect(await db.itemScoreRollup.aggregate({ where: { quizId: otherQuiz.id }, _sum: { answers: true } })).toEqual({ _sum: { answers: 4 } });
  // A read planned with a watermark that has since moved says so (readItemStats then reads again).
  expect((await aggregateItemStats(db, otherQuiz.id, ago(30))).consistent).toBe(false);
  // Folding again at the same time finds nothing new.
  expect(await refreshItemStats(db, otherQuiz.id, { now })).toEqual({ folded: 0, gradedBefore: ago(10) });

  // A submission whose transaction began 9 minutes ago commits only now: its gradedAt is after
  // the watermark, so it is in the live part, and the next fold adds it to the rollup exactly once.
  await gradeAttempt(user.id, 4, ago(9), 50, [0, 100]);
  const live = await aggregateStored(otherQuiz.id);
  expect(live.liveAnswers).toBe(4);
  expect(live.items.map((i) => i.attempts)).toEqual([4, 4]);
  const later = new Date(now.getTime() + 30 * MINUTE);
  expect(await refreshItemStats(db, otherQuiz.id, { now: later })).toEqual({ folded: 4, gradedBefore: ago(-20) });
  const folded = await aggregateStored(otherQuiz.id);
  expect(folded.liveAnswers).toBe(0);
  expect(folded.items.map((i) => [i.attempts, i.difficulty])).toEqual([
    [4, 0.5],
    [4, 0.5],
  ]);

  // Deleting a user (GDPR erasure, or an operator's cleanup) cascades to their attempts: a trigger
  // resets the quiz's rollup, and the next read rebuilds it without them.
  const gone = await createUser(db, { email: "item-gone@example.test", name: "Item Gone", password: "unused-password-for-tests" });
  await db.quizAttempt.create({ data: { id: "itemgone001", userId: gone.id, quizId: otherQuiz.id, number: 1, status: "GRADED", draw: [], scorePercent: 0, gradedAt: ago(-25) } });
  await db.attemptAnswer.createMany({ data: otherQuiz.questionIds.map((questionId) => ({ attemptId: "itemgone001", questionId, questionVersion: 1, earned: 0, correct: false })) });
  expect((await refreshItemStats(db, otherQuiz.id, { now: new Date(later.getTime() + 10 * MINUTE) })).folded).toBe(2);
  expect((await aggregateStored(otherQuiz.id)).items.map((i) => i.attempts)).toEqual([5, 5]);
  await db.user.delete({ where: { id: gone.id } });
  expect(await watermarkOf(otherQuiz.id)).toBeNull();
  expect(await db.itemScoreRollup.count({ where: { quizId: otherQuiz.id } })).toBe(0);
  expect((await readItemStats(db, otherQuiz.id, { now: later })).map((i) => [i.attempts, i.difficulty])).toEqual([
    [4, 0.5],
    [4, 0.5],
  ]);
});

test("a read while another transaction holds the watermark (a fold or a reset in progress) does not wait for it, and is exact", async () => {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let signalLocked = () => {};
  const locked = new Promise<void>((resolve) => {
    signalLocked = resolve;
  });
  const holder = db.$transaction(
    async (tx) => {
      expect((await lockItemStatsWatermark(tx, otherQuiz.id)).locked).toBe(true);
      signalLocked();
      await released;
    },
    { timeout: 30_000 },
  );
  await locked;
  // Far in the future: a fold would be due, but the row is held, so this reads without folding.
  const before = await watermarkOf(otherQuiz.id);
  const items = await readItemStats(db, otherQuiz.id, { now: new Date(Date.now() + 10 * 60 * MINUTE) });
  release();
  await holder;
  expect(items.map((i) => [i.attempts, i.difficulty])).toEqual([
    [4, 0.5],
    [4, 0.5],
  ]);
  expect(await watermarkOf(otherQuiz.id)).toEqual(before);
});
