import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { gradeAttempt, gradeQuestion } from "@/lib/quiz/grade-attempt";
import type { TQuestion, TResponse } from "@/lib/quiz/quiz-schema";

const base = { version: 1, lesson: "l", prompt: "P", explanation: "E" };

const single: TQuestion = {
  ...base,
  id: "single",
  type: "single",
  options: [
    { id: "a", text: "A" },
    { id: "b", text: "B" },
    { id: "c", text: "C" },
  ],
  answer: "b",
};

// 3 correct out of 5 options.
const multipleOptions = ["a", "b", "c", "d", "e"].map((id) => ({ id, text: id.toUpperCase() }));
const partial: TQuestion = {
  ...base,
  id: "partial",
  type: "multiple",
  options: multipleOptions,
  answer: ["a", "b", "c"],
  scoring: "partial",
};
const allOrNothing: TQuestion = { ...partial, id: "all-or-nothing", scoring: "all-or-nothing" };

const trueFalse: TQuestion = { ...base, id: "tf", type: "true-false", answer: false };

const ordering: TQuestion = {
  ...base,
  id: "ordering",
  type: "ordering",
  items: ["stop", "ice", "repeat", "refer"].map((id) => ({ id, text: id })),
  answer: ["stop", "ice", "repeat", "refer"],
};

const matching: TQuestion = {
  ...base,
  id: "matching",
  type: "matching",
  prompts: ["erectors", "rectus", "obliques"].map((id) => ({ id, text: id })),
  choices: ["extend", "flex", "rotate", "abduct"].map((id) => ({ id, text: id })),
  answer: { erectors: "extend", rectus: "flex", obliques: "rotate" },
};

const numeric: TQuestion = { ...base, id: "numeric", type: "numeric", answer: 20, tolerance: 0, unit: "minutes" };
const numericTolerant: TQuestion = { ...base, id: "numeric-tol", type: "numeric", answer: 10, tolerance: 0.5 };
const numericDecimal: TQuestion = { ...base, id: "numeric-dec", type: "numeric", answer: 0.3, tolerance: 0 };
const numericDecimalTol: TQuestion = { ...base, id: "numeric-dec-tol", type: "numeric", answer: 0.3, tolerance: 0.1 };

const multi = (...optionIds: string[]): TResponse => ({ type: "multiple", optionIds });
const order = (...itemIds: string[]): TResponse => ({ type: "ordering", itemIds });
const pairs = (p: Record<string, string>): TResponse => ({ type: "matching", pairs: p });
const num = (value: number): TResponse => ({ type: "numeric", value });
// Values a hostile or buggy caller could hand over despite the types.
const hostile = (value: unknown) => value as TResponse;

describe("gradeQuestion", () => {
  test.each<[string, TQuestion, TResponse | undefined, number, boolean]>([
    // single
    ["single: right option", single, { type: "single", optionId: "b" }, 100, true],
    ["single: wrong option", single, { type: "single", optionId: "a" }, 0, false],
    ["single: unknown option", single, { type: "single", optionId: "zzz" }, 0, false],
    ["single: unanswered", single, undefined, 0, false],
    ["single: answered as multiple", single, multi("b"), 0, false],
    ["single: claims to be correct", single, hostile({ type: "single", optionId: "a", correct: true }), 0, false],
    ["single: right option plus a score field", single, hostile({ type: "single", optionId: "b", earned: 100 }), 0, false],
    ["single: missing optionId", single, hostile({ type: "single" }), 0, false],

    // multiple, partial: max(0, right - wrong) * 100 / 3, floored
    ["partial: all three right", partial, multi("a", "b", "c"), 100, true],
    ["partial: order does not matter", partial, multi("c", "a", "b"), 100, true],
    ["partial: two of three", partial, multi("a", "b"), 66, false],
    ["partial: one of three", partial, multi("c"), 33, false],
    ["partial: three right, one wrong", partial, multi("a", "b", "c", "d"), 66, false],
    ["partial: everything ticked", partial, multi("a", "b", "c", "d", "e"), 33, false],
    ["partial: one right, one wrong", partial, multi("a", "d"), 0, false],
    ["partial: more wrong than right floors at 0", partial, multi("a", "d", "e"), 0, false],
    ["partial: nothing ticked", partial, multi(), 0, false],
    ["partial: right option repeated counts once", partial, multi("a", "a", "a"), 33, false],
    ["partial: ids that are not options count as wrong", partial, multi("a", "b", "zz"), 33, false],
    ["partial: answered as single", partial, { type: "single", optionId: "a" }, 0, false],

    // multiple, all-or-nothing
    ["all-or-nothing: exact set", allOrNothing, multi("b", "c", "a"), 100, true],
    ["all-or-nothing: one missing", allOrNothing, multi("a", "b"), 0, false],
    ["all-or-nothing: one extra", allOrNothing, multi("a", "b", "c", "e"), 0, false],
    ["all-or-nothing: repeats of a right option", allOrNothing, multi("a", "a", "a"), 0, false],
    ["all-or-nothing: exact set with a repeat", allOrNothing, multi("a", "b", "c", "c"), 100, true],

    // true-false
    ["true-false: right", trueFalse, { type: "true-false", value: false }, 100, true],
    ["true-false: wrong", trueFalse, { type: "true-false", value: true }, 0, false],
    ["true-false: string 'false'", trueFalse, hostile({ type: "true-false", value: "false" }), 0, false],
    ["true-false: 0 for false", trueFalse, hostile({ type: "true-false", value: 0 }), 0, false],

    // ordering: all or nothing
    ["ordering: exact order", ordering, order("stop", "ice", "repeat", "refer"), 100, true],
    ["ordering: two swapped", ordering, order("stop", "repeat", "ice", "refer"), 0, false],
    ["ordering: reversed", ordering, order("refer", "repeat", "ice", "stop"), 0, false],
    ["ordering: one item short", ordering, order("stop", "ice", "repeat"), 0, false],
    ["ordering: one item extra", ordering, order("stop", "ice", "repeat", "refer", "stop"), 0, false],
    ["ordering: empty", ordering, order(), 0, false],

    // matching: floor(100 * right / 3)
    ["matching: all pairs", matching, pairs({ erectors: "extend", rectus: "flex", obliques: "rotate" }), 100, true],
    ["matching: two of three", matching, pairs({ erectors: "extend", rectus: "rotate", obliques: "flex" }), 33, false],
    ["matching: two right, one left blank", matching, pairs({ erectors: "extend", rectus: "flex" }), 66, false],
    ["matching: one right", matching, pairs({ erectors: "extend" }), 33, false],
    ["matching: none right", matching, pairs({ erectors: "abduct", rectus: "extend", obliques: "flex" }), 0, false],
    ["matching: same choice everywhere", matching, pairs({ erectors: "flex", rectus: "flex", obliques: "flex" }), 33, false],
    ["matching: extra pairs for unknown prompts ignored", matching, pairs({ erectors: "extend", rectus: "flex", obliques: "rotate", lats: "abduct" }), 100, true],
    ["matching: no pairs", matching, pairs({}), 0, false],
    ["matching: answered as ordering", matching, order("extend", "flex", "rotate"), 0, false],

    // numeric, inclusive tolerance with a float-safe margin
    ["numeric: exact", numeric, num(20), 100, true],
    ["numeric: off by one with no tolerance", numeric, num(21), 0, false],
    ["numeric: string '20'", numeric, hostile({ type: "numeric", value: "20" }), 0, false],
    ["numeric: NaN", numeric, hostile({ type: "numeric", value: Number.NaN }), 0, false],
    ["numeric: Infinity", numeric, hostile({ type: "numeric", value: Number.POSITIVE_INFINITY }), 0, false],
    ["numeric: at the upper edge of tolerance", numericTolerant, num(10.5), 100, true],
    ["numeric: at the lower edge of tolerance", numericTolerant, num(9.5), 100, true],
    ["numeric: just past tolerance", numericTolerant, num(10.5001), 0, false],
    ["numeric: 0.1 + 0.2 against 0.3", numericDecimal, num(0.1 + 0.2), 100, true],
    ["numeric: 0.4 against 0.3 ± 0.1 (float error at the edge)", numericDecimalTol, num(0.4), 100, true],
    ["numeric: 0.2 against 0.3 ± 0.1", numericDecimalTol, num(0.2), 100, true],
    ["numeric: 0.41 against 0.3 ± 0.1", numericDecimalTol, num(0.41), 0, false],

    // shapes that are not responses at all
    ["null", single, hostile(null), 0, false],
    ["a bare string", single, hostile("b"), 0, false],
    ["an unknown type", single, hostile({ type: "essay", text: "b" }), 0, false],
    ["an oversized multiple", partial, hostile({ type: "multiple", optionIds: Array.from({ length: 51 }, () => "a") }), 0, false],
  ])("%s", (_name, question, response, earned, correct) => {
    expect(gradeQuestion(question, response)).toEqual({ earned, correct });
  });
});

describe("gradeAttempt", () => {
  const five = [single, partial, trueFalse, ordering, numeric];

  test.each<[string, Record<string, TResponse | undefined>, number, number, number, boolean]>([
    [
      "everything right",
      {
        single: { type: "single", optionId: "b" },
        partial: multi("a", "b", "c"),
        tf: { type: "true-false", value: false },
        ordering: order("stop", "ice", "repeat", "refer"),
        numeric: num(20),
      },
      80,
      500,
      100,
      true,
    ],
    [
      "partial credit floors the percent (366/500 = 73.2%)",
      {
        single: { type: "single", optionId: "b" },
        partial: multi("a", "b"),
        tf: { type: "true-false", value: false },
        ordering: order("ice", "stop", "repeat", "refer"),
        numeric: num(20),
      },
      70,
      366,
      73,
      true,
    ],
    [
      "the same answers fail a higher mark",
      {
        single: { type: "single", optionId: "b" },
        partial: multi("a", "b"),
        tf: { type: "true-false", value: false },
        ordering: order("ice", "stop", "repeat", "refer"),
        numeric: num(20),
      },
      80,
      366,
      73,
      false,
    ],
    [
      "exactly the pass mark passes (4/5 = 80%)",
      {
        single: { type: "single", optionId: "b" },
        partial: multi("a", "b", "c"),
        tf: { type: "true-false", value: false },
        ordering: order("stop", "ice", "repeat", "refer"),
      },
      80,
      400,
      80,
      true,
    ],
    ["nothing answered", {}, 80, 0, 0, false],
    [
      "answers to questions not in the attempt are ignored",
      { matching: pairs({ erectors: "extend", rectus: "flex", obliques: "rotate" }), "other-quiz-q": num(1) },
      1,
      0,
      0,
      false,
    ],
    [
      "a wrong-typed response is unanswered",
      { single: num(20), numeric: { type: "single", optionId: "b" } },
      1,
      0,
      0,
      false,
    ],
  ])("%s", (_name, responses, passMark, earnedHundredths, scorePercent, passed) => {
    const result = gradeAttempt({ questions: five, responses, passMark });
    expect(result).toMatchObject({ earnedHundredths, possibleHundredths: 500, scorePercent, passed });
    expect(result.perQuestion.map((q) => q.questionId)).toEqual(five.map((q) => q.id));
  });

  test("79.9% floors to 79 and fails an 80 mark", () => {
    // Seven true-false right (700) plus 66 + 33 + 0 on three matching questions: 799 of 1000.
    const questions: TQuestion[] = [
      ...Array.from({ length: 7 }, (_, i) => ({ ...trueFalse, id: `tf-${i}` })),
      { ...matching, id: "m-1" },
      { ...matching, id: "m-2" },
      { ...matching, id: "m-3" },
    ];
    const responses: Record<string, TResponse> = Object.fromEntries(
      Array.from({ length: 7 }, (_, i) => [`tf-${i}`, { type: "true-false", value: false } as TResponse]),
    );
    responses["m-1"] = pairs({ erectors: "extend", rectus: "flex" });
    responses["m-2"] = pairs({ erectors: "extend" });
    const result = gradeAttempt({ questions, responses, passMark: 80 });
    expect(result).toMatchObject({ earnedHundredths: 799, possibleHundredths: 1000, scorePercent: 79, passed: false });
  });

  test("an attempt with no questions never passes", () => {
    expect(gradeAttempt({ questions: [], responses: {}, passMark: 1 })).toEqual({
      earnedHundredths: 0,
      possibleHundredths: 0,
      scorePercent: 0,
      passed: false,
      perQuestion: [],
    });
  });

  test("question ids that name Object.prototype members read no inherited value", () => {
    const questions: TQuestion[] = [
      { ...trueFalse, id: "constructor" },
      { ...trueFalse, id: "to-string" },
    ];
    const result = gradeAttempt({ questions, responses: {}, passMark: 50 });
    expect(result.perQuestion).toEqual([
      { questionId: "constructor", earned: 0, correct: false },
      { questionId: "to-string", earned: 0, correct: false },
    ]);
  });

  test("a score sent alongside the responses changes nothing", () => {
    const responses = hostile({ scorePercent: 100, passed: true }) as unknown as Record<string, TResponse>;
    expect(gradeAttempt({ questions: five, responses, passMark: 80 })).toMatchObject({
      earnedHundredths: 0,
      scorePercent: 0,
      passed: false,
    });
  });
});

describe("grading never exceeds what is possible", () => {
  const questions = [single, partial, allOrNothing, trueFalse, ordering, matching, numeric, numericTolerant, numericDecimalTol];
  const anyId = fc.constantFrom("a", "b", "c", "d", "e", "stop", "ice", "repeat", "refer", "erectors", "rectus", "obliques", "extend", "flex", "rotate", "abduct", "zz");
  const anyResponse: fc.Arbitrary<unknown> = fc.oneof(
    fc.constant(undefined),
    fc.record({ type: fc.constant("single"), optionId: anyId }),
    fc.record({ type: fc.constant("multiple"), optionIds: fc.array(anyId, { maxLength: 12 }) }),
    fc.record({ type: fc.constant("true-false"), value: fc.boolean() }),
    fc.record({ type: fc.constant("ordering"), itemIds: fc.array(anyId, { maxLength: 8 }) }),
    fc.record({ type: fc.constant("matching"), pairs: fc.dictionary(anyId, anyId, { maxKeys: 8 }) }),
    fc.record({ type: fc.constant("numeric"), value: fc.double() }),
    fc.anything(),
  );

  test("for arbitrary responses, every grade is an integer within bounds", () => {
    fc.assert(
      fc.property(
        fc.array(anyResponse, { minLength: questions.length, maxLength: questions.length }),
        fc.integer({ min: 1, max: 100 }),
        (raw, passMark) => {
          const responses = Object.fromEntries(questions.map((q, i) => [q.id, raw[i] as TResponse]));
          const result = gradeAttempt({ questions, responses, passMark });
          for (const q of result.perQuestion) {
            expect(Number.isInteger(q.earned)).toBe(true);
            expect(q.earned).toBeGreaterThanOrEqual(0);
            expect(q.earned).toBeLessThanOrEqual(100);
            expect(q.correct).toBe(q.earned === 100);
          }
          expect(result.possibleHundredths).toBe(questions.length * 100);
          expect(result.earnedHundredths).toBeLessThanOrEqual(result.possibleHundredths);
          expect(result.earnedHundredths).toBe(result.perQuestion.reduce((s, q) => s + q.earned, 0));
          expect(Number.isInteger(result.scorePercent)).toBe(true);
          expect(result.scorePercent).toBeGreaterThanOrEqual(0);
          expect(result.scorePercent).toBeLessThanOrEqual(100);
          expect(result.passed).toBe(result.scorePercent >= passMark);
        },
      ),
      { numRuns: 2_000, seed: 42 },
    );
  }, 60_000); // 2,000 runs take ~1 s alone, many times that on a loaded CI machine
});
