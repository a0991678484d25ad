import { beforeAll, expect, test } from "vitest";
import { syncContent } from "@/lib/content/sync-content.server";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createUser } from "@/prisma/seed-helpers";
import { analyzeItems, chosenOf, type TItemRow } from "./item-analysis";
import { aggregateItemStats } from "./item-stats.sql.server";
import { ZResponse } from "./quiz-schema";

// The item report aggregates in PostgreSQL (item-stats.sql.server.ts); analyzeItems is its
// specification. Both run over the same stored answers here, with every response type, blanks,
// ties in score at the 27% boundaries and a question everyone gets right, and must agree.

let quizId = "";
let questionIds: string[] = [];

beforeAll(async () => {
  await syncContent(db);
  const quiz = await db.quiz.findFirstOrThrow({ where: { kind: "FINAL" }, select: { id: true, questions: { orderBy: { id: "asc" }, select: { id: true } } } });
  quizId = quiz.id;
  questionIds = quiz.questions.slice(0, 6).map((q) => q.id);
});

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

test("the SQL aggregation gives what analyzeItems gives for the same answers", async () => {
  const r = rng(21);
  const user = await createUser(db, { email: "item-stats@example.test", name: "Item Stats", password: "unused-password-for-tests" });
  const expected: TItemRow[] = [];
  const attempts: Prisma.QuizAttemptCreateManyInput[] = [];
  const answers: Prisma.AttemptAnswerCreateManyInput[] = [];
  for (let n = 1; n <= 90; n++) {
    const attemptId = `itemstats${String(n).padStart(3, "0")}`;
    // Few distinct scores, so many attempts tie at the group boundaries.
    const scorePercent = [40, 60, 60, 80, 80, 100][Math.floor(r() * 6)];
    // Every fifth attempt is still in progress: its answers must not count.
    const graded = n % 5 !== 0;
    attempts.push({ id: attemptId, userId: user.id, quizId, number: n, status: graded ? "GRADED" : "IN_PROGRESS", draw: [], scorePercent: graded ? scorePercent : null, gradedAt: graded ? new Date() : null });
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

  const fromSql = await aggregateItemStats(quizId);
  const fromJs = analyzeItems(expected);
  expect(fromSql.map((i) => i.questionId)).toEqual(fromJs.map((i) => i.questionId));
  for (const [i, js] of fromJs.entries()) {
    const sql = fromSql[i];
    expect({ ...sql, difficulty: 0, meanEarned: 0, discrimination: 0, upperLowerIndex: 0 }).toEqual({ ...js, difficulty: 0, meanEarned: 0, discrimination: 0, upperLowerIndex: 0 });
    expect(sql.difficulty).toBeCloseTo(js.difficulty, 12);
    expect(sql.meanEarned).toBeCloseTo(js.meanEarned, 12);
    expect(sql.upperLowerIndex).toBeCloseTo(js.upperLowerIndex as number, 12);
    if (js.discrimination === null) expect(sql.discrimination).toBeNull();
    else expect(sql.discrimination).toBeCloseTo(js.discrimination, 9);
  }
  expect(fromJs.find((i) => i.questionId === questionIds[5])?.discrimination).toBeNull();
  expect(fromJs.some((i) => i.blank > 0)).toBe(true);
});
