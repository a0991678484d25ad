import "server-only";
import { assertAdmin } from "@/lib/auth/assert-admin.server";
import { consumeRateLimit, type TRateLimitResult } from "@/lib/http/rate-limit.server";
import { zipSync } from "fflate";
import { decodeJwt } from "jose";
import { normalizeCertificateCode } from "@/lib/certificates/certificate-code";
import { ISSUER_NAME } from "@/lib/certificates/issue-certificate.server";
import { renderCertificatePdf, type TCertificatePdfInput } from "@/lib/certificates/render-certificate-pdf";
import { cachedVerification } from "@/lib/certificates/verify-cache.server";
import { formatCec } from "@/lib/credits/cec-amount";
import { BODY_RULES, type TCertifyingBody, type TCreditUnit } from "@/lib/credits/certifying-bodies";
import { toLocalDate } from "@/lib/credits/cycle";
import { db } from "@/lib/db";
import { setting } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { siteUrl } from "@/lib/config/site-url.server";
import { escapeLike, readSearchText } from "@/lib/text/safe-text";

/*
 * The read side of certificates: the public verify lookup (with its rate limit), the holder's and
 * admins' downloads (PDF, signed credential, ZIP) and the lists on the trainer and admin pages.
 *
 * The verify page shows the certificate's full details (not just "valid"), because a PDF can be
 * edited: whoever checks it compares the page with the paper. That includes the certification
 * number in full; it is what a certifying body matches the credit against.
 */

// ---------------------------------------------------------------------------------------------
// Shapes

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

const PUBLIC_SELECT = {
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
  issuedAt: true,
  revokedAt: true,
  revocationReason: true,
  replaces: { select: { code: true } },
  replacedBy: { select: { code: true } },
  user: { select: { timeZone: true } },
} satisfies Prisma.CertificateSelect;

type TCertificateRow = Prisma.CertificateGetPayload<{ select: typeof PUBLIC_SELECT }>;

function zoneOrUtc(timeZone: string): string {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return timeZone;
  } catch {
    return "UTC";
  }
}

/** 120 → "2.0", 90 → "1.5", 100 → "1.67" (the PDF's contact-hours format). */
export function formatContactHours(minutes: number): string {
  const hundredths = Math.round((Math.max(0, minutes) * 100) / 60);
  const whole = Math.floor(hundredths / 100);
  const frac = hundredths % 100;
  return frac % 10 === 0 ? `${whole}.${frac / 10}` : `${whole}.${String(frac).padStart(2, "0")}`;
}

function toPublic(row: TCertificateRow): TPublicCertificate {
  const zone = zoneOrUtc(row.user.timeZone);
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

// ---------------------------------------------------------------------------------------------
// Public verification

/**
 * The canonical code for what arrived in an address or a form, or null. Percent-escapes are undone
 * first, so "/verify/bkce%2000000…" (spaces typed into a link) still resolves.
 */
export function canonicalCode(input: string): string | null {
  let text = input;
  if (text.includes("%")) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return null;
    }
  }
  return normalizeCertificateCode(text);
}

/** Public details for a code as typed or linked; null for an unknown or malformed code. Cached briefly (verify-cache.server.ts). */
export async function findCertificateForVerification(code: string): Promise<TPublicCertificate | null> {
  const canonical = canonicalCode(code);
  if (!canonical) return null;
  return cachedVerification(canonical, async () => {
    const row = await db.certificate.findUnique({ where: { code: canonical }, select: PUBLIC_SELECT });
    return row ? toPublic(row) : null;
  });
}

const VERIFY_WINDOW_SECONDS = 60;

export type { TRateLimitResult } from "@/lib/http/rate-limit.server";

export async function checkVerifyRateLimit(ip: string): Promise<TRateLimitResult> {
  return consumeRateLimit({ key: `verify:${ip.slice(0, 100) || "unknown"}`, limit: setting("VERIFY_RATE_LIMIT_PER_MINUTE"), windowSeconds: VERIFY_WINDOW_SECONDS });
}

export async function assertVerifyRateLimit(ip: string): Promise<void> {
  const result = await checkVerifyRateLimit(ip);
  if (!result.allowed) {
    throw new AppError("RATE_LIMITED", `Too many certificate lookups from your network. Try again in ${result.retryAfterSeconds} seconds.`, {
      retryAfterSeconds: result.retryAfterSeconds,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Downloads (holder or admin)

export type TViewer = { id: string; role: "TRAINER" | "ADMIN" };

const DOCUMENT_SELECT = { ...PUBLIC_SELECT, credentialJwt: true } satisfies Prisma.CertificateSelect;
type TDocumentRow = Prisma.CertificateGetPayload<{ select: typeof DOCUMENT_SELECT }>;

/** A certificate its holder or an administrator may download; anyone else gets a 404. */
async function loadForViewer(code: string, viewer: TViewer): Promise<TDocumentRow> {
  const canonical = canonicalCode(code);
  const row = canonical ? await db.certificate.findUnique({ where: { code: canonical }, select: DOCUMENT_SELECT }) : null;
  if (!row || (row.userId !== viewer.id && viewer.role !== "ADMIN")) throw new AppError("NOT_FOUND", "No certificate has this code.");
  if (row.status === "REVOKED") {
    const on = row.revokedAt ? ` on ${toLocalDate(row.revokedAt, zoneOrUtc(row.user.timeZone))}` : "";
    const replaced = row.replacedBy ? ` It was replaced by ${row.replacedBy.code}.` : "";
    throw new AppError("GONE", `Certificate ${row.code} was revoked${on}${row.revocationReason ? `: ${row.revocationReason}` : ""}.${replaced}`);
  }
  return row;
}

export function certificatePdfInput(row: TCertificateRow): TCertificatePdfInput {
  const view = toPublic(row);
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
export function noCreditNote(body: TCertifyingBody, unit: string): string {
  return `This course held no ${body} approval on the completion date, so no ${unit} figure is claimed. The contact hours are shown; the trainer may submit this certificate to ${body} for review.`;
}

function fileSlug(text: string): string {
  return text.normalize("NFKD").replace(/[^\w\s-]/g, "").trim().replace(/\s+/g, "-").toLowerCase().slice(0, 60) || "certificate";
}

export async function renderCertificatePdfForViewer({ code, viewer }: { code: string; viewer: TViewer }): Promise<{ filename: string; bytes: Uint8Array }> {
  const row = await loadForViewer(code, viewer);
  const bytes = await renderCertificatePdf(certificatePdfInput(row));
  return { filename: `${row.code}-${fileSlug(row.courseTitle)}.pdf`, bytes };
}

/** The signed Open Badges 3.0 credential (VC-JWT) and its decoded payload, for a wallet or an employer. */
export async function getCredentialForViewer({ code, viewer }: { code: string; viewer: TViewer }): Promise<{ filename: string; jwt: string; credential: Record<string, unknown> }> {
  const row = await loadForViewer(code, viewer);
  if (!row.credentialJwt) throw new AppError("NOT_FOUND", "This certificate has no signed credential.");
  return { filename: `${row.code}.credential.json`, jwt: row.credentialJwt, credential: decodeJwt(row.credentialJwt) as Record<string, unknown> };
}

export const MAX_ZIP_CODES = 500;

/**
 * Issued certificates as one ZIP of PDFs (stored, not deflated: PDFs are compressed already).
 * Unknown, malformed and revoked codes are listed in a SKIPPED.txt inside the archive.
 */
export async function buildCertificateZip(codes: string[], adminId: string): Promise<{ bytes: Uint8Array; included: number; skipped: string[] }> {
  await assertAdmin(adminId);
  const wanted = new Map<string, string>();
  const skipped: string[] = [];
  for (const input of codes.slice(0, MAX_ZIP_CODES)) {
    const canonical = normalizeCertificateCode(input);
    if (canonical) wanted.set(canonical, input);
    else skipped.push(`${input}: not a certificate code`);
  }
  const rows = wanted.size ? await db.certificate.findMany({ where: { code: { in: [...wanted.keys()] } }, orderBy: { issuedAt: "asc" }, select: PUBLIC_SELECT }) : [];
  const found = new Set(rows.map((r) => r.code));
  for (const code of wanted.keys()) if (!found.has(code)) skipped.push(`${code}: no certificate has this code`);
  const files: Record<string, [Uint8Array, { level: 0; mtime: Date }]> = {};
  let included = 0;
  for (const row of rows) {
    if (row.status !== "ISSUED") {
      skipped.push(`${row.code}: revoked`);
      continue;
    }
    files[`${row.code}-${fileSlug(row.trainerName)}.pdf`] = [await renderCertificatePdf(certificatePdfInput(row)), { level: 0, mtime: row.issuedAt }];
    included++;
  }
  if (included === 0) throw new AppError("NOT_FOUND", "None of those codes is an issued certificate.");
  if (skipped.length) files["SKIPPED.txt"] = [new TextEncoder().encode(`${skipped.join("\n")}\n`), { level: 0, mtime: new Date() }];
  return { bytes: zipSync(files), included, skipped };
}

// ---------------------------------------------------------------------------------------------
// Lists

export type THeldCertificate = TPublicCertificate & { hasCredential: boolean };

/** A trainer's own certificates (newest first) and the courses whose certificate is still waiting. */
export async function listUserCertificates(userId: string): Promise<{ certificates: THeldCertificate[]; pending: { courseTitle: string; requestedAt: string }[] }> {
  const [rows, pending] = await Promise.all([
    db.certificate.findMany({ where: { userId }, orderBy: [{ issuedAt: "desc" }, { id: "desc" }], select: { ...PUBLIC_SELECT, credentialJwt: true } }),
    db.certificateRequest.findMany({ where: { userId, status: "PENDING" }, orderBy: { createdAt: "asc" }, select: { createdAt: true, course: { select: { title: true } } } }),
  ]);
  return {
    certificates: rows.map((r) => ({ ...toPublic(r), hasCredential: r.credentialJwt !== null })),
    pending: pending.map((p) => ({ courseTitle: p.course.title, requestedAt: p.createdAt.toISOString() })),
  };
}

export const CERTIFICATES_PAGE_SIZE = 25;

export type TAdminCertificateRow = TPublicCertificate & { id: string };
export type TAdminCertificateFilters = { q?: string; status?: "ISSUED" | "REVOKED"; courseId?: string; page?: number };

/** Issued and revoked certificates for the admin page, newest first; q matches name, number or code. */
export async function listCertificates(
  filters: TAdminCertificateFilters,
  adminId: string,
): Promise<{ rows: TAdminCertificateRow[]; total: number; page: number; pageCount: number; issuedCodes: string[] }> {
  await assertAdmin(adminId);
  const q = readSearchText(filters.q);
  const code = q ? normalizeCertificateCode(q) : null;
  const where: Prisma.CertificateWhereInput = {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.courseId ? { courseId: filters.courseId } : {}),
    ...(q
      ? {
          OR: [
            { trainerName: { contains: escapeLike(q), mode: "insensitive" } },
            { certificationNumber: { contains: escapeLike(q), mode: "insensitive" } },
            { code: code ?? q.toUpperCase() },
          ],
        }
      : {}),
  };
  const [total, issued] = await Promise.all([
    db.certificate.count({ where }),
    // Every issued certificate the filters match (up to one ZIP's worth), for "download all".
    filters.status === "REVOKED"
      ? Promise.resolve([])
      : db.certificate.findMany({ where: { AND: [where, { status: "ISSUED" }] }, orderBy: [{ issuedAt: "desc" }, { id: "desc" }], take: MAX_ZIP_CODES, select: { code: true } }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / CERTIFICATES_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(filters.page ?? 1) || 1), pageCount);
  const rows = await db.certificate.findMany({
    where,
    orderBy: [{ issuedAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * CERTIFICATES_PAGE_SIZE,
    take: CERTIFICATES_PAGE_SIZE,
    select: PUBLIC_SELECT,
  });
  return { rows: rows.map((r) => ({ ...toPublic(r), id: r.id })), total, page, pageCount, issuedCodes: issued.map((c) => c.code) };
}
