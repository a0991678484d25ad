import "server-only";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { assertCertificateAdmin } from "@/lib/certificates/assert-certificate-admin.server";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Turns automatic issuing on or off for a course. Applies to credit earned from now on: requests
 * already waiting stay in the queue (the admin can bulk-issue them), so switching it on never
 * issues a backlog nobody reviewed.
 */
export async function setCourseAutoIssue({ courseId, enabled, adminId }: { courseId: string; enabled: boolean; adminId: string }): Promise<{ courseId: string; autoIssue: boolean; pending: number }> {
  return db.$transaction(async (tx) => {
    await assertCertificateAdmin(tx, adminId, null, "change");
    const updated = await tx.course.updateMany({ where: { id: courseId }, data: { autoIssue: enabled } });
    if (updated.count === 0) throw new AppError("NOT_FOUND", "That course does not exist.");
    const pending = await tx.certificateRequest.count({ where: { courseId, status: "PENDING" } });
    await recordAudit(tx, { actorId: adminId, action: "course.auto-issue", targetType: "course", targetId: courseId, data: { enabled } });
    return { courseId, autoIssue: enabled, pending };
  });
}
