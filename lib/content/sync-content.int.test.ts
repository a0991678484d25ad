import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { db } from "@/lib/db";
import { createUser } from "@/prisma/seed-helpers";
import { ContentError, loadAllCourses } from "./load-content";
import { syncContent } from "./sync-content.server";

// A scratch copy of the fixture course, so the test can edit content like an author would.
function scratchContent() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "content-"));
  cpSync(path.resolve("e2e/fixtures/content"), dir, { recursive: true });
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
  expect(first).toMatchObject({ courses: 1, lessons: 2, quizzes: 1 });
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
  expect(await db.courseRevision.count()).toBe(2);
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
