import { describe, expect, test, vi } from "vitest";

await vi.hoisted(async () => {
  const { generateSigningKeyPair } = await import("@/lib/certificates/signing-key");
  process.env.SIGNING_KEY_PEM = generateSigningKeyPair().privateKeyPem;
});

import { issueCertificate } from "@/lib/certificates/issue-certificate.server";
import { renderCertificatePdfForViewer } from "@/lib/certificates/render-certificate-pdf-for-viewer.server";
import { renderTranscriptPdf } from "@/lib/credits/ledger.server";
import { db } from "@/lib/db";
import { createUser } from "@/prisma/seed-helpers";
import { readPdfText } from "@/tests/read-pdf-text";

/*
 * Issue 18: the name printed on a certificate and a transcript is exactly the name stored, in
 * every script trainers write their names in, read back the way a PDF reader does (pdf.js).
 */

const NAMES: [string, string][] = [
  ["Vietnamese", "Nguyễn Thị Minh Khai"],
  ["Chinese", "李小龙"],
  ["Japanese", "山田 花子"],
  ["Arabic", "محمد بن سلمان"],
  ["Hebrew", "שרה לוי"],
  ["Greek", "Γιώργος Παπαδόπουλος"],
  ["Cyrillic", "Дмитрий Шостакович"],
  ["Polish", "Łucja Żółkiewska-Gęś"],
  ["mixed Latin and CJK", "Nguyễn 李小龙"],
];

let n = 0;
async function certificateFor(name: string) {
  n++;
  const admin = await createUser(db, { email: `uni-admin-${n}@example.test`, name: `Uni Admin ${n}`, password: "x", role: "ADMIN" }, "h");
  const course = await db.course.create({
    data: { slug: `uni-course-${n}`, title: `Mobility ${n}`, summary: "Mobility.", version: "1.0.0", contentHash: "h", contactMinutes: 60 },
    select: { id: true },
  });
  const quiz = await db.quiz.create({ data: { courseId: course.id, slug: "final", kind: "FINAL", title: "Final", passMark: 80, drawCount: 3, contentHash: "q" }, select: { id: true } });
  const trainer = await createUser(
    db,
    { email: `uni-trainer-${n}@example.test`, name, password: "x", profile: { certifyingBody: "NFPT", certificationNumber: `NFPT-U-${n}`, firstCertifiedOn: "2024-01-01" } },
    "h",
  );
  const at = new Date("2026-05-01T12:00:00Z");
  const attempt = await db.quizAttempt.create({
    data: { userId: trainer.id, quizId: quiz.id, number: 1, status: "GRADED", draw: [], scorePercent: 90, passed: true, submittedAt: at, gradedAt: at },
    select: { id: true },
  });
  await db.creditEntry.create({ data: { userId: trainer.id, kind: "AWARD", amountHundredths: 20, certifyingBody: "NFPT", courseId: course.id, awardCourseId: course.id, attemptId: attempt.id, occurredAt: at } });
  const request = await db.certificateRequest.create({ data: { userId: trainer.id, courseId: course.id }, select: { id: true } });
  const { certificate } = await issueCertificate({ requestId: request.id, adminId: admin.id });
  return { userId: trainer.id, code: certificate.code };
}

describe("names in any script are printed exactly", () => {
  test.each(NAMES)("%s: certificate and transcript", async (_script, name) => {
    const { userId, code } = await certificateFor(name);
    const { bytes } = await renderCertificatePdfForViewer({ code, viewer: { id: userId, role: "TRAINER" } });
    expect(bytes.length).toBeLessThan(250_000);
    const lines = (await readPdfText(bytes)).split("\n");
    // The name is its own line on the certificate: exactly the stored string, nothing lost or added.
    expect(lines, JSON.stringify(lines.slice(2, 6))).toContain(name);

    const transcript = await readPdfText(await renderTranscriptPdf({ userId, now: new Date("2026-06-01T00:00:00Z") }));
    expect(transcript).toContain(`Trainer ${name}`);
  });
});
