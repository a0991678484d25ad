import "server-only";
import type { TCertificatePdfInput } from "@/lib/certificates/render-certificate-pdf";
import { ISSUER_NAME } from "@/lib/certificates/site-credentials.server";
import { formatCec } from "@/lib/credits/cec-amount";
import { BODY_RULES, type TCertifyingBody, type TCreditUnit } from "@/lib/credits/certifying-bodies";
import { toLocalDate } from "@/lib/credits/cycle";
import { resolveTimeZone } from "@/lib/format/date-time";
import type { Prisma } from "@/lib/generated/prisma/client";
import { siteUrl } from "@/lib/config/site-url.server";

/*
 * The read side of certificates: the public verify lookup (with its rate limit), the holder's and
 * admins' downloads (PDF, signed credential, ZIP) and the lists on the trainer and admin pages.
 *
 * The verify page shows the certificate's full details (not just "valid"), because a PDF can be
 * edited: whoever checks it compares the page with the paper. That includes the certification
 * number in full; it is what a certifying body matches the credit against.
 */

export type TPublicCertificate = {
  code: string;
  status: "ISSUED" | "REVOKED";
  trainerName: string;
  certificationNumber: string;
  certifyingBody: TCertifyingBody;
  certifyingBodyName: string;
  courseTitle: string;
  courseVersion: string;
  courseNumber: string | null;
  providerNumber: string | null;
  /** No figure is claimed for the body (the course held no approval for it on the completion date). */
  creditClaimed: boolean;
  /** "2.0" */
  contactHours: string;
  /** "0.40" */
  credit: string;
  creditUnit: TCreditUnit;
  scorePercent: number;
  /** Calendar dates (YYYY-MM-DD) in the trainer's time zone. */
  completedOn: string;
  issuedOn: string;
  issuedAt: string;
  issuer: string;
  revokedOn: string | null;
  revokedAt: string | null;
  revocationReason: string | null;
  /** The certificate that replaced this revoked one, and the one this one replaced. */
  replacedByCode: string | null;
  replacesCode: string | null;
};

/** What a certificate states (the snapshot taken when it was issued); a reissue copies these. */
export const CERTIFICATE_STATEMENT_SELECT = {
  id: true,
  code: true,
  status: true,
  userId: true,
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
} satisfies Prisma.CertificateSelect;

export const PUBLIC_CERTIFICATE_SELECT = {
  ...CERTIFICATE_STATEMENT_SELECT,
  issuedAt: true,
  revokedAt: true,
  revocationReason: true,
  replaces: { select: { code: true } },
  replacedBy: { select: { code: true } },
  user: { select: { timeZone: true } },
} satisfies Prisma.CertificateSelect;

export type TCertificateRow = Prisma.CertificateGetPayload<{ select: typeof PUBLIC_CERTIFICATE_SELECT }>;

/** 120 → "2.0", 90 → "1.5", 100 → "1.67" (the PDF's contact-hours format). */
function formatContactHours(minutes: number): string {
  const hundredths = Math.round((Math.max(0, minutes) * 100) / 60);
  const whole = Math.floor(hundredths / 100);
  const frac = hundredths % 100;
  return frac % 10 === 0 ? `${whole}.${frac / 10}` : `${whole}.${String(frac).padStart(2, "0")}`;
}

export function toPublicCertificate(row: TCertificateRow): TPublicCertificate {
  const zone = resolveTimeZone(row.user.timeZone);
  const rule = BODY_RULES[row.certifyingBody];
  return {
    code: row.code,
    status: row.status,
    trainerName: row.trainerName,
    certificationNumber: row.certificationNumber,
    certifyingBody: row.certifyingBody,
    certifyingBodyName: rule.name,
    courseTitle: row.courseTitle,
    courseVersion: row.courseVersion,
    courseNumber: row.courseNumber,
    providerNumber: row.providerNumber,
    creditClaimed: row.creditHundredths > 0,
    contactHours: formatContactHours(row.contactMinutes),
    credit: formatCec(row.creditHundredths),
    creditUnit: rule.unit,
    scorePercent: row.scorePercent,
    completedOn: toLocalDate(row.completedAt, zone),
    issuedOn: toLocalDate(row.issuedAt, zone),
    issuedAt: row.issuedAt.toISOString(),
    issuer: ISSUER_NAME,
    revokedOn: row.revokedAt ? toLocalDate(row.revokedAt, zone) : null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revocationReason: row.status === "REVOKED" ? row.revocationReason : null,
    replacedByCode: row.replacedBy?.code ?? null,
    replacesCode: row.replaces?.code ?? null,
  };
}

export function certificatePdfInput(row: TCertificateRow): TCertificatePdfInput {
  const view = toPublicCertificate(row);
  return {
    code: view.code,
    trainerName: view.trainerName,
    certificationNumber: view.certificationNumber,
    certifyingBody: view.certifyingBody,
    certifyingBodyName: view.certifyingBodyName,
    courseTitle: view.courseTitle,
    courseVersion: view.courseVersion,
    courseNumber: view.courseNumber,
    contactHours: view.contactHours,
    providerNumber: view.providerNumber,
    creditLabel: view.creditClaimed ? `${view.credit} ${view.creditUnit}` : "None claimed",
    creditNote: view.creditClaimed ? null : noCreditNote(view.certifyingBody, view.creditUnit),
    completedOn: view.completedOn,
    scorePercent: view.scorePercent,
    // A reissue keeps the original completion date; issuedOn can never precede it.
    issuedOn: [view.issuedOn, view.completedOn].sort()[1],
    issuerName: ISSUER_NAME,
    verifyUrl: siteUrl(`/verify/${view.code}`),
    status: "issued",
  };
}

/** What a certificate without a credit figure says instead (docs/decisions/007). */
function noCreditNote(body: TCertifyingBody, unit: string): string {
  return `This course held no ${body} approval on the completion date, so no ${unit} figure is claimed. The contact hours are shown; the trainer may submit this certificate to ${body} for review.`;
}

export function certificateFileSlug(text: string): string {
  return text.normalize("NFKD").replace(/[^\w\s-]/g, "").trim().replace(/\s+/g, "-").toLowerCase().slice(0, 60) || "certificate";
}
