import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { readPdfText } from "@/tests/read-pdf-text";
import { attestOwnWork, db, expect, seedCompletedLessons, seedObservedTime, test } from "./fixtures";

const SENTINEL = "SENTINEL-ANSWER-KEY-7f3a9c";

async function expectNoAxeViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("anyone can read: catalog, course and lesson pages are static, cacheable and accessible", async ({ page, request }) => {
  await page.goto("/courses");
  await expect(page.getByRole("link", { name: /Back Care for Trainers/ }).first()).toBeVisible();
  // The fixture course exists only as a folder of content: no code knows about it.
  await expect(page.getByRole("link", { name: "Fixture Course for Tests", exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto("/courses/back-care");
  await expect(page.getByRole("heading", { name: "Syllabus" })).toBeVisible();
  await expect(page.getByText("1.25 contact hours").first()).toBeVisible();
  await expect(page.getByText("0.25 CEC").first()).toBeVisible();
  // What a body's reviewer looks for: approvals, authors, review date, references, disclaimer, method.
  const accreditation = page.getByRole("region", { name: "Accreditation and authorship" });
  await expect(accreditation.getByRole("row", { name: /NFPT.*Approved.*0\.25 CEC.*Approval no\. BBCE-BC-2026-01/ })).toBeVisible();
  await expect(accreditation.getByRole("row", { name: /ACE.*Not submitted.*None claimed/ })).toBeVisible();
  await expect(accreditation.getByText("Backbone CE course team")).toBeVisible();
  await expect(accreditation.getByText("Last reviewed")).toBeVisible();
  await expect(accreditation.getByText("November 29, 2026")).toBeVisible();
  await expect(accreditation.getByText("Considerations for Training the Back")).toBeVisible();
  await expect(accreditation.getByText(/no substitute for advice from a physician/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "How we count hours" })).toBeVisible();
  await expect(page.getByText(/200 words a minute/).first()).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto("/courses/back-care/trunk-muscles");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "On this page" })).toBeAttached();
  await expect(page.getByText("Reading as a guest.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Key takeaways" })).toBeVisible();
  await expectNoAxeViolations(page);

  const res = await request.get("/courses/back-care/trunk-muscles");
  // Shared caches (a CDN) may store it: s-maxage alone allows that (RFC 9111, 5.2.2.10).
  expect(res.headers()["cache-control"]).toMatch(/s-maxage=\d+/);
  const fixture = await request.get("/courses/fixture-course/first-steps");
  expect(fixture.status()).toBe(200);
  expect(await fixture.text()).toContain("Warm welcome");
});

test("the lesson body is sent once as HTML and survives client-side navigation", async ({ page, request }) => {
  // Full load: the body is in the HTML, but not a second time in the RSC payload (decision 005).
  const html = await (await request.get("/courses/back-care/trunk-muscles")).text();
  const phrase = "Transversus";
  const inFlight = [...html.matchAll(/<script>self\.__next_f\.push\((.*?)\)<\/script>/gs)].map((m) => m[1]).join("");
  expect(html).toContain('data-static-island="lesson-');
  expect(html.split(phrase).length - 1).toBeGreaterThan(0);
  expect(inFlight).not.toContain(phrase);

  await page.goto("/courses/back-care/trunk-muscles");
  const body = page.locator("[data-static-island]");
  await expect(body.getByRole("heading", { name: "Key takeaways" })).toBeVisible();
  const headingCount = await body.getByRole("heading").count();

  // Soft navigation away (breadcrumb) and Back: Next re-renders the page from RSC data alone, so
  // the island fetches its own HTML once and shows the same body.
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: /Back Care/ }).click();
  await expect(page.getByRole("heading", { name: "Syllabus" })).toBeVisible();
  const refetched = page.waitForRequest((r) => r.resourceType() === "fetch" && new URL(r.url()).pathname === "/courses/back-care/trunk-muscles");
  await page.goBack();
  await refetched;
  await expect(body.getByRole("heading", { name: "Key takeaways" })).toBeVisible();
  await expect(body.getByRole("heading")).toHaveCount(headingCount);
  // Reading progress is measured on the arrived body, not on the empty page before it.
  await expect(page.getByRole("progressbar", { name: "Reading progress" })).toHaveAttribute("aria-valuenow", "0");

  // The syllabus links to lessons with plain links: a full load of the cached page.
  await page.goto("/courses/back-care");
  await page.getByRole("link", { name: /^Posture: Sitting/ }).click();
  await expect(page).toHaveURL(/\/courses\/back-care\/posture/);
  await expect(page.locator("[data-static-island]").getByRole("heading", { name: "Key takeaways" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "did not load" })).toHaveCount(0);
});

test("a trainer completes the lessons, passes the assessment and sees the credit", async ({ page, asTrainer }) => {
  const trainer = await asTrainer();
  await seedObservedTime(trainer.id, "fixture-course"); // reading-time evidence, without the wait
  for (const lesson of ["first-steps", "second-steps"]) {
    await page.goto(`/courses/fixture-course/${lesson}`);
    await page.getByRole("button", { name: "Mark lesson complete" }).click();
    await expect(page.getByText("Lesson marked complete.")).toBeVisible();
  }
  await page.goto("/courses/fixture-course");
  await expect(page.getByText("2 of 2 lessons")).toBeVisible();

  await page.goto("/courses/fixture-course/quiz/final");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Start the assessment" }).click();
  await expect(page.getByRole("heading", { name: "Attempt #1" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("radio", { name: "Blue" }).check();
  await page.getByRole("radio", { name: "True" }).check();
  await page.getByLabel("Your answer").fill("2");
  await expect(page.getByText("3 of 3 answered")).toBeVisible();
  await attestOwnWork(page);
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByRole("heading", { name: /You passed — 100%/ })).toBeVisible();
  await expect(page.getByText(SENTINEL).first()).toBeVisible(); // explanations appear once graded
  await expectNoAxeViolations(page);

  const entries = await db.creditEntry.findMany({ where: { userId: trainer.id }, select: { kind: true, amountHundredths: true } });
  expect(entries).toEqual([{ kind: "AWARD", amountHundredths: 10 }]);
  await page.goto("/dashboard");
  await expect(page.getByText("0.10").first()).toBeVisible();
  await expectNoAxeViolations(page);

  // Both exports carry the award.
  const csv = await page.request.get("/api/credits/export.csv");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).trim().split(/\r?\n/);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain("Fixture Course for Tests");
  expect(lines[1]).toContain("0.10");
  expect(lines[1]).toMatch(/\d{4}-\d{2}-\d{2}/);
  const pdf = await page.request.get("/api/credits/transcript.pdf");
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const text = await readPdfText(new Uint8Array(await pdf.body()));
  expect(text).toContain(trainer.name);
  expect(text).toContain("Fixture Course for Tests");
  expect(text).toContain("0.10");
});

test("answer keys never reach the browser before grading", async ({ page, asTrainer }) => {
  const trainer = await asTrainer();
  await seedCompletedLessons(trainer.id, "fixture-course"); // the final opens once every lesson is complete
  const bodies: string[] = [];
  page.on("response", async (response) => {
    const type = response.headers()["content-type"] ?? "";
    if (/json|html|text|javascript|x-component/.test(type)) bodies.push(await response.text().catch(() => ""));
  });
  for (const url of ["/courses", "/courses/fixture-course", "/courses/fixture-course/first-steps", "/courses/fixture-course/quiz/final"]) {
    await page.goto(url);
  }
  await page.getByRole("button", { name: "Start the assessment" }).click();
  await expect(page.getByRole("heading", { name: "Attempt #1" })).toBeVisible();
  await page.getByRole("radio", { name: "Green" }).check(); // an autosave round-trip
  await expect(page.getByText("All answers saved")).toBeVisible();
  // The RSC payload of the attempt page, fetched as the router does.
  const rsc = await page.request.get(page.url(), { headers: { RSC: "1" } });
  bodies.push(await rsc.text());
  bodies.push(await page.content());
  expect(bodies.length).toBeGreaterThan(5);
  for (const body of bodies) expect(body).not.toContain(SENTINEL);

  // Nor is it anywhere in the client build output.
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : [full];
    });
  const files = walk(path.resolve(".next-e2e/static"));
  expect(files.length).toBeGreaterThan(10);
  for (const file of files) expect(readFileSync(file, "utf8").includes(SENTINEL), file).toBe(false);
});
