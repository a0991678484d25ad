import { describe, expect, test } from "vitest";
import { listCompletedCourses } from "@/lib/credits/completed-courses.server";
import { getCreditOverview } from "@/lib/credits/ledger.server";
import { db } from "@/lib/db";
import { createUser } from "@/prisma/seed-helpers";

// The dashboard's one-statement reads (dashboard-reads.sql.server.ts) against real PostgreSQL:
// the flat rows grouped back into what the page shows, with the cases a join can get wrong
// (no certification, several, a course with no progress row per lesson, reversed awards, several
// certificates for one course).
const NOW = new Date("2025-06-15T19:00:00Z");
const HASH = "not-a-real-hash"; // these users never sign in
let n = 0;

async function makeTrainer() {
  n++;
  return createUser(
    db,
    {
      email: `dash-${n}@example.test`,
      name: `Dana ${n}`,
      password: "unused",
      timeZone: "America/Los_Angeles",
      profile: { certifyingBody: "NFPT", certificationNumber: `NFPT-D-${n}`, firstCertifiedOn: "2024-03-01" },
    },
    HASH,
  );
}

async function makeCourse(title: string, archivedAt: Date | null = null) {
  n++;
  return db.course.create({
    data: { slug: `dash-course-${n}`, title, summary: "A course", version: "1.0.0", contentHash: `dash-hash-${n}`, contactMinutes: 90, archivedAt },
    select: { id: true, slug: true, title: true },
  });
}

async function makeLessons(courseId: string, slugs: string[], archived: string[] = []) {
  return Promise.all(
    slugs.map((slug, i) =>
      db.lesson.create({
        data: { courseId, slug, title: slug, sortOrder: i, minutes: 10, contentHash: slug, archivedAt: archived.includes(slug) ? NOW : null },
        select: { id: true },
      }),
    ),
  );
}

function certificate(code: string, userId: string, courseId: string, status: "ISSUED" | "REVOKED", issuedAt: Date) {
  return db.certificate.create({
    data: {
      code, userId, courseId, status, issuedAt, trainerName: "Dana", certificationNumber: "NFPT-D", certifyingBody: "NFPT", courseTitle: "T",
      courseVersion: "1.0.0", contactMinutes: 90, creditHundredths: 40, scorePercent: 90, completedAt: issuedAt,
    },
  });
}

describe("listCompletedCourses", () => {
  test("awards newest first, reversals marked, the issued certificate preferred over a newer revoked one", async () => {
    const [trainer, older, newer, bare] = await Promise.all([makeTrainer(), makeCourse("Older"), makeCourse("Newer"), makeCourse("No certificate")]);
    const code = `DASH-${n}`;
    const a1 = await db.creditEntry.create({
      data: { userId: trainer.id, kind: "AWARD", amountHundredths: 40, certifyingBody: "NFPT", courseId: older.id, awardCourseId: older.id, occurredAt: new Date("2025-04-01T10:00:00Z") },
    });
    await db.creditEntry.create({
      data: { userId: trainer.id, kind: "AWARD", amountHundredths: 25, certifyingBody: "NFPT", courseId: newer.id, awardCourseId: newer.id, occurredAt: new Date("2025-05-01T10:00:00Z") },
    });
    await db.creditEntry.create({
      data: { userId: trainer.id, kind: "AWARD", amountHundredths: 10, certifyingBody: "NFPT", courseId: bare.id, awardCourseId: bare.id, occurredAt: new Date("2025-03-01T10:00:00Z") },
    });
    await db.creditEntry.create({
      data: { userId: trainer.id, kind: "REVERSAL", amountHundredths: -40, certifyingBody: "NFPT", courseId: older.id, reversesEntryId: a1.id, occurredAt: new Date("2025-05-02T10:00:00Z") },
    });
    // An adjustment on a course is not an award and is not listed.
    await db.creditEntry.create({ data: { userId: trainer.id, kind: "ADJUSTMENT", amountHundredths: 5, certifyingBody: "NFPT", courseId: newer.id, reason: "Extra", occurredAt: NOW } });
    await certificate(`${code}-A`, trainer.id, older.id, "ISSUED", new Date("2025-04-01T11:00:00Z"));
    await certificate(`${code}-B`, trainer.id, older.id, "REVOKED", new Date("2025-04-02T11:00:00Z"));
    await certificate(`${code}-C`, trainer.id, newer.id, "REVOKED", new Date("2025-05-01T11:00:00Z"));
    // Another trainer's certificate for the same course is not theirs.
    const other = await makeTrainer();
    await certificate(`${code}-D`, other.id, bare.id, "ISSUED", NOW);

    expect(await listCompletedCourses({ userId: trainer.id })).toEqual([
      { slug: newer.slug, title: "Newer", awardedAt: new Date("2025-05-01T10:00:00Z"), amountHundredths: 25, reversed: false, certificate: { code: `${code}-C`, status: "REVOKED" } },
      { slug: older.slug, title: "Older", awardedAt: new Date("2025-04-01T10:00:00Z"), amountHundredths: 40, reversed: true, certificate: { code: `${code}-A`, status: "ISSUED" } },
      { slug: bare.slug, title: "No certificate", awardedAt: new Date("2025-03-01T10:00:00Z"), amountHundredths: 10, reversed: false, certificate: null },
    ]);
    expect(await listCompletedCourses({ userId: other.id })).toEqual([]);
  });
});

describe("getCreditOverview", () => {
  test("in-progress courses: current lessons only, in order, without awarded or completed courses, retired ones kept without a resume link", async () => {
    const trainer = await makeTrainer();
    const [active, retired, awarded, untouched] = await Promise.all([makeCourse("Active"), makeCourse("Retired", NOW), makeCourse("Awarded"), makeCourse("Untouched")]);
    const activeLessons = await makeLessons(active.id, ["a1", "a2", "old", "a3"], ["old"]);
    const retiredLessons = await makeLessons(retired.id, ["r1", "r2"]);
    const awardedLessons = await makeLessons(awarded.id, ["w1"]);
    await makeLessons(untouched.id, ["u1"]);
    await db.lessonProgress.create({ data: { userId: trainer.id, lessonId: activeLessons[0].id, completedAt: new Date("2025-06-01T00:00:00Z") } });
    await db.lessonProgress.create({ data: { userId: trainer.id, lessonId: activeLessons[2].id, completedAt: new Date("2025-06-01T00:00:00Z") } });
    await db.lessonProgress.create({
      data: { userId: trainer.id, lessonId: retiredLessons[0].id, completedAt: new Date("2025-01-01T00:00:00Z"), updatedAt: new Date("2025-01-01T00:00:00Z") },
    });
    await db.lessonProgress.create({ data: { userId: trainer.id, lessonId: awardedLessons[0].id, completedAt: new Date("2025-01-01T00:00:00Z") } });
    await db.creditEntry.create({ data: { userId: trainer.id, kind: "AWARD", amountHundredths: 10, certifyingBody: "NFPT", courseId: awarded.id, awardCourseId: awarded.id, occurredAt: NOW } });
    // A course with only an archived lesson finished is not in progress.
    const onlyOld = await makeCourse("Only old");
    const onlyOldLessons = await makeLessons(onlyOld.id, ["o1", "o2"], ["o1"]);
    await db.lessonProgress.create({ data: { userId: trainer.id, lessonId: onlyOldLessons[0].id, completedAt: NOW } });

    const overview = await getCreditOverview({ userId: trainer.id, now: NOW });
    expect(overview.name).toBe(trainer.name);
    expect(overview.inProgress.map((c) => c.slug)).toEqual([active.slug, retired.slug]); // most recent activity (updatedAt) first
    expect(overview.inProgress[0]).toEqual({ slug: active.slug, title: "Active", completedLessons: 1, totalLessons: 3, resumeLessonSlug: "a2", retired: false });
    expect(overview.inProgress[1]).toEqual({ slug: retired.slug, title: "Retired", completedLessons: 1, totalLessons: 2, resumeLessonSlug: null, retired: true });
  });

  test("every active certification, primary first, the CPR/AED card, completions without credit; unknown users are not found", async () => {
    const trainer = await makeTrainer();
    await db.certification.create({
      data: { userId: trainer.id, certifyingBody: "ACE", certificationNumber: "ACE-D", firstCertifiedOn: new Date("2023-01-15T00:00:00Z"), expiresOn: new Date("2026-01-31T00:00:00Z") },
    });
    await db.certification.create({
      data: { userId: trainer.id, certifyingBody: "NASM", certificationNumber: "NASM-D", firstCertifiedOn: new Date("2023-01-15T00:00:00Z"), retiredAt: NOW },
    });
    await db.cprAedCard.create({ data: { userId: trainer.id, provider: "Red Cross", expiresOn: new Date("2026-05-31T00:00:00Z") } });
    const course = await makeCourse("No approval");
    await db.courseCompletion.create({
      data: {
        userId: trainer.id, courseId: course.id, courseRevision: 1, courseVersion: "1.0.0", certifyingBody: "ACE", creditHundredths: 0, contactMinutes: 90,
        startedAt: new Date("2025-06-10T00:00:00Z"), completedAt: new Date("2025-06-11T03:00:00Z"), evidence: {},
      },
    });

    const overview = await getCreditOverview({ userId: trainer.id, now: NOW });
    expect(overview.certifications.map((c) => [c.profile.body, c.profile.certificationNumber, c.profile.certificationExpiresOn])).toEqual([
      ["NFPT", expect.stringMatching(/^NFPT-D-/), null],
      ["ACE", "ACE-D", "2026-01-31"],
    ]);
    expect(overview.profile?.body).toBe("NFPT");
    expect(overview.cprAedCard).toEqual({ provider: "Red Cross", expiresOn: "2026-05-31" });
    expect(overview.withoutCredit).toEqual([{ slug: course.slug, title: "No approval", completedOn: "2025-06-10", contactMinutes: 90, body: "ACE" }]);
    expect(overview.updates).toEqual([]);

    const adminUser = await createUser(db, { email: `dash-admin-${n}@example.test`, name: "Avery", password: "unused", role: "ADMIN" }, HASH);
    const adminView = await getCreditOverview({ userId: adminUser.id, now: NOW });
    expect(adminView).toMatchObject({ name: "Avery", profile: null, summary: null, certifications: [], cprAedCard: null, inProgress: [] });
    await expect(getCreditOverview({ userId: "no-such-user", now: NOW })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
