import "server-only";
import { zipSync } from "fflate";
import { assertAdmin } from "@/lib/auth/assert-admin.server";
import { normalizeCertificateCode } from "@/lib/certificates/certificate-code";
import { certificateFileSlug, certificatePdfInput, PUBLIC_CERTIFICATE_SELECT } from "@/lib/certificates/certificate-view.server";
import { renderCertificatePdf } from "@/lib/certificates/render-certificate-pdf";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

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
  const rows = wanted.size ? await db.certificate.findMany({ where: { code: { in: [...wanted.keys()] } }, orderBy: { issuedAt: "asc" }, select: PUBLIC_CERTIFICATE_SELECT }) : [];
  const found = new Set(rows.map((r) => r.code));
  for (const code of wanted.keys()) if (!found.has(code)) skipped.push(`${code}: no certificate has this code`);
  const files: Record<string, [Uint8Array, { level: 0; mtime: Date }]> = {};
  let included = 0;
  for (const row of rows) {
    if (row.status !== "ISSUED") {
      skipped.push(`${row.code}: revoked`);
      continue;
    }
    files[`${row.code}-${certificateFileSlug(row.trainerName)}.pdf`] = [await renderCertificatePdf(certificatePdfInput(row)), { level: 0, mtime: row.issuedAt }];
    included++;
  }
  if (included === 0) throw new AppError("NOT_FOUND", "None of those codes is an issued certificate.");
  if (skipped.length) files["SKIPPED.txt"] = [new TextEncoder().encode(`${skipped.join("\n")}\n`), { level: 0, mtime: new Date() }];
  return { bytes: zipSync(files), included, skipped };
}
