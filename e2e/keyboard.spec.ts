import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { expect, seedCompletedLessons, seedObservedTime, test } from "./fixtures";

// Keyboard only: every control is reached with Tab and used with Space, Enter or arrow keys.
async function tabTo(page: Page, target: Locator, max = 250) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  throw new Error(`could not reach ${target} with Tab`);
}

/** Radios are one Tab stop per group; arrow keys move (and check) within it. */
async function chooseRadio(page: Page, name: string) {
  const target = page.getByRole("radio", { name, exact: true });
  const group = page.locator("fieldset").filter({ has: target });
  await tabTo(page, group.getByRole("radio").first());
  for (let i = 0; i < 10 && !(await target.isChecked()); i++) await page.keyboard.press("ArrowDown");
  await expect(target).toBeChecked();
}

/** The final's "this is my own work" box, ticked with Space. */
async function attestByKeyboard(page: Page) {
  const box = page.getByRole("checkbox", { name: /I confirm that I completed this course/ });
  await tabTo(page, box);
  await page.keyboard.press("Space");
  await expect(box).toBeChecked();
}

async function noAxeViolations(page: Page) {
  const r = await new AxeBuilder({ page }).analyze();
  expect(r.violations.map((v) => v.id)).toEqual([]);
}

test("the trainer journey works without a mouse", async ({ page, asTrainer }) => {
  const trainer = await asTrainer();
  await seedObservedTime(trainer.id, "fixture-course"); // reading-time evidence, without the wait
  for (const lesson of ["first-steps", "second-steps"]) {
    await page.goto(`/courses/fixture-course/${lesson}`);
    await tabTo(page, page.getByRole("button", { name: "Mark lesson complete" }));
    await page.keyboard.press("Enter");
    await expect(page.getByText("Lesson marked complete.")).toBeVisible();
  }
  await page.goto("/courses/fixture-course/quiz/final");
  await tabTo(page, page.getByRole("button", { name: "Start the assessment" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Attempt #1" })).toBeVisible();
  await chooseRadio(page, "Blue");
  await chooseRadio(page, "True");
  await tabTo(page, page.getByLabel("Your answer"));
  await page.keyboard.type("2");
  await attestByKeyboard(page);
  await tabTo(page, page.getByRole("button", { name: "Submit answers" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: /You passed — 100%/ })).toBeVisible();
  await noAxeViolations(page);
});

test("every question type of the back-care assessment is answerable by keyboard", async ({ page, asTrainer }) => {
  const trainer = await asTrainer();
  await seedCompletedLessons(trainer.id, "back-care"); // the final opens once every lesson is complete
  await page.goto("/courses/back-care/quiz/final");
  await tabTo(page, page.getByRole("button", { name: "Start the assessment" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Attempt #1" })).toBeVisible();
  await noAxeViolations(page);

  const fieldsets = page.locator("fieldset");
  const count = await fieldsets.count();
  expect(count).toBe(12);
  for (let i = 0; i < count; i++) {
    const fs = fieldsets.nth(i);
    if ((await fs.getByRole("radio").count()) > 0) {
      await tabTo(page, fs.getByRole("radio").first());
      await page.keyboard.press("Space");
      await expect(fs.getByRole("radio").first()).toBeChecked();
    } else if ((await fs.getByRole("checkbox").count()) > 0) {
      await tabTo(page, fs.getByRole("checkbox").first());
      await page.keyboard.press("Space");
      await expect(fs.getByRole("checkbox").first()).toBeChecked();
    } else if ((await fs.getByRole("combobox").count()) > 0) {
      const selects = fs.getByRole("combobox");
      for (let j = 0; j < (await selects.count()); j++) {
        await tabTo(page, selects.nth(j));
        await page.keyboard.press("ArrowDown");
        await expect(selects.nth(j)).not.toHaveValue("");
      }
    } else if ((await fs.getByRole("button", { name: /^Down/ }).count()) > 0) {
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered line breaks separate the item's position from its text
      const firstItem = (await fs.locator("ol li").first().innerText()).split("\n")[1];
      await tabTo(page, fs.getByRole("button", { name: /^Down/ }).first());
      await page.keyboard.press("Enter");
      await expect(fs.locator("ol li").nth(1)).toContainText(firstItem);
      await expect(fs.getByText(/moved to position 2/)).toBeAttached();
    } else {
      await tabTo(page, fs.getByRole("textbox"));
      await page.keyboard.type("20");
    }
  }
  await expect(page.getByText("All answers saved")).toBeVisible();
  await attestByKeyboard(page);
  await tabTo(page, page.getByRole("button", { name: "Submit answers" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: /You passed|Not passed this time/ })).toBeVisible();
  // A failed final's review lists what to revisit without explanations (review policy, issue 17); a pass explains.
  const passed = await page.getByRole("heading", { name: /You passed/ }).isVisible();
  await expect(passed ? page.getByText("Why").first() : page.getByRole("heading", { name: /^Questions to revisit/ })).toBeVisible();
});
