import "server-only";
import { generateCertificateCode } from "@/lib/certificates/certificate-code";
import { CERTIFICATE_SUMMARY_SELECT } from "@/lib/certificates/certificate-summary";
import { buildOpenBadgeCredential, signOpenBadgeCredential } from "@/lib/certificates/open-badge";
import { achievementUrl, allocateStatusIndex, ISSUER_NAME, issuerId, recordSigningKey, statusListUrl, subjectIdFor, type TSiteSigningKey } from "@/lib/certificates/site-credentials.server";
import { splitStatusIndex } from "@/lib/certificates/status-list";
import { formatCec } from "@/lib/credits/cec-amount";
import { BODY_RULES, type TCertifyingBody } from "@/lib/credits/certifying-bodies";
import type { Prisma } from "@/lib/generated/prisma/client";
import { siteUrl } from "@/lib/config/site-url.server";

// The one way a certificate row comes into being (issue and reissue): a fresh code and status
// index, the signed Open Badges 3.0 credential, and the row holding what the document states.

type TCertificateSnapshot = {
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
async function signCertificateCredential(tx: Prisma.TransactionClient, s: TCertificateSnapshot, key: TSiteSigningKey): Promise<string> {
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

/** What issue or reissue knows about the certificate to create; the code and status index are drawn here. */
export type TNewCertificate = Omit<TCertificateSnapshot, "code" | "statusListIndex"> & {
  courseId: string;
  creditEntryId: string | null;
  courseNumber: string | null;
  providerNumber: string | null;
  contactMinutes: number;
  completedAt: Date;
  issuedById: string | null;
  /** The revoked certificate this one replaces (reissue). */
  replacesId?: string;
};

/**
 * Draws a new code and a new status-list index (a reissue never reuses the old one: its bit stays
 * set, so the old credential stays revoked), signs the credential and creates the row, all in the
 * caller's transaction.
 */
export async function createSignedCertificate(tx: Prisma.TransactionClient, input: TNewCertificate, key: TSiteSigningKey) {
  const snapshot: TCertificateSnapshot = { ...input, code: generateCertificateCode(), statusListIndex: await allocateStatusIndex(tx) };
  const credentialJwt = await signCertificateCredential(tx, snapshot, key);
  return tx.certificate.create({
    data: {
      code: snapshot.code,
      userId: input.userId,
      courseId: input.courseId,
      creditEntryId: input.creditEntryId,
      trainerName: input.trainerName,
      certificationNumber: input.certificationNumber,
      certifyingBody: input.certifyingBody,
      courseTitle: input.courseTitle,
      courseVersion: input.courseVersion,
      courseNumber: input.courseNumber,
      providerNumber: input.providerNumber,
      contactMinutes: input.contactMinutes,
      creditHundredths: input.creditHundredths,
      scorePercent: input.scorePercent,
      completedAt: input.completedAt,
      issuedAt: input.issuedAt,
      issuedById: input.issuedById,
      credentialJwt,
      statusListIndex: snapshot.statusListIndex,
      replacesId: input.replacesId,
    },
    select: CERTIFICATE_SUMMARY_SELECT,
  });
}
