import "server-only";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { assertAdmin } from "@/lib/auth/assert-admin.server";
import { assertCertificateAdmin } from "@/lib/certificates/assert-certificate-admin.server";
import { lockCertificate } from "@/lib/certificates/certificate-locks.sql.server";
import { CERTIFICATE_TX_OPTIONS } from "@/lib/certificates/certificate-summary";
import { forgetVerifiedCertificates } from "@/lib/certificates/verify-cache.server";
import { ZAdjustmentReason } from "@/lib/credits/ledger-schemas";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { deliverNotificationMail, notifyUser } from "@/lib/notifications/notifications.server";

/*
 * Revoking a certificate, with the reason. CreditEntry is append-only, so the credit it carried is
 * taken back with a REVERSAL of its entry (-amount; reversesEntryId is unique, so never twice),
 * dated now: no past cycle total changes. The certificate's row is locked for the transaction.
 */

export type TRevokeResult = { id: string; code: string; status: "REVOKED"; revokedAt: string; reversedHundredths: number };

export async function revokeCertificate({ certificateId, adminId, reason, now = new Date() }: { certificateId: string; adminId: string; reason: string; now?: Date }): Promise<TRevokeResult> {
  await assertAdmin(adminId);
  const parsed = ZAdjustmentReason.safeParse(reason);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Give a reason.";
    throw new AppError("UNPROCESSABLE", message, { fields: { reason: message } });
  }
  const why = parsed.data;
  let notified: string | null = null;
  const result = await db.$transaction(async (tx) => {
    const cert = await lockCertificate(tx, certificateId);
    if (!cert) throw new AppError("NOT_FOUND", "That certificate does not exist.");
    if (cert.status === "REVOKED") throw new AppError("CONFLICT", `Certificate ${cert.code} is already revoked.`);
    await assertCertificateAdmin(tx, adminId, null, "revoke");

    await tx.certificate.update({ where: { id: cert.id }, data: { status: "REVOKED", revokedAt: now, revokedById: adminId, revocationReason: why } });

    let reversedHundredths = 0;
    if (cert.creditEntryId) {
      const entry = await tx.creditEntry.findUnique({
        where: { id: cert.creditEntryId },
        select: { id: true, userId: true, amountHundredths: true, certifyingBody: true, courseId: true, courseNumber: true, reversedBy: { select: { id: true } } },
      });
      // A regrade may have reversed the credit already; reversesEntryId is unique, so ON CONFLICT
      // DO NOTHING also covers a reversal racing this one.
      if (entry && entry.amountHundredths > 0 && !entry.reversedBy) {
        const inserted = await tx.creditEntry.createMany({
          data: [
            {
              userId: entry.userId,
              kind: "REVERSAL",
              amountHundredths: -entry.amountHundredths,
              certifyingBody: entry.certifyingBody,
              courseId: entry.courseId ?? cert.courseId,
              courseNumber: entry.courseNumber,
              reversesEntryId: entry.id,
              reason: `Certificate ${cert.code} revoked: ${why}`,
              createdById: adminId,
              occurredAt: now,
            },
          ],
          skipDuplicates: true,
        });
        if (inserted.count === 1) reversedHundredths = entry.amountHundredths;
      }
    }
    await recordAudit(tx, {
      actorId: adminId,
      action: "certificate.revoke",
      targetType: "certificate",
      targetId: cert.id,
      data: { code: cert.code, userId: cert.userId, reason: why, reversedHundredths },
    });
    const course = await tx.course.findUnique({ where: { id: cert.courseId }, select: { title: true } });
    await notifyUser(tx, { userId: cert.userId, notice: { kind: "CERTIFICATE_REVOKED", courseTitle: course?.title ?? "a course", code: cert.code, reason: why } });
    notified = cert.userId;
    return { id: cert.id, code: cert.code, status: "REVOKED" as const, revokedAt: now.toISOString(), reversedHundredths };
  }, CERTIFICATE_TX_OPTIONS).finally(forgetVerifiedCertificates);
  if (notified) await deliverNotificationMail({ userId: notified });
  return result;
}
