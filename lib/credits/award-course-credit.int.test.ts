import { describe, expect, test } from "vitest";
import { awardCourseCreditIfEarned } from "@/lib/credits/award-course-credit.server";
import { db } from "@/lib/db";
import { createUser } from "@/prisma/seed-helpers";

// "One award per course, ever" under load: many requests that each finish the course at once
// (a double-clicked last lesson, a retried quiz submission, several tabs) race to award credit.
// The unique (userId, awardCourseId) pair and ON CONFLICT DO NOTHING must leave exactly one.

const PARALLEL = 200;
let n = 0;

async function earnedCourse() {
  n++;
  const trainer = await createUser(
    db,
    {
      email: `award-race-${n}@example.test`,
      name: "Race Trainer",
      password: "unused",
      profile: { certifyingBody: "NFPT", certificationNumber: "NFPT-RACE-1", firstCertifiedOn: "2024-01-01" },
    },
    "not-a-real-hash",
  );
  const course = await db.course.create({
    data: { slug: `race-${n}`, title: "Race Course", summary: "A course", version: "1.0.0", contentHash: "h", contactMinutes: 120 },
    select: { id: true },
  });
  const lessons = await Promise.all(
    ["one", "two"].map((slug, i) => db.lesson.create({ data: { courseId: course.id, slug, title: slug, sortOrder: i, minutes: 60, contentHash: slug } })),
  );
  const completedAt = new Date("2025-05-01T12:00:00Z");
  await db.lessonProgress.createMany({ data: lessons.map((l) => ({ userId: trainer.id, lessonId: l.id, completedAt, completedRevision: 1 })) });
  const quiz = await db.quiz.create({
    data: { courseId: course.id, slug: "final", kind: "FINAL", title: "Final", passMark: 80, drawCount: 3, contentHash: "q" },
  });
  const attempt = await db.quizAttempt.create({
    data: { userId: trainer.id, quizId: quiz.id, number: 1, status: "GRADED", draw: [], scorePercent: 90, passed: true, submittedAt: completedAt, gradedAt: completedAt },
  });
  return { userId: trainer.id, courseId: course.id, attemptId: attempt.id };
}

describe("awardCourseCreditIfEarned", () => {
  test(`${PARALLEL} parallel transactions for one trainer and course award exactly once`, async () => {
    const { userId, courseId, attemptId } = await earnedCourse();

    // Each call in its own transaction, all started together; the pool queues what it cannot run
    // at once, so allow a generous wait for a connection.
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        db.$transaction((tx) => awardCourseCreditIfEarned(tx, { userId, courseId }), { maxWait: 60_000, timeout: 60_000 }),
      ),
    );

    expect(results.filter((r) => r.awarded)).toHaveLength(1);
    expect(results.filter((r) => !r.awarded).every((r) => r.entryId === null)).toBe(true);
    const entries = await db.creditEntry.findMany({ where: { userId, courseId } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: "AWARD", amountHundredths: 40, awardCourseId: courseId, attemptId, certifyingBody: "NFPT" });
    expect(await db.creditEntry.count({ where: { userId, kind: "AWARD" } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "credit.award", targetId: entries[0].id } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "credit.award" } })).toBe(1);
    expect(await db.certificateRequest.count({ where: { userId, courseId } })).toBe(1);
  });

  test("a later call after the award is a no-op", async () => {
    const { userId, courseId } = await earnedCourse();
    const first = await db.$transaction((tx) => awardCourseCreditIfEarned(tx, { userId, courseId }));
    const again = await db.$transaction((tx) => awardCourseCreditIfEarned(tx, { userId, courseId }));
    expect(first.awarded).toBe(true);
    expect(again).toEqual({ awarded: false, entryId: null, hundredths: 0 });
    expect(await db.creditEntry.count({ where: { userId } })).toBe(1);
  });
});
