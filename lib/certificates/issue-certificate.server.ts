import "server-only";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { assertAdmin } from "@/lib/auth/assert-admin.server";
import { assertCertificateAdmin } from "@/lib/certificates/assert-certificate-admin.server";
import { lockCertificateRequest } from "@/lib/certificates/certificate-locks.sql.server";
import { CERTIFICATE_SUMMARY_SELECT, CERTIFICATE_TX_OPTIONS, type TCertificateSummary, toCertificateSummary } from "@/lib/certificates/certificate-summary";
import { createSignedCertificate } from "@/lib/certificates/create-signed-certificate.server";
import { checkCertificateEligibility, INELIGIBLE_TEXT } from "@/lib/certificates/eligibility";
import { siteSigningKey } from "@/lib/certificates/site-credentials.server";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { deliverNotificationMail, notifyUser } from "@/lib/notifications/notifications.server";

/*
 * Issuing a certificate for one request. One transaction locks the request (SELECT … FOR UPDATE),
 * so parallel clicks, a bulk batch and auto-issue can overlap safely: a request is issued once.
 *
 * Ledger: the credit is already there (the AWARD made with the request); the certificate points at
 * it. Revoking reverses it (revoke-certificate.server.ts); reissuing grants it again
 * (reissue-certificate.server.ts). A certificate is issued only when lib/certificates/eligibility.ts
 * says so: the score on the document comes from a passed final assessment, and "certificates
 * issued without passing the quiz" is exactly the failure trainers' certifying bodies worry about.
 */

export type TIssueResult = { certificate: TCertificateSummary; created: boolean };

/** The course version the trainer completed: the newest revision at the time of the award. */
async function versionAt(tx: Prisma.TransactionClient, courseId: string, at: Date, fallback: string): Promise<string> {
  const revision = await tx.courseRevision.findFirst({
    where: { courseId, createdAt: { lte: at } },
    orderBy: { revision: "desc" },
    select: { version: true },
  });
  return revision?.version ?? fallback;
}

export type TIssueCertificateInput = {
  requestId: string;
  /** null when the course issues automatically. */
  adminId: string | null;
  now?: Date;
};

/**
 * Issues the certificate for one PENDING request. Idempotent: a request that is already issued
 * returns its certificate (created: false), however many callers race for it.
 */
export async function issueCertificate({ requestId, adminId, now = new Date() }: TIssueCertificateInput): Promise<TIssueResult> {
  if (adminId !== null) await assertAdmin(adminId); // before anything is looked up (again in the transaction)
  const key = siteSigningKey(); // fail before taking any lock when the key is missing
  let notified: string | null = null;
  const result = await db.$transaction(async (tx) => {
    const request = await lockCertificateRequest(tx, requestId);
    if (!request) throw new AppError("NOT_FOUND", "That certificate request does not exist.");
    if (request.status === "ISSUED") {
      const existing = request.certificateId ? await tx.certificate.findUnique({ where: { id: request.certificateId }, select: CERTIFICATE_SUMMARY_SELECT }) : null;
      if (!existing) throw new AppError("CONFLICT", "This request has already been issued.");
      return { certificate: toCertificateSummary(existing), created: false };
    }
    if (request.status !== "PENDING") throw new AppError("CONFLICT", "This request was dismissed, so no certificate can be issued for it.");
    if (adminId) await assertCertificateAdmin(tx, adminId, request.userId, "issue");

    // One connection per transaction: queries run one after another. A completion earns credit
    // only where the course is approved for the trainer's body (docs/decisions/007); without it the
    // certificate shows the contact hours and no figure, so the completion record is enough.
    const attemptSelect = { select: { passed: true, status: true, scorePercent: true, quiz: { select: { kind: true, courseId: true, passMark: true } } } } as const;
    const completion = await tx.courseCompletion.findUnique({
      where: { userId_courseId: { userId: request.userId, courseId: request.courseId } },
      select: { attemptId: true, certifyingBody: true, approvalNumber: true, providerNumber: true, completedAt: true },
    });
    // A course may award once per certification; the certificate follows the earliest-added one.
    const award = await tx.creditEntry.findFirst({
      where: { userId: request.userId, awardCourseId: request.courseId },
      orderBy: [{ certification: { createdAt: "asc" } }, { id: "asc" }],
      select: {
        id: true,
        amountHundredths: true,
        certifyingBody: true,
        courseNumber: true,
        occurredAt: true,
        reversedBy: { select: { id: true } },
        attempt: attemptSelect,
      },
    });
    const user = await tx.user.findUnique({ where: { id: request.userId }, select: { name: true, profile: { select: { certificationNumber: true } } } });
    const course = await tx.course.findUnique({ where: { id: request.courseId }, select: { slug: true, title: true, summary: true, version: true, contactMinutes: true } });
    const certifyingBody = award?.certifyingBody ?? completion?.certifyingBody ?? null;
    const completionAttempt = !award && completion?.attemptId ? await tx.quizAttempt.findUnique({ where: { id: completion.attemptId }, ...attemptSelect }) : null;
    const eligibility = checkCertificateEligibility({
      courseId: request.courseId,
      award: award ? { reversed: award.reversedBy !== null, attempt: award.attempt } : null,
      completion: completion ? { attempt: completionAttempt } : null,
      certifyingBody,
      hasCertificationDetails: Boolean(user?.profile),
    });
    if (!eligibility.eligible) throw new AppError("CONFLICT", INELIGIBLE_TEXT[eligibility.reason].message);
    const { attempt } = eligibility;
    if (!course) throw new AppError("NOT_FOUND", "That course does not exist.");
    const profile = user?.profile;
    const completedAt = award?.occurredAt ?? completion?.completedAt;
    // Eligibility has checked all three; this narrows the types.
    if (!user || !profile || !certifyingBody || !completedAt) throw new Error("an eligible request is missing its profile, body or completion");

    const certificate = await createSignedCertificate(
      tx,
      {
        userId: request.userId,
        courseId: request.courseId,
        creditEntryId: award?.id ?? null,
        trainerName: user.name,
        certificationNumber: profile.certificationNumber,
        certifyingBody,
        courseSlug: course.slug,
        courseTitle: course.title,
        courseSummary: course.summary,
        courseVersion: await versionAt(tx, request.courseId, completedAt, course.version),
        courseNumber: award?.courseNumber ?? completion?.approvalNumber ?? null,
        providerNumber: completion?.providerNumber ?? null,
        contactMinutes: course.contactMinutes,
        passMark: attempt.quiz.passMark,
        creditHundredths: award?.amountHundredths ?? 0,
        scorePercent: attempt.scorePercent,
        completedAt,
        issuedAt: now,
        issuedById: adminId,
      },
      key,
    );
    await tx.certificateRequest.update({ where: { id: request.id }, data: { status: "ISSUED", certificateId: certificate.id } });
    await recordAudit(tx, {
      actorId: adminId,
      action: "certificate.issue",
      targetType: "certificate",
      targetId: certificate.id,
      data: { code: certificate.code, requestId, userId: request.userId, courseId: request.courseId, automatic: adminId === null },
    });
    await notifyUser(tx, { userId: request.userId, notice: { kind: "CERTIFICATE_ISSUED", courseTitle: course.title, code: certificate.code } });
    notified = request.userId;
    return { certificate: toCertificateSummary(certificate), created: true };
  }, CERTIFICATE_TX_OPTIONS);
  if (notified) await deliverNotificationMail({ userId: notified });
  return result;
}
