import "server-only";
import { PUBLIC_CERTIFICATE_SELECT, type TPublicCertificate, toPublicCertificate } from "@/lib/certificates/certificate-view.server";
import { db } from "@/lib/db";

export type THeldCertificate = TPublicCertificate & { hasCredential: boolean };

/** A trainer's own certificates (newest first) and the courses whose certificate is still waiting. */
export async function listUserCertificates(userId: string): Promise<{ certificates: THeldCertificate[]; pending: { courseTitle: string; requestedAt: string }[] }> {
  const [rows, pending] = await Promise.all([
    db.certificate.findMany({ where: { userId }, orderBy: [{ issuedAt: "desc" }, { id: "desc" }], select: { ...PUBLIC_CERTIFICATE_SELECT, credentialJwt: true } }),
    db.certificateRequest.findMany({ where: { userId, status: "PENDING" }, orderBy: { createdAt: "asc" }, select: { createdAt: true, course: { select: { title: true } } } }),
  ]);
  return {
    certificates: rows.map((r) => ({ ...toPublicCertificate(r), hasCredential: r.credentialJwt !== null })),
    pending: pending.map((p) => ({ courseTitle: p.course.title, requestedAt: p.createdAt.toISOString() })),
  };
}
