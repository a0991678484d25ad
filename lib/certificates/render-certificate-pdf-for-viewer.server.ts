import "server-only";
import { certificateFileSlug, certificatePdfInput } from "@/lib/certificates/certificate-view.server";
import { loadCertificateForViewer, type TViewer } from "@/lib/certificates/load-certificate-for-viewer.server";
import { renderCertificatePdf } from "@/lib/certificates/render-certificate-pdf";

export async function renderCertificatePdfForViewer({ code, viewer }: { code: string; viewer: TViewer }): Promise<{ filename: string; bytes: Uint8Array }> {
  const row = await loadCertificateForViewer(code, viewer);
  const bytes = await renderCertificatePdf(certificatePdfInput(row));
  return { filename: `${row.code}-${certificateFileSlug(row.courseTitle)}.pdf`, bytes };
}
