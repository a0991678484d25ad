import { z } from "zod";
import { setCourseAutoIssue } from "@/lib/certificates/set-course-auto-issue.server";
import { defineRoute } from "@/lib/http/route.server";

// POST { enabled }: issue this course's certificates as soon as credit is earned, or queue them
// for review. Requests already waiting stay queued either way.
export const POST = defineRoute({
  auth: "admin",
  params: z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be a course id") }),
  body: z.strictObject({ enabled: z.boolean() }),
  handler: async ({ user, params, body }) => ({ ok: true, ...(await setCourseAutoIssue({ courseId: params.id, enabled: body.enabled, adminId: user!.id })) }),
});
