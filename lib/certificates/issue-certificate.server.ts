import "server-only";
import { assertAdmin } from "@/lib/auth/assert-admin.server";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { generateCertificateCode } from "@/lib/certificates/certificate-code";
import { buildOpenBadgeCredential, signOpenBadgeCredential } from "@/lib/certificates/open-badge";
import {
  achievementUrl,
  allocateStatusIndex,
  ISSUER_NAME,
  issuerId,
  recordSigningKey,
  siteSigningKey,
  statusListUrl,
  subjectIdFor,
  type TSiteSigningKey,
} from "@/lib/certificates/site-credentials.server";
import { splitStatusIndex } from "@/lib/certificates/status-list";
import { forgetVerifiedCertificates } from "@/lib/certificates/verify-cache.server";
import { formatCec } from "@/lib/credits/cec-amount";
import { BODY_RULES, type TCertifyingBody } from "@/lib/credits/certifying-bodies";
import { ZAdjustmentReason } from "@/lib/credits/ledger-schemas";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { siteUrl } from "@/lib/config/site-url.server";
import { deliverNotificationMail, notifyUser } from "@/lib/notifications/notifications.server";

/*
 * Issuing, revoking and reissuing certificates. Each is one transaction that locks the row it
 * changes (SELECT … FOR UPDATE), so parallel clicks, a bulk batch and auto-issue can overlap
 * safely: a request is issued once, a certificate revoked once, a revoked one reissued once.
 *
 * Ledger rules (CreditEntry is append-only, so nothing is ever edited):
 *   issue    credit is already there (the AWARD made with the request); the certificate points at it.
 *   revoke   a REVERSAL of the certificate's entry (-amount; reversesEntryId is unique, so never twice).
 *   reissue  an ADJUSTMENT of +amount, reason "Reissue of <old code>", and the new certificate
 *            points at it; revoking the reissued one reverses that adjustment in turn.
 * Both later entries are dated when they happen, so award − reversal + re-grant nets to the
 * original award and no past cycle total changes.
 *
 * A certificate is issued only for an award backed by a passed final assessment: the score on the
 * document comes from that attempt, and "certificates issued without passing the quiz" is exactly
 * the failure trainers' certifying bodies worry about.
 */

// The key, JWKS and issuer name moved to site-credentials.server.ts; re-exported for callers.
export { ISSUER_NAME, siteJwks, siteSigningKey } from "@/lib/certificates/site-credentials.server";

export type TCertificateSummary = {
  id: string;
  code: string;
  status: "ISSUED" | "REVOKED";
  userId: string;
  courseId: string;
  issuedAt: string;
};

export type TIssueResult = { certificate: TCertificateSummary; created: boolean };

type TTx = Prisma.TransactionClient;

const TX_OPTIONS = { timeout: 15_000, maxWait: 10_000 } as const;

// ---------------------------------------------------------------------------------------------
// Shared pieces

function summary(row: { id: string; code: string; status: "ISSUED" | "REVOKED"; userId: string; courseId: string; issuedAt: Date }): TCertificateSummary {
  return { id: row.id, code: row.code, status: row.status, userId: row.userId, courseId: row.courseId, issuedAt: row.issuedAt.toISOString() };
}

const SUMMARY_SELECT = { id: true, code: true, status: true, userId: true, courseId: true, issuedAt: true } as const;

async function assertActiveAdmin(tx: TTx, adminId: string, subjectUserId: string | null, what: string): Promise<void> {
  await assertAdmin(adminId, tx);
  if (subjectUserId && subjectUserId === adminId) throw new AppError("FORBIDDEN", `Another administrator must ${what} your own certificate.`);
}

type TSnapshot = {
  code: string;
  userId: string;
  /** Global Bitstring Status List index (lib/certificates/status-list.ts). */
  statusListIndex: number;
  trainerName: string;
  certificationNumber: string;
  certifyingBody: TCertifyingBody;
  courseSlug: string;
  courseTitle: string;
  courseSummary: string;
  courseVersion: string;
  passMark: number;
  creditHundredths: number;
  scorePercent: number;
  issuedAt: Date;
};

function clip(text: string, max: number): string {
  const t = text.trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/**
 * The Open Badges 3.0 credential for a certificate, signed as a VC-JWT. Records the key in the
 * same transaction, so the JWKS keeps it after a rotation.
 */
async function signCredential(tx: TTx, s: TSnapshot, key: TSiteSigningKey): Promise<string> {
  await recordSigningKey(tx, key);
  const status = splitStatusIndex(s.statusListIndex);
  const credits = formatCec(s.creditHundredths);
  const body = BODY_RULES[s.certifyingBody];
  const credential = buildOpenBadgeCredential({
    // The verify page is the credential's id: dereferencing it shows the current status.
    id: siteUrl(`/verify/${s.code}`),
    issuer: { id: issuerId(), name: ISSUER_NAME, url: siteUrl("/") },
    achievement: {
      id: achievementUrl(s.courseSlug),
      name: clip(s.courseTitle, 300),
      description: clip(s.courseSummary || s.courseTitle, 2000),
      criteriaNarrative: `Complete every lesson of "${clip(s.courseTitle, 300)}" and pass its final assessment (pass mark ${s.passMark}%).`,
      creditsAvailable: credits,
      certifyingBody: `${body.name} (${body.unit})`,
      courseVersion: clip(s.courseVersion, 40),
    },
    subject: { id: subjectIdFor(s.userId), name: clip(s.trainerName, 160), certificationNumber: clip(s.certificationNumber, 64) || null },
    creditsEarned: credits,
    validFrom: s.issuedAt.toISOString(),
    credentialStatus: {
      id: `${statusListUrl(status.list)}#${status.position}`,
      statusListIndex: status.position,
      statusListCredential: statusListUrl(status.list),
    },
    result: { scorePercent: s.scorePercent },
  });
  return signOpenBadgeCredential(credential, { privateKeyPem: key.privateKeyPem, kid: key.kid });
}

/** The course version the trainer completed: the newest revision at the time of the award. */
async function versionAt(tx: TTx, courseId: string, at: Date, fallback: string): Promise<string> {
  const revision = await tx.courseRevision.findFirst({
    where: { courseId, createdAt: { lte: at } },
    orderBy: { revision: "desc" },
    select: { version: true },
  });
  return revision?.version ?? fallback;
}

// ---------------------------------------------------------------------------------------------
// Issue

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
    const [request] = await tx.$queryRaw<{ id: string; status: string; userId: string; courseId: string; certificateId: string | null }[]>`
      SELECT id, status::text AS status, "userId", "courseId", "certificateId"
      FROM "CertificateRequest" WHERE id = ${requestId} FOR UPDATE`;
    if (!request) throw new AppError("NOT_FOUND", "That certificate request does not exist.");
    if (request.status === "ISSUED") {
      const existing = request.certificateId ? await tx.certificate.findUnique({ where: { id: request.certificateId }, select: SUMMARY_SELECT }) : null;
      if (!existing) throw new AppError("CONFLICT", "This request has already been issued.");
      return { certificate: summary(existing), created: false };
    }
    if (request.status !== "PENDING") throw new AppError("CONFLICT", "This request was dismissed, so no certificate can be issued for it.");
    if (adminId) await assertActiveAdmin(tx, adminId, request.userId, "issue");

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
    const certifyingBody = award?.certifyingBody ?? completion?.certifyingBody;
    if ((!award && !completion) || !certifyingBody) throw new AppError("CONFLICT", "This course has not been completed, so there is nothing to certify.");
    if (award?.reversedBy) throw new AppError("CONFLICT", "The credit for this course was reversed, so no certificate can be issued.");
    const attempt = award ? award.attempt : completion?.attemptId ? await tx.quizAttempt.findUnique({ where: { id: completion.attemptId }, ...attemptSelect }) : null;
    const completedAt = award?.occurredAt ?? completion!.completedAt;
    if (attempt?.status !== "GRADED" || attempt.passed !== true || attempt.scorePercent === null || attempt.quiz.kind !== "FINAL" || attempt.quiz.courseId !== request.courseId) {
      throw new AppError("CONFLICT", "There is no passed final assessment behind this credit, so no certificate can be issued.");
    }
    if (!user?.profile) throw new AppError("CONFLICT", "This trainer has no certification details to put on a certificate.");
    if (!course) throw new AppError("NOT_FOUND", "That course does not exist.");

    const snapshot: TSnapshot = {
      code: generateCertificateCode(),
      userId: request.userId,
      statusListIndex: await allocateStatusIndex(tx),
      trainerName: user.name,
      certificationNumber: user.profile.certificationNumber,
      certifyingBody,
      courseSlug: course.slug,
      courseTitle: course.title,
      courseSummary: course.summary,
      courseVersion: await versionAt(tx, request.courseId, completedAt, course.version),
      passMark: attempt.quiz.passMark,
      creditHundredths: award?.amountHundredths ?? 0,
      scorePercent: attempt.scorePercent,
      issuedAt: now,
    };
    const credentialJwt = await signCredential(tx, snapshot, key);
    const certificate = await tx.certificate.create({
      data: {
        code: snapshot.code,
        userId: request.userId,
        courseId: request.courseId,
        creditEntryId: award?.id ?? null,
        trainerName: snapshot.trainerName,
        certificationNumber: snapshot.certificationNumber,
        certifyingBody: snapshot.certifyingBody,
        courseTitle: snapshot.courseTitle,
        courseVersion: snapshot.courseVersion,
        courseNumber: award?.courseNumber ?? completion?.approvalNumber ?? null,
        providerNumber: completion?.providerNumber ?? null,
        contactMinutes: course.contactMinutes,
        creditHundredths: snapshot.creditHundredths,
        scorePercent: snapshot.scorePercent,
        completedAt,
        issuedAt: now,
        issuedById: adminId,
        credentialJwt,
        statusListIndex: snapshot.statusListIndex,
      },
      select: SUMMARY_SELECT,
    });
    await tx.certificateRequest.update({ where: { id: request.id }, data: { status: "ISSUED", certificateId: certificate.id } });
    await recordAudit(tx, {
      actorId: adminId,
      action: "certificate.issue",
      targetType: "certificate",
      targetId: certificate.id,
      data: { code: certificate.code, requestId, userId: request.userId, courseId: request.courseId, automatic: adminId === null },
    });
    await notifyUser(tx, { userId: request.userId, notice: { kind: "CERTIFICATE_ISSUED", courseTitle: snapshot.courseTitle, code: certificate.code } });
    notified = request.userId;
    return { certificate: summary(certificate), created: true };
  }, TX_OPTIONS);
  if (notified) await deliverNotificationMail({ userId: notified });
  return result;
}

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

// ---------------------------------------------------------------------------------------------
// Revoke

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
    const [cert] = await tx.$queryRaw<{ id: string; code: string; status: string; userId: string; courseId: string; creditEntryId: string | null }[]>`
      SELECT id, code, status::text AS status, "userId", "courseId", "creditEntryId" FROM "Certificate" WHERE id = ${certificateId} FOR UPDATE`;
    if (!cert) throw new AppError("NOT_FOUND", "That certificate does not exist.");
    if (cert.status === "REVOKED") throw new AppError("CONFLICT", `Certificate ${cert.code} is already revoked.`);
    await assertActiveAdmin(tx, adminId, null, "revoke");

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
  }, TX_OPTIONS).finally(forgetVerifiedCertificates);
  if (notified) await deliverNotificationMail({ userId: notified });
  return result;
}

// ---------------------------------------------------------------------------------------------
// Reissue

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
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Certificate" WHERE id = ${certificateId} FOR UPDATE`;
    if (!locked) throw new AppError("NOT_FOUND", "That certificate does not exist.");
    const old = await tx.certificate.findUniqueOrThrow({
      where: { id: certificateId },
      select: {
        id: true,
        code: true,
        status: true,
        userId: true,
        courseId: true,
        creditEntryId: true,
        trainerName: true,
        certificationNumber: true,
        certifyingBody: true,
        courseTitle: true,
        courseVersion: true,
        courseNumber: true,
        providerNumber: true,
        contactMinutes: true,
        creditHundredths: true,
        scorePercent: true,
        completedAt: true,
        replacedBy: { select: { code: true } },
        request: { select: { id: true } },
        creditEntry: { select: { id: true, amountHundredths: true, reversedBy: { select: { id: true } } } },
        user: { select: { name: true, profile: { select: { certificationNumber: true } } } },
        course: { select: { slug: true, summary: true } },
      },
    });
    if (old.status !== "REVOKED") throw new AppError("CONFLICT", "Only a revoked certificate can be reissued: revoke it first, with the reason.");
    if (old.replacedBy) throw new AppError("CONFLICT", `Certificate ${old.code} was already reissued as ${old.replacedBy.code}.`);
    await assertActiveAdmin(tx, adminId, old.userId, "reissue");
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

    const snapshot: TSnapshot = {
      code: generateCertificateCode(),
      userId: old.userId,
      // A new index: the old certificate's bit stays set, so its credential stays revoked.
      statusListIndex: await allocateStatusIndex(tx),
      trainerName: old.user.name,
      certificationNumber: old.user.profile?.certificationNumber ?? old.certificationNumber,
      certifyingBody: old.certifyingBody,
      courseSlug: old.course.slug,
      courseTitle: old.courseTitle,
      courseSummary: old.course.summary,
      courseVersion: old.courseVersion,
      passMark: award.attempt.quiz.passMark,
      creditHundredths: old.creditHundredths,
      scorePercent: old.scorePercent,
      issuedAt: now,
    };
    const credentialJwt = await signCredential(tx, snapshot, key);
    const certificate = await tx.certificate.create({
      data: {
        code: snapshot.code,
        userId: old.userId,
        courseId: old.courseId,
        creditEntryId,
        trainerName: snapshot.trainerName,
        certificationNumber: snapshot.certificationNumber,
        certifyingBody: snapshot.certifyingBody,
        courseTitle: snapshot.courseTitle,
        courseVersion: snapshot.courseVersion,
        courseNumber: old.courseNumber,
        providerNumber: old.providerNumber,
        contactMinutes: old.contactMinutes,
        creditHundredths: old.creditHundredths,
        scorePercent: old.scorePercent,
        completedAt: old.completedAt,
        issuedAt: now,
        issuedById: adminId,
        credentialJwt,
        statusListIndex: snapshot.statusListIndex,
        replacesId: old.id,
      },
      select: SUMMARY_SELECT,
    });
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
    return { certificate: summary(certificate), replacesCode: old.code, regrantedHundredths };
  }, TX_OPTIONS).finally(forgetVerifiedCertificates);
  if (notified) await deliverNotificationMail({ userId: notified });
  return result;
}

// ---------------------------------------------------------------------------------------------
// Auto-issue setting

/**
 * Turns automatic issuing on or off for a course. Applies to credit earned from now on: requests
 * already waiting stay in the queue (the admin can bulk-issue them), so switching it on never
 * issues a backlog nobody reviewed.
 */
export async function setCourseAutoIssue({ courseId, enabled, adminId }: { courseId: string; enabled: boolean; adminId: string }): Promise<{ courseId: string; autoIssue: boolean; pending: number }> {
  return db.$transaction(async (tx) => {
    await assertActiveAdmin(tx, adminId, null, "change");
    const updated = await tx.course.updateMany({ where: { id: courseId }, data: { autoIssue: enabled } });
    if (updated.count === 0) throw new AppError("NOT_FOUND", "That course does not exist.");
    const pending = await tx.certificateRequest.count({ where: { courseId, status: "PENDING" } });
    await recordAudit(tx, { actorId: adminId, action: "course.auto-issue", targetType: "course", targetId: courseId, data: { enabled } });
    return { courseId, autoIssue: enabled, pending };
  });
}
