import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

// Raw because Prisma has no SELECT … FOR UPDATE: issuing, revoking and reissuing each lock the
// one row they change for the rest of their transaction, so a request is issued once, a
// certificate revoked once and a revoked one reissued once however many callers race.

type TTx = Prisma.TransactionClient;

export type TLockedCertificateRequest = { id: string; status: string; userId: string; courseId: string; certificateId: string | null };

export async function lockCertificateRequest(tx: TTx, requestId: string): Promise<TLockedCertificateRequest | null> {
  const [row] = await tx.$queryRaw<TLockedCertificateRequest[]>`
    SELECT id, status::text AS status, "userId", "courseId", "certificateId"
    FROM "CertificateRequest" WHERE id = ${requestId} FOR UPDATE`;
  return row ?? null;
}

export type TLockedCertificate = { id: string; code: string; status: string; userId: string; courseId: string; creditEntryId: string | null };

export async function lockCertificate(tx: TTx, certificateId: string): Promise<TLockedCertificate | null> {
  const [row] = await tx.$queryRaw<TLockedCertificate[]>`
    SELECT id, code, status::text AS status, "userId", "courseId", "creditEntryId" FROM "Certificate" WHERE id = ${certificateId} FOR UPDATE`;
  return row ?? null;
}
