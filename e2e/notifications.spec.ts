import AxeBuilder from "@axe-core/playwright";
import { createAdmin, db, expect, latestOutboxEmail, seedObservedTime, sessionCookieValue, test } from "./fixtures";

// Issue 20: a certificate issued by an admin raises the trainer's notification count (the bell in
// the header) and sends a mail; opening the notifications page reads them; mail can be turned off
// per kind.

test("a certificate issued by an admin raises the trainer's notification count and sends a mail", async ({ page, asTrainer }) => {
  const trainer = await asTrainer();
  await seedObservedTime(trainer.id, "fixture-course"); // reading-time evidence, without the wait
  for (const lesson of ["first-steps", "second-steps"]) {
    expect((await page.request.post("/api/progress/lesson", { data: { course: "fixture-course", lesson, complete: true } })).status()).toBe(200);
  }
  const { attemptId } = (await (await page.request.post("/api/quiz/attempts", { data: { course: "fixture-course", quiz: "final" } })).json()) as { attemptId: string };
  const answers = { "fx-single": { type: "single", optionId: "blue" }, "fx-true-false": { type: "true-false", value: true }, "fx-numeric": { type: "numeric", value: 2 } };
  expect((await page.request.post(`/api/quiz/attempts/${attemptId}/submit`, { data: { idempotencyKey: `bell-${attemptId}`, answers, attest: true } })).status()).toBe(200);

  await page.goto("/dashboard");
  const bell = page.getByRole("banner").getByRole("link", { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName("Notifications");

  const admin = await createAdmin();
  const request = await db.certificateRequest.findFirstOrThrow({ where: { userId: trainer.id }, select: { id: true } });
  const issued = await page.request.post("/api/admin/certificates/issue", {
    headers: { cookie: `next-auth.session-token=${await sessionCookieValue(admin)}`, "content-type": "application/json" },
    data: { requestIds: [request.id] },
  });
  expect(issued.status()).toBeLessThan(300);
  const { code } = await db.certificate.findFirstOrThrow({ where: { userId: trainer.id }, select: { code: true } });

  await page.reload();
  await expect(bell).toHaveAccessibleName("Notifications, 1 unread");
  await expect(bell.getByTestId("unread-count")).toHaveText("1");
  const mail = await latestOutboxEmail(trainer.email, { subject: /certificate for Fixture Course for Tests is ready/ });
  expect(mail.text).toContain(code);
  expect(mail.links.some((l) => l.endsWith("/certificates"))).toBe(true);

  await bell.click();
  await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Your certificate for Fixture Course for Tests is ready" })).toBeVisible();
  await expect(bell).toHaveAccessibleName("Notifications");
  expect(await db.notification.count({ where: { userId: trainer.id, readAt: null } })).toBe(0);
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);

  await page.getByRole("checkbox", { name: "A certificate is issued to me" }).uncheck();
  await page.getByRole("button", { name: "Save mail settings" }).click();
  await expect(page.getByText("Mail settings saved.")).toBeVisible();
  expect(await db.notificationPreference.findMany({ where: { userId: trainer.id }, select: { kind: true, email: true } })).toEqual(
    expect.arrayContaining([{ kind: "CERTIFICATE_ISSUED", email: false }]),
  );
});
