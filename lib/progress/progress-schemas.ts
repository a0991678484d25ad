import { z } from "zod";

const ZSlug = z.string().min(1).max(80).regex(/^[a-z0-9-]+$/, "must be a slug");

export const ZLessonRef = z.strictObject({ course: ZSlug, lesson: ZSlug });
export const ZCourseRef = z.strictObject({ course: ZSlug });
export const ZRecordProgress = z.strictObject({
  course: ZSlug,
  lesson: ZSlug,
  percent: z.number().int().min(0).max(100).optional(),
  anchor: z.string().max(120).regex(/^[a-z0-9-]+$/).nullable().optional(),
  complete: z.literal(true).optional(),
  // Sent while the lesson is visible and in use; the server decides what it is worth.
  heartbeat: z.literal(true).optional(),
});
