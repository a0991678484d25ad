import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { e2eDatabaseUrl } from "./e2e-env";
import { db, expect, seedObservedTime, sessionCookieValue, type TTestUser, test } from "./fixtures";

// Issue 19's course lifecycle, on the warm-up-basics fixture course (written from
// docs/authoring.md alone): an author publishes a new version of a course a trainer completed,
// then retires it while another trainer is mid-attempt. Both edits go through the real
// `npm run content:sync` on an edited copy of the course folder, as an author would run it.

const COURSE = "warm-up-basics";
const LESSONS = ["why-warm-up", "planning-the-sequence", "reading-the-room"];
const ANSWERS = {
  "wu-gradual": { type: "single", optionId: "climb" },
  "wu-purposes": { type: "multiple", optionIds: ["temperature", "focus"] },
  "wu-cold-morning": { type: "true-false", value: true },
  "wu-order": { type: "ordering", itemIds: ["march", "bw-squat", "light-set"] },
  "wu-match": { type: "matching", pairs: { squats: "bw-squat", rows: "pull-apart" } },
  "wu-minutes": { type: "numeric", value: 10 },
};

test.describe.configure({ mode: "serial" });

/** Copies the fixture course, lets the test edit its course.mdx, and syncs just that folder. */
function syncEditedCourse(editCourseMdx: (text: string) => string): string {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "lifecycle-")), COURSE);
  cpSync(path.resolve("e2e/fixtures/content/courses", COURSE), dir, { recursive: true });
  const file = path.join(dir, "course.mdx");
  writeFileSync(file, editCourseMdx(readFileSync(file, "utf8")));
  return execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/content-sync.ts", "--course", dir], {
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() },
    encoding: "utf8",
  });
}

async function headersFor(user: TTestUser) {
  return { cookie: `next-auth.session-token=${await sessionCookieValue(user)}`, "content-type": "application/json" };
}

async function readEveryLesson(page: Page, user: TTestUser) {
  const headers = await headersFor(user);
  await seedObservedTime(user.id, COURSE); // reading-time evidence, without the wait
  for (const lesson of LESSONS) {
    expect((await page.request.post("/api/progress/lesson", { headers, data: { course: COURSE, lesson, complete: true } })).status()).toBe(200);
  }
}

async function startFinal(page: Page, user: TTestUser): Promise<string> {
  const res = await page.request.post("/api/quiz/attempts", { headers: await headersFor(user), data: { course: COURSE, quiz: "final" } });
  expect(res.status()).toBeLessThan(300);
  return ((await res.json()) as { attemptId: string }).attemptId;
}

/** Every link on the page answers without an error (no dead links to a retired course). */
async function expectLinksWork(page: Page) {
  const hrefs = await page.locator("main a[href^='/']").evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute("href")!))]);
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) {
    const res = await page.request.get(href, { maxRedirects: 0 });
    expect(res.status(), href).toBeLessThan(400);
  }
}

let completer: TTestUser;
let certificateCode: string;

test("a trainer who completed a course sees 'updated since you completed it' with the author's changelog", async ({ page, asTrainer }) => {
  test.setTimeout(90_000);
  completer = await asTrainer({ name: "Cora Completer" });
  // Certificates are issued on completion for this course, so the retirement test can verify one.
  await db.course.update({ where: { slug: COURSE }, data: { autoIssue: true } });
  await readEveryLesson(page, completer);
  const attemptId = await startFinal(page, completer);
  const submitted = await page.request.post(`/api/quiz/attempts/${attemptId}/submit`, {
    headers: await headersFor(completer),
    data: { idempotencyKey: `lifecycle-${attemptId}`, answers: ANSWERS, attest: true },
  });
  expect(((await submitted.json()) as { passed: boolean; creditAwarded: boolean }).creditAwarded).toBe(true);
  await expect.poll(() => db.certificate.count({ where: { userId: completer.id, course: { slug: COURSE } } }), { timeout: 20_000 }).toBe(1);
  certificateCode = (await db.certificate.findFirstOrThrow({ where: { userId: completer.id }, select: { code: true } })).code;

  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Updated since you completed it" })).toHaveCount(0);

  const out = syncEditedCourse((text) =>
    text
      .replace('version: "1.0.0"\norder', 'version: "1.1.0"\norder')
      .replace("changelog:\n", 'changelog:\n  - version: "1.1.0"\n    changes: ["A new section on cooling down after class."]\n'),
  );
  expect(out).toContain("synced 1 course(s)");

  await page.goto("/dashboard");
  const notice = page.getByRole("region", { name: "Updated since you completed it" });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText("Warm-Up Basics for Group Classes");
  await expect(notice).toContainText("you completed version 1.0.0; it is now version 1.1.0");
  await expect(notice).toContainText("1.1.0: A new section on cooling down after class.");
  // The certificate keeps the version it was earned on.
  expect((await db.certificate.findFirstOrThrow({ where: { code: certificateCode }, select: { courseVersion: true } })).courseVersion).toBe("1.0.0");
});

test("retiring a course mid-attempt closes the attempt; dashboard, transcript and admin show it retired with working links; the certificate still verifies", async ({
  page,
  asTrainer,
  asAdmin,
  browser,
}) => {
  test.setTimeout(90_000);
  const midway = await asTrainer({ name: "Milo Midway" });
  await readEveryLesson(page, midway);
  const attemptId = await startFinal(page, midway);
  await page.request.put(`/api/quiz/attempts/${attemptId}/answers`, { headers: await headersFor(midway), data: { answers: { "wu-gradual": ANSWERS["wu-gradual"] } } });
  // Midway has read every lesson but not passed: the course is in progress on the dashboard.
  await page.goto("/dashboard");
  await expect(page.getByRole("region", { name: "Courses in progress" })).toContainText("Warm-Up Basics for Group Classes");

  const out = syncEditedCourse((text) => text.replace("order: 90", "order: 90\nstatus: retired"));
  expect(out).toContain(`retired ${COURSE} (1 open attempt(s) closed)`);

  // The attempt is closed: no grade, no credit, and submitting it is refused with the reason.
  const stored = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { status: true, gradedAt: true, passed: true } });
  expect(stored).toEqual({ status: "CLOSED", gradedAt: null, passed: null });
  const submit = await page.request.post(`/api/quiz/attempts/${attemptId}/submit`, {
    headers: await headersFor(midway),
    data: { idempotencyKey: `late-${attemptId}`, answers: ANSWERS, attest: true },
  });
  expect(submit.status()).toBe(409);
  expect(await submit.text()).toContain("retired");
  expect(await db.creditEntry.count({ where: { userId: midway.id } })).toBe(0);
  await page.goto(`/courses/${COURSE}/quiz/final/attempt/${attemptId}`);
  await expect(page.getByRole("heading", { name: "Attempt 1 was closed" })).toBeVisible();

  // Dashboard: still listed, marked retired, no Resume link.
  await page.goto("/dashboard");
  const inProgress = page.getByRole("region", { name: "Courses in progress" });
  await expect(inProgress).toContainText("Retired: this course is no longer offered.");
  await expect(inProgress.getByRole("link", { name: /Warm-Up Basics/ })).toHaveCount(0);
  await expectLinksWork(page);

  // The completer's transcript keeps the award, marks the course retired, and links nowhere dead.
  const completerContext = await browser.newContext();
  await completerContext.addCookies([
    { name: "next-auth.session-token", value: await sessionCookieValue(completer), domain: "127.0.0.1", path: "/", httpOnly: true, sameSite: "Lax" },
  ]);
  const transcript = await completerContext.newPage();
  await transcript.goto("/transcript");
  const row = transcript.getByRole("row").filter({ hasText: "Warm-Up Basics for Group Classes" });
  await expect(row).toContainText("(retired)");
  await expect(row.getByRole("link", { name: /Warm-Up Basics/ })).toHaveCount(0);
  await expect(row.getByRole("link", { name: /Verify/ })).toBeVisible();
  await expectLinksWork(transcript);
  // A retired course is no longer "updated since you completed it".
  await transcript.goto("/dashboard");
  await expect(transcript.getByRole("heading", { name: "Updated since you completed it" })).toHaveCount(0);
  await expectLinksWork(transcript);

  // The certificate still verifies, publicly.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/verify/${certificateCode}`);
  await expect(visitor.getByRole("heading", { name: "Valid certificate" })).toBeVisible();
  expect((await visitor.request.get(`/api/verify/${certificateCode}`)).status()).toBe(200);
  await completerContext.close();

  // The admin console: the course and the trainer's progress are labelled retired, the attempt closed.
  await asAdmin();
  await page.goto("/admin/courses");
  await expect(page.getByRole("heading", { name: /^Warm-Up Basics for Group Classes\s*\(retired\)$/ })).toBeVisible();
  await expectLinksWork(page);
  await page.goto(`/admin/trainers/${midway.id}`);
  await expect(page.getByText("Warm-Up Basics for Group Classes (retired)").first()).toBeVisible();
  await expect(page.getByText("Closed (course retired)")).toBeVisible();
});
