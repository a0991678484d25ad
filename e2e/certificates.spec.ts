import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { readPdfText } from "@/tests/read-pdf-text";
import { attestOwnWork, createAdmin, createTrainer, db, expect, seedObservedTime, signInAs, type TTestUser, test } from "./fixtures";

// Issue 7's journey: a trainer passes, an admin issues from the queue, the trainer downloads the
// PDF, a signed-out visitor verifies it by code, the admin revokes it and the page says so.

async function passFixtureCourse(page: Page, userId: string) {
  await seedObservedTime(userId, "fixture-course"); // reading-time evidence, without the wait
  for (const lesson of ["first-steps", "second-steps"]) {
    await page.goto(`/courses/fixture-course/${lesson}`);
    await page.getByRole("button", { name: "Mark lesson complete" }).click();
    await expect(page.getByText("Lesson marked complete.")).toBeVisible();
  }
  await page.goto("/courses/fixture-course/quiz/final");
  await page.getByRole("button", { name: "Start the assessment" }).click();
  await page.getByRole("radio", { name: "Blue" }).check();
  await page.getByRole("radio", { name: "True" }).check();
  await page.getByLabel("Your answer").fill("2");
  await attestOwnWork(page);
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByRole("heading", { name: /You passed/ })).toBeVisible();
}

async function asUser(browser: Browser, user: TTestUser) {
  const context = await browser.newContext();
  await signInAs(context, user);
  return { context, page: await context.newPage() };
}

test("pass → issue from the queue → download → public verify → revoke → verify says revoked", async ({ browser }) => {
  test.setTimeout(120_000);
  const trainer = await createTrainer({ name: `Casey Certified ${Date.now()}` });
  const admin = await createAdmin();
  const t = await asUser(browser, trainer);
  await passFixtureCourse(t.page, trainer.id);

  const a = await asUser(browser, admin);
  await a.page.goto("/admin/certificates");
  await a.page.getByRole("checkbox", { name: new RegExp(`Select ${trainer.name}`) }).check();
  await a.page.getByRole("button", { name: /Issue selected/ }).click();
  await expect
    .poll(async () => db.certificate.count({ where: { userId: trainer.id, status: "ISSUED" } }), { timeout: 30_000 })
    .toBe(1);
  const axe = await new AxeBuilder({ page: a.page }).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  const { code } = await db.certificate.findFirstOrThrow({ where: { userId: trainer.id }, select: { code: true } });

  await t.page.goto("/certificates");
  await expect(t.page.getByText(code)).toBeVisible();
  const pdf = await t.page.request.get(`/api/certificates/${code}/pdf`);
  expect(pdf.status()).toBe(200);
  const text = await readPdfText(new Uint8Array(await pdf.body()));
  expect(text).toContain(trainer.name);
  expect(text).toContain("Fixture Course for Tests");
  expect(text).toContain("0.10 CEC");
  expect(text).toContain(code);

  const visitor = await browser.newContext();
  const v = await visitor.newPage();
  await v.goto(`/verify/${code}`);
  await expect(v.getByRole("heading", { name: "Valid certificate" })).toBeVisible();
  await expect(v.getByText(trainer.name).first()).toBeVisible();
  const visitorAxe = await new AxeBuilder({ page: v }).analyze();
  expect(visitorAxe.violations.map((x) => x.id)).toEqual([]);
  const json = await v.request.get(`/api/verify/${code}`);
  expect(json.status()).toBe(200);
  // Answered by scripts/serve.ts once Next has loaded the route (decision 018): same JSON and headers.
  const again = await v.request.get(`/api/verify/${code}`);
  expect(again.headers()).toMatchObject({ "cache-control": "no-store", "access-control-allow-origin": "*", "x-content-type-options": "nosniff" });
  expect(again.headers()["content-type"]).toMatch(/^application\/json/);
  expect(await again.json()).toMatchObject({ ok: true, valid: true, certificate: { code, status: "ISSUED" } });

  await a.page.goto("/admin/certificates");
  await a.page.getByRole("button", { name: new RegExp(`Revoke ${code}`) }).click();
  await a.page.getByLabel("Reason (shown publicly)").fill("Issued in error during testing");
  await a.page.getByRole("button", { name: "Revoke certificate" }).click();
  await expect(a.page.getByText(`Revoked ${code}`)).toBeVisible();

  await v.goto(`/verify/${code}`);
  await expect(v.getByRole("heading", { name: "This certificate was revoked" })).toBeVisible();
  await expect(v.getByText("Issued in error during testing")).toBeVisible();
  // The JSON answer follows the revocation at once too (same process-wide lookup cache).
  expect(await (await v.request.get(`/api/verify/${code}`)).json()).toMatchObject({ ok: true, valid: false, certificate: { code, status: "REVOKED" } });
  const ledger = await db.creditEntry.findMany({ where: { userId: trainer.id }, orderBy: { occurredAt: "asc" }, select: { kind: true, amountHundredths: true } });
  expect(ledger).toEqual([
    { kind: "AWARD", amountHundredths: 10 },
    { kind: "REVERSAL", amountHundredths: -10 },
  ]);
  expect(await db.auditLog.count({ where: { action: { startsWith: "certificate." }, targetId: { not: null } } })).toBeGreaterThanOrEqual(2);

  const unknown = await v.request.get("/api/verify/BKCE-00000-00000-00000-00000-000000");
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  expect((await v.request.get("/api/verify/not%20a%20code")).status()).toBe(404);
  await Promise.all([t.context.close(), a.context.close(), visitor.close()]);
});

test("an admin finds a trainer by certification number, adjusts credit with a reason and sees it in the audit log", async ({ page, asAdmin }) => {
  const number = `NFPT-FIND-${Date.now()}`;
  const trainer = await createTrainer({ name: "Robin Findable", profile: { certifyingBody: "NFPT", certificationNumber: number, firstCertifiedOn: "2023-05-01" } });
  await asAdmin();
  await page.goto("/admin/trainers");
  await page.getByLabel("Name, email or certification number").fill(number);
  await page.keyboard.press("Enter");
  await page.getByRole("link", { name: "Robin Findable" }).click();
  await expect(page.getByRole("heading", { name: /Robin Findable/ }).first()).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await page.getByLabel(/^Amount/).fill("0.50");
  await page.getByLabel("Reason", { exact: true }).fill("Attended a live workshop on spinal mobility");
  await page.getByRole("button", { name: "Record adjustment" }).click();
  await expect(page.getByText("Attended a live workshop on spinal mobility").first()).toBeVisible();
  expect(await db.creditEntry.count({ where: { userId: trainer.id, kind: "ADJUSTMENT", amountHundredths: 50 } })).toBe(1);
  await page.goto("/admin/audit");
  const row = page.getByRole("row").filter({ hasText: "Attended a live workshop on spinal mobility" });
  await expect(row).toBeVisible();
  await expect(row.getByRole("cell", { name: "credit.adjust" })).toBeVisible();
});
