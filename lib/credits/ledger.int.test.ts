import { afterAll, describe, expect, test } from "vitest";
import { readPdfText } from "@/tests/read-pdf-text";
import { adjustCredit, getCreditOverview, listLedger, renderTranscriptPdf, streamLedgerCsv } from "@/lib/credits/ledger.server";
import { LEDGER_CSV_HEADER } from "@/lib/credits/ledger-csv";
import { db } from "@/lib/db";
import { createUser } from "@/prisma/seed-helpers";

// The ledger against real PostgreSQL: adjustments are atomic with their audit record, the table
// refuses edits, and the exports read every entry. All times are fixed: `now` is mid-way through
// the trainer's second NFPT year (cycle 2025-03-01 .. 2026-02-28).
const NOW = new Date("2025-06-15T19:00:00Z");
const HASH = "not-a-real-hash"; // skip argon2: these users never sign in
let n = 0;

async function makeTrainer(name = "Taylor Trainer") {
  n++;
  return createUser(
    db,
    {
      email: `ledger-${n}@example.test`,
      name,
      password: "unused",
      timeZone: "America/Los_Angeles",
      profile: { certifyingBody: "NFPT", certificationNumber: `NFPT-L-${n}`, firstCertifiedOn: "2024-03-01" },
    },
    HASH,
  );
}

let adminUser: ReturnType<typeof createUser> | undefined;
function admin() {
  adminUser ??= createUser(db, { email: "ledger-admin@example.test", name: "Avery Admin", password: "unused", role: "ADMIN" }, HASH);
  return adminUser;
}

async function makeCourse(title = "Core Stability") {
  n++;
  return db.course.create({
    data: { slug: `course-${n}`, title, summary: "A course", version: "1.0.0", contentHash: `hash-${n}`, contactMinutes: 120 },
    select: { id: true, slug: true, title: true },
  });
}

async function award(userId: string, courseId: string, hundredths: number, occurredAt: Date) {
  return db.creditEntry.create({
    data: { userId, kind: "AWARD", amountHundredths: hundredths, certifyingBody: "NFPT", courseId, awardCourseId: courseId, occurredAt },
    select: { id: true },
  });
}

afterAll(async () => {
  await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_refuse_adjust_audit ON "AuditLog"`);
});

describe("adjustCredit", () => {
  test("writes the ADJUSTMENT entry and its audit record", async () => {
    const [trainer, { id: adminId }] = await Promise.all([makeTrainer(), admin()]);
    const entry = await adjustCredit({ adminId, userId: trainer.id, amountHundredths: 50, reason: "  Conference attendance  ", now: NOW });

    const row = await db.creditEntry.findUniqueOrThrow({ where: { id: entry.id } });
    expect(row).toMatchObject({ kind: "ADJUSTMENT", amountHundredths: 50, certifyingBody: "NFPT", reason: "Conference attendance", createdById: adminId, userId: trainer.id });
    expect(row.occurredAt.toISOString()).toBe(NOW.toISOString());
    const audit = await db.auditLog.findMany({ where: { action: "credit.adjust", targetId: entry.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: adminId, targetType: "credit-entry" });
    expect(audit[0].data).toMatchObject({ userId: trainer.id, amountHundredths: 50, reason: "Conference attendance" });
  });

  test("is atomic: when the audit record cannot be written, no credit is written either", async () => {
    const [trainer, { id: adminId }] = await Promise.all([makeTrainer(), admin()]);
    await db.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION test_refuse_adjust_audit() RETURNS trigger AS $$
      BEGIN
        IF NEW.action = 'credit.adjust' THEN RAISE EXCEPTION 'audit write failed (test)'; END IF;
        RETURN NEW;
      END; $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER test_refuse_adjust_audit BEFORE INSERT ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION test_refuse_adjust_audit()`,
    );
    try {
      await expect(adjustCredit({ adminId, userId: trainer.id, amountHundredths: 50, reason: "Should vanish", now: NOW })).rejects.toThrow(/audit write failed/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_refuse_adjust_audit ON "AuditLog"`);
    }
    expect(await db.creditEntry.count({ where: { userId: trainer.id } })).toBe(0);
  });

  test("a negative adjustment reduces the cycle summary and the running total", async () => {
    const [trainer, { id: adminId }, course] = await Promise.all([makeTrainer(), admin(), makeCourse()]);
    await award(trainer.id, course.id, 40, new Date("2025-04-01T17:00:00Z"));
    const before = await getCreditOverview({ userId: trainer.id, now: NOW });
    expect(before.summary!.current.earnedHundredths).toBe(40);

    await adjustCredit({ adminId, userId: trainer.id, amountHundredths: -20, reason: "Duplicate credit", courseId: course.id, now: NOW });
    const after = await getCreditOverview({ userId: trainer.id, now: NOW });
    expect(after.summary!.current.earnedHundredths).toBe(20);
    expect(after.summary!.current.remainingHundredths).toBe(before.summary!.current.remainingHundredths + 20);
    expect(after.totalHundredths).toBe(20);
    expect(after.series.at(-1)).toEqual({ date: "2025-06-15", cumulativeHundredths: 20 });
  });

  test("refuses a removal below zero, self-adjustment, non-admins, unknown users and unknown courses", async () => {
    const [trainer, other, { id: adminId }] = await Promise.all([makeTrainer(), makeTrainer(), admin()]);
    await adjustCredit({ adminId, userId: trainer.id, amountHundredths: 30, reason: "Imported history", now: NOW });
    await expect(adjustCredit({ adminId, userId: trainer.id, amountHundredths: -31, reason: "Too much removed", now: NOW })).rejects.toMatchObject({
      code: "UNPROCESSABLE",
    });
    await expect(adjustCredit({ adminId, userId: adminId, amountHundredths: 10, reason: "Paying myself", now: NOW })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(adjustCredit({ adminId: other.id, userId: trainer.id, amountHundredths: 10, reason: "Not an admin", now: NOW })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(adjustCredit({ adminId, userId: "no-such-user", amountHundredths: 10, reason: "Nobody home", now: NOW })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      adjustCredit({ adminId, userId: trainer.id, amountHundredths: 10, reason: "Wrong course", courseId: "no-such-course", now: NOW }),
    ).rejects.toMatchObject({ code: "UNPROCESSABLE" });
    await expect(adjustCredit({ adminId, userId: trainer.id, amountHundredths: 10, reason: "abc", now: NOW })).rejects.toMatchObject({ code: "UNPROCESSABLE" });
    await expect(adjustCredit({ adminId, userId: trainer.id, amountHundredths: 0, reason: "Zero change", now: NOW })).rejects.toMatchObject({ code: "UNPROCESSABLE" });
    expect(await db.creditEntry.count({ where: { userId: trainer.id } })).toBe(1);
  });
});

describe("the ledger is append-only in the database", () => {
  test("UPDATE and DELETE are refused, through Prisma and raw SQL", async () => {
    const [trainer, course] = await Promise.all([makeTrainer(), makeCourse()]);
    const { id } = await award(trainer.id, course.id, 40, NOW);
    await expect(db.creditEntry.update({ where: { id }, data: { amountHundredths: 4000 } })).rejects.toThrow(/append-only/);
    await expect(db.creditEntry.delete({ where: { id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`UPDATE "CreditEntry" SET "amountHundredths" = 4000 WHERE id = ${id}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM "CreditEntry" WHERE "userId" = ${trainer.id}`).rejects.toThrow(/append-only/);
    const row = await db.creditEntry.findUniqueOrThrow({ where: { id } });
    expect(row.amountHundredths).toBe(40);
  });
});

describe("listLedger and getCreditOverview", () => {
  test("entries carry the course, attempt score and certificate; in-progress courses resume where the trainer left off", async () => {
    const [trainer, { id: adminId }, course, started] = await Promise.all([makeTrainer(), admin(), makeCourse("Core Stability"), makeCourse("Posture Basics")]);
    const quiz = await db.quiz.create({
      data: { courseId: course.id, slug: "final", kind: "FINAL", title: "Final", passMark: 80, drawCount: 3, contentHash: "q" },
    });
    const attempt = await db.quizAttempt.create({
      data: { userId: trainer.id, quizId: quiz.id, number: 1, status: "GRADED", draw: [], scorePercent: 92, passed: true, gradedAt: NOW },
    });
    const entry = await db.creditEntry.create({
      data: {
        userId: trainer.id, kind: "AWARD", amountHundredths: 40, certifyingBody: "NFPT", courseId: course.id, awardCourseId: course.id,
        attemptId: attempt.id, courseNumber: "NFPT-2024-117", occurredAt: new Date("2025-05-02T06:30:00Z"),
      },
    });
    await db.certificate.create({
      data: {
        code: "BCE-TEST-0001", userId: trainer.id, courseId: course.id, creditEntryId: entry.id, trainerName: "Taylor Trainer",
        certificationNumber: "NFPT-L", certifyingBody: "NFPT", courseTitle: course.title, courseVersion: "1.0.0", contactMinutes: 120,
        creditHundredths: 40, scorePercent: 92, completedAt: entry.occurredAt,
      },
    });
    await adjustCredit({ adminId, userId: trainer.id, amountHundredths: 20, reason: "Workshop, in person", now: NOW });

    const lessons = await Promise.all(
      ["one", "two", "three"].map((slug, i) =>
        db.lesson.create({ data: { courseId: started.id, slug, title: slug, sortOrder: i, minutes: 10, contentHash: slug } }),
      ),
    );
    await db.lessonProgress.create({ data: { userId: trainer.id, lessonId: lessons[0].id, completedAt: NOW } });
    await db.lessonProgress.create({ data: { userId: trainer.id, lessonId: lessons[1].id, lastPercent: 40 } });

    const ledger = await listLedger({ userId: trainer.id });
    expect(ledger).toHaveLength(2);
    expect(ledger[0]).toMatchObject({
      kind: "AWARD",
      localDate: "2025-05-01", // 06:30 UTC is the evening before in Los Angeles
      course: { slug: course.slug, title: "Core Stability" },
      courseNumber: "NFPT-2024-117",
      scorePercent: 92,
      certificate: { code: "BCE-TEST-0001", status: "ISSUED" },
    });
    expect(ledger[1]).toMatchObject({ kind: "ADJUSTMENT", amountHundredths: 20, reason: "Workshop, in person", scorePercent: null, certificate: null, course: null });

    const overview = await getCreditOverview({ userId: trainer.id, now: NOW });
    expect(overview.profile).toMatchObject({ body: "NFPT", certificationNumber: expect.stringMatching(/^NFPT-L-/), firstCertifiedOn: "2024-03-01" });
    expect(overview.summary!.current.cycle).toMatchObject({ startsOn: "2025-03-01", endsOn: "2026-02-28" });
    expect(overview.summary!.current.earnedHundredths).toBe(60);
    expect(overview.inProgress).toEqual([
      { slug: started.slug, title: "Posture Basics", completedLessons: 1, totalLessons: 3, resumeLessonSlug: "two", retired: false },
    ]);
  });
});

describe("exports", () => {
  test("the CSV stream has a header and one row per entry, oldest first, with ISO dates, across pages", async () => {
    const [trainer, { id: adminId }] = await Promise.all([makeTrainer(), admin()]);
    const courses = await Promise.all([makeCourse("A, with comma"), makeCourse("=HYPERLINK(\"x\")"), makeCourse("C")]);
    for (const [i, course] of courses.entries()) await award(trainer.id, course.id, 40, new Date(Date.UTC(2025, 3, 1 + i, 12)));
    await adjustCredit({ adminId, userId: trainer.id, amountHundredths: -20, reason: "Said \"duplicate\"", now: NOW });
    await adjustCredit({ adminId, userId: trainer.id, amountHundredths: 10, reason: "-minus first", now: new Date(NOW.getTime() + 1000) });

    const text = await new Response(await streamLedgerCsv({ userId: trainer.id, pageSize: 2 })).text();
    expect(text.endsWith("\r\n")).toBe(true);
    const lines = text.slice(0, -2).split("\r\n");
    expect(lines[0]).toBe(LEDGER_CSV_HEADER.join(","));
    expect(lines).toHaveLength(1 + 5);
    const rows = lines.slice(1);
    const ids = (await db.creditEntry.findMany({ where: { userId: trainer.id }, orderBy: [{ occurredAt: "asc" }, { id: "asc" }], select: { id: true } })).map((e) => e.id);
    rows.forEach((row, i) => {
      expect(row).toMatch(/^\d{4}-\d{2}-\d{2},\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z,/);
      expect(row).toContain(ids[i]);
    });
    expect(rows[0]).toContain('"A, with comma"');
    expect(rows[1]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(rows[3]).toContain(",-0.20,");
    expect(rows[3]).toContain('"Said ""duplicate"""');
    expect(rows[4]).toContain(",'-minus first,");
  });

  test("an empty ledger is just the header; an unknown user is NOT_FOUND before any byte is sent", async () => {
    const trainer = await makeTrainer();
    const text = await new Response(await streamLedgerCsv({ userId: trainer.id })).text();
    expect(text).toBe(`${LEDGER_CSV_HEADER.join(",")}\r\n`);
    await expect(streamLedgerCsv({ userId: "no-such-user" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("the transcript PDF names the trainer and shows the totals", async () => {
    const [trainer, { id: adminId }, course] = await Promise.all([makeTrainer("Zoë Quinn-Ortiz"), admin(), makeCourse("Core Stability")]);
    await award(trainer.id, course.id, 40, new Date("2025-04-01T17:00:00Z"));
    await adjustCredit({ adminId, userId: trainer.id, amountHundredths: -10, reason: "Partial correction", now: NOW });
    const text = await readPdfText(await renderTranscriptPdf({ userId: trainer.id, now: NOW }));
    expect(text).toContain("Zoë Quinn-Ortiz");
    expect(text).toMatch(/NFPT-L-\d+/);
    expect(text).toContain("Earned this cycle");
    expect(text).toContain("0.30 CEC");
    expect(text).toContain("Awards 0.40 · Adjustments -0.10 · Reversals 0.00 · Net total 0.30 CEC");
    expect(text).toContain("Core Stability");
    expect(text).toContain("Partial correction");
    expect(text).toContain("Generated June 15, 2025");
  });
});
