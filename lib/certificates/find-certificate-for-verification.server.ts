import "server-only";
import { canonicalCode } from "@/lib/certificates/certificate-code";
import { PUBLIC_CERTIFICATE_SELECT, type TPublicCertificate, toPublicCertificate } from "@/lib/certificates/certificate-view.server";
import { cachedVerification } from "@/lib/certificates/verify-cache.server";
import { db } from "@/lib/db";

/** Public details for a code as typed or linked; null for an unknown or malformed code. Cached briefly (verify-cache.server.ts). */
export async function findCertificateForVerification(code: string): Promise<TPublicCertificate | null> {
  const canonical = canonicalCode(code);
  if (!canonical) return null;
  return cachedVerification(canonical, async () => {
    const row = await db.certificate.findUnique({ where: { code: canonical }, select: PUBLIC_CERTIFICATE_SELECT });
    return row ? toPublicCertificate(row) : null;
  });
}
