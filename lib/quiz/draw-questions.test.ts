import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { createRng, drawQuestions, toClientQuestion } from "@/lib/quiz/draw-questions";
import { type TQuestion, ZClientQuestion, ZQuizFile } from "@/lib/quiz/quiz-schema";

// The real back-care final (46 questions over 7 lessons) is the most honest pool to draw from.
const bank = ZQuizFile.parse(
  JSON.parse(
    readFileSync(
      path.resolve(import.meta.dirname, "../../content/courses/back-care/quizzes/final.json"),
      "utf8",
    ),
  ),
);
const pool = bank.questions;
const lessonOf = new Map(pool.map((q) => [q.id, q.lesson]));
const lessonCount = new Set(pool.map((q) => q.lesson)).size;
const seeds = Array.from({ length: 200 }, (_, i) => `attempt-${i}`);

function lessonsIn(ids: readonly string[]): Set<string | undefined> {
  return new Set(ids.map((id) => lessonOf.get(id)));
}

describe("createRng", () => {
  test("replays the same sequence for the same seed", () => {
    const a = createRng("cl-attempt-1");
    const b = createRng("cl-attempt-1");
    expect(Array.from({ length: 20 }, a)).toEqual(Array.from({ length: 20 }, b));
  });

  test.each([
    ["", "a"],
    ["attempt-1", "attempt-2"],
    ["ab", "ba"],
  ])("gives different sequences for %j and %j", (s1, s2) => {
    expect(Array.from({ length: 5 }, createRng(s1))).not.toEqual(Array.from({ length: 5 }, createRng(s2)));
  });

  test("stays in [0, 1) and spreads roughly evenly", () => {
    const rng = createRng("spread");
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 10_000; i++) {
      const x = rng();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      buckets[Math.floor(x * 10)] += 1;
    }
    for (const count of buckets) expect(count).toBeGreaterThan(850);
  });
});

describe("drawQuestions", () => {
  test("is deterministic for a seed, and independent of the pool's input order", () => {
    const first = drawQuestions({ questions: pool, draw: 12, seed: "attempt-x" });
    expect(drawQuestions({ questions: pool, draw: 12, seed: "attempt-x" })).toEqual(first);
    expect(drawQuestions({ questions: [...pool].reverse(), draw: 12, seed: "attempt-x" })).toEqual(first);
  });

  test("varies with the seed", () => {
    const sets = new Set(
      seeds.slice(0, 20).map((seed) =>
        drawQuestions({ questions: pool, draw: 12, seed })
          .map((d) => d.questionId)
          .sort()
          .join(","),
      ),
    );
    expect(sets.size).toBeGreaterThan(15);
  });

  test.each([
    [0, 0],
    [1, 1],
    [12, 12],
    [46, 46],
    [50, 46],
    [-3, 0],
  ])("draw %i from a pool of 46 gives %i distinct questions", (draw, expected) => {
    const drawn = drawQuestions({ questions: pool, draw, seed: "s" });
    expect(drawn).toHaveLength(expected);
    expect(new Set(drawn.map((d) => d.questionId)).size).toBe(expected);
  });

  test("carries each question's version", () => {
    const bumped = pool.map((q) => (q.id === "bc-erectors-role" ? { ...q, version: 3 } : q));
    const drawn = drawQuestions({ questions: bumped, draw: bumped.length, seed: "v" });
    expect(drawn.find((d) => d.questionId === "bc-erectors-role")?.version).toBe(3);
    for (const d of drawn.filter((d) => d.questionId !== "bc-erectors-role")) expect(d.version).toBe(pool.find((q) => q.id === d.questionId)?.version);
  });

  test.each([7, 8, 10, 12, 20])("covers all seven lessons when drawing %i, for every seed", (draw) => {
    for (const seed of seeds) {
      const drawn = drawQuestions({ questions: pool, draw, seed });
      expect(lessonsIn(drawn.map((d) => d.questionId)).size).toBe(lessonCount);
    }
  });

  test.each([1, 3, 6])("draws %i questions from as many different lessons", (draw) => {
    for (const seed of seeds) {
      const drawn = drawQuestions({ questions: pool, draw, seed });
      expect(lessonsIn(drawn.map((d) => d.questionId)).size).toBe(draw);
    }
  });

  test("spreads evenly: 14 from 7 lessons is two per lesson", () => {
    for (const seed of seeds.slice(0, 50)) {
      const drawn = drawQuestions({ questions: pool, draw: 14, seed });
      const perLesson = new Map<string | undefined, number>();
      for (const d of drawn) perLesson.set(lessonOf.get(d.questionId), (perLesson.get(lessonOf.get(d.questionId)) ?? 0) + 1);
      expect([...perLesson.values()]).toEqual(new Array(7).fill(2));
    }
  });

  test("a retake draws only unseen questions while the pool allows, still covering every lesson", () => {
    for (const seed of seeds.slice(0, 50)) {
      const first = drawQuestions({ questions: pool, draw: 12, seed: `${seed}-1` }).map((d) => d.questionId);
      const second = drawQuestions({ questions: pool, draw: 12, seed: `${seed}-2`, previouslySeen: first }).map(
        (d) => d.questionId,
      );
      expect(second.filter((id) => first.includes(id))).toEqual([]);
      expect(lessonsIn(second).size).toBe(lessonCount);
    }
  });

  test("falls back to seen questions only for the places unseen ones cannot fill", () => {
    const unseen = ["bc-three-pillars", "bc-flexion-gap", "bc-ice-duration", "bc-case-match"];
    const seen = pool.map((q) => q.id).filter((id) => !unseen.includes(id));
    const drawn = drawQuestions({ questions: pool, draw: 12, seed: "short", previouslySeen: seen }).map(
      (d) => d.questionId,
    );
    expect(drawn).toHaveLength(12);
    expect(drawn).toEqual(expect.arrayContaining(unseen));
    expect(lessonsIn(drawn).size).toBe(lessonCount);
  });

  test("ignores previously seen ids that are no longer in the pool", () => {
    const drawn = drawQuestions({ questions: pool, draw: 5, seed: "gone", previouslySeen: ["bc-retired-question"] });
    expect(drawn).toEqual(drawQuestions({ questions: pool, draw: 5, seed: "gone" }));
  });

  test("returns an empty draw for an empty pool", () => {
    expect(drawQuestions({ questions: [], draw: 12, seed: "none" })).toEqual([]);
  });

  const byType = new Map<TQuestion["type"], TQuestion[]>();
  for (const q of pool) byType.set(q.type, [...(byType.get(q.type) ?? []), q]);

  function idsToShuffle(q: TQuestion): string[] {
    switch (q.type) {
      case "single":
      case "multiple":
        return q.options.map((o) => o.id);
      case "ordering":
        return q.items.map((i) => i.id);
      case "matching":
        return q.choices.map((c) => c.id);
      default:
        return [];
    }
  }

  test.each(["single", "multiple", "ordering", "matching", "true-false", "numeric"] as const)(
    "option order of %s questions is a permutation of what the trainer must arrange",
    (type) => {
      const questions = byType.get(type) ?? [];
      expect(questions.length).toBeGreaterThanOrEqual(2);
      for (const seed of seeds.slice(0, 50)) {
        for (const drawn of drawQuestions({ questions, draw: questions.length, seed })) {
          const question = questions.find((q) => q.id === drawn.questionId) as TQuestion;
          expect([...drawn.optionOrder].sort()).toEqual(idsToShuffle(question).sort());
        }
      }
    },
  );

  test("never presents an ordering question already in its correct order", () => {
    const three: TQuestion = {
      id: "order-three",
      version: 1,
      lesson: "l",
      type: "ordering",
      prompt: "Order",
      explanation: "Because",
      items: [
        { id: "a", text: "A" },
        { id: "b", text: "B" },
        { id: "c", text: "C" },
      ],
      answer: ["a", "b", "c"],
    };
    const orderings = [three, ...(byType.get("ordering") ?? [])];
    const seenOrders = new Set<string>();
    for (let i = 0; i < 2_000; i++) {
      for (const drawn of drawQuestions({ questions: orderings, draw: orderings.length, seed: `o-${i}` })) {
        const question = orderings.find((q) => q.id === drawn.questionId);
        expect(question?.type === "ordering" && drawn.optionOrder).not.toEqual(
          question?.type === "ordering" && question.answer,
        );
        if (drawn.questionId === "order-three") seenOrders.add(drawn.optionOrder.join(""));
      }
    }
    // Every other arrangement of three items still turns up.
    expect([...seenOrders].sort()).toEqual(["acb", "bac", "bca", "cab", "cba"]);
  });
});

describe("toClientQuestion", () => {
  const keyFields = ["answer", "explanation", "scoring", "tolerance", "lesson"];

  test.each(pool.map((q) => [q.id, q] as const))("%s reaches the client without its key", (_id, question) => {
    const [drawn] = drawQuestions({ questions: [question], draw: 1, seed: question.id });
    const client = toClientQuestion(question, drawn.optionOrder);
    expect(ZClientQuestion.safeParse(client).success).toBe(true);
    for (const field of keyFields) expect(client).not.toHaveProperty(field);
    expect(JSON.stringify(client)).not.toContain(question.explanation);
    expect(client).toMatchObject({ id: question.id, version: question.version, type: question.type, prompt: question.prompt });
  });

  const single = pool.find((q) => q.id === "bc-erectors-role") as TQuestion;
  const matching = pool.find((q) => q.id === "bc-trunk-muscle-match") as TQuestion;
  const numeric = pool.find((q) => q.id === "bc-ice-duration") as TQuestion;

  test("lists options in the attempt's order", () => {
    const order = ["internal-obliques", "rectus", "erectors", "transversus"];
    const client = toClientQuestion(single, order);
    expect(client.type === "single" && client.options.map((o) => o.id)).toEqual(order);
  });

  test("keeps matching prompts in authored order and shuffles only the choices", () => {
    const order = ["leg-out", "flex", "rotate-brace", "extend-hold"];
    const client = toClientQuestion(matching, order);
    expect(client.type === "matching" && client.prompts.map((p) => p.id)).toEqual(["erectors", "rectus", "wrap"]);
    expect(client.type === "matching" && client.choices.map((c) => c.id)).toEqual(order);
  });

  test("keeps a numeric question's unit", () => {
    expect(toClientQuestion(numeric, [])).toEqual({
      id: "bc-ice-duration",
      version: numeric.version,
      type: "numeric",
      prompt: numeric.prompt,
      unit: "minutes",
    });
  });

  test.each<[string, string[], string]>([
    ["a missing option", ["rectus", "erectors", "transversus"], "exactly once"],
    ["a repeated option", ["rectus", "rectus", "erectors", "transversus"], "exactly once"],
    ["an unknown option", ["rectus", "erectors", "transversus", "lats"], 'unknown option "lats"'],
    ["an empty order", [], "exactly once"],
  ])("refuses an option order with %s", (_name, order, message) => {
    expect(() => toClientQuestion(single, order)).toThrow(message);
  });
});

describe("objective spread within a lesson", () => {
  const lesson = (id: string, objectives: number[]): TQuestion => ({
    id,
    version: 1,
    lesson: "only",
    type: "true-false",
    objectives,
    prompt: `Statement ${id}`,
    answer: true,
    explanation: "Because.",
  });
  // Three questions on objective 1 and one on objective 2: a draw of two should test both.
  const questions = [lesson("a1", [1]), lesson("b1", [1]), lesson("c1", [1]), lesson("d2", [2])];

  test.each(Array.from({ length: 40 }, (_, i) => `seed-${i}`))("two questions from one lesson test two objectives (%s)", (seed) => {
    const drawn = drawQuestions({ questions, draw: 2, seed }).map((d) => d.questionId);
    expect(drawn).toContain("d2");
  });

  test("unseen questions still come before a new objective", () => {
    const drawn = drawQuestions({ questions, draw: 2, seed: "s", previouslySeen: ["d2"] }).map((d) => d.questionId);
    expect(drawn).not.toContain("d2");
  });
});
