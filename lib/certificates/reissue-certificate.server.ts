import "server-only";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { assertAdmin } from "@/lib/auth/assert-admin.server";
import { assertCertificateAdmin } from "@/lib/certificates/assert-certificate-admin.server";
import { lockCertificate } from "@/lib/certificates/certificate-locks.sql.server";
import { CERTIFICATE_TX_OPTIONS, type TCertificateSummary, toCertificateSummary } from "@/lib/certificates/certificate-summary";
import { CERTIFICATE_STATEMENT_SELECT } from "@/lib/certificates/certificate-view.server";
import { createSignedCertificate } from "@/lib/certificates/create-signed-certificate.server";
import { siteSigningKey } from "@/lib/certificates/site-credentials.server";
import { forgetVerifiedCertificates } from "@/lib/certificates/verify-cache.server";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { deliverNotificationMail, notifyUser } from "@/lib/notifications/notifications.server";

/*
 * Reissuing a revoked certificate under a new code. The credit its revocation reversed is granted
 * again with an ADJUSTMENT of +amount (reason "Reissue of <old code>") that the new certificate
 * points at; revoking the reissued one reverses that adjustment in turn. Both later entries are
 * dated when they happen, so award − reversal + re-grant nets to the original award and no past
 * cycle total changes.
 */

export type TReissueResult = { certificate: TCertificateSummary; replacesCode: string; regrantedHundredths: number };

/**
 * A new certificate (new code) for a revoked one, e.g. after correcting the trainer's name. The
 * trainer's current name and certification number are used; what was completed (course, version,
 * score, credit, completion date) is copied. Credit the revocation reversed is granted again
 * with an ADJUSTMENT, so the ledger stays append-only and balanced.
 */
export async function reissueCertificate({ certificateId, adminId, now = new Date() }: { certificateId: string; adminId: string; now?: Date }): Promise<TReissueResult> {
  await assertAdmin(adminId);
  const key = siteSigningKey();
  let notified: string | null = null;
  const result = await db.$transaction(async (tx) => {
    const locked = await lockCertificate(tx, certificateId);
    if (!locked) throw new AppError("NOT_FOUND", "That certificate does not exist.");
    const old = await tx.certificate.findUniqueOrThrow({
      where: { id: certificateId },
      select: {
        ...CERTIFICATE_STATEMENT_SELECT,
        courseId: true,
        creditEntryId: true,
        replacedBy: { select: { code: true } },
        request: { select: { id: true } },
        creditEntry: { select: { id: true, amountHundredths: true, reversedBy: { select: { id: true } } } },
        user: { select: { name: true, profile: { select: { certificationNumber: true } } } },
        course: { select: { slug: true, summary: true } },
      },
    });
    if (old.status !== "REVOKED") throw new AppError("CONFLICT", "Only a revoked certificate can be reissued: revoke it first, with the reason.");
    if (old.replacedBy) throw new AppError("CONFLICT", `Certificate ${old.code} was already reissued as ${old.replacedBy.code}.`);
    await assertCertificateAdmin(tx, adminId, old.userId, "reissue");
    const valid = await tx.certificate.findFirst({ where: { userId: old.userId, courseId: old.courseId, status: "ISSUED" }, select: { code: true } });
    if (valid) throw new AppError("CONFLICT", `This trainer already holds a valid certificate for this course (${valid.code}).`);

    const attemptSelect = { passed: true, quiz: { select: { passMark: true } } } as const;
    // A certificate without credit (no approval for the body) rests on the completion record's attempt.
    const award =
      (await tx.creditEntry.findFirst({
        where: { userId: old.userId, awardCourseId: old.courseId },
        orderBy: [{ certification: { createdAt: "asc" } }, { id: "asc" }],
        select: { attemptId: true, attempt: { select: attemptSelect } },
      })) ??
      (await tx.courseCompletion
        .findUnique({ where: { userId_courseId: { userId: old.userId, courseId: old.courseId } }, select: { attemptId: true } })
        .then(async (c) => (c?.attemptId ? { attemptId: c.attemptId, attempt: await tx.quizAttempt.findUnique({ where: { id: c.attemptId }, select: attemptSelect }) } : null)));
    if (!award?.attempt?.passed) {
      throw new AppError("CONFLICT", "The final assessment behind this certificate no longer passes (it may have been regraded), so it cannot be reissued.");
    }

    // Re-grant only what is no longer credited: normally the revocation reversed it.
    let creditEntryId = old.creditEntryId;
    let regrantedHundredths = 0;
    if (old.creditHundredths > 0 && (!old.creditEntry || old.creditEntry.reversedBy)) {
      const entry = await tx.creditEntry.create({
        data: {
          userId: old.userId,
          kind: "ADJUSTMENT",
          amountHundredths: old.creditHundredths,
          certifyingBody: old.certifyingBody,
          courseId: old.courseId,
          courseNumber: old.courseNumber,
          attemptId: award.attemptId,
          reason: `Reissue of ${old.code}`,
          createdById: adminId,
          occurredAt: now,
        },
        select: { id: true },
      });
      creditEntryId = entry.id;
      regrantedHundredths = old.creditHundredths;
    }

    const certificate = await createSignedCertificate(
      tx,
      {
        userId: old.userId,
        courseId: old.courseId,
        creditEntryId,
        // The trainer's current name and number; what was completed is copied.
        trainerName: old.user.name,
        certificationNumber: old.user.profile?.certificationNumber ?? old.certificationNumber,
        certifyingBody: old.certifyingBody,
        courseSlug: old.course.slug,
        courseTitle: old.courseTitle,
        courseSummary: old.course.summary,
        courseVersion: old.courseVersion,
        courseNumber: old.courseNumber,
        providerNumber: old.providerNumber,
        contactMinutes: old.contactMinutes,
        passMark: award.attempt.quiz.passMark,
        creditHundredths: old.creditHundredths,
        scorePercent: old.scorePercent,
        completedAt: old.completedAt,
        issuedAt: now,
        issuedById: adminId,
        replacesId: old.id,
      },
      key,
    );
    // The request follows the current document, so an idempotent re-issue returns the valid one.
    if (old.request) await tx.certificateRequest.update({ where: { id: old.request.id }, data: { certificateId: certificate.id } });
    await recordAudit(tx, {
      actorId: adminId,
      action: "certificate.reissue",
      targetType: "certificate",
      targetId: certificate.id,
      data: { code: certificate.code, replacesCode: old.code, userId: old.userId, regrantedHundredths, creditEntryId },
    });
    await notifyUser(tx, { userId: old.userId, notice: { kind: "CERTIFICATE_REISSUED", courseTitle: old.courseTitle, code: certificate.code, previousCode: old.code } });
    notified = old.userId;
    return { certificate: toCertificateSummary(certificate), replacesCode: old.code, regrantedHundredths };
  }, CERTIFICATE_TX_OPTIONS).finally(forgetVerifiedCertificates);
  if (notified) await deliverNotificationMail({ userId: notified });
  return result;
}
