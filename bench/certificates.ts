import { pathToFileURL } from "node:url";
import type { TDb } from "@/lib/db/client";
import { timeCertificatePdf } from "./certificate-pdf";

// Certificate figures for `npm run bench`: the PDF render time (median of 50) and a bulk issue of
// 500 certificates through the same code path as the admin page (startIssueBatch + runIssueBatch:
// one short transaction per certificate, signed credential included).
//
// The issuing code uses the app's own client (lib/db), so DATABASE_URL must name the same database
// as `db` and SIGNING_KEY_PEM must be set before this runs; the server modules are imported lazily
// for that reason. Run this file directly (DATABASE_URL set, migrated) to time just certificates.

const PDF_RUNS = 50;
const BULK = 500;

export type TCertificatesBench = { pdfMedianMs: number; bulk500Seconds: number };

export async function seedEarnedRequests(db: TDb, count: number): Promise<string[]> {
  const stamp = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const course = await db.course.create({
    data: { slug: `bench-certificates-${stamp}`, title: "Bench: Spinal Health Essentials", summary: "Benchmark course.", version: "1.0.0", contentHash: stamp, contactMinutes: 120 },
    select: { id: true },
  });
  const quiz = await db.quiz.create({ data: { courseId: course.id, slug: "final", kind: "FINAL", title: "Final", passMark: 80, drawCount: 5, contentHash: stamp }, select: { id: true } });
  const users = Array.from({ length: count }, (_, i) => ({
    id: `bench-cert-${stamp}-${i}`,
    email: `bench-cert-${stamp}-${i}@example.test`,
    name: `Bench Trainer ${i + 1}`,
    passwordHash: "bench-not-a-real-hash",
  }));
  await db.user.createMany({ data: users });
  await db.trainerProfile.createMany({
    data: users.map((u, i) => ({ userId: u.id, certifyingBody: "NFPT" as const, certificationNumber: `NFPT-BENCH-${i + 1}`, firstCertifiedOn: new Date("2024-01-01T00:00:00Z") })),
  });
  const completedAt = new Date();
  const attempts = await db.quizAttempt.createManyAndReturn({
    data: users.map((u) => ({ userId: u.id, quizId: quiz.id, number: 1, status: "GRADED" as const, draw: [], scorePercent: 90, passed: true, submittedAt: completedAt, gradedAt: completedAt })),
    select: { id: true, userId: true },
  });
  await db.creditEntry.createMany({
    data: attempts.map((a) => ({ userId: a.userId, kind: "AWARD" as const, amountHundredths: 40, certifyingBody: "NFPT" as const, courseId: course.id, awardCourseId: course.id, attemptId: a.id, occurredAt: completedAt })),
  });
  const requests = await db.certificateRequest.createManyAndReturn({ data: users.map((u) => ({ userId: u.id, courseId: course.id })), select: { id: true } });
  return requests.map((r) => r.id);
}

export async function benchCertificates(db: TDb, adminId: string): Promise<TCertificatesBench> {
  if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL (the same database as `db`) before benchCertificates.");
  if (!process.env.SIGNING_KEY_PEM) throw new Error("Set SIGNING_KEY_PEM before benchCertificates.");
  const pdf = await timeCertificatePdf({ trainerName: "Alexandra Montgomery-Fitzgerald", runs: PDF_RUNS });

  // Bulk issue: seeding is not timed; starting the batch and running it to the end is.
  const requestIds = await seedEarnedRequests(db, BULK);
  const { getBatchStatus } = await import("@/lib/certificates/get-batch-status.server");
  const { runIssueBatch } = await import("@/lib/certificates/run-issue-batch.server");
  const { startIssueBatch } = await import("@/lib/certificates/start-issue-batch.server");
  const t0 = performance.now();
  const { batchId } = await startIssueBatch({ adminId, requestIds });
  await runIssueBatch(batchId);
  const bulk500Seconds = (performance.now() - t0) / 1000;
  const status = await getBatchStatus(batchId, adminId);
  if (status.status !== "DONE" || status.done !== BULK) throw new Error(`bulk issue ended ${status.status} with ${status.done}/${status.total} issued`);

  return { pdfMedianMs: pdf.medianMs, bulk500Seconds };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("Set DATABASE_URL to a migrated database.");
    process.exit(1);
  }
  if (!process.env.SIGNING_KEY_PEM) {
    const { generateSigningKeyPair } = await import("@/lib/certificates/signing-key");
    process.env.SIGNING_KEY_PEM = generateSigningKeyPair().privateKeyPem;
  }
  const { createPrismaClient } = await import("@/lib/db/client");
  const { createUser } = await import("@/prisma/seed-helpers");
  const db = createPrismaClient(url, { max: 4 });
  const admin = await createUser(db, { email: `bench-cert-admin-${Date.now()}@example.test`, name: "Bench Admin", password: "unused", role: "ADMIN" }, "bench-not-a-real-hash");
  const result = await benchCertificates(db, admin.id);
  console.log(`certificate PDF median: ${result.pdfMedianMs.toFixed(1)} ms (target < 150 ms)`);
  console.log(`bulk issue of ${BULK}: ${result.bulk500Seconds.toFixed(1)} s (target < 60 s)`);
  await db.$disconnect();
  const g = globalThis as unknown as { __backboneDb?: { $disconnect: () => Promise<void> } };
  await g.__backboneDb?.$disconnect();
}
