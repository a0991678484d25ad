import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { createAdmin, createTrainer, db, expect, seedCompletedLessons, seedObservedTime, sessionCookieValue, signInAs, test, type TTestUser } from "./fixtures";

// Issue 20: every page of both journeys at a phone's width (390×844), in light and in dark mode:
// nothing scrolls sideways (wide tables scroll inside their own labelled region or become cards)
// and axe finds no violations.

const PHONE = { width: 390, height: 844 };

type TScheme = "light" | "dark";

async function checkPage(page: Page, path: string, scheme: TScheme) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect.soft(innerWidth).toBe(PHONE.width);
  expect.soft(scrollWidth, `${path} (${scheme}) scrolls sideways`).toBeLessThanOrEqual(innerWidth);
  // Diagram labels: the smallest drawn text at its rendered size.
  const smallestLabel = await page.evaluate(() => {
    let smallest = Number.POSITIVE_INFINITY;
    // Lesson diagrams sit in a Figure's scrolling box (components/mdx/figure.tsx).
    for (const svg of document.querySelectorAll<SVGSVGElement>("figure > section svg[role=img]")) {
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      if (scale === 0) continue;
      for (const text of svg.querySelectorAll("text")) smallest = Math.min(smallest, Number.parseFloat(getComputedStyle(text).fontSize) * scale);
    }
    return smallest === Number.POSITIVE_INFINITY ? null : smallest;
  });
  if (smallestLabel !== null) expect.soft(smallestLabel, `${path}: diagram labels`).toBeGreaterThanOrEqual(12);
  const axe = await new AxeBuilder({ page }).analyze();
  expect.soft(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`), `${path} (${scheme}) axe`).toEqual([]);
}

async function phoneAs(browser: Browser, user: TTestUser | null, scheme: TScheme) {
  // Not isMobile: a mobile viewport widens itself to fit overflowing content, hiding the overflow.
  const context = await browser.newContext({ viewport: PHONE, colorScheme: scheme, hasTouch: true });
  if (user) await signInAs(context, user);
  return { context, page: await context.newPage() };
}

/** A trainer with a passed fixture course, its credit and an issued certificate. */
async function trainerWithCertificate(browser: Browser): Promise<{ trainer: TTestUser; code: string; attemptId: string }> {
  const trainer = await createTrainer({ name: "Morgan Mobile-Phone-Longname", timeZone: "America/Chicago" });
  const context = await browser.newContext();
  const headers = { cookie: `next-auth.session-token=${await sessionCookieValue(trainer)}`, "content-type": "application/json" };
  await seedObservedTime(trainer.id, "fixture-course"); // reading-time evidence, without the wait
  for (const lesson of ["first-steps", "second-steps"]) {
    expect((await context.request.post("/api/progress/lesson", { headers, data: { course: "fixture-course", lesson, complete: true } })).status()).toBe(200);
  }
  const { attemptId } = (await (await context.request.post("/api/quiz/attempts", { headers, data: { course: "fixture-course", quiz: "final" } })).json()) as { attemptId: string };
  const answers = { "fx-single": { type: "single", optionId: "blue" }, "fx-true-false": { type: "true-false", value: true }, "fx-numeric": { type: "numeric", value: 2 } };
  await context.request.post(`/api/quiz/attempts/${attemptId}/submit`, { headers, data: { idempotencyKey: `mobile-${attemptId}`, answers, attest: true } });
  const admin = await createAdmin();
  const request = await db.certificateRequest.findFirstOrThrow({ where: { userId: trainer.id }, select: { id: true } });
  const issued = await context.request.post("/api/admin/certificates/issue", {
    headers: { cookie: `next-auth.session-token=${await sessionCookieValue(admin)}`, "content-type": "application/json" },
    data: { requestIds: [request.id] },
  });
  expect(issued.status()).toBeLessThan(300);
  await expect.poll(() => db.certificate.count({ where: { userId: trainer.id, status: "ISSUED" } }), { timeout: 30_000 }).toBe(1);
  const { code } = await db.certificate.findFirstOrThrow({ where: { userId: trainer.id }, select: { code: true } });
  await context.close();
  return { trainer, code, attemptId };
}

for (const scheme of ["light", "dark"] as const) {
  test(`trainer journey at 390 px, ${scheme}: no sideways scroll, axe clean`, async ({ browser }) => {
    test.setTimeout(240_000);
    const { trainer, code, attemptId } = await trainerWithCertificate(browser);
    const guest = await phoneAs(browser, null, scheme);
    // Guests get no console errors (no 401 from progress islands) and no missing files (favicon).
    const problems: string[] = [];
    guest.page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console: ${m.text()} at ${guest.page.url()}`);
    });
    guest.page.on("response", (r) => {
      if (r.status() >= 400 && !r.url().includes("/no-such-page")) problems.push(`${r.status()} ${r.url()}`);
    });
    for (const path of ["/", "/courses", "/courses/back-care", "/courses/back-care/trunk-muscles", "/courses/back-care/posture", "/sign-in", "/sign-up", "/forgot-password", "/verify", `/verify/${code}`, "/status", "/search?q=ice"]) {
      await checkPage(guest.page, path, scheme);
    }
    expect(problems).toEqual([]);
    await checkPage(guest.page, "/no-such-page", scheme);
    await expect(guest.page.getByRole("heading", { level: 1 })).toHaveText("We can’t find that page");
    await guest.context.close();

    const { context, page } = await phoneAs(browser, trainer, scheme);
    for (const path of ["/dashboard", "/transcript", "/certificates", "/account", "/courses/fixture-course", "/courses/fixture-course/quiz/final", `/courses/fixture-course/quiz/final/attempt/${attemptId}`]) {
      await checkPage(page, path, scheme);
    }
    // A running attempt of the long back-care assessment (the final opens once every lesson is complete).
    await seedCompletedLessons(trainer.id, "back-care");
    await page.goto("/courses/back-care/quiz/final");
    await page.getByRole("button", { name: /Start the assessment/ }).click();
    await expect(page.getByRole("heading", { name: "Attempt #1" })).toBeVisible();
    await checkPage(page, page.url().replace(/^https?:\/\/[^/]+/, ""), scheme);
    await context.close();
  });

  test(`admin journey at 390 px, ${scheme}: no sideways scroll, axe clean`, async ({ browser }) => {
    test.setTimeout(240_000);
    const { trainer } = await trainerWithCertificate(browser);
    const admin = await createAdmin({ name: "Avery Admin", timeZone: "America/Chicago" });
    const { context, page } = await phoneAs(browser, admin, scheme);
    for (const path of [
      "/admin",
      "/admin/certificates",
      "/admin/trainers",
      `/admin/trainers/${trainer.id}`,
      "/admin/users",
      "/admin/courses",
      "/admin/quizzes",
      "/admin/audit",
      "/admin/outbox",
      "/dashboard",
    ]) {
      await checkPage(page, path, scheme);
    }
    await context.close();
  });
}
