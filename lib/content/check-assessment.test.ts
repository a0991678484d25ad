import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { checkAssessment } from "./check-assessment";
import { loadCourse, type TCourseSource } from "./load-content";

const FIXTURE_ROOT = path.resolve(import.meta.dirname, "fixtures/unassessed-objective");
const fixture = () => loadCourse(path.join(FIXTURE_ROOT, "courses/unassessed-course"));
const backCare = () => loadCourse(path.resolve(import.meta.dirname, "../../content/courses/back-care"));

function withFinal(course: TCourseSource, edit: (questions: TCourseSource["quizzes"][number]["quiz"]["questions"]) => void): TCourseSource {
  const copy = structuredClone(course);
  const final = copy.quizzes.find((q) => q.quiz.kind === "final");
  if (final) edit(final.quiz.questions);
  return copy;
}

describe("checkAssessment", () => {
  test("names the lesson objective that no question of the final tests", () => {
    const { problems } = checkAssessment(fixture());
    expect(problems).toEqual([expect.stringContaining('no question tests objective 2 of lesson "only-lesson": "Explain why the fixture grass is green."')]);
  });

  test("warns when the final's pool is under three times its draw", () => {
    expect(checkAssessment(fixture()).warnings).toEqual([expect.stringContaining("the pool has 2 questions for a draw of 2")]);
  });

  test("the back-care course passes: every objective tested, every section found, pool at least 3x the draw", () => {
    expect(checkAssessment(backCare())).toEqual({ problems: [], warnings: [] });
  });

  test("a final question without objectives, an objective out of range and an unknown section are problems", () => {
    const broken = withFinal(fixture(), (questions) => {
      questions[0].objectives = undefined;
      questions[1].objectives = [3];
      questions[1].section = "the-sea";
    });
    const { problems } = checkAssessment(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining("question ua-sky does not name the objective(s)"),
        expect.stringContaining('question ua-sky-again names objective 3 of lesson "only-lesson", which has 2'),
        expect.stringContaining('question ua-sky-again sends trainers to section "the-sea"'),
        expect.stringContaining("no question tests objective 1"),
      ]),
    );
  });

  test("a knowledge check may not repeat a final question: its review would publish the key", () => {
    const course = structuredClone(backCare());
    const final = course.quizzes.find((q) => q.quiz.kind === "final");
    const check = course.quizzes.find((q) => q.quiz.kind === "lesson-check");
    if (!final || !check) throw new Error("expected a final and a lesson check");
    check.quiz.questions[0] = { ...check.quiz.questions[0], prompt: final.quiz.questions[0].prompt };
    expect(checkAssessment(course).problems).toEqual([expect.stringContaining(`repeats the final's question ${final.quiz.questions[0].id}`)]);
  });

  test("a matching question needs a spare choice, or its last match is free", () => {
    const course = withFinal(backCare(), (questions) => {
      const match = questions.find((q) => q.type === "matching");
      if (match?.type === "matching") match.choices = match.choices.slice(0, match.prompts.length);
    });
    expect(checkAssessment(course).problems).toEqual([expect.stringMatching(/has \d+ prompts and \d+ choices; add at least one more choice than prompts/)]);
  });
});

test("npm run content:check fails on the fixture, naming the untested objective", () => {
  const res = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/content-check.ts"], {
    cwd: path.resolve(import.meta.dirname, "../.."),
    env: { ...process.env, CONTENT_DIR: FIXTURE_ROOT, EXTRA_CONTENT_DIR: "" },
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(res.status).toBe(1);
  expect(res.stderr).toContain('no question tests objective 2 of lesson "only-lesson": "Explain why the fixture grass is green."');
  expect(res.stderr).toContain("content check failed: 1 problem(s)");
}, 60_000);
