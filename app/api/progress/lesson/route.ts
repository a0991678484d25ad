import { parseWith } from "@/lib/errors";
import { defineRoute } from "@/lib/http/route.server";
import { getLessonProgress, recordLessonProgress } from "@/lib/progress/lesson-progress.server";
import { ZLessonRef, ZRecordProgress } from "@/lib/progress/progress-schemas";

export const GET = defineRoute({
  auth: "user",
  handler: async ({ req, user }) => {
    const url = new URL(req.url);
    const ref = parseWith(ZLessonRef, { course: url.searchParams.get("course") ?? "", lesson: url.searchParams.get("lesson") ?? "" }, "lesson");
    return getLessonProgress(user!.id, ref.course, ref.lesson);
  },
});

export const POST = defineRoute({
  auth: "user",
  body: ZRecordProgress,
  handler: async ({ user, body }) =>
    recordLessonProgress({
      userId: user!.id,
      courseSlug: body.course,
      lessonSlug: body.lesson,
      percent: body.percent,
      anchor: body.anchor,
      complete: body.complete,
      heartbeat: body.heartbeat,
    }),
});
