import { expect, test, vi } from "vitest";

// The signing key must be in place before lib/env caches the environment (lib/db reads it on import).
await vi.hoisted(async () => {
  const { generateSigningKeyPair } = await import("@/lib/certificates/signing-key");
  process.env.SIGNING_KEY_PEM = generateSigningKeyPair().privateKeyPem;
});

import { issueCertificate } from "@/lib/certificates/issue-certificate.server";
import { db } from "@/lib/db";
import { dismissNotice, listNotices } from "@/lib/notices/notices.server";
import { sendDueReminders } from "@/lib/reminders/send-reminders.server";
import { createUser } from "@/prisma/seed-helpers";

// "Your certificate has been issued": written with the certificate, shown until dismissed, mailed once.

test("issuing a certificate leaves a notice on the dashboard and mails it once", async () => {
  const admin = await createUser(db, { email: "notice-admin@example.test", name: "Notice Admin", password: "unused", role: "ADMIN" }, "x");
  const trainer = await createUser(
    db,
    { email: "notice-trainer@example.test", name: "Noor Notice", password: "unused", profile: { certifyingBody: "NFPT", certificationNumber: "NFPT-NOTE-1", firstCertifiedOn: "2025-10-01" } },
    "x",
  );
  const course = await db.course.create({ data: { slug: "notice-course", title: "Posture Basics", summary: "s", version: "1.0.0", contentHash: "h", contactMinutes: 60 }, select: { id: true } });
  const quiz = await db.quiz.create({ data: { courseId: course.id, slug: "final", kind: "FINAL", title: "Final", passMark: 80, drawCount: 1, contentHash: "q" }, select: { id: true } });
  const at = new Date("2025-11-01T12:00:00Z");
  const attempt = await db.quizAttempt.create({ data: { userId: trainer.id, quizId: quiz.id, number: 1, status: "GRADED", draw: [], scorePercent: 95, passed: true, submittedAt: at, gradedAt: at }, select: { id: true } });
  await db.creditEntry.create({ data: { userId: trainer.id, kind: "AWARD", amountHundredths: 20, certifyingBody: "NFPT", courseId: course.id, awardCourseId: course.id, attemptId: attempt.id, occurredAt: at } });
  const request = await db.certificateRequest.create({ data: { userId: trainer.id, courseId: course.id }, select: { id: true } });

  const issued = await issueCertificate({ requestId: request.id, adminId: admin.id });
  const notices = await listNotices(trainer.id);
  expect(notices).toHaveLength(1);
  expect(notices[0]).toMatchObject({ title: "Your certificate has been issued", href: "/certificates" });
  expect(notices[0].body).toContain("Posture Basics");
  expect(notices[0].body).toContain(issued.certificate.code);

  await Promise.all([sendDueReminders({ now: new Date("2025-11-02T00:00:00Z") }), sendDueReminders({ now: new Date("2025-11-02T00:00:00Z") })]);
  const mails = await db.outboxEmail.findMany({ where: { to: "notice-trainer@example.test" }, select: { subject: true, text: true } });
  expect(mails).toHaveLength(1);
  expect(mails[0].subject).toBe("Your certificate has been issued");
  expect(mails[0].text).toMatch(/\/certificates/);

  // Dismissed notices leave the dashboard; someone else's notice id is "not found".
  await expect(dismissNotice(admin.id, notices[0].id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  await dismissNotice(trainer.id, notices[0].id);
  await dismissNotice(trainer.id, notices[0].id);
  expect(await listNotices(trainer.id)).toHaveLength(0);
});
