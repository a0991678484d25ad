import "server-only";
import { assertAdmin } from "@/lib/auth/assert-admin.server";
import { db } from "@/lib/db";

export type TCourseIssueSetting = { id: string; title: string; autoIssue: boolean; pending: number; archived: boolean };

/** Every course with its auto-issue switch and how many requests wait for it. */
export async function listCourseIssueSettings(adminId: string): Promise<TCourseIssueSetting[]> {
  await assertAdmin(adminId);
  const [courses, pending] = await Promise.all([
    db.course.findMany({ orderBy: [{ sortOrder: "asc" }, { title: "asc" }], select: { id: true, title: true, autoIssue: true, archivedAt: true } }),
    db.certificateRequest.groupBy({ by: ["courseId"], where: { status: "PENDING" }, _count: { _all: true } }),
  ]);
  const waiting = new Map(pending.map((p) => [p.courseId, p._count._all]));
  return courses.map((c) => ({ id: c.id, title: c.title, autoIssue: c.autoIssue, pending: waiting.get(c.id) ?? 0, archived: c.archivedAt !== null }));
}
