import { describe, expect, test } from "vitest";
import type { TClientQuestion } from "@/lib/quiz/quiz-schema";
import { describeQuestionState, describeRemaining, dueWarning, formatRemaining, isAnswered } from "./quiz-runner-state";

const matching = {
  id: "m",
  type: "matching",
  prompt: "Match",
  prompts: [
    { id: "a", text: "A" },
    { id: "b", text: "B" },
  ],
  choices: [
    { id: "x", text: "X" },
    { id: "y", text: "Y" },
  ],
} as TClientQuestion;
const multiple = { id: "q", type: "multiple", prompt: "Pick", options: [] } as unknown as TClientQuestion;

describe("isAnswered", () => {
  test.each([
    [multiple, undefined, false],
    [multiple, { type: "multiple", optionIds: [] }, false],
    [multiple, { type: "multiple", optionIds: ["o"] }, true],
    [matching, { type: "matching", pairs: { a: "x" } }, false],
    [matching, { type: "matching", pairs: { a: "x", b: "y" } }, true],
  ] as const)("%#", (q, r, expected) => {
    expect(isAnswered(q, r as never)).toBe(expected);
  });
});

describe("time left", () => {
  test.each([
    [0, "0:00", "0 seconds"],
    [-5000, "0:00", "0 seconds"],
    [59_999, "0:59", "59 seconds"],
    [60_000, "1:00", "1 minute"],
    [245_000, "4:05", "4 minutes 5 seconds"],
    [75 * 60_000, "75:00", "75 minutes"],
  ])("%d ms", (ms, short, long) => {
    expect(formatRemaining(ms)).toBe(short);
    expect(describeRemaining(ms)).toBe(long);
  });
});

describe("dueWarning", () => {
  const TOTAL = 30 * 60_000;
  test.each([
    ["plenty of time", 10 * 60_000, TOTAL, [], null],
    ["five minutes", 5 * 60_000, TOTAL, [], 5 * 60_000],
    ["five minutes, already given", 4 * 60_000, TOTAL, [5 * 60_000], null],
    ["one minute", 60_000, TOTAL, [5 * 60_000], 60_000],
    ["resumed at 40 s: only the 1-minute one", 40_000, TOTAL, [], 60_000],
    ["a 3-minute quiz never warns at 5", 2 * 60_000, 3 * 60_000, [], null],
    ["time is up", 0, TOTAL, [], null],
  ])("%s", (_name, remaining, total, given, expected) => {
    expect(dueWarning(remaining, total, new Set(given))).toBe(expected);
  });
});

test("describeQuestionState", () => {
  expect(describeQuestionState(2, { answered: true, flagged: true })).toBe("Question 3: answered, flagged for review");
  expect(describeQuestionState(0, { answered: false, flagged: false })).toBe("Question 1: not answered");
});
