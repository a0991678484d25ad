import { median } from "./lib";

// Certificate PDF render time for one trainer name: a realistic certificate with a fresh code each
// time (the QR code differs per certificate), five warm-up renders (fonts, JIT), then `runs` timed
// ones. Shared by the certificates section (a Latin name) and the Unicode section (a name that
// needs embedded fonts).

export async function timeCertificatePdf({ trainerName, runs = 50 }: { trainerName: string; runs?: number }): Promise<{ medianMs: number; maxBytes: number }> {
  const { generateCertificateCode } = await import("@/lib/certificates/certificate-code");
  const { renderCertificatePdf } = await import("@/lib/certificates/render-certificate-pdf");
  const input = (code: string) => ({
    code,
    trainerName,
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
  let maxBytes = 0;
  for (let i = 0; i < runs; i++) {
    const code = generateCertificateCode();
    const t0 = performance.now();
    const pdf = await renderCertificatePdf(input(code));
    times.push(performance.now() - t0);
    maxBytes = Math.max(maxBytes, pdf.length);
  }
  return { medianMs: median(times), maxBytes };
}
