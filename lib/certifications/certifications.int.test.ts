import { describe, expect, test } from "vitest";
import { trainerRowsFor } from "@/lib/admin/trainer-query.sql.server";
import { updateProfile } from "@/lib/auth/account.server";
import { addCertification, listCertifications, retireCertification, updateCertification } from "@/lib/certifications/certifications.server";
import { awardCourseCreditIfEarned } from "@/lib/credits/award-course-credit.server";
import { getCreditOverview } from "@/lib/credits/ledger.server";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createUser } from "@/prisma/seed-helpers";

let n = 0;

async function trainer(body: "NFPT" | "ACE" = "NFPT", first = "2024-01-15") {
  n++;
  return createUser(
    db,
    { email: `cert-${n}@example.test`, name: `Cert Trainer ${n}`, password: "unused", profile: { certifyingBody: body, certificationNumber: `${body}-CT-${n}`, firstCertifiedOn: first } },
    "not-a-real-hash",
  );
}

// Credit comes only from a body's approval of the course (docs/decisions/007): this one is approved
// by NFPT for 0.40 CEC and by ACE for 0.20 CEU, valid through 2026, as content sync would store it.
const ACCREDITATION = {
  provider: { name: "Backbone CE", numbers: { NFPT: "PROV-NFPT-CT", ACE: "PROV-ACE-CT" } },
  approvals: {
    NFPT: { status: "approved", approvalNumber: "NFPT-CT-1", credit: 0.4, validFrom: "2025-01-01", validUntil: "2026-12-31" },
    ACE: { status: "approved", approvalNumber: "ACE-CT-1", credit: 0.2, validFrom: "2025-01-01", validUntil: "2026-12-31" },
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

/** A 120-minute course the trainer has finished and passed (with the final attested). */
async function finishedCourse(userId: string) {
  n++;
  const course = await db.course.create({
    data: {
      slug: `cert-course-${n}`,
      title: "Cert Course",
      summary: "s",
      version: "1.0.0",
      contentHash: "h",
      contactMinutes: 120,
      accreditation: ACCREDITATION as unknown as Prisma.InputJsonValue,
    },
    select: { id: true },
  });
  const lesson = await db.lesson.create({ data: { courseId: course.id, slug: "one", title: "One", sortOrder: 0, minutes: 120, contentHash: "l" } });
  const at = new Date("2025-05-01T12:00:00Z");
  await db.lessonProgress.create({ data: { userId, lessonId: lesson.id, completedAt: at, completedRevision: 1 } });
  const quiz = await db.quiz.create({ data: { courseId: course.id, slug: "final", kind: "FINAL", title: "Final", passMark: 80, drawCount: 1, contentHash: "q" } });
  await db.quizAttempt.create({ data: { userId, quizId: quiz.id, number: 1, status: "GRADED", draw: [], scorePercent: 90, passed: true, submittedAt: at, gradedAt: at, attestedAt: at } });
  return course.id;
}

const award = (userId: string, courseId: string, now = new Date("2025-05-01T12:00:00Z")) => db.$transaction((tx) => awardCourseCreditIfEarned(tx, { userId, courseId, now }));

describe("several certifications per trainer", () => {
  test("a dual-certified trainer's completion credits both bodies, each at its own amount, once", async () => {
    const user = await trainer("NFPT");
    const ace = await addCertification(user.id, { certifyingBody: "ACE", certificationNumber: "ACE-DUAL-1", firstCertifiedOn: "2024-03-15", expiresOn: "2026-03-31" });
    const courseId = await finishedCourse(user.id);

    expect((await award(user.id, courseId)).awarded).toBe(true);
    expect((await award(user.id, courseId)).awarded).toBe(false);
    const entries = await db.creditEntry.findMany({ where: { userId: user.id }, select: { certifyingBody: true, amountHundredths: true, certificationId: true }, orderBy: { certifyingBody: "asc" } });
    expect(entries.map((e) => [e.certifyingBody, e.amountHundredths])).toEqual([
      ["NFPT", 40],
      ["ACE", 20],
    ]);
    expect(entries.find((e) => e.certifyingBody === "ACE")?.certificationId).toBe(ace.id);
    expect(await db.certificateRequest.count({ where: { userId: user.id, courseId } })).toBe(1);

    const overview = await getCreditOverview({ userId: user.id, now: new Date("2025-06-01T00:00:00Z") });
    expect(overview.certifications.map((c) => [c.profile.body, c.summary.current.earnedHundredths, c.summary.current.cycle.endsOn])).toEqual([
      ["NFPT", 40, "2026-01-14"],
      ["ACE", 20, "2026-03-31"], // the ACE cycle ends on the card's stated expiry
    ]);
    expect(overview.certifications[1].cprAed.kind).toBe("missing");
  });

  test("ACE refuses credit for a course it already credited, even a new version on a new ACE certification", async () => {
    const user = await trainer("ACE");
    const courseId = await finishedCourse(user.id);
    expect((await award(user.id, courseId)).awarded).toBe(true);
    // A new version of the course is the same course row; the trainer renews under a new number.
    await db.course.update({ where: { id: courseId }, data: { version: "2.0.0", contentHash: "h2" } });
    const [old] = await listCertifications(user.id);
    await retireCertification(user.id, old.id);
    await addCertification(user.id, { certifyingBody: "ACE", certificationNumber: "ACE-NEW-1", firstCertifiedOn: "2024-03-15", expiresOn: null });
    expect((await award(user.id, courseId, new Date("2025-07-01T00:00:00Z"))).awarded).toBe(false);
    expect(await db.creditEntry.count({ where: { userId: user.id } })).toBe(1);
  });

  test("a body change no longer moves old credit", async () => {
    const user = await trainer("NFPT", "2023-01-10");
    const courseId = await finishedCourse(user.id);
    await award(user.id, courseId);
    await updateProfile(user.id, {
      name: "Switched Trainer",
      timeZone: "UTC",
      certification: { certifyingBody: "ACE", certificationNumber: "ACE-SW-1", firstCertifiedOn: "2023-01-10", certificationExpiresOn: null },
    });
    const overview = await getCreditOverview({ userId: user.id, now: new Date("2025-06-01T00:00:00Z") });
    expect(overview.profile?.body).toBe("ACE");
    expect(overview.summary?.current.earnedHundredths).toBe(0);
    expect(overview.certifications).toHaveLength(1);
    // The NFPT credit is still on the ledger, with the (now retired) NFPT certification.
    const entry = await db.creditEntry.findFirstOrThrow({ where: { userId: user.id }, select: { amountHundredths: true, certification: { select: { certifyingBody: true, retiredAt: true } } } });
    expect(entry.amountHundredths).toBe(40);
    expect(entry.certification?.certifyingBody).toBe("NFPT");
    expect(entry.certification?.retiredAt).not.toBeNull();
    // TrainerProfile follows the primary certification.
    expect(await db.trainerProfile.findUnique({ where: { userId: user.id }, select: { certifyingBody: true, certificationNumber: true } })).toEqual({ certifyingBody: "ACE", certificationNumber: "ACE-SW-1" });
  });

  test("one active certification per body; the body of a certification cannot change; others' certifications are not found", async () => {
    const user = await trainer("NFPT");
    const other = await trainer("NFPT");
    await expect(addCertification(user.id, { certifyingBody: "NFPT", certificationNumber: "NFPT-TWICE", firstCertifiedOn: "2024-01-15" })).rejects.toMatchObject({ code: "CONFLICT" });
    const [mine] = await listCertifications(user.id);
    await expect(updateCertification(user.id, mine.id, { certifyingBody: "ACE", certificationNumber: "X-123", firstCertifiedOn: "2024-01-15" })).rejects.toMatchObject({ code: "UNPROCESSABLE" });
    await expect(updateCertification(other.id, mine.id, { certifyingBody: "NFPT", certificationNumber: "X-123", firstCertifiedOn: "2024-01-15" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(retireCertification(other.id, mine.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await updateCertification(user.id, mine.id, { certifyingBody: "NFPT", certificationNumber: "NFPT-EDITED", firstCertifiedOn: "2024-01-15", expiresOn: "2025-01-31" });
    expect(await db.trainerProfile.findUniqueOrThrow({ where: { userId: user.id }, select: { certificationNumber: true } })).toEqual({ certificationNumber: "NFPT-EDITED" });
    // Retiring the last certification removes the profile; the row stays, retired.
    await retireCertification(user.id, mine.id);
    expect(await db.trainerProfile.count({ where: { userId: user.id } })).toBe(0);
    expect((await listCertifications(user.id))[0].retiredAt).not.toBeNull();
  });

  test("a new certification of the same body starts without the retired one's credit, on the dashboard and in the admin list", async () => {
    const user = await trainer("NFPT", "2024-01-15");
    const courseId = await finishedCourse(user.id);
    await award(user.id, courseId);
    const [old] = await listCertifications(user.id);
    await retireCertification(user.id, old.id);
    await addCertification(user.id, { certifyingBody: "NFPT", certificationNumber: "NFPT-RENEWED-1", firstCertifiedOn: "2024-01-15", expiresOn: "2026-01-31" });
    const now = new Date("2025-06-01T00:00:00Z");
    const overview = await getCreditOverview({ userId: user.id, now });
    const [row] = await trainerRowsFor(db, [user.id], now);
    expect(overview.summary?.current.earnedHundredths).toBe(0);
    expect(row.cycle.earnedHundredths).toBe(0);
    expect([row.cycle.startsOn, row.cycle.endsOn]).toEqual([overview.summary?.current.cycle.startsOn, overview.summary?.current.cycle.endsOn]);
    expect(row.certificationNumber).toBe("NFPT-RENEWED-1");
  });
});
