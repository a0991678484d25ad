import path from "node:path";
import { beforeAll, expect, test } from "vitest";
import { syncContent } from "@/lib/content/sync-content.server";
import { db } from "@/lib/db";
import { createUser } from "@/prisma/seed-helpers";
import { completeLessons } from "@/tests/evidence";
import { getItemReport } from "./item-report.server";
import { startAttempt, submitAttempt } from "./quiz-attempts.server";

// The admin item report groups graded answers by the lesson objective each question tests.
process.env.EXTRA_CONTENT_DIR = path.resolve("tests/fixtures/content");

beforeAll(async () => {
  await syncContent(db);
});

async function attempt(n: number, answers: Record<string, unknown>) {
  const user = await createUser(db, {
    email: `report-${n}@example.test`,
    name: `Report Trainer ${n}`,
    password: "unused-password-for-tests",
    profile: { certificationNumber: `NFPT-IR-${n}`, firstCertifiedOn: "2024-01-01" },
  });
  await completeLessons(user.id, "fixture-course");
  const { attemptId } = await startAttempt({ userId: user.id, courseSlug: "fixture-course", quizSlug: "final" });
  await submitAttempt({ userId: user.id, attemptId, idempotencyKey: `report-${n}-key`, answers, attest: true });
}

test("results are grouped by objective, across the questions that test it", async () => {
  await attempt(1, { "fx-single": { type: "single", optionId: "blue" }, "fx-true-false": { type: "true-false", value: true }, "fx-numeric": { type: "numeric", value: 2 } });
  await attempt(2, { "fx-single": { type: "single", optionId: "red" }, "fx-true-false": { type: "true-false", value: true }, "fx-numeric": { type: "numeric", value: 5 } });
  const quiz = await db.quiz.findFirstOrThrow({ where: { slug: "final", course: { slug: "fixture-course" } }, select: { id: true } });
  const admin = await createUser(db, { email: "report-admin@example.test", name: "Report Admin", password: "unused-password-for-tests", role: "ADMIN" });
  const report = await getItemReport(quiz.id, admin.id);
  expect(report?.objectives.map((o) => [o.lesson, o.number, o.text, o.questionIds, o.answers, o.proportionCorrect])).toEqual([
    ["first-steps", 1, "Read a lesson rendered from a fixture folder.", ["fx-single"], 2, 0.5],
    ["second-steps", 1, "Finish the fixture course.", ["fx-numeric", "fx-true-false"], 4, 0.75],
  ]);
});
