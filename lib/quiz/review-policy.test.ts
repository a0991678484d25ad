import { describe, expect, test } from "vitest";
import type { TQuestion } from "./quiz-schema";
import { buildReviewEntry, defaultReviewPolicy, readStoredPolicy, resolveReviewPolicy, reviewMoment, type TGradedItem } from "./review-policy";

const KEY = "KEY-TEXT-4e1d";
const EXPLANATION = "EXPLANATION-TEXT-9b2c";

const single: TQuestion = {
  id: "q-single",
  version: 1,
  lesson: "lesson-a",
  type: "single",
  prompt: "Which one?",
  options: [
    { id: "right", text: KEY },
    { id: "wrong", text: "Wrong option" },
  ],
  answer: "right",
  explanation: EXPLANATION,
};

const revisit = { lesson: "lesson-a", lessonTitle: "Lesson A", section: "part-one", sectionTitle: "Part one", href: "/courses/c/lesson-a#part-one" };
const missed: TGradedItem = { question: single, response: { type: "single", optionId: "wrong" }, earned: 0, correct: false, revisit };
const right: TGradedItem = { question: single, response: { type: "single", optionId: "right" }, earned: 100, correct: true, revisit };

describe("reviewMoment", () => {
  test.each([
    { passedAny: true, attemptsLeft: 3, moment: "afterPass" },
    { passedAny: true, attemptsLeft: 0, moment: "afterPass" },
    { passedAny: false, attemptsLeft: 0, moment: "whenClosed" },
    { passedAny: false, attemptsLeft: 1, moment: "afterFail" },
    { passedAny: false, attemptsLeft: null, moment: "afterFail" },
  ] as const)("passed=$passedAny, left=$attemptsLeft -> $moment", ({ passedAny, attemptsLeft, moment }) => {
    expect(reviewMoment({ passedAny, attemptsLeft })).toBe(moment);
  });
});

describe("policies", () => {
  test("a final hides answers, responses and explanations after a fail, and shows everything after a pass or when closed", () => {
    expect(defaultReviewPolicy("final")).toEqual({
      afterFail: ["correctness", "revisit"],
      afterPass: ["correctness", "response", "right-answer", "explanation", "revisit"],
      whenClosed: ["correctness", "response", "right-answer", "explanation", "revisit"],
    });
  });

  test("a lesson check shows everything at every moment", () => {
    const policy = defaultReviewPolicy("lesson-check");
    expect(policy.afterFail).toEqual(policy.afterPass);
    expect(policy.afterFail).toContain("right-answer");
  });

  test("a quiz file's choices replace the defaults moment by moment, deduplicated in canonical order", () => {
    expect(resolveReviewPolicy("final", { afterFail: ["revisit", "correctness", "revisit"] }).afterFail).toEqual(["correctness", "revisit"]);
    expect(resolveReviewPolicy("final", { afterFail: [] }).afterFail).toEqual([]);
    expect(resolveReviewPolicy("final", { afterFail: [] }).afterPass).toContain("explanation");
  });

  test("an unreadable stored policy falls back to the kind's defaults", () => {
    expect(readStoredPolicy("final", { afterFail: ["everything"] })).toEqual(defaultReviewPolicy("final"));
    expect(readStoredPolicy("final", null)).toEqual(defaultReviewPolicy("final"));
    expect(readStoredPolicy("final", { afterFail: ["right-answer"] }).afterFail).toEqual(["right-answer"]);
  });
});

describe("buildReviewEntry", () => {
  test("the final's after-fail review carries the outcome and the lesson to revisit, and no key, response or explanation", () => {
    const entry = buildReviewEntry(missed, defaultReviewPolicy("final").afterFail);
    expect(entry).toEqual({
      questionId: "q-single",
      prompt: "Which one?",
      outcome: "incorrect",
      earned: 0,
      yourAnswer: null,
      rightAnswer: null,
      explanation: null,
      revisit,
    });
    // A correctly answered question gives nothing away either: its option text is the key.
    const json = JSON.stringify([entry, buildReviewEntry(right, defaultReviewPolicy("final").afterFail)]);
    expect(json).not.toContain(KEY);
    expect(json).not.toContain(EXPLANATION);
    expect(json).not.toMatch(/"answer"|"options"|"right"/);
  });

  test("the full review describes the response, the key and the explanation as text", () => {
    const entry = buildReviewEntry(missed, defaultReviewPolicy("final").afterPass);
    expect(entry).toMatchObject({ outcome: "incorrect", yourAnswer: "Wrong option", rightAnswer: KEY, explanation: EXPLANATION, revisit });
  });

  test("partial credit is an outcome of its own", () => {
    expect(buildReviewEntry({ ...missed, earned: 50 }, ["correctness"])).toMatchObject({ outcome: "partial", earned: 50 });
  });

  test("with correctness hidden, neither the outcome nor the points are returned", () => {
    expect(buildReviewEntry(right, ["revisit"])).toMatchObject({ outcome: null, earned: null, revisit });
  });
});
