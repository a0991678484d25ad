import { describe, expect, test, vi } from "vitest";

// The signing key must be in place before lib/env caches the environment (lib/db reads it on import).
await vi.hoisted(async () => {
  const { generateSigningKeyPair } = await import("@/lib/certificates/signing-key");
  process.env.SIGNING_KEY_PEM = generateSigningKeyPair().privateKeyPem;
});

import { issueCertificate } from "@/lib/certificates/issue-certificate.server";
import { renderCertificatePdfForViewer } from "@/lib/certificates/render-certificate-pdf-for-viewer.server";
import { awardCourseCreditIfEarned } from "@/lib/credits/award-course-credit.server";
import type { TCertifyingBody } from "@/lib/credits/certifying-bodies";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createUser } from "@/prisma/seed-helpers";
import { readPdfText } from "@/tests/read-pdf-text";

// "One award per course, ever" under load: many requests that each finish the course at once
// (a double-clicked last lesson, a retried quiz submission, several tabs) race to award credit.
// The unique (userId, awardCourseId) pair and ON CONFLICT DO NOTHING must leave exactly one.

const PARALLEL = 200;
let n = 0;

// A course approved by NFPT only (0.40 CEC, valid through 2026), as content sync would store it.
const ACCREDITATION = {
  provider: { name: "Backbone CE", numbers: { NFPT: "PROV-NFPT-9" } },
  approvals: {
    NFPT: { status: "approved", approvalNumber: "NFPT-APP-117", credit: 0.4, validFrom: "2025-01-01", validUntil: "2026-12-31" },
    ACE: { status: "not-submitted" },
  },
  authors: [{ name: "A. Author", credentials: "MSc" }],
  reviewers: [],
  published: "2025-01-01",
  lastReviewed: "2025-06-01",
  audience: "Trainers",
  level: "introductory",
  prerequisites: [],
  references: [],
  disclaimer: "Continuing education only; not medical advice for anyone.",
  minObservedShare: 0.5,
};

async function earnedCourse({ body = "NFPT" as TCertifyingBody } = {}) {
  n++;
  const trainer = await createUser(
    db,
    {
      email: `award-race-${n}@example.test`,
      name: "Race Trainer",
      password: "unused",
      profile: { certifyingBody: body, certificationNumber: `${body}-RACE-${n}`, firstCertifiedOn: "2024-01-01" },
    },
    "not-a-real-hash",
  );
  const course = await db.course.create({
    data: {
      slug: `race-${n}`,
      title: "Race Course",
      summary: "A course",
      version: "1.0.0",
      contentHash: "h",
      contactMinutes: 120,
      accreditation: ACCREDITATION as unknown as Prisma.InputJsonValue,
    },
    select: { id: true },
  });
  await db.courseRevision.create({ data: { courseId: course.id, revision: 1, version: "1.0.0", contentHash: "h" } });
  const lessons = await Promise.all(
    ["one", "two"].map((slug, i) => db.lesson.create({ data: { courseId: course.id, slug, title: slug, sortOrder: i, minutes: 60, contentHash: slug } })),
  );
  const completedAt = new Date("2025-05-01T12:00:00Z");
  await db.lessonProgress.createMany({ data: lessons.map((l) => ({ userId: trainer.id, lessonId: l.id, completedAt, completedRevision: 1 })) });
  const quiz = await db.quiz.create({
    data: { courseId: course.id, slug: "final", kind: "FINAL", title: "Final", passMark: 80, drawCount: 3, contentHash: "q" },
  });
  const attempt = await db.quizAttempt.create({
    data: { userId: trainer.id, quizId: quiz.id, number: 1, status: "GRADED", draw: [], scorePercent: 90, passed: true, submittedAt: completedAt, gradedAt: completedAt, attestedAt: completedAt },
  });
  return { userId: trainer.id, courseId: course.id, attemptId: attempt.id };
}

const DURING = new Date("2026-03-01T12:00:00Z");

async function certificateText(userId: string, courseId: string): Promise<string> {
  const request = await db.certificateRequest.findFirstOrThrow({ where: { userId, courseId }, select: { id: true } });
  const { certificate } = await issueCertificate({ requestId: request.id, adminId: null, now: new Date("2027-02-01T00:00:00Z") });
  const { bytes } = await renderCertificatePdfForViewer({ code: certificate.code, viewer: { id: userId, role: "TRAINER" } });
  return readPdfText(bytes);
}

describe("awardCourseCreditIfEarned", () => {
  test(`${PARALLEL} parallel transactions for one trainer and course award exactly once`, async () => {
    const { userId, courseId, attemptId } = await earnedCourse();

    // Each call in its own transaction, all started together; the pool queues what it cannot run
    // at once, so allow a generous wait for a connection.
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        db.$transaction((tx) => awardCourseCreditIfEarned(tx, { userId, courseId, now: DURING }), { maxWait: 60_000, timeout: 60_000 }),
      ),
    );

    expect(results.filter((r) => r.awarded)).toHaveLength(1);
    expect(results.filter((r) => !r.awarded).every((r) => r.entryId === null)).toBe(true);
    const entries = await db.creditEntry.findMany({ where: { userId, courseId } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: "AWARD", amountHundredths: 40, awardCourseId: courseId, attemptId, certifyingBody: "NFPT" });
    expect(await db.creditEntry.count({ where: { userId, kind: "AWARD" } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "credit.award", targetId: entries[0].id } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "credit.award" } })).toBe(1);
    expect(await db.certificateRequest.count({ where: { userId, courseId } })).toBe(1);
    expect(await db.courseCompletion.count({ where: { userId, courseId } })).toBe(1);
  });

  test("a later call after the award is a no-op", async () => {
    const { userId, courseId } = await earnedCourse();
    const first = await db.$transaction((tx) => awardCourseCreditIfEarned(tx, { userId, courseId, now: DURING }));
    const again = await db.$transaction((tx) => awardCourseCreditIfEarned(tx, { userId, courseId, now: DURING }));
    expect(first.awarded).toBe(true);
    expect(again).toEqual({ awarded: false, completed: false, entryId: null, hundredths: 0 });
    expect(await db.creditEntry.count({ where: { userId } })).toBe(1);
  });

  test("a course approved for NFPT only gives an NFPT trainer its approved credit, with the approval on the record and certificate", async () => {
    const { userId, courseId, attemptId } = await earnedCourse({ body: "NFPT" });
    const result = await db.$transaction((tx) => awardCourseCreditIfEarned(tx, { userId, courseId, now: DURING }));
    expect(result).toMatchObject({ awarded: true, completed: true, hundredths: 40 });
    expect(await db.creditEntry.findFirstOrThrow({ where: { userId } })).toMatchObject({ amountHundredths: 40, courseNumber: "NFPT-APP-117", certifyingBody: "NFPT" });
    const record = await db.courseCompletion.findFirstOrThrow({ where: { userId } });
    expect(record).toMatchObject({
      certifyingBody: "NFPT",
      certificationNumber: `NFPT-RACE-${n}`,
      approvalNumber: "NFPT-APP-117",
      providerNumber: "PROV-NFPT-9",
      creditHundredths: 40,
      courseRevision: 1,
      attemptId,
      scorePercent: 90,
      contactMinutes: 120,
    });
    const text = await certificateText(userId, courseId);
    expect(text).toContain("0.40 CEC");
    expect(text).toContain("NFPT-APP-117");
    expect(text).toContain("PROV-NFPT-9");
  });

  test("an ACE trainer gets no credit: the completion is recorded and the certificate says to submit it to ACE", async () => {
    const { userId, courseId } = await earnedCourse({ body: "ACE" });
    const result = await db.$transaction((tx) => awardCourseCreditIfEarned(tx, { userId, courseId, now: DURING }));
    expect(result).toEqual({ awarded: false, completed: true, entryId: null, hundredths: 0 });
    expect(await db.creditEntry.count({ where: { userId } })).toBe(0);
    const record = await db.courseCompletion.findFirstOrThrow({ where: { userId } });
    expect(record).toMatchObject({ certifyingBody: "ACE", creditHundredths: 0, approvalNumber: null, creditEntryId: null });
    expect((record.evidence as { creditNote: string }).creditNote).toMatch(/no ACE approval/);
    const text = await certificateText(userId, courseId);
    expect(text).toContain("None claimed");
    expect(text).toMatch(/may submit this certificate to ACE for review/);
    expect(text).toContain("2.0"); // contact hours still shown
    expect(text).not.toContain("0.40");
  });

  test.each([
    ["after the approval expired", new Date("2027-01-01T00:00:00Z")],
    ["before the approval starts", new Date("2024-12-31T23:59:59Z")],
  ])("an NFPT completion %s gives no credit", async (_name, now) => {
    const { userId, courseId } = await earnedCourse({ body: "NFPT" });
    const result = await db.$transaction((tx) => awardCourseCreditIfEarned(tx, { userId, courseId, now }));
    expect(result).toMatchObject({ awarded: false, completed: true, hundredths: 0 });
    expect(await db.creditEntry.count({ where: { userId } })).toBe(0);
    expect(await db.courseCompletion.findFirstOrThrow({ where: { userId } })).toMatchObject({ creditHundredths: 0, approvalNumber: null });
  });

  test("the last valid day of the approval still counts", async () => {
    const { userId, courseId } = await earnedCourse({ body: "NFPT" });
    const result = await db.$transaction((tx) => awardCourseCreditIfEarned(tx, { userId, courseId, now: new Date("2026-12-31T23:59:59Z") }));
    expect(result).toMatchObject({ awarded: true, hundredths: 40 });
  });

  test("a final passed without the attestation completes nothing", async () => {
    const { userId, courseId } = await earnedCourse({ body: "NFPT" });
    const quiz = await db.quiz.findFirstOrThrow({ where: { courseId }, select: { id: true } });
    await db.quizAttempt.create({ data: { userId, quizId: quiz.id, number: 2, status: "GRADED", draw: [], scorePercent: 100, passed: true, gradedAt: DURING } });
    await db.$executeRaw`UPDATE "QuizAttempt" SET "attestedAt" = NULL WHERE "userId" = ${userId}`;
    const result = await db.$transaction((tx) => awardCourseCreditIfEarned(tx, { userId, courseId, now: DURING }));
    expect(result.completed).toBe(false);
    expect(await db.courseCompletion.count({ where: { userId } })).toBe(0);
  });

  test("completion records cannot be edited or deleted", async () => {
    const { userId, courseId } = await earnedCourse();
    await db.$transaction((tx) => awardCourseCreditIfEarned(tx, { userId, courseId, now: DURING }));
    await expect(db.$executeRaw`UPDATE "CourseCompletion" SET "creditHundredths" = 999 WHERE "userId" = ${userId}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM "CourseCompletion" WHERE "userId" = ${userId}`).rejects.toThrow(/append-only/);
  });
});
