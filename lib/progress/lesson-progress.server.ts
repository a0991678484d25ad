import "server-only";
import { maybeAutoIssue } from "@/lib/certificates/issue-certificate.server";
import { awardCourseCreditIfEarned } from "@/lib/credits/award-course-credit.server";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

// Lesson progress per trainer: started, last position, completed (idempotent: completing twice
// keeps the first completion time).

export type TLessonProgressView = { completed: boolean; lastAnchor: string | null; lastPercent: number };

async function findLesson(courseSlug: string, lessonSlug: string) {
  const lesson = await db.lesson.findFirst({
    where: { slug: lessonSlug, archivedAt: null, course: { slug: courseSlug, archivedAt: null } },
    select: { id: true, courseId: true, revision: true },
  });
  if (!lesson) throw new AppError("NOT_FOUND", "That lesson does not exist.");
  return lesson;
}

export async function getLessonProgress(userId: string, courseSlug: string, lessonSlug: string): Promise<TLessonProgressView> {
  const lesson = await findLesson(courseSlug, lessonSlug);
  const row = await db.lessonProgress.findUnique({
    where: { userId_lessonId: { userId, lessonId: lesson.id } },
    select: { completedAt: true, lastAnchor: true, lastPercent: true },
  });
  return { completed: !!row?.completedAt, lastAnchor: row?.lastAnchor ?? null, lastPercent: row?.lastPercent ?? 0 };
}

export async function recordLessonProgress(input: {
  userId: string;
  courseSlug: string;
  lessonSlug: string;
  percent?: number;
  anchor?: string | null;
  complete?: boolean;
}): Promise<TLessonProgressView & { creditAwarded: boolean }> {
  const lesson = await findLesson(input.courseSlug, input.lessonSlug);
  const view = await db.$transaction(async (tx) => {
    const position = {
      ...(input.percent !== undefined ? { lastPercent: input.percent } : {}),
      ...(input.anchor !== undefined ? { lastAnchor: input.anchor } : {}),
    };
    const row = await tx.lessonProgress.upsert({
      where: { userId_lessonId: { userId: input.userId, lessonId: lesson.id } },
      create: { userId: input.userId, lessonId: lesson.id, ...position },
      update: position,
      select: { id: true, completedAt: true, lastAnchor: true, lastPercent: true },
    });
    let completedAt = row.completedAt;
    let creditAwarded = false;
    if (input.complete && !completedAt) {
      // updateMany with completedAt: null makes a double click complete once.
      const now = new Date();
      const done = await tx.lessonProgress.updateMany({
        where: { id: row.id, completedAt: null },
        data: { completedAt: now, completedRevision: lesson.revision },
      });
      completedAt = now;
      if (done.count === 1) creditAwarded = (await awardCourseCreditIfEarned(tx, { userId: input.userId, courseId: lesson.courseId })).awarded;
    }
    return { completed: !!completedAt, lastAnchor: row.lastAnchor, lastPercent: row.lastPercent, creditAwarded };
  });
  if (view.creditAwarded) await maybeAutoIssue({ userId: input.userId, courseId: lesson.courseId });
  return view;
}

export async function getCourseProgress(userId: string, courseSlug: string) {
  const course = await db.course.findUnique({
    where: { slug: courseSlug },
    select: {
      id: true,
      lessons: {
        where: { archivedAt: null },
        orderBy: { sortOrder: "asc" },
        select: { slug: true, progress: { where: { userId }, select: { completedAt: true, updatedAt: true } } },
      },
      quizzes: { where: { kind: "FINAL" }, select: { attempts: { where: { userId, passed: true }, select: { id: true }, take: 1 } } },
      awards: { where: { userId }, select: { id: true } },
    },
  });
  if (!course) throw new AppError("NOT_FOUND", "That course does not exist.");
  const completedLessons = course.lessons.filter((l) => l.progress[0]?.completedAt).map((l) => l.slug);
  const touched = course.lessons
    .filter((l) => l.progress[0])
    .sort((a, b) => b.progress[0].updatedAt.getTime() - a.progress[0].updatedAt.getTime());
  const firstIncomplete = course.lessons.find((l) => !l.progress[0]?.completedAt)?.slug ?? null;
  const recent = touched[0] && !touched[0].progress[0].completedAt ? touched[0].slug : null;
  return {
    completedLessons,
    resumeLesson: recent ?? firstIncomplete,
    totalLessons: course.lessons.length,
    finalPassed: course.quizzes.some((q) => q.attempts.length > 0),
    credited: course.awards.length > 0,
  };
}
