import "server-only";
import { assertAdmin } from "@/lib/auth/assert-admin.server";
import { MAX_ZIP_CODES } from "@/lib/certificates/build-certificate-zip.server";
import { normalizeCertificateCode } from "@/lib/certificates/certificate-code";
import { PUBLIC_CERTIFICATE_SELECT, type TPublicCertificate, toPublicCertificate } from "@/lib/certificates/certificate-view.server";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { escapeLike, readSearchText } from "@/lib/text/safe-text";

const CERTIFICATES_PAGE_SIZE = 25;

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
    select: PUBLIC_CERTIFICATE_SELECT,
  });
  return { rows: rows.map((r) => ({ ...toPublicCertificate(r), id: r.id })), total, page, pageCount, issuedCodes: issued.map((c) => c.code) };
}
