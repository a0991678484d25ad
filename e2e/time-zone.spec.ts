import { db, expect, seedCompletedLessons, test } from "./fixtures";

// Issue 20: times are shown in the trainer's own zone, with the zone named where the moment
// matters. A trainer in America/Chicago who fails the back-care assessment (60-minute cool-down)
// sees the retake time in Chicago time, on the result page and on the assessment page.

/** The wall-clock "h:mm AM" of `instant` in `timeZone`, worked out from Intl's parts. */
function wallClock(instant: Date, timeZone: string): { time: string; zone: string; day: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, hour: "numeric", minute: "2-digit", hour12: true, timeZoneName: "short", month: "short", day: "numeric" })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return { time: `${parts.hour}:${parts.minute} ${parts.dayPeriod}`, zone: parts.timeZoneName, day: `${parts.month} ${parts.day}` };
}

test("an America/Chicago trainer sees the retake time in Chicago time with the zone named", async ({ page, asTrainer }) => {
  const trainer = await asTrainer({ timeZone: "America/Chicago" });
  await seedCompletedLessons(trainer.id, "back-care"); // the final opens once every lesson is complete
  const started = await page.request.post("/api/quiz/attempts", { data: { course: "back-care", quiz: "final" } });
  expect(started.status()).toBeLessThan(300);
  const { attemptId } = (await started.json()) as { attemptId: string };
  const submitted = await page.request.post(`/api/quiz/attempts/${attemptId}/submit`, { data: { idempotencyKey: `tz-${attemptId}`, answers: {}, attest: true } });
  expect(submitted.status()).toBe(200);

  // Graded ten minutes ago, so the retake opens in fifty minutes: the expected wall-clock time in
  // Chicago is worked out here with Intl, independently of the app's formatter.
  const gradedAt = new Date(Date.now() - 10 * 60_000);
  gradedAt.setUTCSeconds(57);
  await db.quizAttempt.update({ where: { id: attemptId }, data: { gradedAt } });
  const retryAt = new Date(gradedAt.getTime() + 60 * 60_000);
  const chicago = wallClock(retryAt, "America/Chicago");
  const utc = wallClock(retryAt, "UTC");
  expect(chicago.zone).toMatch(/^C[SD]T$/);

  await page.goto(`/courses/back-care/quiz/final/attempt/${attemptId}`);
  const result = page.getByText(/You can retake it after/);
  await expect(result).toContainText(`${chicago.day}`);
  await expect(result).toContainText(`${chicago.time} ${chicago.zone} (America/Chicago)`);
  await expect(result).not.toContainText("GMT");
  await expect(result).not.toContainText(utc.time);

  await page.goto("/courses/back-care/quiz/final");
  const notice = page.getByText(/Your next attempt opens at/);
  await expect(notice).toContainText(`${chicago.time} ${chicago.zone} (America/Chicago)`);
  await expect(notice.locator("time")).toHaveAttribute("datetime", retryAt.toISOString());
});
