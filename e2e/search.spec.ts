import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// Issue 20: full-text search over the lessons (lib/search), on the real back-care course in
// content/ and the fixture courses the e2e server syncs beside it.

const INJURY = "Responding to a Client's Back Injury";
const ICE_SECTION = "/courses/back-care/responding-to-injury#2-apply-ice-for-20-minutes";

test("searching 'ice' lists the injury lesson section first and the link lands on it", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Search" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Search lessons" })).toBeVisible();
  await page.getByLabel("Search for").fill("ice");
  await page.getByLabel("Search for").press("Enter");
  await expect(page).toHaveURL(/\/search\?q=ice/);
  await expect(page.getByRole("status")).toContainText(/\d+ sections match “ice”/);

  const results = page.getByRole("list", { name: "Search results" }).getByRole("listitem");
  const first = results.first();
  await expect(first).toContainText(INJURY);
  const link = first.getByRole("link");
  await expect(link).toHaveAttribute("href", ICE_SECTION);
  await expect(link).toContainText("2. Apply ice for 20 minutes");
  // The matched words are highlighted as <mark> elements, in the heading and the snippet.
  expect(await first.locator("mark").allTextContents()).toEqual(expect.arrayContaining(["ice"]));
  expect((await first.locator("mark").allTextContents()).every((t) => t.toLowerCase() === "ice")).toBe(true);
  await expect(first.locator("p")).toContainText("Apply ice to the painful area");

  // With the keyboard: the result link takes focus and Enter follows it to the section.
  await link.focus();
  await expect(link).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${ICE_SECTION.replace(/[.#/]/g, "\\$&")}$`));
  const heading = page.locator('[id="2-apply-ice-for-20-minutes"]');
  await expect(heading).toHaveText("2. Apply ice for 20 minutes");
  await expect(heading).toBeInViewport();
});

test("the course page searches that course; no match says so; markup in a query stays text", async ({ page }) => {
  await page.goto("/courses/back-care");
  await page.getByLabel("Search this course").fill("stretches");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=stretches&course=back-care/);
  await expect(page.getByLabel("Course")).toHaveValue("back-care");
  const links = page.getByRole("list", { name: "Search results" }).getByRole("link");
  expect(await links.count()).toBeGreaterThan(0);
  for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")))) expect(href).toMatch(/^\/courses\/back-care\//);
  // Stemmed: "stretches" highlights "stretch", "stretching" …
  expect((await page.locator("mark").allTextContents()).some((t) => /^stretch/i.test(t))).toBe(true);

  await page.goto(`/search?${new URLSearchParams({ q: "<b>zzqx</b> frobnicate" })}`);
  await expect(page.getByRole("status")).toHaveText(/No sections match “<b>zzqx<\/b> frobnicate”/);
  await expect(page.getByRole("status").locator("b")).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Search results" })).toHaveCount(0);

  // The search only reads the index: a query that is too long gets a message, not a 500.
  const long = await page.goto(`/search?q=${"x".repeat(120)}`);
  expect(long?.status()).toBe(200);
  await expect(page.getByRole("status")).toContainText("Search for at most 100 characters.");
});

async function checkPhone(page: Page, path: string, label: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect.soft(scrollWidth, `${label} scrolls sideways`).toBeLessThanOrEqual(innerWidth);
  const axe = await new AxeBuilder({ page }).analyze();
  expect.soft(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`), `${label} axe`).toEqual([]);
}

for (const scheme of ["light", "dark"] as const) {
  test(`the search page at 390×844, ${scheme}: no sideways scroll, axe clean`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: scheme, hasTouch: true });
    const page = await context.newPage();
    await checkPhone(page, "/search", `empty form (${scheme})`);
    await checkPhone(page, "/search?q=ice", `results (${scheme})`);
    await expect(page.locator("mark").first()).toBeVisible();
    await checkPhone(page, "/search?q=sitting+posture&course=back-care", `course results (${scheme})`);
    await expect(page.getByRole("list", { name: "Search results" }).getByRole("listitem").first()).toBeVisible();
    await checkPhone(page, "/search?q=zzqx", `no match (${scheme})`);
    await expect(page.getByText("No sections match “zzqx”")).toBeVisible();
    await context.close();
  });
}
