import "server-only";
import { canonicalCode } from "@/lib/certificates/certificate-code";
import { PUBLIC_CERTIFICATE_SELECT } from "@/lib/certificates/certificate-view.server";
import { toLocalDate } from "@/lib/credits/cycle";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { resolveTimeZone } from "@/lib/format/date-time";
import type { Prisma } from "@/lib/generated/prisma/client";

export type TViewer = { id: string; role: "TRAINER" | "ADMIN" };

const DOCUMENT_SELECT = { ...PUBLIC_CERTIFICATE_SELECT, credentialJwt: true } satisfies Prisma.CertificateSelect;
export type TDocumentRow = Prisma.CertificateGetPayload<{ select: typeof DOCUMENT_SELECT }>;

/** A certificate its holder or an administrator may download; anyone else gets a 404. */
export async function loadCertificateForViewer(code: string, viewer: TViewer): Promise<TDocumentRow> {
  const canonical = canonicalCode(code);
  const row = canonical ? await db.certificate.findUnique({ where: { code: canonical }, select: DOCUMENT_SELECT }) : null;
  if (!row || (row.userId !== viewer.id && viewer.role !== "ADMIN")) throw new AppError("NOT_FOUND", "No certificate has this code.");
  if (row.status === "REVOKED") {
    const on = row.revokedAt ? ` on ${toLocalDate(row.revokedAt, resolveTimeZone(row.user.timeZone))}` : "";
    const replaced = row.replacedBy ? ` It was replaced by ${row.replacedBy.code}.` : "";
    throw new AppError("GONE", `Certificate ${row.code} was revoked${on}${row.revocationReason ? `: ${row.revocationReason}` : ""}.${replaced}`);
  }
  return row;
}
