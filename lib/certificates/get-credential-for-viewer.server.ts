import "server-only";
import { decodeJwt } from "jose";
import { loadCertificateForViewer, type TViewer } from "@/lib/certificates/load-certificate-for-viewer.server";
import { AppError } from "@/lib/errors";

/** The signed Open Badges 3.0 credential (VC-JWT) and its decoded payload, for a wallet or an employer. */
export async function getCredentialForViewer({ code, viewer }: { code: string; viewer: TViewer }): Promise<{ filename: string; jwt: string; credential: Record<string, unknown> }> {
  const row = await loadCertificateForViewer(code, viewer);
  if (!row.credentialJwt) throw new AppError("NOT_FOUND", "This certificate has no signed credential.");
  return { filename: `${row.code}.credential.json`, jwt: row.credentialJwt, credential: decodeJwt(row.credentialJwt) as Record<string, unknown> };
}
