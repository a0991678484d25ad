import "server-only";
import type { TSqlClient } from "@/lib/db/client";

// The admin overview's figures. Raw because they are reports: a dozen counts and sums over
// several tables in one statement, and weekly series built with generate_series, date_trunc and
// LATERAL, each a single grouped scan however many trainers there are. Prisma's groupBy cannot
// bucket by week or count across a UNION. DateTime columns hold UTC wall time (timestamp
// without time zone): bounds are converted to that form in SQL so comparisons stay plain column
// comparisons.

export type TOverviewTotalsRow = {
  trainers: number;
  disabledTrainers: number;
  newTrainersRecent: number;
  activeTrainersRecent: number;
  lessonsCompleted: number;
  lessonsCompletedRecent: number;
  attempts: number;
  passed: number;
  attemptsRecent: number;
  passedRecent: number;
  creditsAwardedHundredths: number;
  creditsAwardedRecentHundredths: number;
  certificatesIssued: number;
  certificatesIssuedRecent: number;
  certificateQueue: number;
};

export type TOverviewWeekRow = {
  /** Monday, YYYY-MM-DD (UTC). */
  weekStart: string;
  activeTrainers: number;
  newTrainers: number;
  lessonsCompleted: number;
  /** Graded final-assessment attempts. */
  attempts: number;
  passed: number;
  creditsAwardedHundredths: number;
  certificatesIssued: number;
};

/** Headline figures: all time, and since `since`. */
export async function selectOverviewTotals(client: TSqlClient, { since }: { since: Date }): Promise<TOverviewTotalsRow> {
  const [totals] = await client.$queryRaw<TOverviewTotalsRow[]>`
    WITH params AS (SELECT ${since}::timestamptz AT TIME ZONE 'UTC' AS since),
    recent_activity AS (
      SELECT lp."userId" FROM "LessonProgress" lp, params WHERE lp."updatedAt" >= params.since
      UNION SELECT a."userId" FROM "QuizAttempt" a, params WHERE a."startedAt" >= params.since
    )
    SELECT
      (SELECT count(*) FROM "User" WHERE role = 'TRAINER' AND "disabledAt" IS NULL)::int AS trainers,
      (SELECT count(*) FROM "User" WHERE role = 'TRAINER' AND "disabledAt" IS NOT NULL)::int AS "disabledTrainers",
      (SELECT count(*) FROM "User", params WHERE role = 'TRAINER' AND "createdAt" >= params.since)::int AS "newTrainersRecent",
      (SELECT count(*) FROM recent_activity r JOIN "User" u ON u.id = r."userId" AND u.role = 'TRAINER')::int AS "activeTrainersRecent",
      (SELECT count(*) FROM "LessonProgress" WHERE "completedAt" IS NOT NULL)::int AS "lessonsCompleted",
      (SELECT count(*) FROM "LessonProgress", params WHERE "completedAt" >= params.since)::int AS "lessonsCompletedRecent",
      (SELECT count(*) FROM "QuizAttempt" a JOIN "Quiz" q ON q.id = a."quizId" AND q.kind = 'FINAL' WHERE a.status = 'GRADED')::int AS attempts,
      (SELECT count(*) FROM "QuizAttempt" a JOIN "Quiz" q ON q.id = a."quizId" AND q.kind = 'FINAL' WHERE a.status = 'GRADED' AND a.passed)::int AS passed,
      (SELECT count(*) FROM "QuizAttempt" a JOIN "Quiz" q ON q.id = a."quizId" AND q.kind = 'FINAL', params WHERE a.status = 'GRADED' AND a."gradedAt" >= params.since)::int AS "attemptsRecent",
      (SELECT count(*) FROM "QuizAttempt" a JOIN "Quiz" q ON q.id = a."quizId" AND q.kind = 'FINAL', params WHERE a.status = 'GRADED' AND a.passed AND a."gradedAt" >= params.since)::int AS "passedRecent",
      (SELECT COALESCE(sum("amountHundredths"), 0) FROM "CreditEntry" WHERE kind = 'AWARD')::int AS "creditsAwardedHundredths",
      (SELECT COALESCE(sum("amountHundredths"), 0) FROM "CreditEntry", params WHERE kind = 'AWARD' AND "occurredAt" >= params.since)::int AS "creditsAwardedRecentHundredths",
      (SELECT count(*) FROM "Certificate" WHERE status = 'ISSUED')::int AS "certificatesIssued",
      (SELECT count(*) FROM "Certificate", params WHERE status = 'ISSUED' AND "issuedAt" >= params.since)::int AS "certificatesIssuedRecent",
      (SELECT count(*) FROM "CertificateRequest" WHERE status = 'PENDING')::int AS "certificateQueue"`;
  return totals;
}

/** One row per week (Monday to Sunday, UTC), the `weeks` weeks up to and including the one holding `now`. */
export async function selectOverviewWeeks(client: TSqlClient, { now, weeks }: { now: Date; weeks: number }): Promise<TOverviewWeekRow[]> {
  return client.$queryRaw<TOverviewWeekRow[]>`
    WITH bounds AS (
      SELECT date_trunc('week', ${now}::timestamptz AT TIME ZONE 'UTC') - make_interval(weeks => ${weeks - 1}::int) AS first_week
    ),
    weeks AS (
      SELECT generate_series(b.first_week, b.first_week + make_interval(weeks => ${weeks - 1}::int), interval '1 week') AS w FROM bounds b
    ),
    activity AS (
      SELECT DISTINCT x."userId", date_trunc('week', x.t) AS w
      FROM (
        SELECT lp."userId", v.t FROM "LessonProgress" lp, bounds b,
          LATERAL (VALUES (lp."startedAt"), (lp."completedAt"), (lp."updatedAt")) v(t)
        WHERE lp."updatedAt" >= b.first_week AND v.t >= b.first_week
        UNION ALL SELECT a."userId", a."startedAt" FROM "QuizAttempt" a, bounds b WHERE a."startedAt" >= b.first_week
      ) x
    ),
    active AS (
      SELECT act.w, count(*)::int AS n FROM activity act JOIN "User" u ON u.id = act."userId" AND u.role = 'TRAINER' GROUP BY 1
    ),
    joined AS (
      SELECT date_trunc('week', u."createdAt") AS w, count(*)::int AS n FROM "User" u, bounds b WHERE u.role = 'TRAINER' AND u."createdAt" >= b.first_week GROUP BY 1
    ),
    lessons AS (
      SELECT date_trunc('week', lp."completedAt") AS w, count(*)::int AS n FROM "LessonProgress" lp, bounds b WHERE lp."completedAt" >= b.first_week GROUP BY 1
    ),
    attempts AS (
      SELECT date_trunc('week', a."gradedAt") AS w, count(*)::int AS n, (count(*) FILTER (WHERE a.passed))::int AS passed
      FROM "QuizAttempt" a JOIN "Quiz" q ON q.id = a."quizId" AND q.kind = 'FINAL', bounds b
      WHERE a.status = 'GRADED' AND a."gradedAt" >= b.first_week GROUP BY 1
    ),
    credits AS (
      SELECT date_trunc('week', e."occurredAt") AS w, sum(e."amountHundredths")::int AS n FROM "CreditEntry" e, bounds b
      WHERE e.kind = 'AWARD' AND e."occurredAt" >= b.first_week GROUP BY 1
    ),
    certificates AS (
      SELECT date_trunc('week', c."issuedAt") AS w, count(*)::int AS n FROM "Certificate" c, bounds b
      WHERE c.status = 'ISSUED' AND c."issuedAt" >= b.first_week GROUP BY 1
    )
    SELECT to_char(weeks.w, 'YYYY-MM-DD') AS "weekStart",
      COALESCE(active.n, 0) AS "activeTrainers",
      COALESCE(joined.n, 0) AS "newTrainers",
      COALESCE(lessons.n, 0) AS "lessonsCompleted",
      COALESCE(attempts.n, 0) AS attempts,
      COALESCE(attempts.passed, 0) AS passed,
      COALESCE(credits.n, 0) AS "creditsAwardedHundredths",
      COALESCE(certificates.n, 0) AS "certificatesIssued"
    FROM weeks
    LEFT JOIN active ON active.w = weeks.w
    LEFT JOIN joined ON joined.w = weeks.w
    LEFT JOIN lessons ON lessons.w = weeks.w
    LEFT JOIN attempts ON attempts.w = weeks.w
    LEFT JOIN credits ON credits.w = weeks.w
    LEFT JOIN certificates ON certificates.w = weeks.w
    ORDER BY weeks.w`;
}
