import "server-only";
import { createPublicKey } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { generateCertificateCode } from "@/lib/certificates/certificate-code";
import { buildOpenBadgeCredential, signOpenBadgeCredential } from "@/lib/certificates/open-badge";
import { keyIdFor, publicJwkFromPem, type TPublicJwk } from "@/lib/certificates/signing-key";
import { forgetVerifiedCertificates } from "@/lib/certificates/verify-cache.server";
import { formatCec } from "@/lib/credits/cec-amount";
import { BODY_RULES, type TCertifyingBody } from "@/lib/credits/certifying-bodies";
import { ZAdjustmentReason } from "@/lib/credits/ledger-schemas";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { siteUrl } from "@/lib/mail/send-mail.server";

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

export const ISSUER_NAME = "Backbone CE";

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
// The site's signing key

export type TSiteSigningKey = { privateKeyPem: string; publicKeyPem: string; kid: string };
let cachedKey: TSiteSigningKey | null = null;

/** The Ed25519 key certificates are signed with; kid is its RFC 7638 thumbprint. */
export function siteSigningKey(): TSiteSigningKey {
  const privateKeyPem = env().SIGNING_KEY_PEM;
  if (!privateKeyPem) throw new Error("SIGNING_KEY_PEM is not set, so certificates cannot be signed.");
  if (cachedKey?.privateKeyPem === privateKeyPem) return cachedKey;
  const publicKeyPem = createPublicKey(privateKeyPem).export({ type: "spki", format: "pem" }).toString();
  cachedKey = { privateKeyPem, publicKeyPem, kid: keyIdFor(publicKeyPem) };
  return cachedKey;
}

/** The public JWKS served at /.well-known/jwks.json. */
export function siteJwks(): { keys: TPublicJwk[] } {
  const key = siteSigningKey();
  return { keys: [publicJwkFromPem(key.publicKeyPem, key.kid)] };
}

// ---------------------------------------------------------------------------------------------
// Shared pieces

function summary(row: { id: string; code: string; status: "ISSUED" | "REVOKED"; userId: string; courseId: string; issuedAt: Date }): TCertificateSummary {
  return { id: row.id, code: row.code, status: row.status, userId: row.userId, courseId: row.courseId, issuedAt: row.issuedAt.toISOString() };
}

const SUMMARY_SELECT = { id: true, code: true, status: true, userId: true, courseId: true, issuedAt: true } as const;

async function assertActiveAdmin(tx: TTx, adminId: string, subjectUserId: string | null, what: string): Promise<void> {
  const admin = await tx.user.findUnique({ where: { id: adminId }, select: { role: true, disabledAt: true } });
  if (admin?.role !== "ADMIN" || admin.disabledAt) throw new AppError("FORBIDDEN", "This is only available to administrators.");
  if (subjectUserId && subjectUserId === adminId) throw new AppError("FORBIDDEN", `Another administrator must ${what} your own certificate.`);
}

type TSnapshot = {
  code: string;
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

/** The Open Badges 3.0 credential for a certificate, signed as a VC-JWT. */
async function signCredential(s: TSnapshot, key: TSiteSigningKey): Promise<string> {
  const credits = formatCec(s.creditHundredths);
  const body = BODY_RULES[s.certifyingBody];
  const credential = buildOpenBadgeCredential({
    // The verify page is the credential's id: dereferencing it shows the current status.
    id: siteUrl(`/verify/${s.code}`),
    issuer: { id: siteUrl("/"), name: ISSUER_NAME, url: siteUrl("/") },
    achievement: {
      id: siteUrl(`/courses/${encodeURIComponent(s.courseSlug)}`),
      name: clip(s.courseTitle, 300),
      description: clip(s.courseSummary || s.courseTitle, 2000),
      criteriaNarrative: `Complete every lesson of "${clip(s.courseTitle, 300)}" and pass its final assessment (pass mark ${s.passMark}%).`,
      creditsAvailable: credits,
      certifyingBody: `${body.name} (${body.unit})`,
      courseVersion: clip(s.courseVersion, 40),
    },
    subject: { name: clip(s.trainerName, 160), certificationNumber: clip(s.certificationNumber, 64) || null },
    creditsEarned: credits,
    validFrom: s.issuedAt.toISOString(),
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
  const key = siteSigningKey(); // fail before taking any lock when the key is missing
  return db.$transaction(async (tx) => {
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

    // One connection per transaction: queries run one after another.
    const award = await tx.creditEntry.findUnique({
      where: { userId_awardCourseId: { userId: request.userId, awardCourseId: request.courseId } },
      select: {
        id: true,
        amountHundredths: true,
        certifyingBody: true,
        courseNumber: true,
        occurredAt: true,
        reversedBy: { select: { id: true } },
        attempt: { select: { passed: true, status: true, scorePercent: true, quiz: { select: { kind: true, courseId: true, passMark: true } } } },
      },
    });
    const user = await tx.user.findUnique({ where: { id: request.userId }, select: { name: true, profile: { select: { certificationNumber: true } } } });
    const course = await tx.course.findUnique({ where: { id: request.courseId }, select: { slug: true, title: true, summary: true, version: true, contactMinutes: true } });
    if (!award) throw new AppError("CONFLICT", "No credit has been awarded for this course, so there is nothing to certify.");
    if (award.reversedBy) throw new AppError("CONFLICT", "The credit for this course was reversed, so no certificate can be issued.");
    const attempt = award.attempt;
    if (attempt?.status !== "GRADED" || attempt.passed !== true || attempt.scorePercent === null || attempt.quiz.kind !== "FINAL" || attempt.quiz.courseId !== request.courseId) {
      throw new AppError("CONFLICT", "There is no passed final assessment behind this credit, so no certificate can be issued.");
    }
    if (!user?.profile) throw new AppError("CONFLICT", "This trainer has no certification details to put on a certificate.");
    if (!course) throw new AppError("NOT_FOUND", "That course does not exist.");

    const snapshot: TSnapshot = {
      code: generateCertificateCode(),
      trainerName: user.name,
      certificationNumber: user.profile.certificationNumber,
      certifyingBody: award.certifyingBody,
      courseSlug: course.slug,
      courseTitle: course.title,
      courseSummary: course.summary,
      courseVersion: await versionAt(tx, request.courseId, award.occurredAt, course.version),
      passMark: attempt.quiz.passMark,
      creditHundredths: award.amountHundredths,
      scorePercent: attempt.scorePercent,
      issuedAt: now,
    };
    const credentialJwt = await signCredential(snapshot, key);
    const certificate = await tx.certificate.create({
      data: {
        code: snapshot.code,
        userId: request.userId,
        courseId: request.courseId,
        creditEntryId: award.id,
        trainerName: snapshot.trainerName,
        certificationNumber: snapshot.certificationNumber,
        certifyingBody: snapshot.certifyingBody,
        courseTitle: snapshot.courseTitle,
        courseVersion: snapshot.courseVersion,
        courseNumber: award.courseNumber,
        contactMinutes: course.contactMinutes,
        creditHundredths: snapshot.creditHundredths,
        scorePercent: snapshot.scorePercent,
        completedAt: award.occurredAt,
        issuedAt: now,
        issuedById: adminId,
        credentialJwt,
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
    return { certificate: summary(certificate), created: true };
  }, TX_OPTIONS);
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
  const parsed = ZAdjustmentReason.safeParse(reason);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Give a reason.";
    throw new AppError("UNPROCESSABLE", message, { fields: { reason: message } });
  }
  const why = parsed.data;
  return db.$transaction(async (tx) => {
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
    return { id: cert.id, code: cert.code, status: "REVOKED" as const, revokedAt: now.toISOString(), reversedHundredths };
  }, TX_OPTIONS).finally(forgetVerifiedCertificates);
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
  const key = siteSigningKey();
  return db.$transaction(async (tx) => {
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

    const award = await tx.creditEntry.findUnique({
      where: { userId_awardCourseId: { userId: old.userId, awardCourseId: old.courseId } },
      select: { attemptId: true, attempt: { select: { passed: true, quiz: { select: { passMark: true } } } } },
    });
    if (!award?.attempt?.passed) {
      throw new AppError("CONFLICT", "The final assessment behind this certificate no longer passes (it may have been regraded), so it cannot be reissued.");
    }

    // Re-grant only what is no longer credited: normally the revocation reversed it.
    let creditEntryId = old.creditEntryId;
    let regrantedHundredths = 0;
    if (!old.creditEntry || old.creditEntry.reversedBy) {
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
    const credentialJwt = await signCredential(snapshot, key);
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
        contactMinutes: old.contactMinutes,
        creditHundredths: old.creditHundredths,
        scorePercent: old.scorePercent,
        completedAt: old.completedAt,
        issuedAt: now,
        issuedById: adminId,
        credentialJwt,
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
    return { certificate: summary(certificate), replacesCode: old.code, regrantedHundredths };
  }, TX_OPTIONS).finally(forgetVerifiedCertificates);
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
