import { renderCertificatePdf } from "@/lib/certificates/render-certificate-pdf";
const base = { code: "BKCE-7K3M9-QXDR2-TBWF8-HN4YC-JZ5PG6", certificationNumber: "NFPT-1", certifyingBody: "NFPT" as const, certifyingBodyName: "National Federation of Professional Trainers", courseTitle: "Back Care for Trainers", courseVersion: "1.0", contactHours: "2.0", creditLabel: "0.40 CEC", completedOn: "2026-03-01", scorePercent: 92, issuedOn: "2026-03-02", issuerName: "Backbone CE", verifyUrl: "https://ce.example.com/verify/BKCE-7K3M9-QXDR2-TBWF8-HN4YC-JZ5PG6" };
for (const name of ["José Núñez", "Nguyễn Văn An 李小龙", "محمد علي"]) {
  await renderCertificatePdf({ ...base, trainerName: name });
  const c0 = process.cpuUsage(); const t0 = performance.now();
  for (let i = 0; i < 20; i++) await renderCertificatePdf({ ...base, trainerName: name });
  const c = process.cpuUsage(c0);
  console.log(name, "cpu ms/render", ((c.user + c.system) / 1000 / 20).toFixed(1), "wall", ((performance.now() - t0) / 20).toFixed(1));
}
