import "server-only";
import { maybeAutoIssue } from "@/lib/certificates/auto-issue-certificate.server";
import { DEFAULT_MIN_OBSERVED_SHARE, readStoredAccreditation } from "@/lib/content/content-schema";
import { awardCourseCreditIfEarned } from "@/lib/credits/award-course-credit.server";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { lockLessonClock } from "./lesson-clock.sql.server";
import { accrueObservedTime, explainCompletionBlock, requiredObservedSeconds } from "./observed-time";

// Lesson progress per trainer: started, last position, time observed, completed (idempotent:
// completing twice keeps the first completion time). A lesson can be completed only once the
// server has observed a share of its estimated time (docs/decisions/007).

export type TLessonProgressView = {
  completed: boolean;
  lastAnchor: string | null;
  lastPercent: number;
  observedSeconds: number;
  requiredSeconds: number;
};

async function findLesson(courseSlug: string, lessonSlug: string) {
  const lesson = await db.lesson.findFirst({
    where: { slug: lessonSlug, archivedAt: null, course: { slug: courseSlug, archivedAt: null } },
    select: { id: true, courseId: true, revision: true, estimatedSeconds: true, course: { select: { accreditation: true } } },
  });
  if (!lesson) throw new AppError("NOT_FOUND", "That lesson does not exist.");
  const share = readStoredAccreditation(lesson.course.accreditation)?.minObservedShare ?? DEFAULT_MIN_OBSERVED_SHARE;
  return { ...lesson, requiredSeconds: requiredObservedSeconds(lesson.estimatedSeconds, share) };
}

export async function getLessonProgress(userId: string, courseSlug: string, lessonSlug: string): Promise<TLessonProgressView> {
  const lesson = await findLesson(courseSlug, lessonSlug);
  const row = await db.lessonProgress.findUnique({
    where: { userId_lessonId: { userId, lessonId: lesson.id } },
    select: { completedAt: true, lastAnchor: true, lastPercent: true, observedSeconds: true },
  });
  return {
    completed: !!row?.completedAt,
    lastAnchor: row?.lastAnchor ?? null,
    lastPercent: row?.lastPercent ?? 0,
    observedSeconds: row?.observedSeconds ?? 0,
    requiredSeconds: lesson.requiredSeconds,
  };
}

export async function recordLessonProgress(input: {
  userId: string;
  courseSlug: string;
  lessonSlug: string;
  percent?: number;
  anchor?: string | null;
  complete?: boolean;
  heartbeat?: boolean;
  now?: Date;
}): Promise<TLessonProgressView & { creditAwarded: boolean }> {
  const lesson = await findLesson(input.courseSlug, input.lessonSlug);
  const now = input.now ?? new Date();
  let courseCompleted = false;
  const view = await db.$transaction(async (tx) => {
    const position = {
      ...(input.percent !== undefined ? { lastPercent: input.percent } : {}),
      ...(input.anchor !== undefined ? { lastAnchor: input.anchor } : {}),
    };
    const row = await tx.lessonProgress.upsert({
      where: { userId_lessonId: { userId: input.userId, lessonId: lesson.id } },
      create: { userId: input.userId, lessonId: lesson.id, ...position },
      update: position,
      select: { id: true, lastAnchor: true, lastPercent: true },
    });
    // The trainer's one clock for this lesson: every heartbeat and completion waits its turn here.
    const clock = await lockLessonClock(tx, row.id);
    let observedSeconds = clock.observedSeconds;
    if (input.heartbeat) {
      const next = accrueObservedTime(clock, now);
      observedSeconds = next.observedSeconds;
      await tx.lessonProgress.update({ where: { id: row.id }, data: { observedSeconds, lastBeatAt: next.lastBeatAt }, select: { id: true } });
    }
    let completedAt = clock.completedAt;
    let creditAwarded = false;
    if (input.complete && !completedAt) {
      const blocked = explainCompletionBlock(observedSeconds, lesson.requiredSeconds);
      if (blocked) throw new AppError("CONFLICT", blocked);
      await tx.lessonProgress.update({ where: { id: row.id }, data: { completedAt: now, completedRevision: lesson.revision }, select: { id: true } });
      completedAt = now;
      const award = await awardCourseCreditIfEarned(tx, { userId: input.userId, courseId: lesson.courseId, now });
      creditAwarded = award.awarded;
      courseCompleted = award.completed;
    }
    return { completed: !!completedAt, lastAnchor: row.lastAnchor, lastPercent: row.lastPercent, observedSeconds, requiredSeconds: lesson.requiredSeconds, creditAwarded };
  });
  if (courseCompleted) await maybeAutoIssue({ userId: input.userId, courseId: lesson.courseId });
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
      completions: { where: { userId }, select: { id: true } },
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
    // Completed for the record, with or without credit (no approval for the trainer's body).
    completed: course.completions.length > 0,
  };
}
