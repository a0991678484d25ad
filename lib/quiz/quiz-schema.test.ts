import { describe, expect, test } from "vitest";
import type { z } from "zod";
import {
  ZAttemptDraw,
  ZClientQuestion,
  ZQuestion,
  ZQuizFile,
  ZResponse,
} from "@/lib/quiz/quiz-schema";

// One valid question of each type; the invalid cases below are small edits of these.
const valid = {
  single: {
    id: "q-single",
    version: 1,
    lesson: "trunk-muscles",
    type: "single",
    prompt: "Which muscle extends the back?",
    explanation: "The erectors extend it.",
    options: [
      { id: "erectors", text: "Spinal erectors" },
      { id: "rectus", text: "Rectus abdominis" },
    ],
    answer: "erectors",
  },
  multiple: {
    id: "q-multiple",
    version: 2,
    lesson: "spinal-flexibility",
    type: "multiple",
    prompt: "Which are spinal motions?",
    explanation: "Four motions.",
    options: [
      { id: "flexion", text: "Flexion" },
      { id: "rotation", text: "Rotation" },
      { id: "pronation", text: "Pronation" },
    ],
    answer: ["flexion", "rotation"],
    scoring: "partial",
  },
  "true-false": {
    id: "q-tf",
    version: 1,
    lesson: "posture",
    type: "true-false",
    prompt: "Slouching is harmless.",
    explanation: "It is not.",
    answer: false,
  },
  ordering: {
    id: "q-ordering",
    version: 1,
    lesson: "responding-to-injury",
    type: "ordering",
    prompt: "Order the steps.",
    explanation: "Stop, ice, refer.",
    items: [
      { id: "ice", text: "Ice" },
      { id: "stop", text: "Stop" },
      { id: "refer", text: "Refer" },
    ],
    answer: ["stop", "ice", "refer"],
  },
  matching: {
    id: "q-matching",
    version: 1,
    lesson: "trunk-muscles",
    type: "matching",
    prompt: "Match muscle to role.",
    explanation: "Erectors extend, rectus flexes.",
    prompts: [
      { id: "erectors", text: "Spinal erectors" },
      { id: "rectus", text: "Rectus abdominis" },
    ],
    choices: [
      { id: "extend", text: "Extend" },
      { id: "flex", text: "Flex" },
      { id: "abduct", text: "Abduct" },
    ],
    answer: { erectors: "extend", rectus: "flex" },
  },
  numeric: {
    id: "q-numeric",
    version: 1,
    lesson: "responding-to-injury",
    type: "numeric",
    prompt: "Minutes of ice?",
    explanation: "Twenty.",
    answer: 20,
    tolerance: 0,
    unit: "minutes",
  },
} as const;

type TValidType = keyof typeof valid;

function edit(type: TValidType, patch: Record<string, unknown>, drop: string[] = []): unknown {
  const copy: Record<string, unknown> = { ...structuredClone(valid[type]), ...patch };
  for (const key of drop) delete copy[key];
  return copy;
}

// "path: message" lines, so a table row can assert both where and what.
function issuesOf(result: z.ZodSafeParseResult<unknown>): string[] {
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("ZQuestion", () => {
  test.each(Object.keys(valid) as TValidType[])("accepts a valid %s question", (type) => {
    expect(issuesOf(ZQuestion.safeParse(valid[type]))).toEqual([]);
  });

  test("fills tolerance with 0 when a numeric question leaves it out", () => {
    const parsed = ZQuestion.parse(edit("numeric", {}, ["tolerance"]));
    expect(parsed.type === "numeric" && parsed.tolerance).toBe(0);
  });

  test.each<[string, unknown, string]>([
    ["single: answer not an option", edit("single", { answer: "obliques" }), 'answer: answer "obliques" is not one of the option ids'],
    ["single: one option only", edit("single", { options: [{ id: "a", text: "A" }] }), "options: Too small"],
    [
      "single: duplicate option ids",
      edit("single", { options: [{ id: "a", text: "A" }, { id: "a", text: "B" }], answer: "a" }),
      'options.1: duplicate option id "a"',
    ],
    [
      "single: duplicate option texts",
      edit("single", { options: [{ id: "a", text: "Same" }, { id: "b", text: "same" }], answer: "a" }),
      'options.1: duplicate option text "same"',
    ],
    ["multiple: two options", edit("multiple", { options: valid.multiple.options.slice(0, 2) }), "options: Too small"],
    ["multiple: answer not an option", edit("multiple", { answer: ["flexion", "abduction"] }), 'answer.1: answer "abduction" is not one of the option ids'],
    ["multiple: empty answer", edit("multiple", { answer: [] }), "answer: Too small"],
    ["multiple: repeated answer", edit("multiple", { answer: ["flexion", "flexion"] }), 'answer.1: duplicate answer id "flexion"'],
    ["multiple: no scoring rule", edit("multiple", {}, ["scoring"]), "scoring: Invalid option"],
    ["multiple: unknown scoring rule", edit("multiple", { scoring: "bonus" }), "scoring: Invalid option"],
    ["true-false: string answer", edit("true-false", { answer: "false" }), "answer: Invalid input: expected boolean"],
    ["ordering: item missing from answer", edit("ordering", { answer: ["stop", "ice", "ice"] }), 'answer.2: duplicate answer id "ice"'],
    ["ordering: answer names unknown item", edit("ordering", { answer: ["stop", "ice", "rest"] }), 'answer.2: answer "rest" is not one of the item ids'],
    ["ordering: answer too short", edit("ordering", { answer: ["stop", "ice"] }), "answer: Too small"],
    ["ordering: two items", edit("ordering", { items: valid.ordering.items.slice(0, 2) }), "items: Too small"],
    ["matching: unknown prompt key", edit("matching", { answer: { erectors: "extend", rectus: "flex", lats: "abduct" } }), 'answer.lats: answer key "lats" is not one of the prompt ids'],
    ["matching: unknown choice", edit("matching", { answer: { erectors: "extend", rectus: "twist" } }), 'answer.rectus: answer "twist" is not one of the choice ids'],
    ["matching: prompt left unanswered", edit("matching", { answer: { erectors: "extend" } }), 'answer: prompt "rectus" has no answer'],
    ["matching: same choice twice", edit("matching", { answer: { erectors: "flex", rectus: "flex" } }), 'answer.rectus: choice "flex" is the answer to more than one prompt'],
    [
      "matching: fewer choices than prompts",
      edit("matching", {
        prompts: [...valid.matching.prompts, { id: "obliques", text: "Obliques" }],
        choices: valid.matching.choices.slice(0, 2),
        answer: { erectors: "extend", rectus: "flex", obliques: "extend" },
      }),
      "choices: needs at least as many choices (2) as prompts (3)",
    ],
    ["numeric: negative tolerance", edit("numeric", { tolerance: -1 }), "tolerance: Too small"],
    ["numeric: infinite answer", edit("numeric", { answer: Number.POSITIVE_INFINITY }), "answer: Invalid input: expected number"],
    ["id not kebab-case", edit("single", { id: "Q_Single" }), "id: must be kebab-case"],
    ["option id not kebab-case", edit("single", { options: [{ id: "__proto__", text: "A" }, { id: "b", text: "B" }], answer: "b" }), "options.0.id: must be kebab-case"],
    ["version 0", edit("single", { version: 0 }), "version: Too small"],
    ["fractional version", edit("single", { version: 1.5 }), "version: Invalid input: expected int"],
    ["empty prompt", edit("single", { prompt: "   " }), "prompt: Too small"],
    ["missing explanation", edit("single", {}, ["explanation"]), "explanation: Invalid input"],
    ["unknown type", edit("single", { type: "essay" }), "type: Invalid discriminator value"],
    ["extra key (a typo or a leaked field)", edit("single", { answers: "erectors" }), 'Unrecognized key: "answers"'],
    ["oversized prompt", edit("single", { prompt: "x".repeat(1_001) }), "prompt: Too big"],
    [
      "too many options",
      edit("single", { options: Array.from({ length: 21 }, (_, i) => ({ id: `o${i}`, text: `Option ${i}` })), answer: "o1" }),
      "options: Too big",
    ],
  ])("rejects %s", (_name, input, expected) => {
    const issues = issuesOf(ZQuestion.safeParse(input));
    expect(issues.some((line) => line.startsWith(expected) || line.includes(expected))).toBe(true);
  });
});

describe("ZQuizFile", () => {
  const finalQuiz = {
    title: "Final",
    kind: "final",
    questions: Object.values(valid),
  };

  test("fills defaults: pass mark 80, whole pool drawn, no limits, no cooldown", () => {
    const quiz = ZQuizFile.parse(finalQuiz);
    expect(quiz).toMatchObject({
      passMark: 80,
      draw: 6,
      timeLimitMinutes: null,
      maxAttempts: null,
      cooldownMinutes: 0,
    });
    expect(quiz.estimatedMinutes).toBeUndefined();
  });

  test("keeps explicit settings", () => {
    const quiz = ZQuizFile.parse({
      ...finalQuiz,
      passMark: 70,
      draw: 4,
      timeLimitMinutes: 30,
      maxAttempts: 5,
      cooldownMinutes: 60,
      estimatedMinutes: 15,
    });
    expect(quiz).toMatchObject({ passMark: 70, draw: 4, timeLimitMinutes: 30, maxAttempts: 5, cooldownMinutes: 60, estimatedMinutes: 15 });
  });

  const lessonCheck = {
    title: "Check",
    kind: "lesson-check",
    lesson: "trunk-muscles",
    passMark: 70,
    questions: [valid.single, valid.matching],
  };

  test("accepts a lesson check whose questions all test its lesson", () => {
    expect(issuesOf(ZQuizFile.safeParse(lessonCheck))).toEqual([]);
  });

  test.each<[string, unknown, string]>([
    ["draw larger than the pool", { ...finalQuiz, draw: 7 }, "draw: draw (7) is larger than the pool (6 questions)"],
    ["draw of zero", { ...finalQuiz, draw: 0 }, "draw: Too small"],
    ["duplicate question ids", { ...finalQuiz, questions: [valid.single, valid.single] }, 'questions.1: duplicate question id "q-single"'],
    ["no questions", { ...finalQuiz, questions: [] }, "questions: Too small"],
    ["pass mark 0", { ...finalQuiz, passMark: 0 }, "passMark: Too small"],
    ["pass mark 101", { ...finalQuiz, passMark: 101 }, "passMark: Too big"],
    ["fractional pass mark", { ...finalQuiz, passMark: 79.5 }, "passMark: Invalid input: expected int"],
    ["negative cooldown", { ...finalQuiz, cooldownMinutes: -5 }, "cooldownMinutes: Too small"],
    ["zero time limit", { ...finalQuiz, timeLimitMinutes: 0 }, "timeLimitMinutes: Too small"],
    ["unknown kind", { ...finalQuiz, kind: "midterm" }, "kind: Invalid option"],
    ["a final naming a lesson", { ...finalQuiz, lesson: "posture" }, 'lesson: only a "lesson-check" quiz names a lesson'],
    ["a lesson check without a lesson", { ...lessonCheck, lesson: undefined }, 'lesson: a "lesson-check" quiz must name its lesson slug'],
    [
      "a lesson check straying into another lesson",
      { ...lessonCheck, questions: [valid.single, valid.numeric] },
      'questions.1.lesson: question "q-numeric" tests lesson "responding-to-injury" but this check belongs to "trunk-muscles"',
    ],
    ["an unknown top-level key", { ...finalQuiz, passmark: 80 }, 'Unrecognized key: "passmark"'],
    ["a bad question inside", { ...finalQuiz, questions: [edit("single", { answer: "nope" })] }, 'questions.0.answer: answer "nope" is not one of the option ids'],
  ])("rejects %s", (_name, input, expected) => {
    const issues = issuesOf(ZQuizFile.safeParse(input));
    expect(issues.some((line) => line.startsWith(expected) || line.includes(expected))).toBe(true);
  });
});

describe("ZClientQuestion", () => {
  test.each(Object.keys(valid) as TValidType[])("refuses a full %s question, answer key and all", (type) => {
    expect(ZClientQuestion.safeParse(valid[type]).success).toBe(false);
  });

  test.each<[string, unknown]>([
    ["single", { id: "q", version: 1, type: "single", prompt: "P", options: [{ id: "a", text: "A" }, { id: "b", text: "B" }] }],
    ["true-false", { id: "q", version: 1, type: "true-false", prompt: "P" }],
    ["numeric with unit", { id: "q", version: 1, type: "numeric", prompt: "P", unit: "days" }],
  ])("accepts a stripped %s question", (_name, input) => {
    expect(ZClientQuestion.safeParse(input).success).toBe(true);
  });
});

describe("ZResponse", () => {
  test.each<[string, unknown]>([
    ["single", { type: "single", optionId: "erectors" }],
    ["multiple", { type: "multiple", optionIds: ["flexion", "rotation"] }],
    ["multiple, nothing chosen", { type: "multiple", optionIds: [] }],
    ["true-false", { type: "true-false", value: false }],
    ["ordering", { type: "ordering", itemIds: ["stop", "ice", "refer"] }],
    ["matching", { type: "matching", pairs: { erectors: "extend", rectus: "flex" } }],
    ["numeric", { type: "numeric", value: -2.5 }],
  ])("accepts %s", (_name, input) => {
    expect(issuesOf(ZResponse.safeParse(input))).toEqual([]);
  });

  const ids = (n: number) => Array.from({ length: n }, (_, i) => `id-${i}`);

  test.each<[string, unknown]>([
    ["no type", { optionId: "a" }],
    ["unknown type", { type: "essay", text: "hi" }],
    ["a claimed score alongside the answer", { type: "single", optionId: "a", correct: true }],
    ["an earned field", { type: "true-false", value: true, earned: 100 }],
    ["an over-long id", { type: "single", optionId: "a".repeat(201) }],
    ["an id with markup", { type: "single", optionId: "<script>" }],
    ["51 option ids", { type: "multiple", optionIds: ids(51) }],
    ["51 item ids", { type: "ordering", itemIds: ids(51) }],
    ["51 matching pairs", { type: "matching", pairs: Object.fromEntries(ids(51).map((id) => [id, "x"])) }],
    ["an array for pairs", { type: "matching", pairs: [["a", "b"]] }],
    ["a numeric string", { type: "numeric", value: "20" }],
    ["NaN", { type: "numeric", value: Number.NaN }],
    ["Infinity", { type: "numeric", value: Number.POSITIVE_INFINITY }],
    ["an absurd magnitude", { type: "numeric", value: 1e300 }],
    ["a string for true-false", { type: "true-false", value: "true" }],
    ["a bare string", "erectors"],
    ["null", null],
  ])("rejects %s", (_name, input) => {
    expect(ZResponse.safeParse(input).success).toBe(false);
  });

  test("drops a __proto__ pair key without touching any prototype", () => {
    const parsed = ZResponse.parse({ type: "matching", pairs: JSON.parse('{"__proto__": {"polluted": 1}, "a": "b"}') });
    expect(parsed.type === "matching" && parsed.pairs).toEqual({ a: "b" });
    expect(parsed.type === "matching" && Object.getPrototypeOf(parsed.pairs)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test("accepts exactly 50 option ids", () => {
    expect(ZResponse.safeParse({ type: "multiple", optionIds: ids(50) }).success).toBe(true);
  });
});

describe("ZAttemptDraw", () => {
  test.each<[string, unknown, boolean]>([
    ["a stored draw", [{ questionId: "q-single", version: 1, optionOrder: ["b", "a"] }], true],
    ["an empty option order", [{ questionId: "q-tf", version: 3, optionOrder: [] }], true],
    ["a missing version", [{ questionId: "q-tf", optionOrder: [] }], false],
    ["an extra field", [{ questionId: "q-tf", version: 1, optionOrder: [], answer: true }], false],
  ])("%s", (_name, input, ok) => {
    expect(ZAttemptDraw.safeParse(input).success).toBe(ok);
  });
});
