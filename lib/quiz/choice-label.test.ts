import { describe, expect, test } from "vitest";
import { labelChoice } from "./choice-label";
import type { TQuestion } from "./quiz-schema";

const base = { version: 1, lesson: "posture", prompt: "P?", explanation: "Because." };
const single: TQuestion = { ...base, id: "s", type: "single", options: [{ id: "a", text: "Alpha" }, { id: "b", text: "Beta" }], answer: "a" };
const ordering: TQuestion = { ...base, id: "o", type: "ordering", items: [{ id: "x", text: "Ex" }, { id: "y", text: "Why" }, { id: "z", text: "Zed" }], answer: ["x", "y", "z"] };
const matching: TQuestion = {
  ...base,
  id: "m",
  type: "matching",
  prompts: [{ id: "desk-slump", text: "Slumped at a desk" }, { id: "sway", text: "Sway back" }],
  choices: [{ id: "posture", text: "Posture cue" }, { id: "hip", text: "Hip hinge" }],
  answer: { "desk-slump": "posture", sway: "hip" },
};
const numeric: TQuestion = { ...base, id: "n", type: "numeric", answer: 12, tolerance: 0, unit: "reps" };
const trueFalse: TQuestion = { ...base, id: "t", type: "true-false", answer: true };

describe("labelChoice", () => {
  test.each([
    [single, "b", "Beta"],
    [single, "gone", "gone"],
    [trueFalse, "true", "True"],
    [trueFalse, "false", "False"],
    [ordering, "z > x > y", "Zed → Ex → Why"],
    [matching, "desk-slump=posture", "Slumped at a desk → Posture cue"],
    [matching, "sway=unknown", "Sway back → unknown"],
    [numeric, "12", "12 reps"],
    [undefined, "raw", "raw"],
  ])("%#: %s", (question, choice, expected) => {
    expect(labelChoice(question as TQuestion | undefined, choice)).toBe(expected);
  });
});
