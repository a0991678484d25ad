import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { mdxComponents } from "@/components/mdx";
import { getCreditOverview } from "@/lib/credits/ledger.server";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getAttemptView, startAttempt, submitAttempt } from "@/lib/quiz/quiz-attempts.server";
import { createUser } from "@/prisma/seed-helpers";
import { completeLessons } from "@/tests/evidence";
import { checkContent } from "./check-content";
import { snapshotFromDatabase } from "./content-snapshot.server";
import { ContentError, loadAllCourses } from "./load-content";
import { syncContent } from "./sync-content.server";

// A scratch copy of the fixture course, so the test can edit content like an author would.
function scratchContent() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "content-"));
  cpSync(path.resolve("tests/fixtures/content"), dir, { recursive: true });
  return dir;
}

function useContent(dir: string) {
  process.env.CONTENT_DIR = dir;
  delete process.env.EXTRA_CONTENT_DIR;
  return loadAllCourses({ fresh: true });
}

test("a new folder becomes a course; sync is idempotent; an edit makes a revision and keeps progress", async () => {
  const dir = scratchContent();
  const first = await syncContent(db, useContent(dir));
  expect(first).toMatchObject({ courses: 2, lessons: 5, quizzes: 2, retired: [] });
  const again = await syncContent(db, useContent(dir));
  expect(again.changed).toBe(0);

  const lesson = await db.lesson.findFirstOrThrow({ where: { slug: "first-steps" }, select: { id: true, revision: true } });
  const user = await createUser(db, { email: "sync@example.test", name: "Sync", password: "unused-password-1", profile: { certificationNumber: "S-1", firstCertifiedOn: "2024-01-01" } });
  await db.lessonProgress.create({ data: { userId: user.id, lessonId: lesson.id, completedAt: new Date(), completedRevision: 1 } });

  const file = path.join(dir, "courses/fixture-course/lessons/01-first-steps.mdx");
  writeFileSync(file, readFileSync(file, "utf8").replace("Fixture lessons use", "Fixture lessons now use"));
  const edited = await syncContent(db, useContent(dir));
  expect(edited.changed).toBeGreaterThan(0);
  const after = await db.lesson.findUniqueOrThrow({ where: { id: lesson.id }, select: { revision: true, revisions: { select: { revision: true } } } });
  expect(after.revision).toBe(2);
  expect(after.revisions.map((r) => r.revision).sort()).toEqual([1, 2]);
  expect(await db.lessonProgress.count({ where: { lessonId: lesson.id, completedAt: { not: null } } })).toBe(1);
  expect(await db.courseRevision.count()).toBe(3);
});

test("changing a question without bumping its version is refused with a clear message", async () => {
  const dir = scratchContent();
  await syncContent(db, useContent(dir));
  const file = path.join(dir, "courses/fixture-course/quizzes/final.json");
  writeFileSync(file, readFileSync(file, "utf8").replace('"answer": "blue"', '"answer": "green"'));
  await expect(syncContent(db, useContent(dir))).rejects.toThrow(/changed but is still version 1/);
});

test("invalid frontmatter names the file and the field", () => {
  const dir = scratchContent();
  const file = path.join(dir, "courses/fixture-course/lessons/02-second-steps.mdx");
  writeFileSync(file, readFileSync(file, "utf8").replace("minutes: 15", "minutes: -3"));
  expect(() => useContent(dir)).toThrow(ContentError);
  expect(() => useContent(dir)).toThrow(/02-second-steps.mdx:4: minutes/);
});

async function trainerWithOpenAttempt(email: string) {
  const user = await createUser(db, { email, name: "Open Attempt", password: "unused-password-1", profile: { certificationNumber: "S-2", firstCertifiedOn: "2024-01-01" } });
  // The final opens only once every lesson is complete (with its observed time).
  await completeLessons(user.id, "warm-up-basics");
  const { attemptId } = await startAttempt({ userId: user.id, courseSlug: "warm-up-basics", quizSlug: "final" });
  return { user, attemptId };
}

test("retiring a course (status: retired) closes its open attempts without a grade and keeps every record", async () => {
  const dir = scratchContent();
  await syncContent(db, useContent(dir));
  const { user, attemptId } = await trainerWithOpenAttempt("retire@example.test");

  const courseFile = path.join(dir, "courses/warm-up-basics/course.mdx");
  writeFileSync(courseFile, readFileSync(courseFile, "utf8").replace("order: 90", "order: 90\nstatus: retired"));
  const retired = await syncContent(db, useContent(dir));
  expect(retired).toMatchObject({ retired: ["warm-up-basics"], closedAttempts: 1, courses: 1 });

  const attempt = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { status: true, gradedAt: true, passed: true } });
  expect(attempt).toEqual({ status: "CLOSED", gradedAt: null, passed: null });
  await expect(submitAttempt({ userId: user.id, attemptId, idempotencyKey: "after-retire-1", answers: {} })).rejects.toThrow(AppError);
  await expect(submitAttempt({ userId: user.id, attemptId, idempotencyKey: "after-retire-1", answers: {} })).rejects.toThrow(/retired/);
  expect(await getAttemptView({ userId: user.id, attemptId })).toMatchObject({ status: "CLOSED" });
  await expect(startAttempt({ userId: user.id, courseSlug: "warm-up-basics", quizSlug: "final" })).rejects.toThrow(/does not exist/);
  // Records stay: progress, the course row (now retired), the audit entry.
  // (one completed row for each of the course's three lessons).
  expect(await db.lessonProgress.count({ where: { userId: user.id, completedAt: { not: null } } })).toBe(3);
  expect((await db.course.findUniqueOrThrow({ where: { slug: "warm-up-basics" }, select: { archivedAt: true } })).archivedAt).not.toBeNull();
  expect(await db.auditLog.count({ where: { action: "course.retire" } })).toBe(1);
  // The dashboard shows it as retired, with no lesson to resume.
  const overview = await getCreditOverview({ userId: user.id, now: new Date() });
  expect(overview.inProgress).toEqual([expect.objectContaining({ slug: "warm-up-basics", retired: true, resumeLessonSlug: null })]);

  // Idempotent; reinstating offers the course again and the closed attempt stays closed.
  expect((await syncContent(db, useContent(dir))).retired).toEqual([]);
  writeFileSync(courseFile, readFileSync(courseFile, "utf8").replace("status: retired\n", ""));
  await syncContent(db, useContent(dir));
  expect((await db.course.findUniqueOrThrow({ where: { slug: "warm-up-basics" }, select: { archivedAt: true } })).archivedAt).toBeNull();
  expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { status: true } })).status).toBe("CLOSED");
});

test("a removed folder retires its course; an empty content folder retires nothing", async () => {
  const dir = scratchContent();
  await syncContent(db, useContent(dir));
  const { attemptId } = await trainerWithOpenAttempt("removed@example.test");
  rmSync(path.join(dir, "courses/warm-up-basics"), { recursive: true });
  useContent(dir);
  const result = await syncContent(db);
  expect(result).toMatchObject({ retired: ["warm-up-basics"], closedAttempts: 1 });
  expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { status: true } })).status).toBe("CLOSED");
  // An explicit list never retires what it leaves out.
  expect((await syncContent(db, [])).retired).toEqual([]);
  rmSync(path.join(dir, "courses"), { recursive: true });
  useContent(dir);
  await expect(syncContent(db)).rejects.toThrow(/refusing to retire every course/);
  expect(await db.course.count({ where: { archivedAt: null } })).toBe(1);
});

test("content:check against the database: a lesson edit without a version bump fails naming the file; a bump with a changelog passes and is stored", async () => {
  const dir = scratchContent();
  await syncContent(db, useContent(dir));
  const lesson = path.join(dir, "courses/warm-up-basics/lessons/03-reading-the-room.mdx");
  writeFileSync(lesson, readFileSync(lesson, "utf8").replace("Watch before you push", "Watch before you add load"));
  const stale = await checkContent({ roots: [dir], components: mdxComponents, previous: await snapshotFromDatabase(db) });
  expect(stale.problems).toEqual([expect.objectContaining({ file: lesson, line: 1, rule: "course-version", message: expect.stringContaining("changed since the database") })]);

  const courseFile = path.join(dir, "courses/warm-up-basics/course.mdx");
  writeFileSync(
    courseFile,
    readFileSync(courseFile, "utf8")
      .replace('version: "1.0.0"\norder', 'version: "1.1.0"\norder')
      .replace("changelog:\n", 'changelog:\n  - version: "1.1.0"\n    changes: ["Clearer heading in Reading the Room."]\n'),
  );
  const fresh = await checkContent({ roots: [dir], components: mdxComponents, previous: await snapshotFromDatabase(db) });
  expect(fresh.problems).toEqual([]);
  await syncContent(db, useContent(dir));
  const course = await db.course.findUniqueOrThrow({ where: { slug: "warm-up-basics" }, select: { version: true, changelog: true } });
  expect(course.version).toBe("1.1.0");
  expect(course.changelog).toEqual([
    { version: "1.1.0", changes: ["Clearer heading in Reading the Room."] },
    { version: "1.0.0", changes: ["First release."] },
  ]);
});
