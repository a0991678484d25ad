import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { drawQuestions } from "@/lib/quiz/draw-questions";
import { gradeAttempt } from "@/lib/quiz/grade-attempt";
import { QUESTION_TYPES, type TQuestion, type TResponse, ZQuizFile } from "@/lib/quiz/quiz-schema";

const coursesDir = path.resolve(import.meta.dirname, "../../content/courses");

// Every content/courses/<course>/quizzes/*.json, as [relative path, course, raw JSON text].
const quizFiles: [string, string, string][] = readdirSync(coursesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((course) => {
    const dir = path.join(coursesDir, course.name, "quizzes");
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((name) => name.endsWith(".json"))
      .sort()
      .map((name): [string, string, string] => [
        path.relative(coursesDir, path.join(dir, name)),
        course.name,
        readFileSync(path.join(dir, name), "utf8"),
      ]);
  });

function parse(text: string) {
  return ZQuizFile.parse(JSON.parse(text));
}

function load(relative: string) {
  const file = quizFiles.find(([p]) => p === relative);
  if (!file) throw new Error(`missing ${relative}`);
  return parse(file[2]);
}

describe("every quiz file in content/courses", () => {
  test("there are quiz files to check", () => {
    expect(quizFiles.length).toBeGreaterThanOrEqual(3);
  });

  test.each(quizFiles)("%s parses with ZQuizFile", (_path, _course, text) => {
    const result = ZQuizFile.safeParse(JSON.parse(text));
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  // Question.id is the primary key of the Question table, so it must be unique site-wide.
  test("question ids are unique across all quiz files", () => {
    const owners = new Map<string, string[]>();
    for (const [file, , text] of quizFiles) {
      for (const q of parse(text).questions) owners.set(q.id, [...(owners.get(q.id) ?? []), file]);
    }
    expect([...owners].filter(([, files]) => files.length > 1)).toEqual([]);
  });
});

const LESSONS = [
  "balanced-back",
  "trunk-muscles",
  "strength-exercises",
  "spinal-flexibility",
  "posture",
  "responding-to-injury",
  "bringing-it-together",
];

describe("back-care final", () => {
  const final = load("back-care/quizzes/final.json");

  test("has the agreed settings", () => {
    expect(final).toMatchObject({
      kind: "final",
      passMark: 80,
      draw: 12,
      timeLimitMinutes: 30,
      maxAttempts: 5,
      cooldownMinutes: 60,
      estimatedMinutes: 15,
    });
    expect(final.lesson).toBeUndefined();
  });

  // At least 40 and at least three times the draw, so retakes meet new questions (issue 17).
  test("holds a pool of at least 40 questions with bc- ids, each naming its objectives and section", () => {
    expect(final.questions.length).toBeGreaterThanOrEqual(Math.max(40, 3 * final.draw));
    for (const q of final.questions) {
      expect(q.id).toMatch(/^bc-/);
      expect(q.version).toBeGreaterThanOrEqual(1);
      expect(q.explanation.length).toBeGreaterThan(40);
      expect(q.objectives?.length).toBeGreaterThan(0);
      expect(q.section).toBeDefined();
    }
  });

  test("uses the safe review policy for a final: no keys after a failed attempt", () => {
    expect(final.review.afterFail).toEqual(["correctness", "revisit"]);
    expect(final.review.afterPass).toContain("right-answer");
  });

  test.each(LESSONS)("tests lesson %s with at least 3 questions", (lesson) => {
    expect(final.questions.filter((q) => q.lesson === lesson).length).toBeGreaterThanOrEqual(3);
  });

  test("names only the course's lessons", () => {
    expect(final.questions.filter((q) => !LESSONS.includes(q.lesson)).map((q) => q.id)).toEqual([]);
  });

  test.each(QUESTION_TYPES)("has at least two %s questions", (type) => {
    expect(final.questions.filter((q) => q.type === type).length).toBeGreaterThanOrEqual(2);
  });

  test("every draw covers all seven lessons", () => {
    for (let i = 0; i < 100; i++) {
      const drawn = drawQuestions({ questions: final.questions, draw: final.draw, seed: `bank-${i}` });
      const lessons = new Set(drawn.map((d) => final.questions.find((q) => q.id === d.questionId)?.lesson));
      expect(lessons.size).toBe(LESSONS.length);
    }
  });

  // The answer key, submitted as a response, must score 100%: catches a key that grading reads
  // differently from how the schema validated it.
  test("the answer key itself scores full marks", () => {
    const responses = Object.fromEntries(final.questions.map((q) => [q.id, keyAsResponse(q)]));
    expect(gradeAttempt({ questions: final.questions, responses, passMark: final.passMark })).toMatchObject({
      scorePercent: 100,
      passed: true,
    });
  });
});

test("every lesson has exactly one knowledge check", () => {
  const checks = quizFiles.filter(([p]) => p.startsWith("back-care/")).map(([, , text]) => parse(text)).filter((q) => q.kind === "lesson-check");
  expect(checks.map((q) => q.lesson).sort()).toEqual([...LESSONS].sort());
});

describe.each([
  ["back-care/quizzes/balanced-back-check.json", "balanced-back"],
  ["back-care/quizzes/trunk-muscles-check.json", "trunk-muscles"],
  ["back-care/quizzes/strength-exercises-check.json", "strength-exercises"],
  ["back-care/quizzes/spinal-flexibility-check.json", "spinal-flexibility"],
  ["back-care/quizzes/posture-check.json", "posture"],
  ["back-care/quizzes/injury-response-check.json", "responding-to-injury"],
  ["back-care/quizzes/bringing-it-together-check.json", "bringing-it-together"],
])("%s", (file, lesson) => {
  const check = load(file);

  test("is a short, untimed, unlimited lesson check at 70%", () => {
    expect(check).toMatchObject({
      kind: "lesson-check",
      lesson,
      passMark: 70,
      timeLimitMinutes: null,
      maxAttempts: null,
      cooldownMinutes: 0,
    });
    expect(check.questions.length).toBeGreaterThanOrEqual(3);
    expect(check.questions.length).toBeLessThanOrEqual(4);
    expect(check.draw).toBe(check.questions.length);
    // Practice: the review explains every answer, pass or fail.
    expect(check.review.afterFail).toContain("explanation");
    for (const q of check.questions) expect(q.objectives?.length).toBeGreaterThan(0);
  });

  test("the answer key itself scores full marks", () => {
    const responses = Object.fromEntries(check.questions.map((q) => [q.id, keyAsResponse(q)]));
    expect(gradeAttempt({ questions: check.questions, responses, passMark: check.passMark }).scorePercent).toBe(100);
  });
});

function keyAsResponse(q: TQuestion): TResponse {
  switch (q.type) {
    case "single":
      return { type: "single", optionId: q.answer };
    case "multiple":
      return { type: "multiple", optionIds: q.answer };
    case "true-false":
      return { type: "true-false", value: q.answer };
    case "ordering":
      return { type: "ordering", itemIds: q.answer };
    case "matching":
      return { type: "matching", pairs: q.answer };
    case "numeric":
      return { type: "numeric", value: q.answer };
  }
}
