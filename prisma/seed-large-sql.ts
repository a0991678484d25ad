// The SQL behind `npm run db:seed:large`: every row of the large data set is generated inside
// PostgreSQL with INSERT … SELECT over generate_series, so 100,000 trainers (about a million quiz
// attempts, millions of answers, two million ledger entries) go in within minutes on two cores.
// A script, not app code: nothing under app/ or lib/ runs this.
//
// Randomness is a hash of a row key and a "salt" (pg_temp.r below), so the same trainer count
// always produces the same data, and each table's rows can be recomputed where another table
// needs them (an attempt's score and its answers agree because both come from the same hashes).
//
// What the rows respect (the app's rules and the database's constraints, checked by the seed
// test): lessons complete only with their estimated reading time observed; final attempts at
// most 5, at least the 60-minute cooldown apart, each within the 30-minute limit, attested; an
// attempt's score is its answers' sum, graded by the real grader's values for each response; a
// course completes (CourseCompletion + evidence + certificate request) only after every lesson and
// a passing, attested final; credit is awarded only where the course held an approval for that
// certification's body on the day; ledger rows are only ever inserted (the append-only triggers
// stay on), each naming its certification; reversals name the entry they reverse, once.

export type TSeedLesson = { idx: number; id: string; slug: string; title: string; revision: number; estimatedSeconds: number };
export type TSeedQuiz = { idx: number; id: string; kind: "FINAL" | "LESSON_CHECK"; lessonIdx: number | null; passMark: number; drawCount: number };
/** One question of a quiz's pool with the responses the seed uses and what the real grader gives them. */
export type TSeedPoolQuestion = {
  quizIdx: number;
  qidx: number;
  questionId: string;
  version: number;
  optionOrder: string[];
  right: unknown;
  wrong1: unknown;
  wrong2: unknown;
  earnedRight: number;
  earnedWrong1: number;
  earnedWrong2: number;
};
export type TSeedApproval = { body: string; validFrom: string; validUntil: string; hundredths: number; approvalNumber: string; providerNumber: string | null };

export type TSeedSqlInput = {
  from: number;
  to: number;
  now: Date;
  adminId: string;
  passwordHash: string;
  course: { id: string; title: string; version: string; revision: number; contactMinutes: number };
  lessons: TSeedLesson[];
  quizzes: TSeedQuiz[];
  pool: TSeedPoolQuestion[];
  approvals: TSeedApproval[];
  providerNumbers: Record<string, string | null>;
};

export type TSeedStep = { label: string; sql: string; table?: string };

const FIRST_NAMES = ["Alex", "Jordan", "Sam", "Taylor", "Morgan", "Casey", "Riley", "Jamie", "Avery", "Quinn", "Drew", "Harper", "Rowan", "Skyler", "Emerson", "Parker", "Reese", "Dakota", "Hayden", "Kendall", "Maria", "Wei", "Aisha", "Mateo", "Priya", "Oluwaseun", "Sofia", "Kenji", "Fatima", "Liam", "Noor", "Ines", "Tomás", "Ana", "Chloé", "Björn", "Zoë", "Malik", "Hana", "Diego"];
const LAST_NAMES = ["Nguyen", "Smith", "Garcia", "Okafor", "Johnson", "Kowalski", "Patel", "Brown", "Rossi", "Kim", "Müller", "O'Brien", "Silva", "Chen", "Williams", "Haddad", "Jones", "Larsen", "Davis", "Martínez", "Ito", "Lopez", "Wilson", "Novak", "Anderson", "Dubois", "Thomas", "Moreau", "Taylor", "Ahmed", "Moore", "Fischer", "Jackson", "Rahman", "White", "Santos", "Harris", "Costa", "Clark", "Yilmaz"];
const TIME_ZONES = ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Phoenix", "America/Anchorage", "Pacific/Honolulu", "America/Toronto", "Europe/London", "Europe/Berlin", "Australia/Sydney", "UTC"];
const ADJUSTMENT_REASONS = [
  "Credit carried over from a previous provider",
  "Conference workshop attendance (approved)",
  "Live webinar verified by certificate of attendance",
  "Manual credit for in-person clinic",
  "Approved external course (certificate on file)",
  "Hands-on workshop, provider certificate checked",
];
const CORRECTION_REASONS = ["Correction: duplicate import removed", "Correction: hours entered twice"];

/** A SQL string literal. */
export function lit(value: string | null): string {
  return value === null ? "NULL" : `'${value.replace(/'/g, "''")}'`;
}
const jsonLit = (value: unknown) => `${lit(JSON.stringify(value))}::jsonb`;
const textArray = (values: readonly string[]) => `ARRAY[${values.map(lit).join(", ")}]::text[]`;

/** Final attempts allowed by the content (the seed stays within them). */
const FINAL_TRIES = 5;

export function buildSeedSql(input: TSeedSqlInput): TSeedStep[] {
  const { from, to, adminId, course, lessons, quizzes, pool } = input;
  const now = `${lit(input.now.toISOString())}::timestamptz`;
  const L = lessons.length;
  const final = quizzes.find((q) => q.kind === "FINAL");
  if (!final) throw new Error("The seed course has no final assessment.");
  const poolSize = (quizIdx: number) => pool.filter((p) => p.quizIdx === quizIdx).length;
  const steps: TSeedStep[] = [];
  const step = (label: string, sql: string, table?: string) => steps.push({ label, sql, table });

  // ---------------------------------------------------------------- helpers and the course shape
  step(
    "helpers",
    `
    CREATE OR REPLACE FUNCTION pg_temp.r(k bigint, salt bigint) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      $$ SELECT (hashint8extended(k, salt) & 9007199254740991)::float8 / 9007199254740992 $$;
    CREATE OR REPLACE FUNCTION pg_temp.pick(arr text[], k bigint, salt bigint) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      $$ SELECT arr[1 + floor(pg_temp.r(k, salt) * array_length(arr, 1))::int] $$;
    CREATE TEMP TABLE seed_lesson (idx int PRIMARY KEY, id text, slug text, title text, revision int, est int) ON COMMIT DROP;
    INSERT INTO seed_lesson VALUES ${lessons.map((l) => `(${l.idx}, ${lit(l.id)}, ${lit(l.slug)}, ${lit(l.title)}, ${l.revision}, ${l.estimatedSeconds})`).join(", ")};
    CREATE TEMP TABLE seed_quiz (idx int PRIMARY KEY, id text, kind text, lesson_idx int, pass_mark int, draw int, pool int) ON COMMIT DROP;
    INSERT INTO seed_quiz VALUES ${quizzes.map((q) => `(${q.idx}, ${lit(q.id)}, ${lit(q.kind)}, ${q.lessonIdx ?? "NULL"}, ${q.passMark}, ${Math.min(q.drawCount, poolSize(q.idx))}, ${poolSize(q.idx)})`).join(", ")};
    CREATE TEMP TABLE seed_pool (quiz_idx int, qidx int, question_id text, version int, option_order jsonb, right_r jsonb, wrong1 jsonb, wrong2 jsonb, e_right int, e_wrong1 int, e_wrong2 int, PRIMARY KEY (quiz_idx, qidx)) ON COMMIT DROP;
    INSERT INTO seed_pool VALUES ${pool
      .map(
        (p) =>
          `(${p.quizIdx}, ${p.qidx}, ${lit(p.questionId)}, ${p.version}, ${jsonLit(p.optionOrder)}, ${jsonLit(p.right)}, ${jsonLit(p.wrong1)}, ${jsonLit(p.wrong2)}, ${p.earnedRight}, ${p.earnedWrong1}, ${p.earnedWrong2})`,
      )
      .join(", ")};
    CREATE TEMP TABLE seed_approval (body text PRIMARY KEY, valid_from date, valid_until date, hundredths int, approval_number text, provider_number text) ON COMMIT DROP;
    ${input.approvals.length ? `INSERT INTO seed_approval VALUES ${input.approvals.map((a) => `(${lit(a.body)}, ${lit(a.validFrom)}::date, ${lit(a.validUntil)}::date, ${a.hundredths}, ${lit(a.approvalNumber)}, ${lit(a.providerNumber)})`).join(", ")};` : ""}
    CREATE TEMP TABLE seed_provider (body text PRIMARY KEY, provider_number text) ON COMMIT DROP;
    INSERT INTO seed_provider VALUES ${["NFPT", "ACE", "NASM", "OTHER"].map((b) => `(${lit(b)}, ${lit(input.providerNumbers[b] ?? null)})`).join(", ")};
    -- The draw an attempt stores: the pool read from a start offset (the order and versions the
    -- trainer saw), one JSON per quiz and offset.
    CREATE TEMP TABLE seed_draw ON COMMIT DROP AS
      SELECT q.idx AS quiz_idx, s AS start_off,
        (SELECT jsonb_agg(jsonb_build_object('questionId', p.question_id, 'version', p.version, 'optionOrder', p.option_order) ORDER BY j)
           FROM generate_series(0, q.draw - 1) j JOIN seed_pool p ON p.quiz_idx = q.idx AND p.qidx = (s + j) % q.pool) AS draw
      FROM seed_quiz q CROSS JOIN LATERAL generate_series(0, q.pool - 1) s;
    `,
  );

  // ---------------------------------------------------------------- trainers
  // One row per trainer with everything later steps derive from: body, dates, how far they got.
  step(
    "trainer plan",
    `
    CREATE TEMP TABLE seed_t ON COMMIT DROP AS
    SELECT t.*,
      -- Trainers who joined in the last month have not started yet.
      (t.created_at < ${now} - interval '35 days' AND pg_temp.r(t.i, 20) < 0.82) AS starts,
      CASE WHEN pg_temp.r(t.i, 21) < 0.78 THEN ${L} ELSE floor(pg_temp.r(t.i, 22) * ${L})::int END AS lessons_done,
      greatest(t.created_at, ${now} - interval '330 days') + pg_temp.r(t.i, 23) * greatest(interval '0', (${now} - interval '35 days') - greatest(t.created_at, ${now} - interval '330 days')) AS course_start,
      interval '1 day' * (0.2 + pg_temp.r(t.i, 24) * 1.6) AS lesson_gap,
      0.45 + pg_temp.r(t.i, 25) * 0.55 AS skill,
      pg_temp.r(t.i, 26) < 0.9 AS takes_final
    FROM (
      SELECT i,
        'lgu' || lpad(i::text, 6, '0') AS id,
        pg_temp.pick(${textArray(FIRST_NAMES)}, i, 1) AS first,
        pg_temp.pick(${textArray(LAST_NAMES)}, i, 2) AS last,
        CASE WHEN pg_temp.r(i, 3) < 0.45 THEN 'NFPT' WHEN pg_temp.r(i, 3) < 0.7 THEN 'ACE' WHEN pg_temp.r(i, 3) < 0.9 THEN 'NASM' ELSE 'OTHER' END AS body,
        -- About one trainer in eight holds a second certification.
        CASE WHEN pg_temp.r(i, 4) < 0.12 THEN (ARRAY['ACE', 'NASM', 'NFPT', 'NFPT'])[1 + floor(pg_temp.r(i, 5) * 4)::int] END AS second_raw,
        ${now} - interval '1 day' * (1 + pg_temp.r(i, 6) * 729) AS created_at,
        pg_temp.r(i, 7) AS certified_back,
        pg_temp.pick(${textArray(TIME_ZONES)}, i, 8) AS tz
      FROM generate_series(${from}, ${to - 1}) i
    ) t;
    ALTER TABLE seed_t ADD COLUMN certified_on date, ADD COLUMN second_body text;
    UPDATE seed_t SET certified_on = (created_at - interval '1 day' * certified_back * 12 * 365)::date,
      second_body = CASE WHEN second_raw IS NOT NULL AND second_raw <> body THEN second_raw END;
    CREATE UNIQUE INDEX ON seed_t (i);
    ANALYZE seed_t;
    `,
  );
  step(
    "users",
    `INSERT INTO "User" (id, email, name, "passwordHash", role, "timeZone", "createdAt", "updatedAt", "emailVerifiedAt", "disabledAt")
     SELECT id, lower(regexp_replace(normalize(first || '.' || last, NFD), '[^a-zA-Z.]', '', 'g')) || '.' || i || '@example.test',
       first || ' ' || last, ${lit(input.passwordHash)}, 'TRAINER', tz, created_at, created_at,
       CASE WHEN pg_temp.r(i, 9) < 0.93 THEN created_at END,
       CASE WHEN pg_temp.r(i, 10) < 0.01 THEN created_at + (${now} - created_at) * pg_temp.r(i, 11) END
     FROM seed_t`,
    "User",
  );
  step(
    "certifications",
    `INSERT INTO "Certification" (id, "userId", "certifyingBody", "certificationNumber", "firstCertifiedOn", "expiresOn", "createdAt", "updatedAt")
     SELECT 'lgk' || lpad(i::text, 6, '0'), id, body::"CertifyingBody",
       (CASE WHEN body = 'OTHER' THEN 'OTH' ELSE body END) || '-' || extract(year FROM certified_on) || '-' || lpad(i::text, 6, '0'),
       certified_on, CASE WHEN pg_temp.r(i, 12) < 0.5 THEN (certified_on + interval '14 years')::date END, created_at, created_at
     FROM seed_t
     UNION ALL
     SELECT 'lgk' || lpad(i::text, 6, '0') || 'b', id, second_body::"CertifyingBody",
       (CASE WHEN second_body = 'OTHER' THEN 'OTH' ELSE second_body END) || '-' || extract(year FROM certified_on) || '-' || lpad(i::text, 6, '0') || 'B',
       least(certified_on + 400, (created_at)::date), NULL, created_at + interval '3 days', created_at + interval '3 days'
     FROM seed_t WHERE second_body IS NOT NULL`,
    "Certification",
  );
  // The profile mirrors the primary certification (its trigger finds the row above and adds none).
  step(
    "profiles",
    `INSERT INTO "TrainerProfile" ("userId", "certifyingBody", "certificationNumber", "firstCertifiedOn", "certificationExpiresOn", "updatedAt")
     SELECT c."userId", c."certifyingBody", c."certificationNumber", c."firstCertifiedOn", c."expiresOn", c."createdAt"
     FROM "Certification" c JOIN seed_t t ON c.id = 'lgk' || lpad(t.i::text, 6, '0')`,
    "TrainerProfile",
  );
  step(
    "CPR/AED cards",
    `INSERT INTO "CprAedCard" ("userId", provider, "expiresOn", "updatedAt")
     SELECT id, (ARRAY['American Red Cross', 'American Heart Association', 'National Safety Council'])[1 + floor(pg_temp.r(i, 13) * 3)::int],
       (${now} + interval '1 day' * (pg_temp.r(i, 14) * 900 - 200))::date, created_at
     FROM seed_t WHERE (body IN ('ACE', 'NASM') OR second_body IN ('ACE', 'NASM')) AND pg_temp.r(i, 15) < 0.7`,
    "CprAedCard",
  );

  // ---------------------------------------------------------------- lessons
  step(
    "lesson progress",
    `INSERT INTO "LessonProgress" (id, "userId", "lessonId", "startedAt", "completedAt", "completedRevision", "lastPercent", "observedSeconds", "lastBeatAt", "updatedAt")
     SELECT 'lgp' || lpad(t.i::text, 6, '0') || 'l' || l.idx, t.id, l.id, s.started,
       CASE WHEN l.idx < t.lessons_done THEN s.done END,
       CASE WHEN l.idx < t.lessons_done THEN l.revision END,
       CASE WHEN l.idx < t.lessons_done THEN 100 ELSE floor(pg_temp.r(t.i * 16 + l.idx, 30) * 90)::int END,
       -- Completion needs the estimated reading time observed; finished lessons show a bit more.
       CASE WHEN l.idx < t.lessons_done THEN ceil(l.est * (1.05 + pg_temp.r(t.i * 16 + l.idx, 31) * 0.2))::int ELSE floor(l.est * pg_temp.r(t.i * 16 + l.idx, 32) * 0.6)::int END,
       CASE WHEN l.idx < t.lessons_done THEN s.done ELSE s.started + interval '5 minutes' END,
       CASE WHEN l.idx < t.lessons_done THEN s.done ELSE s.started + interval '5 minutes' END
     FROM seed_t t JOIN seed_lesson l ON l.idx <= least(t.lessons_done, ${L - 1})
     CROSS JOIN LATERAL (SELECT t.course_start + t.lesson_gap * l.idx AS started,
       t.course_start + t.lesson_gap * l.idx + interval '1 second' * ceil(l.est * (1.3 + pg_temp.r(t.i * 16 + l.idx, 33) * 1.5)) AS done) s
     WHERE t.starts`,
    "LessonProgress",
  );

  // ---------------------------------------------------------------- quiz attempts (plan)
  // Every try a trainer makes: lesson checks after each finished lesson (unlimited, some retaken),
  // and up to five final attempts until one passes. key = (trainer * 16 + quiz) * 8 + number.
  step(
    "attempt plan",
    `
    CREATE TEMP TABLE seed_try ON COMMIT DROP AS
    SELECT t.i, t.id AS user_id, q.idx AS quiz_idx, n, ((t.i::bigint * 16 + q.idx) * 8 + n) AS key,
      least(0.97, t.skill + 0.08 * (n - 1)) AS p, q.kind,
      -- Checks right after their lesson, a few minutes apart; finals from a day after the last
      -- lesson, each at least the cooldown after the one before.
      CASE WHEN q.kind = 'LESSON_CHECK'
        THEN t.course_start + t.lesson_gap * q.lesson_idx + interval '1 second' * ceil(ls.est * 1.3) + interval '3 minutes' * (n + pg_temp.r(t.i * 16 + q.idx, 40))
        ELSE t.course_start + t.lesson_gap * ${L} + interval '1 day' * (0.1 + pg_temp.r(t.i, 41)) + interval '1 day' * ((n - 1) * 1.2 + pg_temp.r(t.i * 8 + n, 42) * 0.9)
      END AS started_at
    FROM seed_t t
    JOIN seed_quiz q ON (q.kind = 'LESSON_CHECK' AND q.lesson_idx < t.lessons_done) OR (q.kind = 'FINAL' AND t.lessons_done = ${L} AND t.takes_final)
    LEFT JOIN seed_lesson ls ON ls.idx = q.lesson_idx
    CROSS JOIN LATERAL generate_series(1, CASE WHEN q.kind = 'FINAL' THEN ${FINAL_TRIES}
      ELSE 1 + (pg_temp.r(t.i * 16 + q.idx, 43) < 0.5)::int + (pg_temp.r(t.i * 16 + q.idx, 44) < 0.25)::int + (pg_temp.r(t.i * 16 + q.idx, 45) < 0.1)::int END) n
    WHERE t.starts;
    ALTER TABLE seed_try ADD COLUMN start_off int;
    UPDATE seed_try s SET start_off = floor(pg_temp.r(s.key, 46) * q.pool)::int FROM seed_quiz q WHERE q.idx = s.quiz_idx;
    -- Each try's grade, from the same hashes its answers use below.
    CREATE TEMP TABLE seed_score ON COMMIT DROP AS
    SELECT s.key, sum(${answerEarned("s")})::int AS earned, q.draw * 100 AS possible
    FROM seed_try s JOIN seed_quiz q ON q.idx = s.quiz_idx
    CROSS JOIN LATERAL generate_series(0, q.draw - 1) j
    JOIN seed_pool p ON p.quiz_idx = s.quiz_idx AND p.qidx = (s.start_off + j) % q.pool
    GROUP BY s.key, q.draw;
    CREATE UNIQUE INDEX ON seed_score (key);
    -- Final tries stop at the first pass; a trainer who never passes gives up after 1 to 5.
    CREATE TEMP TABLE seed_a ON COMMIT DROP AS
    WITH graded AS (
      SELECT s.*, sc.earned, sc.possible, (sc.earned * 100 / sc.possible) AS score, (sc.earned * 100 / sc.possible) >= q.pass_mark AS passed
      FROM seed_try s JOIN seed_score sc USING (key) JOIN seed_quiz q ON q.idx = s.quiz_idx
    ), first_pass AS (
      SELECT i, min(n) FILTER (WHERE passed) AS pass_n FROM graded WHERE kind = 'FINAL' GROUP BY i
    )
    SELECT g.*, 'lga' || lpad(g.key::text, 9, '0') AS id, fp.pass_n
    FROM graded g LEFT JOIN first_pass fp ON fp.i = g.i AND g.kind = 'FINAL'
    WHERE g.started_at < ${now} - interval '1 hour'
      AND (g.kind = 'LESSON_CHECK' OR g.n <= coalesce(fp.pass_n, 1 + floor(pg_temp.r(g.i, 47) * ${FINAL_TRIES})::int));
    -- A final started after the last graded one, never submitted (one in ten who have not passed).
    INSERT INTO seed_a (i, user_id, quiz_idx, n, key, p, kind, started_at, start_off, id)
    SELECT a.i, a.user_id, a.quiz_idx, a.n + 1, a.key + 1, a.p, 'OPEN', a.started_at + interval '1 day', floor(pg_temp.r(a.key + 1, 46) * q.pool)::int, 'lga' || lpad((a.key + 1)::text, 9, '0')
    FROM seed_a a JOIN seed_quiz q ON q.idx = a.quiz_idx
    WHERE a.kind = 'FINAL' AND a.pass_n IS NULL AND a.n < ${FINAL_TRIES} AND pg_temp.r(a.i, 48) < 0.1
      AND NOT EXISTS (SELECT 1 FROM seed_a b WHERE b.i = a.i AND b.kind = 'FINAL' AND b.n > a.n)
      AND a.started_at + interval '1 day' < ${now};
    CREATE INDEX ON seed_a (i);
    ANALYZE seed_a;
    `,
  );
  step(
    "quiz attempts",
    `INSERT INTO "QuizAttempt" (id, "userId", "quizId", number, status, draw, "startedAt", "deadlineAt", "submittedAt", "gradedAt",
       "earnedHundredths", "possibleHundredths", "scorePercent", passed, "attestedAt")
     SELECT a.id, a.user_id, q.id, a.n, (CASE WHEN a.kind = 'OPEN' THEN 'IN_PROGRESS' ELSE 'GRADED' END)::"AttemptStatus", d.draw, a.started_at,
       CASE WHEN q.kind = 'FINAL' THEN a.started_at + interval '30 minutes' END,
       sub.at, sub.at, a.earned, a.possible, a.score, a.passed,
       CASE WHEN a.kind = 'FINAL' THEN sub.at END
     FROM seed_a a JOIN seed_quiz q ON q.idx = a.quiz_idx JOIN seed_draw d ON d.quiz_idx = a.quiz_idx AND d.start_off = a.start_off
     CROSS JOIN LATERAL (SELECT CASE WHEN a.kind <> 'OPEN' THEN a.started_at + interval '1 minute' * (CASE WHEN a.kind = 'FINAL' THEN 6 + pg_temp.r(a.key, 49) * 20 ELSE 1 + pg_temp.r(a.key, 49) * 3 END) END AS at) sub`,
    "QuizAttempt",
  );
  step(
    "attempt answers",
    `INSERT INTO "AttemptAnswer" (id, "attemptId", "questionId", "questionVersion", response, earned, correct, "updatedAt")
     SELECT 'lgw' || lpad(s.key::text, 9, '0') || 'q' || j, s.id, p.question_id, p.version,
       ${answerResponse("s")}, ${answerEarned("s")}, ${answerEarned("s")} = 100,
       s.started_at + interval '1 minute'
     FROM seed_a s JOIN seed_quiz q ON q.idx = s.quiz_idx
     CROSS JOIN LATERAL generate_series(0, q.draw - 1) j
     JOIN seed_pool p ON p.quiz_idx = s.quiz_idx AND p.qidx = (s.start_off + j) % q.pool
     WHERE s.kind <> 'OPEN'`,
    "AttemptAnswer",
  );

  // ---------------------------------------------------------------- completions, credit, certificates
  step(
    "completion plan",
    `
    CREATE TEMP TABLE seed_done ON COMMIT DROP AS
    SELECT t.i, t.id AS user_id, t.body, t.second_body, t.first, t.last, a.id AS attempt_id, a.n AS attempt_n, a.score,
      a.started_at + interval '30 minutes' AS completed_at,
      'lgk' || lpad(t.i::text, 6, '0') AS cert_id,
      pr.ok AS primary_ok, sec.ok AS second_ok
    FROM seed_a a JOIN seed_t t ON t.i = a.i
    CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM seed_approval ap WHERE ap.body = t.body AND (a.started_at + interval '30 minutes')::date BETWEEN ap.valid_from AND ap.valid_until) AS ok) pr
    CROSS JOIN LATERAL (SELECT t.second_body IS NOT NULL AND EXISTS (SELECT 1 FROM seed_approval ap WHERE ap.body = t.second_body AND (a.started_at + interval '30 minutes')::date BETWEEN ap.valid_from AND ap.valid_until) AS ok) sec
    WHERE a.kind = 'FINAL' AND a.passed AND a.started_at + interval '30 minutes' < ${now};
    CREATE UNIQUE INDEX ON seed_done (i);
    ANALYZE seed_done;
    `,
  );
  step(
    "credit awards",
    `INSERT INTO "CreditEntry" (id, "userId", kind, "amountHundredths", "certifyingBody", "certificationId", "courseId", "awardCourseId", "courseNumber", "attemptId", "occurredAt")
     SELECT 'lgc' || lpad(d.i::text, 6, '0') || 'award', d.user_id, 'AWARD'::"CreditKind", ap.hundredths, d.body::"CertifyingBody", d.cert_id, ${lit(course.id)}, ${lit(course.id)}, ap.approval_number, d.attempt_id, d.completed_at
     FROM seed_done d JOIN seed_approval ap ON ap.body = d.body WHERE d.primary_ok
     UNION ALL
     SELECT 'lgc' || lpad(d.i::text, 6, '0') || 'awardb', d.user_id, 'AWARD'::"CreditKind", ap.hundredths, d.second_body::"CertifyingBody", d.cert_id || 'b', ${lit(course.id)}, ${lit(course.id)}, ap.approval_number, d.attempt_id, d.completed_at
     FROM seed_done d JOIN seed_approval ap ON ap.body = d.second_body WHERE d.second_ok`,
    "CreditEntry",
  );
  step(
    "course completions",
    `INSERT INTO "CourseCompletion" (id, "userId", "courseId", "courseRevision", "courseVersion", "certifyingBody", "certificationNumber", "providerNumber", "approvalNumber",
       "creditHundredths", "creditEntryId", "contactMinutes", "attemptId", "scorePercent", "attestedAt", "startedAt", "completedAt", evidence)
     SELECT 'lgo' || lpad(d.i::text, 6, '0'), d.user_id, ${lit(course.id)}, ${course.revision}, ${lit(course.version)}, d.body::"CertifyingBody", c."certificationNumber",
       pv.provider_number, CASE WHEN d.primary_ok THEN ap.approval_number END,
       CASE WHEN d.primary_ok THEN ap.hundredths ELSE 0 END,
       CASE WHEN d.primary_ok THEN 'lgc' || lpad(d.i::text, 6, '0') || 'award' END,
       ${course.contactMinutes}, d.attempt_id, d.score, a."attestedAt", ev.started, d.completed_at,
       jsonb_build_object('lessons', ev.lessons, 'attemptNumber', d.attempt_n,
         'creditNote', CASE WHEN d.primary_ok THEN NULL ELSE 'no ' || d.body || ' approval valid on ' || to_char(d.completed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') || ' (' || CASE WHEN ap.body IS NULL THEN 'not-submitted' WHEN d.completed_at::date < ap.valid_from THEN 'not-yet-valid' ELSE 'expired' END || ')' END)
     FROM seed_done d
     JOIN "Certification" c ON c.id = d.cert_id
     JOIN "QuizAttempt" a ON a.id = d.attempt_id
     LEFT JOIN seed_approval ap ON ap.body = d.body
     LEFT JOIN seed_provider pv ON pv.body = d.body
     CROSS JOIN LATERAL (
       SELECT min(lp."startedAt") AS started,
         jsonb_agg(jsonb_build_object('slug', l.slug, 'title', l.title, 'revision', lp."completedRevision", 'observedSeconds', lp."observedSeconds",
           'requiredSeconds', l.est, 'startedAt', to_char(lp."startedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
           'completedAt', to_char(lp."completedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY l.idx) AS lessons
       FROM seed_lesson l JOIN "LessonProgress" lp ON lp.id = 'lgp' || lpad(d.i::text, 6, '0') || 'l' || l.idx
     ) ev`,
    "CourseCompletion",
  );
  // Certificates for all but about one completion in thirty (the rest wait in the admin queue); one in a
  // hundred later revoked. Codes follow the canonical pattern (Crockford symbols from a hash).
  step(
    "certificates",
    `INSERT INTO "Certificate" (id, code, "userId", "courseId", "creditEntryId", status, "trainerName", "certificationNumber", "certifyingBody", "courseTitle", "courseVersion",
       "courseNumber", "providerNumber", "contactMinutes", "creditHundredths", "scorePercent", "completedAt", "issuedAt", "issuedById", "revokedAt", "revokedById", "revocationReason")
     SELECT 'lgx' || lpad(d.i::text, 6, '0'), code.v, d.user_id, ${lit(course.id)}, cc."creditEntryId",
       (CASE WHEN pg_temp.r(d.i, 61) < 0.01 THEN 'REVOKED' ELSE 'ISSUED' END)::"CertificateStatus",
       d.first || ' ' || d.last, cc."certificationNumber", cc."certifyingBody", ${lit(course.title)}, ${lit(course.version)},
       cc."approvalNumber", cc."providerNumber", cc."contactMinutes", cc."creditHundredths", cc."scorePercent", cc."completedAt", iss.at, ${lit(adminId)},
       CASE WHEN pg_temp.r(d.i, 61) < 0.01 THEN iss.at + (${now} - iss.at) * 0.5 END,
       CASE WHEN pg_temp.r(d.i, 61) < 0.01 THEN ${lit(adminId)} END,
       CASE WHEN pg_temp.r(d.i, 61) < 0.01 THEN 'Issued to the wrong certification number' END
     FROM seed_done d JOIN "CourseCompletion" cc ON cc.id = 'lgo' || lpad(d.i::text, 6, '0')
     CROSS JOIN LATERAL (SELECT least(${now} - interval '1 minute', d.completed_at + interval '1 day' * pg_temp.r(d.i, 62) * 5) AS at) iss
     CROSS JOIN LATERAL (
       SELECT 'BKCE-' || substr(s, 1, 5) || '-' || substr(s, 6, 5) || '-' || substr(s, 11, 5) || '-' || substr(s, 16, 5) || '-' || substr(s, 21, 6) AS v
       FROM (SELECT string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', 1 + (get_byte(b, k) % 32), 1), '' ORDER BY k) AS s
             FROM (SELECT decode(md5('lgx' || d.i || ':a') || md5('lgx' || d.i || ':b'), 'hex') AS b) bb, generate_series(0, 25) k) sy
     ) code
     WHERE pg_temp.r(d.i, 60) < 0.965`,
    "Certificate",
  );
  step(
    "certificate requests",
    `INSERT INTO "CertificateRequest" (id, "userId", "courseId", status, "certificateId", "createdAt", "updatedAt")
     SELECT 'lgr' || lpad(d.i::text, 6, '0'), d.user_id, ${lit(course.id)}, (CASE WHEN x.id IS NULL THEN 'PENDING' ELSE 'ISSUED' END)::"RequestStatus", x.id, d.completed_at, coalesce(x."issuedAt", d.completed_at)
     FROM seed_done d LEFT JOIN "Certificate" x ON x.id = 'lgx' || lpad(d.i::text, 6, '0')`,
    "CertificateRequest",
  );
  step(
    "notifications",
    `INSERT INTO "Notification" (id, "userId", kind, title, body, href, "createdAt", "readAt", "mailedAt")
     SELECT 'lgn' || substr(x.id, 4), x."userId", 'CERTIFICATE_ISSUED', 'Your certificate is ready', 'Your certificate for ' || x."courseTitle" || ' has been issued.',
       '/certificates', x."issuedAt", CASE WHEN pg_temp.r(d.i, 63) < 0.7 THEN x."issuedAt" + interval '2 days' END, x."issuedAt"
     FROM seed_done d JOIN "Certificate" x ON x.id = 'lgx' || lpad(d.i::text, 6, '0')`,
    "Notification",
  );

  // ---------------------------------------------------------------- the rest of the ledger
  // Credit from elsewhere entered by an admin: on average about 19 entries per trainer over up to
  // four years (external courses, workshops), a few negative corrections (never a trainer's first
  // entry), then one in a hundred reversed.
  step(
    "credit adjustments",
    `INSERT INTO "CreditEntry" (id, "userId", kind, "amountHundredths", "certifyingBody", "certificationId", reason, "createdById", "occurredAt")
     SELECT 'lgc' || lpad(t.i::text, 6, '0') || 'a' || k, t.id, 'ADJUSTMENT',
       CASE WHEN k > 0 AND pg_temp.r(t.i * 64 + k, 71) < 0.05 THEN -10 * (1 + floor(pg_temp.r(t.i * 64 + k, 72) * 5)::int) ELSE 10 * (3 + floor(pg_temp.r(t.i * 64 + k, 72) * 13)::int) END,
       b.body::"CertifyingBody", b.cert,
       CASE WHEN k > 0 AND pg_temp.r(t.i * 64 + k, 71) < 0.05 THEN pg_temp.pick(${textArray(CORRECTION_REASONS)}, t.i * 64 + k, 73) ELSE pg_temp.pick(${textArray(ADJUSTMENT_REASONS)}, t.i * 64 + k, 73) END,
       ${lit(adminId)},
       greatest(t.certified_on::timestamptz, ${now} - interval '4 years') + (${now} - interval '1 day' - greatest(t.certified_on::timestamptz, ${now} - interval '4 years')) * pg_temp.r(t.i * 64 + k, 74)
     FROM seed_t t
     CROSS JOIN LATERAL generate_series(0, floor(pg_temp.r(t.i, 70) * 41)::int - 1) k
     CROSS JOIN LATERAL (SELECT CASE WHEN t.second_body IS NOT NULL AND pg_temp.r(t.i * 64 + k, 75) < 0.3 THEN t.second_body ELSE t.body END AS body,
       CASE WHEN t.second_body IS NOT NULL AND pg_temp.r(t.i * 64 + k, 75) < 0.3 THEN 'lgk' || lpad(t.i::text, 6, '0') || 'b' ELSE 'lgk' || lpad(t.i::text, 6, '0') END AS cert) b`,
    "CreditEntry",
  );
  step(
    "credit reversals",
    `INSERT INTO "CreditEntry" (id, "userId", kind, "amountHundredths", "certifyingBody", "certificationId", "reversesEntryId", reason, "createdById", "occurredAt")
     SELECT 'lgc' || substr(e.id, 4) || 'r', e."userId", 'REVERSAL', -e."amountHundredths", e."certifyingBody", e."certificationId", e.id,
       'Reversed: entered against the wrong trainer', ${lit(adminId)}, e."occurredAt" + (${now} - e."occurredAt") * 0.3
     FROM "CreditEntry" e
     WHERE e.kind = 'ADJUSTMENT' AND e.id >= 'lgc' || lpad('${from}', 6, '0') AND e.id < 'lgc' || lpad('${to}', 6, '0')
       AND pg_temp.r(hashtext(e.id), 76) < 0.01`,
    "CreditEntry",
  );

  // ---------------------------------------------------------------- audit log, oldest first
  step(
    "audit log",
    `INSERT INTO "AuditLog" ("actorId", action, "targetType", "targetId", data, "createdAt")
     SELECT actor, action, target_type, target_id, data, at FROM (
       SELECT id AS actor, 'user.sign-up' AS action, 'user' AS target_type, id AS target_id, jsonb_build_object('certifyingBody', body) AS data, created_at AS at FROM seed_t
       UNION ALL
       SELECT user_id, 'quiz.grade', 'quiz-attempt', id, jsonb_build_object('scorePercent', score, 'passed', passed), started_at + interval '10 minutes' FROM seed_a WHERE kind = 'FINAL'
       UNION ALL
       SELECT user_id, 'course.complete', 'course-completion', 'lgo' || lpad(i::text, 6, '0'), jsonb_build_object('courseId', ${lit(course.id)}, 'attemptId', attempt_id, 'certifyingBody', body, 'credited', primary_ok), completed_at FROM seed_done
       UNION ALL
       SELECT coalesce(e."createdById", e."userId"), CASE e.kind WHEN 'AWARD' THEN 'credit.award' WHEN 'ADJUSTMENT' THEN 'credit.adjust' ELSE 'credit.reverse' END, 'credit-entry', e.id,
         jsonb_build_object('userId', e."userId", 'amountHundredths', e."amountHundredths", 'reason', e.reason, 'certifyingBody', e."certifyingBody"), e."occurredAt"
       FROM "CreditEntry" e JOIN seed_t t ON t.id = e."userId"
       UNION ALL
       SELECT ${lit(adminId)}, 'certificate.issue', 'certificate', x.id, jsonb_build_object('userId', x."userId", 'courseId', x."courseId"), x."issuedAt"
       FROM "Certificate" x JOIN seed_t t ON t.id = x."userId"
     ) rows ORDER BY at`,
    "AuditLog",
  );
  return steps;
}

/** Hundredths a try's j-th drawn question earns: right with probability p, else one of two wrong answers. */
function answerEarned(s: string): string {
  return `(CASE WHEN pg_temp.r(${s}.key * 64 + j, 50) < ${s}.p THEN p.e_right WHEN pg_temp.r(${s}.key * 64 + j, 51) < 0.6 THEN p.e_wrong1 ELSE p.e_wrong2 END)`;
}
function answerResponse(s: string): string {
  return `(CASE WHEN pg_temp.r(${s}.key * 64 + j, 50) < ${s}.p THEN p.right_r WHEN pg_temp.r(${s}.key * 64 + j, 51) < 0.6 THEN p.wrong1 ELSE p.wrong2 END)`;
}
