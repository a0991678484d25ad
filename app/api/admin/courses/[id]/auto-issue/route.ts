import { z } from "zod";
import { setCourseAutoIssue } from "@/lib/certificates/set-course-auto-issue.server";
import { defineRoute } from "@/lib/http/route.server";
import { ZIdParams } from "@/lib/ids";

// POST { enabled }: issue this course's certificates as soon as credit is earned, or queue them
// for review. Requests already waiting stay queued either way.
export const POST = defineRoute({
  auth: "admin",
  params: ZIdParams,
  body: z.strictObject({ enabled: z.boolean() }),
  handler: async ({ user, params, body }) => ({ ok: true, ...(await setCourseAutoIssue({ courseId: params.id, enabled: body.enabled, adminId: user!.id })) }),
});
