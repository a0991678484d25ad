import { describe, expect, test } from "vitest";
import { checkActivities, checkDeclaredMinutes, countReadingWords, estimateLessonTime, expectedQuizItems } from "./estimate-learning-time";

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");

describe("countReadingWords", () => {
  test.each([
    ["plain prose", "One two three four.", 4],
    ["headings and emphasis", "## A heading\n\nSome **bold** and _italic_ text.", 7],
    ["link targets are not words", "Read [the previous lesson](/courses/back-care/trunk-muscles) first.", 5],
    ["tables are left out", "Before.\n\n| a | b |\n| --- | --- |\n| one two | three |\n\nAfter.", 2],
    ["fenced code is left out", "Text.\n\n```ts\nconst a = 1; const b = 2;\n```\n\nMore.", 2],
    ["inline code is left out", "Call `computeSomething(a, b)` now.", 2],
    ["tags are not words; their children and text props are", '<Callout type="tip" title="Shown title">Inside words here.</Callout>', 5],
    ["text in array props counts, alt text and ids do not", '<ExerciseCard id="x-y" name="Dead bug" cues={["Brace first.", "Move slowly"]} />\n<Figure alt="not read aloud here" caption="Two words" />', 8],
    ["activity text is counted as the activity, not as reading", `Intro.\n\n<Activity kind="reflection" minutes={5}>\n${words(50)}\n</Activity>`, 1],
    ["contractions and hyphens are one word", "Don't over-brace; it's client-led.", 4],
    ["comments are left out", "Kept. {/* hidden note here */} <!-- also hidden -->", 1],
  ])("%s", (_name, body, expected) => {
    expect(countReadingWords(body)).toBe(expected);
  });
});

describe("estimateLessonTime", () => {
  test.each([
    // [name, body, quizItems, minutes]
    ["200 words read in a minute", words(200), 0, 1],
    ["300 words: 1.5 minutes", words(300), 0, 1.5],
    ["a figure adds a minute", `${words(200)}\n\n<Figure src="/x.svg" alt="x" caption="" />`, 0, 2],
    ["a diagram counts as a figure", `${words(400)}\n\n<SpinalMotionsDiagram />`, 0, 3],
    ["a figure wrapping a diagram is one figure", `${words(200)}\n\n<Figure caption="">\n  <SpinalMotionsDiagram />\n</Figure>`, 0, 2],
    ["activities add their own minutes", `${words(200)}\n\n<Activity kind="case-study" minutes={10} title="T">${words(100)}</Activity>`, 0, 11],
    ["an oversized activity is capped", `<Activity kind="practical" minutes={45}>Do it.</Activity>`, 0, 30],
    ["quiz items add a minute each", words(200), 3, 4],
    ["fractional quiz share", words(0), 1.5, 1.5],
    ["empty lesson", "", 0, 0],
  ])("%s", (_name, body, quizItems, minutes) => {
    const estimate = estimateLessonTime({ body, quizItems });
    expect(estimate.minutes).toBeCloseTo(minutes, 6);
    expect(estimate.seconds).toBe(Math.floor(minutes * 60));
  });
});

describe("expectedQuizItems", () => {
  const q = (lesson: string) => ({ lesson });
  const final = { kind: "final" as const, draw: 4, questions: [q("a"), q("a"), q("b"), q("b"), q("b"), q("c"), q("c"), q("c")] };
  const check = { kind: "lesson-check" as const, lesson: "b", draw: null, questions: [q("b"), q("b"), q("b")] };
  test.each([
    ["lesson a: its share of the final", "a", [final], 1],
    ["lesson b: final share plus its check", "b", [final, check], 1.5 + 3],
    ["a lesson with no questions", "d", [final, check], 0],
    ["a draw larger than the pool counts the pool", "b", [{ ...check, draw: 10 }], 3],
  ])("%s", (_name, lesson, quizzes, expected) => {
    expect(expectedQuizItems(lesson, quizzes)).toBeCloseTo(expected, 6);
  });
});

describe("checkDeclaredMinutes", () => {
  test("a lesson claiming 60 minutes for 300 words fails, naming the file and both numbers", () => {
    const message = checkDeclaredMinutes("content/courses/x/lessons/01-a.mdx", 60, estimateLessonTime({ body: words(300) }));
    expect(message).toContain("content/courses/x/lessons/01-a.mdx");
    expect(message).toContain("declares 60 minutes");
    expect(message).toContain("estimated learning time is 1.5 minutes");
    expect(message).toContain("300 words at 200 words a minute");
  });
  test.each([
    ["exactly the estimate", 10, 10, true],
    ["20% above is allowed", 12, 10, true],
    ["just over 20% fails", 12.1, 10, false],
    ["below the estimate is fine", 5, 10, true],
  ])("%s", (_name, declared, estimatedMinutes, ok) => {
    const estimate = estimateLessonTime({ body: words(estimatedMinutes * 200) });
    expect(checkDeclaredMinutes("f.mdx", declared, estimate) === null).toBe(ok);
  });
});

describe("checkActivities", () => {
  test.each([
    ['<Activity kind="reflection" minutes={5}>x</Activity>', 0],
    ['<Activity kind="quiz" minutes={5}>x</Activity>', 1],
    ['<Activity kind="practical">x</Activity>', 1],
    ['<Activity kind="case-study" minutes={40}>x</Activity>', 1],
    ["<Activity>x</Activity>", 2],
  ])("%s → %i problem(s)", (body, count) => {
    expect(checkActivities("f.mdx", body)).toHaveLength(count);
  });
});
