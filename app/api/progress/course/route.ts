import { parseWith } from "@/lib/errors";
import { defineRoute } from "@/lib/http/route.server";
import { getCourseProgress } from "@/lib/progress/lesson-progress.server";
import { ZCourseRef } from "@/lib/progress/progress-schemas";

export const GET = defineRoute({
  auth: "user",
  handler: async ({ req, user }) => {
    const ref = parseWith(ZCourseRef, { course: new URL(req.url).searchParams.get("course") ?? "" }, "course");
    return getCourseProgress(user!.id, ref.course);
  },
});
