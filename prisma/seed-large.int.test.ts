import { beforeAll, expect, test } from "vitest";
import { CERTIFICATE_CODE_PATTERN } from "@/lib/certificates/certificate-code";
import { syncContent } from "@/lib/content/sync-content.server";
import { listCompletedCourses } from "@/lib/credits/completed-courses.server";
import { getCreditOverview } from "@/lib/credits/ledger.server";
import { db } from "@/lib/db";
import { gradeQuestion } from "@/lib/quiz/grade-attempt";
import { aggregateItemStats, selectItemStatsWatermark } from "@/lib/quiz/item-stats.sql.server";
import { ZQuestion, ZResponse } from "@/lib/quiz/quiz-schema";
import { largeTrainerId, seedLargeDataSet } from "./seed-large";

// The generated data set obeys the rules the app enforces when the same rows are made through it
// (prisma/seed-large-sql.ts lists them). 600 trainers here; the same SQL makes 100,000.

const NOW = new Date("2026-11-29T12:00:00Z");
const COUNT = 600;

beforeAll(async () => {
  await syncContent(db);
  const first = await seedLargeDataSet(db, { count: COUNT, now: NOW, log: () => {} });
  expect(first.skipped).toBe(false);
}, 300_000);

const q = <T>(sql: string) => db.$queryRawUnsafe<T[]>(sql);

test("a second run skips, and a larger count extends the set", async () => {
  expect((await seedLargeDataSet(db, { count: COUNT, now: NOW, log: () => {} })).skipped).toBe(true);
  const more = await seedLargeDataSet(db, { count: COUNT + 50, now: NOW, log: () => {} });
  expect(more.added).toBe(50);
  expect(await db.user.count({ where: { id: { startsWith: "lgu" } } })).toBe(COUNT + 50);
}, 300_000);

test("every stored answer is graded as the real grader grades it, and each score is the sum of its answers", async () => {
  const versions = await db.questionVersion.findMany({ select: { questionId: true, version: true, definition: true } });
  const defs = new Map(versions.map((v) => [`${v.questionId}@${v.version}`, ZQuestion.parse(v.definition)]));
  const answers = await db.attemptAnswer.findMany({ where: { attempt: { userId: { startsWith: "lgu" } } }, take: 5_000, select: { questionId: true, questionVersion: true, response: true, earned: true, correct: true } });
  expect(answers.length).toBeGreaterThan(1_000);
  for (const a of answers) {
    const grade = gradeQuestion(defs.get(`${a.questionId}@${a.questionVersion}`)!, ZResponse.parse(a.response));
    expect([a.earned, a.correct]).toEqual([grade.earned, grade.correct]);
  }
  const mismatched = await q<{ n: number }>(`
    SELECT count(*)::int AS n FROM "QuizAttempt" a
    JOIN LATERAL (SELECT sum(earned) AS e, count(*) AS k FROM "AttemptAnswer" w WHERE w."attemptId" = a.id) s ON true
    WHERE a.status = 'GRADED' AND (a."earnedHundredths" <> s.e OR a."possibleHundredths" <> s.k * 100 OR a."scorePercent" <> s.e * 100 / (s.k * 100)
      OR a.passed <> (a."scorePercent" >= (SELECT "passMark" FROM "Quiz" WHERE id = a."quizId")))`);
  expect(mismatched[0].n).toBe(0);
});

test("finals: at most five per trainer, at least the cooldown apart, within the time limit, attested, none after a pass", async () => {
  const [bad] = await q<{ over: number; close: number; slow: number; unattested: number; after_pass: number }>(`
    WITH f AS (
      SELECT a.*, lag(a."startedAt") OVER (PARTITION BY a."userId" ORDER BY a.number) AS prev_start,
        lag(a."submittedAt") OVER (PARTITION BY a."userId" ORDER BY a.number) AS prev_submit,
        bool_or(a.passed) OVER (PARTITION BY a."userId" ORDER BY a.number ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS passed_before
      FROM "QuizAttempt" a JOIN "Quiz" z ON z.id = a."quizId" WHERE z.kind = 'FINAL')
    SELECT count(*) FILTER (WHERE number > 5)::int AS over,
      count(*) FILTER (WHERE prev_submit IS NOT NULL AND "startedAt" < prev_submit + interval '60 minutes')::int AS close,
      count(*) FILTER (WHERE "submittedAt" > "startedAt" + interval '30 minutes')::int AS slow,
      count(*) FILTER (WHERE status = 'GRADED' AND "attestedAt" IS NULL)::int AS unattested,
      count(*) FILTER (WHERE passed_before)::int AS after_pass
    FROM f`);
  expect(bad).toEqual({ over: 0, close: 0, slow: 0, unattested: 0, after_pass: 0 });
});

test("completions follow every lesson (with its reading time observed) and a passing final; credit only under a valid approval", async () => {
  const [bad] = await q<{ lessons_left: number; unobserved: number; no_pass: number; bad_credit: number; certs: number; requests: number }>(`
    SELECT
      (SELECT count(*) FROM "CourseCompletion" c JOIN "Lesson" l ON l."courseId" = c."courseId" AND l."archivedAt" IS NULL
         WHERE NOT EXISTS (SELECT 1 FROM "LessonProgress" p WHERE p."userId" = c."userId" AND p."lessonId" = l.id AND p."completedAt" <= c."completedAt"))::int AS lessons_left,
      (SELECT count(*) FROM "LessonProgress" p JOIN "Lesson" l ON l.id = p."lessonId" WHERE p."completedAt" IS NOT NULL AND p."observedSeconds" < l."estimatedSeconds")::int AS unobserved,
      (SELECT count(*) FROM "CourseCompletion" c LEFT JOIN "QuizAttempt" a ON a.id = c."attemptId" WHERE a.passed IS NOT TRUE OR a."attestedAt" IS NULL)::int AS no_pass,
      (SELECT count(*) FROM "CreditEntry" e WHERE e.kind = 'AWARD' AND NOT (e."certifyingBody" = 'NFPT' AND e."occurredAt" >= '2026-01-01'))::int AS bad_credit,
      (SELECT count(*) FROM "Certificate" x LEFT JOIN "CourseCompletion" c ON c."userId" = x."userId" AND c."courseId" = x."courseId" WHERE c.id IS NULL)::int AS certs,
      (SELECT count(*) FROM "CourseCompletion" c LEFT JOIN "CertificateRequest" r ON r."userId" = c."userId" AND r."courseId" = c."courseId" WHERE r.id IS NULL)::int AS requests`);
  expect(bad).toEqual({ lessons_left: 0, unobserved: 0, no_pass: 0, bad_credit: 0, certs: 0, requests: 0 });
  const codes = await db.certificate.findMany({ select: { code: true } });
  expect(codes.length).toBeGreaterThan(100);
  for (const { code } of codes) expect(code).toMatch(CERTIFICATE_CODE_PATTERN);
});

test("ledger rows name their certification and stay append-only; a seeded trainer's dashboard reads", async () => {
  const [bad] = await q<{ wrong_cert: number; reversed_twice: number }>(`
    SELECT (SELECT count(*) FROM "CreditEntry" e JOIN "Certification" c ON c.id = e."certificationId" WHERE c."userId" <> e."userId" OR c."certifyingBody" <> e."certifyingBody")::int AS wrong_cert,
      (SELECT count(*) FROM (SELECT "reversesEntryId" FROM "CreditEntry" WHERE "reversesEntryId" IS NOT NULL GROUP BY 1 HAVING count(*) > 1) d)::int AS reversed_twice`);
  expect(bad).toEqual({ wrong_cert: 0, reversed_twice: 0 });
  await expect(db.$executeRawUnsafe(`UPDATE "CreditEntry" SET reason = 'x' WHERE id IN (SELECT id FROM "CreditEntry" LIMIT 1)`)).rejects.toThrow(/append-only/);

  const [completer] = await q<{ userId: string }>(`SELECT "userId" FROM "CourseCompletion" WHERE "creditHundredths" > 0 ORDER BY "userId" LIMIT 1`);
  const overview = await getCreditOverview({ userId: completer.userId, now: NOW });
  expect(overview.entryCount).toBeGreaterThan(0);
  expect((await listCompletedCourses({ userId: completer.userId })).length).toBe(1);
  expect((await getCreditOverview({ userId: largeTrainerId(0), now: NOW })).profile).not.toBeNull();
});

test("the item-analysis rollups are built at the end, and the report from them equals the one aggregated live", async () => {
  const [final] = await q<{ id: string }>(`SELECT id FROM "Quiz" WHERE kind = 'FINAL' ORDER BY id LIMIT 1`);
  expect((await db.itemStatsWatermark.findUniqueOrThrow({ where: { quizId: final.id } })).gradedBefore).not.toBeNull();
  const fromRollup = await aggregateItemStats(db, final.id, await selectItemStatsWatermark(db, final.id));
  // The seed's attempts are all graded before its clock (hours before the real one): all folded.
  expect(fromRollup.liveAnswers).toBe(0);
  const live = await aggregateItemStats(db, final.id, null);
  expect(live.liveAnswers).toBeGreaterThan(1000);
  expect(fromRollup.items.map((i) => ({ ...i, discrimination: 0, upperLowerIndex: 0 }))).toEqual(live.items.map((i) => ({ ...i, discrimination: 0, upperLowerIndex: 0 })));
  for (const [n, item] of live.items.entries()) {
    expect(fromRollup.items[n].upperLowerIndex).toBeCloseTo(item.upperLowerIndex as number, 9);
    if (item.discrimination === null) expect(fromRollup.items[n].discrimination).toBeNull();
    else expect(fromRollup.items[n].discrimination).toBeCloseTo(item.discrimination, 9);
  }
});

test("every seeded trainer's standing is computed, and holds at the seed's instant", async () => {
  const [s] = await q<{ profiles: number; standings: number; not_holding: number }>(`
    SELECT (SELECT count(*) FROM "TrainerProfile")::int AS profiles, (SELECT count(*) FROM "TrainerStanding")::int AS standings,
      (SELECT count(*) FROM "TrainerStanding" WHERE NOT ("validFrom" <= '${NOW.toISOString()}'::timestamptz AT TIME ZONE 'UTC' AND "validUntil" > '${NOW.toISOString()}'::timestamptz AT TIME ZONE 'UTC'))::int AS not_holding`);
  expect(s.standings).toBe(s.profiles);
  expect(s.not_holding).toBe(0);
  const [completer] = await q<{ userId: string }>(`SELECT "userId" FROM "CourseCompletion" WHERE "creditHundredths" > 0 ORDER BY "userId" LIMIT 1`);
  const [row] = await q<{ earned: number; counted: number }>(
    `SELECT "earnedHundredths" AS earned, "countedHundredths" AS counted FROM "TrainerStanding" WHERE "userId" = '${completer.userId}'`,
  );
  const current = (await getCreditOverview({ userId: completer.userId, now: NOW })).summary?.current;
  expect(row).toEqual({ earned: current?.earnedHundredths, counted: (current?.earnedHundredths ?? 0) + (current?.carriedInHundredths ?? 0) });
});
