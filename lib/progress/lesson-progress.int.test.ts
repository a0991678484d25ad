import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { syncContent } from "@/lib/content/sync-content.server";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createUser } from "@/prisma/seed-helpers";
import { getLessonProgress, recordLessonProgress } from "./lesson-progress.server";

// Evidence of learning against real PostgreSQL: a lesson completes only after the server has
// observed a share of its estimated time, counted from heartbeats on its own clock.
process.env.EXTRA_CONTENT_DIR = path.resolve("tests/fixtures/content");
const FIXTURE = "fixture-course";
let n = 0;

async function trainer() {
  n++;
  return createUser(db, {
    email: `progress-${n}-${Date.now()}@example.test`,
    name: `Progress Trainer ${n}`,
    password: "unused-password-for-tests",
    profile: { certificationNumber: `NFPT-P-${n}`, firstCertifiedOn: "2024-01-01" },
  });
}

const T0 = new Date("2026-11-29T10:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const beat = (userId: string, lessonSlug: string, now: Date, courseSlug = FIXTURE) => recordLessonProgress({ userId, courseSlug, lessonSlug, heartbeat: true, now });

beforeAll(async () => {
  await syncContent(db);
});

describe("observed lesson time", () => {
  test("seven completion requests without observed time complete nothing, each a 409 with a message", async () => {
    const user = await trainer();
    const lessons = await db.lesson.findMany({ where: { course: { slug: "back-care" }, archivedAt: null }, select: { slug: true } });
    expect(lessons).toHaveLength(7);
    const results = await Promise.all(lessons.map((l) => recordLessonProgress({ userId: user.id, courseSlug: "back-care", lessonSlug: l.slug, complete: true }).catch((e) => e)));
    for (const error of results) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(409);
      expect((error as AppError).message).toMatch(/Spend a little longer with this lesson.*: 0 seconds of the [\d.]+ minutes needed/);
    }
    expect(await db.lessonProgress.count({ where: { userId: user.id, completedAt: { not: null } } })).toBe(0);
    expect(await db.courseCompletion.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.creditEntry.count({ where: { userId: user.id } })).toBe(0);
  });

  test("heartbeats faster than real time count the real time once", async () => {
    const user = await trainer();
    await beat(user.id, "first-steps", T0);
    // Forty heartbeats a quarter of a second apart: ten seconds passed.
    for (let i = 1; i <= 40; i++) await beat(user.id, "first-steps", at(i / 4));
    expect((await getLessonProgress(user.id, FIXTURE, "first-steps")).observedSeconds).toBe(10);
    // Twenty identical heartbeats at once (several tabs, a replay): one clock, so 15 s count once.
    await Promise.all(Array.from({ length: 20 }, () => beat(user.id, "first-steps", at(25))));
    expect((await getLessonProgress(user.id, FIXTURE, "first-steps")).observedSeconds).toBe(25);
  });

  test("a heartbeat counts at most 30 seconds, and idle time not at all", async () => {
    const user = await trainer();
    await beat(user.id, "first-steps", T0);
    await beat(user.id, "first-steps", at(50)); // a slow beat: capped
    expect((await getLessonProgress(user.id, FIXTURE, "first-steps")).observedSeconds).toBe(30);
    await beat(user.id, "first-steps", at(50 + 600)); // ten minutes away: the clock restarts
    expect((await getLessonProgress(user.id, FIXTURE, "first-steps")).observedSeconds).toBe(30);
    await beat(user.id, "first-steps", at(50 + 615));
    expect((await getLessonProgress(user.id, FIXTURE, "first-steps")).observedSeconds).toBe(45);
  });

  test("each lesson has its own clock; time on one does not complete another", async () => {
    const user = await trainer();
    await beat(user.id, "first-steps", T0);
    await beat(user.id, "first-steps", at(15));
    await beat(user.id, "second-steps", at(15));
    expect((await getLessonProgress(user.id, FIXTURE, "first-steps")).observedSeconds).toBe(15);
    expect((await getLessonProgress(user.id, FIXTURE, "second-steps")).observedSeconds).toBe(0);
  });

  test("a lesson completes once half of its estimated time was observed, not before", async () => {
    const user = await trainer();
    const { requiredSeconds } = await getLessonProgress(user.id, FIXTURE, "first-steps");
    const lesson = await db.lesson.findFirstOrThrow({ where: { slug: "first-steps", course: { slug: FIXTURE } }, select: { estimatedSeconds: true } });
    expect(lesson.estimatedSeconds).toBeGreaterThan(0);
    expect(requiredSeconds).toBe(Math.ceil(lesson.estimatedSeconds * 0.5));
    let t = 0;
    await beat(user.id, "first-steps", at(t));
    while ((await getLessonProgress(user.id, FIXTURE, "first-steps")).observedSeconds + 15 < requiredSeconds) {
      t += 15;
      await beat(user.id, "first-steps", at(t));
    }
    await expect(recordLessonProgress({ userId: user.id, courseSlug: FIXTURE, lessonSlug: "first-steps", complete: true, now: at(t) })).rejects.toThrow(/Spend a little longer/);
    t += 15;
    const done = await recordLessonProgress({ userId: user.id, courseSlug: FIXTURE, lessonSlug: "first-steps", heartbeat: true, complete: true, now: at(t) });
    expect(done).toMatchObject({ completed: true });
    expect(done.observedSeconds).toBeGreaterThanOrEqual(requiredSeconds);
  });
});
