import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { attestOwnWork, db, expect, seedCompletedLessons, seedObservedTime, test } from "./fixtures";

// Issue 20: taking an assessment. A navigator shows each question as answered, not answered or
// flagged; phones get one question per screen; the timer is an SVG ring with warnings at 5 and 1
// minute in a polite live region; a summary lists what is unanswered or flagged before submitting;
// a first pass that earns the credit says so.

async function completeFixtureLessons(page: Page, userId: string) {
  await seedObservedTime(userId, "fixture-course"); // reading-time evidence, without the wait
  for (const lesson of ["first-steps", "second-steps"]) {
    expect((await page.request.post("/api/progress/lesson", { data: { course: "fixture-course", lesson, complete: true } })).status()).toBe(200);
  }
}

async function startFixtureAttempt(page: Page): Promise<string> {
  await page.goto("/courses/fixture-course/quiz/final");
  await page.getByRole("button", { name: "Start the assessment" }).click();
  await expect(page.getByRole("heading", { name: "Attempt #1" })).toBeVisible();
  return page.url().split("/attempt/")[1];
}

test("navigator, flags and the summary before submitting; a first pass says the credit is recorded", async ({ page, asTrainer }) => {
  const trainer = await asTrainer();
  await completeFixtureLessons(page, trainer.id);
  await startFixtureAttempt(page);

  const nav = page.getByRole("navigation", { name: "Questions" });
  await expect(nav.getByRole("button", { name: /^Question \d: not answered$/ })).toHaveCount(3);
  const timer = page.getByRole("timer");
  await expect(timer).toHaveAccessibleName(/^Time left: (29|30) minutes?/);
  await expect(timer.locator("svg")).toBeVisible();
  await expect(timer).not.toContainText("⏱");

  // The fixture's questions come in a drawn order: find each by its prompt.
  const card = (text: RegExp) => page.locator("#quiz-questions > li").filter({ has: page.locator("legend", { hasText: text }) });
  await card(/colour/i).getByRole("radio", { name: "Blue" }).check();
  const blueIndex = (await page.locator("#quiz-questions > li").allTextContents()).findIndex((t) => /Blue/.test(t));
  await expect(nav.getByRole("button", { name: `Question ${blueIndex + 1}: answered` })).toBeVisible();

  const numeric = card(/How many fixture lessons/);
  await numeric.getByRole("button", { name: /^Flag for review/ }).click();
  await expect(numeric.getByRole("button", { name: /^Flagged for review/ })).toHaveAttribute("aria-pressed", "true");
  const numericIndex = (await page.locator("#quiz-questions > li").allTextContents()).findIndex((t) => /Flagged for review/.test(t));
  await expect(nav.getByRole("button", { name: `Question ${numericIndex + 1}: not answered, flagged for review` })).toBeVisible();

  await page.getByRole("button", { name: "Submit answers" }).click();
  const summary = page.getByRole("alertdialog", { name: "Before you submit" });
  await expect(summary).toContainText("1 of 3 questions answered");
  await expect(summary.getByRole("heading", { name: "Not answered" })).toBeVisible();
  await expect(summary.getByRole("heading", { name: "Flagged for review" })).toBeVisible();
  expect(await new AxeBuilder({ page }).analyze().then((r) => r.violations.map((v) => v.id))).toEqual([]);
  await summary.getByRole("button", { name: `Go to question ${numericIndex + 1}` }).first().click();
  await expect(page.locator("#question-fx-numeric")).toBeFocused();

  await card(/adding a folder/).getByRole("radio", { name: "True" }).check();
  await page.getByLabel("Your answer").fill("2");
  await expect(page.getByText("3 of 3 answered")).toBeVisible();
  // A final is submitted with the "my own work" attestation.
  await attestOwnWork(page);
  // Still flagged: the summary lists it even though everything is answered.
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(summary).toContainText("3 of 3 questions answered");
  await expect(summary.getByRole("heading", { name: "Not answered" })).toHaveCount(0);
  await summary.getByRole("button", { name: "Submit answers" }).click();

  await expect(page.getByRole("heading", { name: /You passed — 100%/ })).toBeVisible();
  await expect(page.getByText("The course's credit is on your record.")).toBeVisible();
  await expect(page.getByText("Your credit is recorded once you have also completed every lesson")).toHaveCount(0);
});

test("timer warnings at 5 minutes and at 1 minute, announced politely", async ({ page, asTrainer }) => {
  const trainer = await asTrainer();
  await seedCompletedLessons(trainer.id, "fixture-course"); // the final opens once every lesson is complete
  const attemptId = await startFixtureAttempt(page);
  const startedAt = new Date(Date.now() - 25 * 60_000);
  await db.quizAttempt.update({ where: { id: attemptId }, data: { startedAt, deadlineAt: new Date(Date.now() + 4 * 60_000 + 30_000) } });
  await page.reload();
  const live = page.locator("p[aria-live='polite']").filter({ hasText: /left/ });
  await expect(live).toContainText("5 minutes left");
  await expect(page.getByRole("timer")).toHaveAccessibleName(/^Time left: 4 minutes/);

  await db.quizAttempt.update({ where: { id: attemptId }, data: { deadlineAt: new Date(Date.now() + 50_000) } });
  await page.reload();
  await expect(live).toContainText("1 minute left");
  expect(await db.quizAttempt.count({ where: { userId: trainer.id } })).toBe(1);
});

test("on a phone the assessment shows one question per screen", async ({ page, asTrainer }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const trainer = await asTrainer();
  await seedCompletedLessons(trainer.id, "fixture-course"); // the final opens once every lesson is complete
  await startFixtureAttempt(page);
  const questions = page.locator("#quiz-questions > li");
  await expect(questions.filter({ visible: true })).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Previous question" })).toBeDisabled();
  await page.getByRole("button", { name: "Next question" }).click();
  await expect(page.getByRole("navigation", { name: "Questions" }).getByRole("button", { name: /^Question 2/ })).toHaveAttribute("aria-current", "step");
  await expect(questions.nth(1)).toBeVisible();
  await expect(questions.nth(0)).toBeHidden();
  await page.getByRole("button", { name: "Show all questions" }).click();
  await expect(questions.filter({ visible: true })).toHaveCount(3);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
