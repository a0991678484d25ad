import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { attestOwnWork, expect, seedCompletedLessons, test } from "./fixtures";

// Issue 17: knowledge checks are linked from every lesson and from the course page; a failed
// final's review says what to revisit, with links into the lessons, and gives away no answer
// (not in the page, not in the HTML, not in the RSC payload) until the trainer passes.

const SENTINEL = "SENTINEL-ANSWER-KEY-7f3a9c";
const LESSONS = ["balanced-back", "trunk-muscles", "strength-exercises", "spinal-flexibility", "posture", "responding-to-injury", "bringing-it-together"];

async function noAxeViolations(page: Page) {
  const r = await new AxeBuilder({ page }).analyze();
  expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("each lesson ends with a link to its knowledge check, and the course page lists all seven", async ({ page }) => {
  const checks = new Set<string>();
  for (const lesson of LESSONS) {
    await page.goto(`/courses/back-care/${lesson}`);
    const body = page.locator("[data-static-island]");
    const link = body.getByRole("link", { name: /^Knowledge check:/ });
    await expect(link).toHaveCount(1);
    const href = (await link.getAttribute("href")) ?? "";
    expect(href).toMatch(/^\/courses\/back-care\/quiz\/[a-z-]+-check$/);
    checks.add(href);
    // It comes after the lesson's key takeaways: the end of the lesson.
    const takeaways = await body.getByRole("heading", { name: "Key takeaways" }).boundingBox();
    const linkBox = await link.boundingBox();
    expect(linkBox!.y).toBeGreaterThan(takeaways!.y);
  }
  expect(checks.size).toBe(7);

  await page.goto("/courses/back-care");
  const fromCourse = await page.getByRole("link", { name: /^Knowledge check/ }).evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  expect(new Set(fromCourse)).toEqual(checks);
});

test("a knowledge check is practice: its review explains every answer even when failed", async ({ page, asTrainer }) => {
  await asTrainer();
  await page.goto("/courses/back-care/posture");
  await page.locator("[data-static-island]").getByRole("link", { name: /^Knowledge check:/ }).click();
  await expect(page.getByText(/does not count toward your credit/)).toBeVisible();
  await page.getByRole("button", { name: "Start the assessment" }).click();
  await expect(page.getByRole("heading", { name: "Attempt #1" })).toBeVisible();
  await page.getByRole("button", { name: "Submit answers" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByRole("heading", { name: /Not passed this time — 0%/ })).toBeVisible();
  await expect(page.getByText("Correct answer").first()).toBeVisible();
  await expect(page.getByText("Why").first()).toBeVisible();
});

test("a trainer who fails the final sees what to revisit, with links into the lessons, and no answers", async ({ page, asTrainer }) => {
  const trainer = await asTrainer();
  await seedCompletedLessons(trainer.id, "fixture-course"); // the final opens once every lesson is complete
  await page.goto("/courses/fixture-course/quiz/final");
  await page.getByRole("button", { name: "Start the assessment" }).click();
  await expect(page.getByRole("heading", { name: "Attempt #1" })).toBeVisible();
  await page.getByRole("radio", { name: "Red" }).check();
  await page.getByRole("radio", { name: "False" }).check();
  await page.getByLabel("Your answer").fill("3");
  await attestOwnWork(page);
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByRole("heading", { name: /Not passed this time — 0%/ })).toBeVisible();

  // Missed questions first, each with its outcome in words and a link to its lesson section.
  await expect(page.getByRole("heading", { name: "Questions to revisit (3)" })).toBeVisible();
  await expect(page.getByText("Missed")).toHaveCount(3);
  const revisit = page.getByRole("link", { name: /^First Steps: Warm welcome$/ });
  await expect(revisit).toHaveAttribute("href", "/courses/fixture-course/first-steps#warm-welcome");
  await expect(page.getByRole("link", { name: /^Second Steps: Almost there$/ })).toHaveCount(2);
  await expect(page.getByText("Correct answer")).toHaveCount(0);
  await expect(page.getByText("Your answer")).toHaveCount(0);
  await noAxeViolations(page);

  // Nothing the policy hides is in the HTML or the RSC payload of the review.
  const html = await page.content();
  const rsc = await (await page.request.get(page.url(), { headers: { RSC: "1" } })).text();
  for (const body of [html, rsc]) {
    expect(body).not.toContain(SENTINEL);
    expect(body).not.toMatch(/>Blue<|"Blue"|Correct answer/);
  }
  const reviewUrl = page.url();

  await revisit.click();
  await expect(page).toHaveURL(/\/courses\/fixture-course\/first-steps#warm-welcome$/);
  await expect(page.getByRole("heading", { name: "Warm welcome" })).toBeVisible();

  // After a pass, the same review opens fully: answers and explanations.
  await page.goto("/courses/fixture-course/quiz/final");
  await page.getByRole("button", { name: "Start a new attempt" }).click();
  await expect(page.getByRole("heading", { name: "Attempt #2" })).toBeVisible();
  await page.getByRole("radio", { name: "Blue" }).check();
  await page.getByRole("radio", { name: "True" }).check();
  await page.getByLabel("Your answer").fill("2");
  await attestOwnWork(page);
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByRole("heading", { name: /You passed — 100%/ })).toBeVisible();
  await page.goto(reviewUrl);
  await expect(page.getByText("Correct answer").first()).toBeVisible();
  await expect(page.getByText(SENTINEL).first()).toBeVisible();
  const after = await (await page.request.get(reviewUrl, { headers: { RSC: "1" } })).text();
  expect(after).toContain(SENTINEL);
});
