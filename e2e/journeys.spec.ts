import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { readPdfText } from "@/tests/read-pdf-text";
import { ZAttemptDraw, ZQuestion, type TQuestion } from "@/lib/quiz/quiz-schema";
import { attestOwnWork, createAdmin, createTrainer, db, expect, latestOutboxEmail, seedObservedTime, sessionCookieValue, test, uniqueEmail } from "./fixtures";

// Issue 9's trainer journey, end to end through the UI: sign up, verify, read every lesson of the
// back-care course, fail the final assessment, review it, wait out the cool-down, pass, see the
// credit and download the certificate.

const LESSONS = ["balanced-back", "trunk-muscles", "strength-exercises", "spinal-flexibility", "posture", "responding-to-injury", "bringing-it-together"];

async function noAxeViolations(page: Page) {
  const r = await new AxeBuilder({ page }).analyze();
  expect(r.violations.map((v) => v.id)).toEqual([]);
}

/** Answers one drawn question through its UI, correctly, from the server's key (read by the test). */
async function answer(page: Page, q: TQuestion) {
  const fs = page.locator("fieldset").filter({ has: page.locator("legend", { hasText: q.prompt }) });
  switch (q.type) {
    case "single":
      await fs.getByRole("radio", { name: q.options.find((o) => o.id === q.answer)!.text, exact: true }).check();
      break;
    case "multiple":
      for (const id of q.answer) await fs.getByRole("checkbox", { name: q.options.find((o) => o.id === id)!.text, exact: true }).check();
      break;
    case "true-false":
      await fs.getByRole("radio", { name: q.answer ? "True" : "False", exact: true }).check();
      break;
    case "matching":
      for (const p of q.prompts) await fs.getByLabel(p.text, { exact: true }).selectOption(q.answer[p.id]);
      break;
    case "numeric":
      await fs.getByLabel("Your answer").fill(String(q.answer));
      break;
    case "ordering":
      for (let target = 0; target < q.answer.length; target++) {
        const text = q.items.find((i) => i.id === q.answer[target])!.text;
        // Each row reads "position, text, Up…, Down…": compare the text line exactly.
        const position = async () => (await fs.locator("ol li").allTextContents()).findIndex((t) => t.replace(/^\d+/, "").startsWith(`${text}Up`));
        const up = fs.getByRole("button", { name: new RegExp(`^Up\\s*: move ${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} up$`) });
        while ((await position()) > target) await up.click();
        expect(await position()).toBe(target);
      }
      break;
  }
}

test("trainer: sign up, verify, read, fail, review, wait, pass, credit, certificate", async ({ page }) => {
  test.setTimeout(180_000);
  const email = uniqueEmail("journey");
  const password = "a journey of many lessons";
  await page.goto("/sign-up");
  await page.getByLabel("Full name").fill("Jamie Journey");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Certification number").fill("NFPT-2022-4242");
  await page.getByLabel("Date first certified").fill("2022-04-01");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("Check your email");
  const mail = await latestOutboxEmail(email, { subject: /confirm your email/i });
  await page.goto(mail.links.find((l) => l.includes("/verify-email?token="))!);
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("Your email is confirmed");
  await page.goto("/sign-in?callbackUrl=%2Fcourses%2Fback-care");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/courses\/back-care$/);
  await expect(page.getByText("0 of 7 lessons")).toBeVisible();

  // Reading time is evidence the server records from heartbeats; the spec writes it instead of
  // waiting (e2e/fixtures.ts), then completes each lesson through the UI.
  const reader = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  await seedObservedTime(reader.id, "back-care");
  for (const lesson of LESSONS) {
    await page.goto(`/courses/back-care/${lesson}`);
    await page.getByRole("button", { name: "Mark lesson complete" }).click();
    await expect(page.getByText("Lesson marked complete.")).toBeVisible();
  }
  await page.goto("/courses/back-care");
  await expect(page.getByText("7 of 7 lessons")).toBeVisible();

  // First attempt: submitted blank, it fails; the review lists what to revisit, with links into
  // the lessons, and no answers (those come after a pass or the last attempt).
  await page.goto("/courses/back-care/quiz/final");
  await page.getByRole("button", { name: "Start the assessment" }).click();
  await expect(page.getByRole("heading", { name: "Attempt #1" })).toBeVisible();
  await attestOwnWork(page);
  await page.getByRole("button", { name: "Submit answers" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByRole("heading", { name: /Not passed this time — 0%/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Questions to revisit (12)" })).toBeVisible();
  await expect(page.getByText("Correct answer")).toHaveCount(0);
  const revisit = await page.locator("[data-review-question] a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  expect(revisit).toHaveLength(12);
  for (const href of revisit) expect(href).toMatch(new RegExp(`^/courses/back-care/(${LESSONS.join("|")})#[a-z0-9-]+$`));
  await expect(page.getByText(/You can retake it after/)).toBeVisible();
  await noAxeViolations(page);
  await page.goto("/courses/back-care/quiz/final");
  await expect(page.getByText(/Your next attempt opens at/)).toBeVisible();

  // The cool-down passes: the clock is moved by moving the first attempt's grading time back.
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true } });
  await db.quizAttempt.updateMany({ where: { userId: user.id }, data: { gradedAt: new Date(Date.now() - 61 * 60_000) } });
  await page.reload();
  await page.getByRole("button", { name: "Start a new attempt" }).click();
  await expect(page.getByRole("heading", { name: "Attempt #2" })).toBeVisible();
  const attempt = await db.quizAttempt.findFirstOrThrow({ where: { userId: user.id, number: 2 }, select: { draw: true } });
  for (const d of ZAttemptDraw.parse(attempt.draw)) {
    const v = await db.questionVersion.findUniqueOrThrow({ where: { questionId_version: { questionId: d.questionId, version: d.version } }, select: { definition: true } });
    await answer(page, ZQuestion.parse(v.definition));
  }
  await expect(page.getByText("12 of 12 answered")).toBeVisible();
  await attestOwnWork(page);
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByRole("heading", { name: /You passed — 100%/ })).toBeVisible();

  await page.goto("/dashboard");
  await expect(page.getByText("0.25").first()).toBeVisible();

  // An admin issues the certificate from the queue; the trainer downloads it.
  const admin = await createAdmin();
  const adminCookie = `next-auth.session-token=${await sessionCookieValue(admin)}`;
  const request = await db.certificateRequest.findFirstOrThrow({ where: { userId: user.id }, select: { id: true } });
  const issued = await page.request.post("/api/admin/certificates/issue", { headers: { cookie: adminCookie, "content-type": "application/json" }, data: { requestIds: [request.id] } });
  expect(issued.status()).toBeLessThan(300);
  await page.goto("/certificates");
  const { code } = await db.certificate.findFirstOrThrow({ where: { userId: user.id }, select: { code: true } });
  await expect(page.getByText(code)).toBeVisible();
  const pdf = await page.request.get(`/api/certificates/${code}/pdf`);
  const text = await readPdfText(new Uint8Array(await pdf.body()));
  expect(text).toContain("Jamie Journey");
  expect(text).toContain("0.25 CEC");
  expect(text).toContain("BBCE-BC-2026-01"); // the course's NFPT approval number
});

async function passFixtureCourseByApi(page: Page, cookie: string, userId: string) {
  const headers = { cookie, "content-type": "application/json" };
  await seedObservedTime(userId, "fixture-course");
  for (const lesson of ["first-steps", "second-steps"]) {
    expect((await page.request.post("/api/progress/lesson", { headers, data: { course: "fixture-course", lesson, complete: true } })).status()).toBe(200);
  }
  const { attemptId } = (await (await page.request.post("/api/quiz/attempts", { headers, data: { course: "fixture-course", quiz: "final" } })).json()) as { attemptId: string };
  const answers = { "fx-single": { type: "single", optionId: "blue" }, "fx-true-false": { type: "true-false", value: true }, "fx-numeric": { type: "numeric", value: 2 } };
  const res = await page.request.post(`/api/quiz/attempts/${attemptId}/submit`, { headers, data: { idempotencyKey: `journey-${attemptId}`, answers, attest: true } });
  expect(((await res.json()) as { passed: boolean }).passed).toBe(true);
}

test("admin: issue certificates in bulk, revoke one, regrade a question, export CSVs", async ({ page, asAdmin }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const trainers: Awaited<ReturnType<typeof createTrainer>>[] = [];
  for (let i = 0; i < 3; i++) {
    const t = await createTrainer({ name: `Bulk ${stamp} ${i}` });
    await passFixtureCourseByApi(page, `next-auth.session-token=${await sessionCookieValue(t)}`, t.id);
    trainers.push(t);
  }
  await asAdmin();
  await page.goto("/admin/certificates");
  for (const t of trainers) await page.getByRole("checkbox", { name: new RegExp(`Select ${t.name}`) }).check();
  await page.getByRole("button", { name: "Issue selected (3)" }).click();
  await expect(page.getByRole("progressbar", { name: "Certificates processed" })).toBeVisible();
  await expect.poll(() => db.certificate.count({ where: { userId: { in: trainers.map((t) => t.id) }, status: "ISSUED" } }), { timeout: 30_000 }).toBe(3);
  // The batch is in the URL and survives a reload.
  await page.reload();
  await expect(page.getByRole("progressbar", { name: "Certificates processed" })).toHaveAttribute("aria-valuenow", /100|3/);

  const { code } = await db.certificate.findFirstOrThrow({ where: { userId: trainers[0].id }, select: { code: true } });
  await page.goto("/admin/certificates");
  await page.getByRole("button", { name: new RegExp(`Revoke ${code}`) }).click();
  await page.getByLabel("Reason (shown publicly)").fill("Duplicate enrolment found in audit");
  await page.getByRole("button", { name: "Revoke certificate" }).click();
  await expect(page.getByText(`Revoked ${code}`)).toBeVisible();

  // A clarified explanation ships as version 2 of a question (same key): regrade previews, then applies.
  const v1 = await db.questionVersion.findUniqueOrThrow({ where: { questionId_version: { questionId: "fx-true-false", version: 1 } } });
  const v2 = { ...(v1.definition as Record<string, unknown>), version: 2, explanation: "SENTINEL-ANSWER-KEY-7f3a9c: still true; explanation clarified." };
  await db.questionVersion.upsert({
    where: { questionId_version: { questionId: "fx-true-false", version: 2 } },
    create: { questionId: "fx-true-false", version: 2, contentHash: `clarified-${stamp}`, definition: v2 },
    update: {},
  });
  await db.question.update({ where: { id: "fx-true-false" }, data: { currentVersion: 2 } });
  await page.goto("/admin/quizzes");
  const panel = page.getByRole("listitem").filter({ hasText: "fx-true-false (v2" });
  await panel.getByRole("button", { name: "Preview regrade" }).click();
  await expect(panel.getByText(/answers would be regraded against version 2; 0 attempt score\(s\) change/)).toBeVisible();
  await panel.getByRole("button", { name: "Apply regrade" }).click();
  await page.getByRole("alertdialog", { name: "Apply this regrade?" }).getByRole("button", { name: "Apply regrade" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Regraded \d+ answers to fx-true-false; 0 attempt outcome\(s\) changed/ })).toBeVisible();
  expect(await db.auditLog.count({ where: { action: "quiz.regrade", targetId: "fx-true-false" } })).toBeGreaterThanOrEqual(1);

  for (const table of ["trainers", "audit", "funnel"]) {
    const csv = await page.request.get(`/api/admin/export/${table}`);
    expect(csv.status(), table).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(csv.headers()["content-disposition"]).toContain("attachment");
    const body = await csv.text();
    expect(body.split("\r\n").length).toBeGreaterThan(1);
    if (table === "trainers") expect(body).toContain(`Bulk ${stamp} 1`);
  }
});
