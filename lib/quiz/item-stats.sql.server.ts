import "server-only";
import type { TSqlClient } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TItemAnalysis } from "./item-analysis";

// Raw because this is a report over every graded answer of a quiz (millions of rows at 100,000
// trainers), kept up to date by folding (docs/decisions/016-item-analysis-rollup.md): answers of
// attempts graded before the quiz's watermark are counted in two rollups (by question, attempt
// score and earned; by question and choice), added to with one multi-row
// `INSERT … ON CONFLICT DO UPDATE` per fold, and the report sums those rows with a live aggregate
// of the few attempts graded since, in one statement (one snapshot). The watermark row is locked
// `FOR UPDATE SKIP LOCKED`, which Prisma cannot express. The report computes exactly what
// lib/quiz/item-analysis.ts `analyzeItems` defines (the pure version stays as the specification,
// and item-stats.int.test.ts checks the two agree):
// - difficulty: share of answers earning the full 100; meanEarned: mean hundredths earned;
// - discrimination: the point-biserial r of correctness with the attempt's score, from sums,
//   null when undefined (fewer than two answers, all right or all wrong, all scores equal);
// - upperLowerIndex: Kelley's 27% groups from the score histogram, group size Math.round(n * 0.27)
//   (floor(x + 0.5) on a double, as JavaScript rounds); the attempts tied at a group's boundary
//   score share its remaining places in proportion, each contributing its score's correct share;
// - distribution: each distinct choice an answer made (option id, "true"/"false", the ordering
//   joined with " > ", "pair=choice", the number), most chosen first; blank: answers choosing nothing.

// What an answer chose, as `chosenOf` names it; NULL or an empty array when nothing.
const CHOSEN = Prisma.sql`CASE w.response->>'type'
    WHEN 'single' THEN ARRAY[w.response->>'optionId']
    WHEN 'true-false' THEN ARRAY[w.response->>'value']
    WHEN 'numeric' THEN ARRAY[w.response->>'value']
    WHEN 'multiple' THEN CASE WHEN jsonb_typeof(w.response->'optionIds') = 'array'
      THEN ARRAY(SELECT DISTINCT e FROM jsonb_array_elements_text(w.response->'optionIds') e) END
    WHEN 'ordering' THEN CASE WHEN jsonb_typeof(w.response->'itemIds') = 'array'
      THEN ARRAY[COALESCE((SELECT string_agg(e, ' > ' ORDER BY o) FROM jsonb_array_elements_text(w.response->'itemIds') WITH ORDINALITY t(e, o)), '')] END
    WHEN 'matching' THEN CASE WHEN jsonb_typeof(w.response->'pairs') = 'object'
      THEN ARRAY(SELECT DISTINCT k || '=' || v FROM jsonb_each_text(w.response->'pairs') p(k, v)) END
  END`;
const IS_BLANK = Prisma.sql`(COALESCE(cardinality(array_remove(chosen, NULL)), 0) = 0)`;

/**
 * Creates the quiz's watermark row, unbuilt, if missing. Run on its own (autocommit), before the
 * fold's transaction: inserted inside it, the row would stay uncommitted for a whole first build,
 * and every other reader's insert would wait for that instead of skipping the locked row.
 */
export async function ensureItemStatsWatermark(client: TSqlClient, quizId: string): Promise<void> {
  await client.$executeRaw`
    INSERT INTO "ItemStatsWatermark" ("quizId", "gradedBefore", "updatedAt")
    SELECT id, NULL, now() FROM "Quiz" WHERE id = ${quizId}
    ON CONFLICT ("quizId") DO NOTHING`;
}

/**
 * Locks the quiz's watermark row until the transaction ends and returns the watermark: attempts
 * graded before it are in the rollups; null when not built. `locked: false` when another
 * transaction holds the row (a fold in progress, a regrade's reset) or there is none: the caller
 * then reads without folding rather than queueing behind a build.
 */
export async function lockItemStatsWatermark(tx: TSqlClient, quizId: string): Promise<{ locked: boolean; gradedBefore: Date | null }> {
  const rows = await tx.$queryRaw<{ gradedBefore: Date | null }[]>`
    SELECT "gradedBefore" FROM "ItemStatsWatermark" WHERE "quizId" = ${quizId} FOR UPDATE SKIP LOCKED`;
  return rows.length ? { locked: true, gradedBefore: rows[0].gradedBefore } : { locked: false, gradedBefore: null };
}

/**
 * Adds the answers of the quiz's attempts graded in [from, to) (from null: everything before `to`,
 * after emptying the rollups) to the rollups and moves the watermark to `to`. Run with the
 * watermark row locked (lockItemStatsWatermark), in the same transaction. Returns the answers folded.
 */
export async function foldItemStats(tx: TSqlClient, { quizId, from, to }: { quizId: string; from: Date | null; to: Date }): Promise<number> {
  if (from === null) {
    await tx.$executeRaw`DELETE FROM "ItemScoreRollup" WHERE "quizId" = ${quizId}`;
    await tx.$executeRaw`DELETE FROM "ItemChoiceRollup" WHERE "quizId" = ${quizId}`;
  }
  const since = from === null ? Prisma.empty : Prisma.sql`AND a."gradedAt" >= ${from}`;
  const rows = await tx.$queryRaw<{ answers: number }[]>`
    WITH answers AS MATERIALIZED (
      SELECT w."questionId" AS question_id, COALESCE(w.earned, 0) AS earned, COALESCE(a."scorePercent", 0) AS total, ${CHOSEN} AS chosen
      FROM "QuizAttempt" a JOIN "AttemptAnswer" w ON w."attemptId" = a.id
      WHERE a."quizId" = ${quizId} AND a.status = 'GRADED' AND a."gradedAt" < ${to} ${since}
    ),
    scores AS (
      INSERT INTO "ItemScoreRollup" ("quizId", "questionId", total, earned, answers, blanks)
      SELECT ${quizId}, question_id, total, earned, count(*)::int, (count(*) FILTER (WHERE ${IS_BLANK}))::int
      FROM answers GROUP BY question_id, total, earned
      ON CONFLICT ("quizId", "questionId", total, earned) DO UPDATE
      SET answers = "ItemScoreRollup".answers + EXCLUDED.answers, blanks = "ItemScoreRollup".blanks + EXCLUDED.blanks
    ),
    choices AS (
      INSERT INTO "ItemChoiceRollup" ("quizId", "questionId", choice, answers)
      SELECT ${quizId}, question_id, choice, count(*)::int
      FROM answers CROSS JOIN LATERAL unnest(chosen) AS choice
      WHERE choice IS NOT NULL
      GROUP BY question_id, choice
      ON CONFLICT ("quizId", "questionId", choice) DO UPDATE SET answers = "ItemChoiceRollup".answers + EXCLUDED.answers
    )
    SELECT count(*)::int AS answers FROM answers`;
  await tx.$executeRaw`UPDATE "ItemStatsWatermark" SET "gradedBefore" = ${to}, "updatedAt" = now() WHERE "quizId" = ${quizId}`;
  return rows[0]?.answers ?? 0;
}

/**
 * Marks the quiz's rollups unbuilt and empties them, for a change to graded answers or scores
 * (a regrade): the next report read rebuilds. The watermark row is updated first, in a statement of
 * its own, so this waits for a fold in progress and then also deletes the rows that fold wrote.
 */
export async function forgetItemStats(tx: TSqlClient, quizId: string): Promise<void> {
  await tx.$executeRaw`UPDATE "ItemStatsWatermark" SET "gradedBefore" = NULL, "updatedAt" = now() WHERE "quizId" = ${quizId}`;
  await tx.$executeRaw`DELETE FROM "ItemScoreRollup" WHERE "quizId" = ${quizId}`;
  await tx.$executeRaw`DELETE FROM "ItemChoiceRollup" WHERE "quizId" = ${quizId}`;
}

type TItemStatsRow = {
  questionId: string;
  attempts: number;
  correct: number;
  earnedSum: number;
  discrimination: number | null;
  upperLowerIndex: number | null;
  distribution: { choice: string; count: number }[] | null;
  blank: number;
  liveAnswers: number;
  consistent: boolean;
};

/** The quiz's watermark as stored, without locking it (null when not built). */
export async function selectItemStatsWatermark(tx: TSqlClient, quizId: string): Promise<Date | null> {
  const rows = await tx.$queryRaw<{ gradedBefore: Date | null }[]>`SELECT "gradedBefore" FROM "ItemStatsWatermark" WHERE "quizId" = ${quizId}`;
  return rows[0]?.gradedBefore ?? null;
}

/**
 * Item statistics for every question answered in a graded attempt of `quizId`, by question id:
 * the rollups plus the answers of attempts graded at or after `watermark`, which the caller read
 * (as a parameter the planner sees it, and plans the live part as the few index lookups it is;
 * read inside the statement it was estimated at a third of the quiz's attempts, which chose a hash
 * join over every answer and 12 s of JIT compilation). `consistent` is false when the stored
 * watermark is no longer `watermark` (a fold or reset committed in between): the figures are then
 * wrong and the caller reads again. `watermark` null: no rollup, every graded answer live (the
 * slow path, as before the rollup). `liveAnswers` is how many answers were aggregated live.
 */
export async function aggregateItemStats(client: TSqlClient, quizId: string, watermark: Date | null): Promise<{ items: TItemAnalysis[]; liveAnswers: number; consistent: boolean }> {
  const since = watermark === null ? Prisma.empty : Prisma.sql`AND a."gradedAt" >= ${watermark}`;
  const rollup = watermark === null ? Prisma.sql`false` : Prisma.sql`EXISTS (SELECT 1 FROM wm WHERE w = ${watermark})`;
  const rows = await client.$queryRaw<TItemStatsRow[]>`
    WITH wm AS (
      SELECT "gradedBefore" AS w FROM "ItemStatsWatermark" WHERE "quizId" = ${quizId}
    ),
    live_attempts AS (
      SELECT a.id, a."scorePercent" FROM "QuizAttempt" a
      WHERE a."quizId" = ${quizId} AND a.status = 'GRADED' ${since}
      ${watermark === null ? Prisma.empty : Prisma.sql`UNION ALL
      SELECT a.id, a."scorePercent" FROM "QuizAttempt" a
      WHERE a."quizId" = ${quizId} AND a.status = 'GRADED' AND a."gradedAt" IS NULL`}
    ),
    live AS MATERIALIZED (
      SELECT w."questionId" AS question_id, COALESCE(w.earned, 0) AS earned, COALESCE(a."scorePercent", 0) AS total, ${CHOSEN} AS chosen
      FROM live_attempts a JOIN "AttemptAnswer" w ON w."attemptId" = a.id
    ),
    scores AS (
      SELECT question_id, total, earned, sum(n)::float8 AS n, sum(blanks)::float8 AS blanks FROM (
        SELECT r."questionId" AS question_id, r.total, r.earned, r.answers AS n, r.blanks FROM "ItemScoreRollup" r
        WHERE r."quizId" = ${quizId} AND ${rollup}
        UNION ALL
        SELECT question_id, total, earned, 1, ${IS_BLANK}::int FROM live
      ) s GROUP BY question_id, total, earned
    ),
    by_total AS (
      SELECT question_id, total, sum(n) AS n, COALESCE(sum(n) FILTER (WHERE earned >= 100), 0) AS c
      FROM scores GROUP BY question_id, total
    ),
    ranked AS (
      SELECT question_id, n, c,
        GREATEST(1, floor(sum(n) OVER (PARTITION BY question_id) * 0.27::float8 + 0.5)) AS size,
        COALESCE(sum(n) OVER (PARTITION BY question_id ORDER BY total DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS above,
        COALESCE(sum(n) OVER (PARTITION BY question_id ORDER BY total ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS below
      FROM by_total
    ),
    kelley AS (
      SELECT question_id,
        sum(c * GREATEST(0, LEAST(n, size - above)) / n) / min(size) - sum(c * GREATEST(0, LEAST(n, size - below)) / n) / min(size) AS index
      FROM ranked GROUP BY question_id
    ),
    stats AS (
      SELECT question_id, sum(n)::int AS attempts, COALESCE(sum(n) FILTER (WHERE earned >= 100), 0)::int AS correct,
        sum(n * earned) AS earned_sum, sum(n * total) AS sy, sum(n * total * total) AS syy,
        COALESCE(sum(n * total) FILTER (WHERE earned >= 100), 0) AS scy,
        min(total) AS lo, max(total) AS hi, sum(blanks)::int AS blank
      FROM scores GROUP BY question_id
    ),
    choices AS (
      SELECT question_id, choice, sum(n)::int AS count FROM (
        SELECT r."questionId" AS question_id, r.choice, r.answers AS n FROM "ItemChoiceRollup" r
        WHERE r."quizId" = ${quizId} AND ${rollup}
        UNION ALL
        SELECT question_id, choice, 1 FROM live CROSS JOIN LATERAL unnest(chosen) AS choice WHERE choice IS NOT NULL
      ) c GROUP BY question_id, choice
    ),
    distributions AS (
      SELECT question_id, jsonb_agg(jsonb_build_object('choice', choice, 'count', count) ORDER BY count DESC, choice COLLATE "C") AS distribution
      FROM choices GROUP BY question_id
    )
    SELECT s.question_id AS "questionId", s.attempts, s.correct, s.earned_sum AS "earnedSum",
      CASE WHEN s.attempts < 2 OR s.correct = 0 OR s.correct = s.attempts OR s.lo = s.hi THEN NULL
        ELSE GREATEST(-1, LEAST(1, (s.scy - s.correct * s.sy / s.attempts)
          / sqrt((s.correct - s.correct::float8 * s.correct / s.attempts) * (s.syy - s.sy * s.sy / s.attempts)))) END AS discrimination,
      CASE WHEN s.attempts < 2 THEN NULL ELSE k.index END AS "upperLowerIndex",
      d.distribution, s.blank, (SELECT count(*) FROM live)::int AS "liveAnswers", ${watermark === null ? Prisma.sql`true` : rollup} AS consistent
    FROM stats s JOIN kelley k ON k.question_id = s.question_id LEFT JOIN distributions d ON d.question_id = s.question_id
    ORDER BY s.question_id COLLATE "C"`;
  const items = rows.map((r) => ({
    questionId: r.questionId,
    attempts: r.attempts,
    difficulty: r.correct / r.attempts,
    meanEarned: r.earnedSum / r.attempts,
    discrimination: r.discrimination,
    upperLowerIndex: r.upperLowerIndex,
    distribution: r.distribution ?? [],
    blank: r.blank,
  }));
  if (rows.length === 0) {
    // No graded answer at all: nothing to be inconsistent with unless the watermark moved.
    const stored = await selectItemStatsWatermark(client, quizId);
    return { items, liveAnswers: 0, consistent: watermark === null || stored?.getTime() === watermark.getTime() };
  }
  return { items, liveAnswers: rows[0].liveAnswers, consistent: rows[0].consistent };
}
