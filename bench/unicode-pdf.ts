import { pathToFileURL } from "node:url";
import { median } from "./lib";

// Certificate PDF with a name outside Windows-1252 (issue 18): render time (median of 50, after a
// warm-up that loads the fonts) and file size, for a Vietnamese + Chinese name, the costliest case
// (three font files: Noto Sans Latin, Vietnamese and a Simplified Chinese chunk). No database.
// `npm run bench -- unicode-pdf`, or on its own: `npx tsx bench/unicode-pdf.ts`.

const RUNS = 50;

export type TUnicodePdfBench = { medianMs: number; bytes: number };

export async function benchUnicodeCertificatePdf(): Promise<TUnicodePdfBench> {
  const { generateCertificateCode } = await import("@/lib/certificates/certificate-code");
  const { renderCertificatePdf } = await import("@/lib/certificates/render-certificate-pdf");
  const input = (code: string) => ({
    code,
    trainerName: "Nguyễn Thị Minh Khai 李小龙",
    certificationNumber: "NFPT-2024-004217",
    certifyingBody: "NFPT" as const,
    certifyingBodyName: "National Federation of Professional Trainers",
    courseTitle: "Back Care for Personal Trainers: Assessment, Programming and Referral",
    courseVersion: "2.1.0",
    courseNumber: "NFPT-2024-117",
    contactHours: "2.0",
    creditLabel: "0.40 CEC",
    completedOn: "2025-05-01",
    scorePercent: 92,
    issuedOn: "2025-05-02",
    issuerName: "Backbone CE",
    verifyUrl: `https://ce.example.com/verify/${code}`,
  });
  for (let i = 0; i < 5; i++) await renderCertificatePdf(input(generateCertificateCode()));
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const pdf = await renderCertificatePdf(input(generateCertificateCode()));
    times.push(performance.now() - t0);
    bytes = Math.max(bytes, pdf.length);
  }
  return { medianMs: median(times), bytes };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const r = await benchUnicodeCertificatePdf();
  console.log(`Unicode certificate PDF: median ${r.medianMs.toFixed(1)} ms (target < 60 ms), ${r.bytes} bytes (target < 250,000)`);
}
