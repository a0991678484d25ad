import "server-only";
import type { TCertificateSummary } from "@/lib/certificates/certificate-summary";
import { issueCertificate } from "@/lib/certificates/issue-certificate.server";
import { db } from "@/lib/db";

/**
 * Called after the transaction that awarded credit has committed (never inside it: a signing or
 * issuing problem must not undo a graded attempt). Issues at once when the course is set to
 * auto-issue; otherwise, or on any failure, the request simply stays in the admin queue.
 */
export async function maybeAutoIssue({ userId, courseId }: { userId: string; courseId: string }): Promise<TCertificateSummary | null> {
  try {
    const request = await db.certificateRequest.findFirst({
      where: { userId, courseId, status: "PENDING", course: { autoIssue: true } },
      select: { id: true },
    });
    if (!request) return null;
    return (await issueCertificate({ requestId: request.id, adminId: null })).certificate;
  } catch (error) {
    console.error("auto-issue failed; the request stays in the admin queue", { userId, courseId, error: (error as Error)?.message });
    return null;
  }
}
