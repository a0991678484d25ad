import { expect, test } from "vitest";
import { groupByObjective } from "./objective-report";

const lessons = [
  { slug: "a", title: "Lesson A", objectives: ["A one", "A two"] },
  { slug: "b", title: "Lesson B", objectives: ["B one"] },
];
const questions = [
  { id: "q1", lesson: "a", objectives: [1] },
  { id: "q2", lesson: "a", objectives: [1, 2] },
  { id: "q3", lesson: "b", objectives: [1] },
  { id: "q4", lesson: "b" },
];

test("groups answers by objective, weighting each item by its answers", () => {
  const items = [
    { questionId: "q1", attempts: 10, difficulty: 0.9 },
    { questionId: "q2", attempts: 30, difficulty: 0.3 },
    { questionId: "q4", attempts: 5, difficulty: 1 },
  ];
  const rows = groupByObjective(items, questions, lessons);
  expect(rows.map((r) => [r.lesson, r.number, r.text, r.questionIds, r.answers])).toEqual([
    ["a", 1, "A one", ["q1", "q2"], 40],
    ["a", 2, "A two", ["q2"], 30],
    ["b", 1, "B one", ["q3"], 0],
  ]);
  expect(rows[0].proportionCorrect).toBeCloseTo((9 + 9) / 40);
  expect(rows[1].proportionCorrect).toBeCloseTo(0.3);
  expect(rows[2].proportionCorrect).toBeNull();
});

test("an objective no question names still gets a row, with no questions", () => {
  expect(groupByObjective([], [], lessons).map((r) => r.questionIds)).toEqual([[], [], []]);
});
