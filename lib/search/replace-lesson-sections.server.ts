import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TCourseSource } from "@/lib/content/load-content";
import { splitLessonSections } from "./split-lesson-sections";

// The search index of one course, rebuilt from its source inside the content sync's transaction
// (lib/content/sync-content.server.ts): the sections change in the same commit as the lessons, so
// search never shows text the lesson no longer has. Rebuilt on every sync, not only on a changed
// hash, so an index made by an older splitter (or none, before this table existed) is replaced.

export async function replaceLessonSections(tx: Prisma.TransactionClient, source: TCourseSource): Promise<number> {
  const { id: courseId } = await tx.course.findUniqueOrThrow({ where: { slug: source.slug }, select: { id: true } });
  const lessons = await tx.lesson.findMany({ where: { courseId, archivedAt: null }, select: { id: true, slug: true } });
  const idOf = new Map(lessons.map((l) => [l.slug, l.id]));
  const rows: Prisma.LessonSectionCreateManyInput[] = [];
  for (const lesson of source.lessons) {
    const lessonId = idOf.get(lesson.slug);
    if (!lessonId) continue;
    for (const section of splitLessonSections(lesson.body, lesson.frontmatter)) rows.push({ courseId, lessonId, ...section });
  }
  await tx.lessonSection.deleteMany({ where: { courseId } });
  if (rows.length) await tx.lessonSection.createMany({ data: rows });
  return rows.length;
}

/** A retired course leaves the index (search also filters on archivedAt, so this is tidiness). */
export async function clearLessonSections(tx: Prisma.TransactionClient, courseId: string): Promise<void> {
  await tx.lessonSection.deleteMany({ where: { courseId } });
}
