import { db } from "@/lib/db";
import { recordLessonProgress } from "@/lib/progress/lesson-progress.server";
import { recordObservedTime } from "@/prisma/seed-helpers";

// Integration tests complete lessons the way a trainer does, minus the waiting: the observed time
// is written as evidence rows (recordObservedTime), then each lesson is completed through the
// real progress function with its time check.

export async function completeLessons(userId: string, courseSlug: string, lessonSlugs?: string[]): Promise<void> {
  await recordObservedTime(db, { userId, courseSlug, lessonSlugs });
  const lessons = await db.lesson.findMany({
    where: { course: { slug: courseSlug }, archivedAt: null, ...(lessonSlugs ? { slug: { in: lessonSlugs } } : {}) },
    orderBy: { sortOrder: "asc" },
    select: { slug: true },
  });
  for (const { slug } of lessons) await recordLessonProgress({ userId, courseSlug, lessonSlug: slug, complete: true });
}
