import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { readPdfText } from "@/tests/read-pdf-text";
import { attestOwnWork, createAdmin, createTrainer, db, expect, seedCompletedLessons, seedObservedTime, sessionCookieValue, signInAs, test } from "./fixtures";

// Issue 15: credit only where a body approved the course, evidence behind every completion, and
// the provider's records. The fixture course is approved by NFPT (FX-APPROVAL-42, provider
// FX-PROVIDER-7, 0.10 CEC) and pending with ACE.

async function noAxeViolations(page: Page) {
  const r = await new AxeBuilder({ page }).analyze();
  expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

const ANSWERS = { "fx-single": { type: "single", optionId: "blue" }, "fx-true-false": { type: "true-false", value: true }, "fx-numeric": { type: "numeric", value: 2 } };

test("credit only for approved bodies, approval numbers on the certificate, evidence in the provider CSV", async ({ page, asTrainer, browser }) => {
  test.setTimeout(180_000);
  const today = new Date().toISOString().slice(0, 10);

  // An NFPT trainer reads the course. Completing a lesson before any reading time was observed is refused.
  const nfpt = await asTrainer({ name: `Nora NFPT ${Date.now()}` });
  await page.goto("/courses/fixture-course/first-steps");
  await page.getByRole("button", { name: "Mark lesson complete" }).click();
  await expect(page.getByText(/Spend a little longer with this lesson/)).toBeVisible();
  expect(await db.lessonProgress.count({ where: { userId: nfpt.id, completedAt: { not: null } } })).toBe(0);
  // The heartbeats of the minutes spent reading, written as evidence rows instead of waited for.
  await seedObservedTime(nfpt.id, "fixture-course");
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
  // Submitting a final needs the "my own work" attestation.
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByText("Confirm that this assessment is your own work before submitting it.")).toBeVisible();
  await attestOwnWork(page);
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByRole("heading", { name: /You passed/ })).toBeVisible();
  await page.goto("/dashboard");
  await expect(page.getByText("0.10").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Completed, no credit figure claimed" })).toHaveCount(0);

  // An ACE trainer completes the same course: the course is only pending with ACE, so no figure.
  const ace = await createTrainer({ name: `Ari ACE ${Date.now()}`, profile: { certifyingBody: "ACE", certificationNumber: `ACE-E2E-${Date.now()}`, firstCertifiedOn: "2023-03-01" } });
  await seedCompletedLessons(ace.id, "fixture-course");
  const aceContext = await browser.newContext();
  const acePage = await aceContext.newPage();
  const aceCookie = `next-auth.session-token=${await sessionCookieValue(ace)}`;
  const headers = { cookie: aceCookie, "content-type": "application/json" };
  const start = await acePage.request.post("/api/quiz/attempts", { headers, data: { course: "fixture-course", quiz: "final" } });
  const { attemptId } = (await start.json()) as { attemptId: string };
  const unattested = await acePage.request.post(`/api/quiz/attempts/${attemptId}/submit`, { headers, data: { idempotencyKey: `ace-${attemptId}`, answers: ANSWERS } });
  expect(unattested.status()).toBe(422);
  const passed = await acePage.request.post(`/api/quiz/attempts/${attemptId}/submit`, { headers, data: { idempotencyKey: `ace-${attemptId}`, answers: ANSWERS, attest: true } });
  expect(await passed.json()).toMatchObject({ passed: true, creditAwarded: false });
  await signInAs(aceContext, ace);
  await acePage.goto("/dashboard");
  const withoutCredit = acePage.getByRole("region", { name: "Completed, no credit figure claimed" });
  await expect(withoutCredit).toContainText("Fixture Course for Tests");
  await expect(withoutCredit).toContainText("0.5 contact hours");
  await expect(withoutCredit).toContainText("You may submit your certificate to ACE for review");
  await noAxeViolations(acePage);
  expect(await db.creditEntry.count({ where: { userId: ace.id } })).toBe(0);

  // An admin issues both certificates; the NFPT one carries the approval and provider numbers.
  const admin = await createAdmin();
  const adminHeaders = { cookie: `next-auth.session-token=${await sessionCookieValue(admin)}`, "content-type": "application/json" };
  const requests = await db.certificateRequest.findMany({ where: { userId: { in: [nfpt.id, ace.id] } }, select: { id: true } });
  expect(requests).toHaveLength(2);
  const issued = await page.request.post("/api/admin/certificates/issue", { headers: adminHeaders, data: { requestIds: requests.map((r) => r.id) } });
  expect(issued.status()).toBeLessThan(300);
  await expect.poll(() => db.certificate.count({ where: { userId: { in: [nfpt.id, ace.id] }, status: "ISSUED" } }), { timeout: 30_000 }).toBe(2);
  const nfptCert = await db.certificate.findFirstOrThrow({ where: { userId: nfpt.id }, select: { code: true } });
  const nfptPdf = await readPdfText(new Uint8Array(await (await page.request.get(`/api/certificates/${nfptCert.code}/pdf`)).body()));
  expect(nfptPdf).toContain("0.10 CEC");
  expect(nfptPdf).toContain("Course approval No. FX-APPROVAL-42");
  expect(nfptPdf).toContain("Provider No. FX-PROVIDER-7");
  const aceCert = await db.certificate.findFirstOrThrow({ where: { userId: ace.id }, select: { code: true } });
  const acePdf = await readPdfText(new Uint8Array(await (await acePage.request.get(`/api/certificates/${aceCert.code}/pdf`)).body()));
  expect(acePdf).toContain("None claimed");
  expect(acePdf).toMatch(/may submit this certificate to ACE for review/);
  expect(acePdf).not.toContain("FX-APPROVAL-42");
  await aceContext.close();

  // The provider's records: the page, and the CSV a body's audit gets, with the evidence.
  const adminContext = await browser.newContext();
  await signInAs(adminContext, admin);
  const adminPage = await adminContext.newPage();
  await adminPage.goto(`/admin/records?course=fixture-course&from=${today}&to=${today}`);
  await expect(adminPage.getByRole("heading", { name: "Provider records" })).toBeVisible();
  await expect(adminPage.getByRole("row", { name: new RegExp(nfpt.name) })).toContainText("FX-APPROVAL-42");
  await noAxeViolations(adminPage);
  const csv = await adminPage.request.get(`/api/admin/provider-records?course=fixture-course&from=${today}&to=${today}`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const [header, ...lines] = (await csv.text()).trim().split(/\r?\n/);
  const columns = header.split(",");
  const rowFor = (name: string) => {
    const line = lines.find((l) => l.includes(name));
    expect(line, `a record for ${name}`).toBeDefined();
    // No field in these rows holds a comma except the evidence summary, which is quoted only if it does.
    return Object.fromEntries(columns.map((c, i) => [c, line!.split(",")[i]]));
  };
  const nfptRow = rowFor(nfpt.name);
  expect(nfptRow).toMatchObject({ certifying_body: "NFPT", approval_number: "FX-APPROVAL-42", provider_number: "FX-PROVIDER-7", credit: "0.10", contact_hours: "0.50", score_percent: "100", attempt_number: "1" });
  expect(nfptRow.attested_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  expect(nfptRow.evidence).toMatch(/first-steps [\d.]+\/[\d.]+ min; second-steps [\d.]+\/[\d.]+ min/);
  expect(Number(nfptRow.observed_minutes)).toBeGreaterThanOrEqual(Number(nfptRow.required_minutes));
  const aceRow = rowFor(ace.name);
  expect(aceRow).toMatchObject({ certifying_body: "ACE", approval_number: "", credit: "0.00" });
  await adminContext.close();
});
