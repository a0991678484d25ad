import "server-only";
import { db } from "@/lib/db";
import type { TItemAnalysis } from "./item-analysis";

// Raw because this is a report over every graded answer of a quiz (millions of rows at
// 100,000 trainers): PostgreSQL aggregates them where they lie and returns one row per question,
// instead of sending each answer to the server to be counted in JavaScript (7 s for 150,000
// answers that way; see docs/performance.md, "Data at scale"). It computes exactly what
// lib/quiz/item-analysis.ts `analyzeItems` defines (the pure version stays as the specification,
// and item-stats.int.test.ts checks the two agree):
// - difficulty: share of answers earning the full 100; meanEarned: mean hundredths earned;
// - discrimination: the point-biserial r of correctness with the attempt's score, null when
//   undefined (fewer than two answers, all right or all wrong, all scores equal);
// - upperLowerIndex: Kelley's 27% groups ranked by score, ties split by attempt id, group size
//   Math.round(n * 0.27) (floor(x + 0.5) on a double, as JavaScript rounds);
// - distribution: each distinct choice an answer made (option id, "true"/"false", the ordering
//   joined with " > ", "pair=choice", the number), most chosen first; blank: answers choosing nothing.

type TItemStatsRow = {
  questionId: string;
  attempts: number;
  correct: number;
  earnedSum: number;
  discrimination: number | null;
  upperLowerIndex: number | null;
  distribution: { choice: string; count: number }[] | null;
  blank: number;
};

/** Item statistics for every question answered in a graded attempt of `quizId`, by question id. */
export async function aggregateItemStats(quizId: string): Promise<TItemAnalysis[]> {
  const rows = await db.$queryRaw<TItemStatsRow[]>`
    WITH answers AS MATERIALIZED (
      SELECT w."attemptId" AS attempt_id, w."questionId" AS question_id, COALESCE(w.earned, 0) AS earned,
        (COALESCE(w.earned, 0) >= 100)::int AS c, COALESCE(a."scorePercent", 0) AS total,
        CASE w.response->>'type'
          WHEN 'single' THEN ARRAY[w.response->>'optionId']
          WHEN 'true-false' THEN ARRAY[w.response->>'value']
          WHEN 'numeric' THEN ARRAY[w.response->>'value']
          WHEN 'multiple' THEN CASE WHEN jsonb_typeof(w.response->'optionIds') = 'array'
            THEN ARRAY(SELECT DISTINCT e FROM jsonb_array_elements_text(w.response->'optionIds') e) END
          WHEN 'ordering' THEN CASE WHEN jsonb_typeof(w.response->'itemIds') = 'array'
            THEN ARRAY[COALESCE((SELECT string_agg(e, ' > ' ORDER BY o) FROM jsonb_array_elements_text(w.response->'itemIds') WITH ORDINALITY t(e, o)), '')] END
          WHEN 'matching' THEN CASE WHEN jsonb_typeof(w.response->'pairs') = 'object'
            THEN ARRAY(SELECT DISTINCT k || '=' || v FROM jsonb_each_text(w.response->'pairs') p(k, v)) END
        END AS chosen
      FROM "AttemptAnswer" w JOIN "QuizAttempt" a ON a.id = w."attemptId"
      WHERE a."quizId" = ${quizId} AND a.status = 'GRADED'
    ),
    ranked AS (
      SELECT question_id, c, earned, total, (COALESCE(cardinality(array_remove(chosen, NULL)), 0) = 0)::int AS is_blank,
        row_number() OVER (PARTITION BY question_id ORDER BY total DESC, attempt_id COLLATE "C") AS rk,
        count(*) OVER (PARTITION BY question_id) AS n
      FROM answers
    ),
    stats AS (
      SELECT question_id, n::int AS attempts, sum(c)::int AS correct, sum(earned)::float8 AS earned_sum,
        sum(total)::float8 AS sy, sum(total::float8 * total) AS syy, sum(c * total)::float8 AS scy,
        min(total) AS lo, max(total) AS hi, sum(is_blank)::int AS blank,
        GREATEST(1, floor(n * 0.27::float8 + 0.5))::int AS size,
        sum(c) FILTER (WHERE rk <= GREATEST(1, floor(n * 0.27::float8 + 0.5)))::float8 AS upper_c,
        sum(c) FILTER (WHERE rk > n - GREATEST(1, floor(n * 0.27::float8 + 0.5)))::float8 AS lower_c
      FROM ranked GROUP BY question_id, n
    ),
    choices AS (
      SELECT question_id, choice, count(*)::int AS count
      FROM answers CROSS JOIN LATERAL unnest(chosen) AS choice
      WHERE choice IS NOT NULL
      GROUP BY question_id, choice
    ),
    distributions AS (
      SELECT question_id, jsonb_agg(jsonb_build_object('choice', choice, 'count', count) ORDER BY count DESC, choice COLLATE "C") AS distribution
      FROM choices GROUP BY question_id
    )
    SELECT s.question_id AS "questionId", s.attempts, s.correct, s.earned_sum AS "earnedSum",
      CASE WHEN s.attempts < 2 OR s.correct = 0 OR s.correct = s.attempts OR s.lo = s.hi THEN NULL
        ELSE GREATEST(-1, LEAST(1, (s.scy - s.correct * s.sy / s.attempts)
          / sqrt((s.correct - s.correct::float8 * s.correct / s.attempts) * (s.syy - s.sy * s.sy / s.attempts)))) END AS discrimination,
      CASE WHEN s.attempts < 2 THEN NULL ELSE s.upper_c / s.size - s.lower_c / s.size END AS "upperLowerIndex",
      d.distribution, s.blank
    FROM stats s LEFT JOIN distributions d ON d.question_id = s.question_id
    ORDER BY s.question_id COLLATE "C"`;
  return rows.map((r) => ({
    questionId: r.questionId,
    attempts: r.attempts,
    difficulty: r.correct / r.attempts,
    meanEarned: r.earnedSum / r.attempts,
    discrimination: r.discrimination,
    upperLowerIndex: r.upperLowerIndex,
    distribution: r.distribution ?? [],
    blank: r.blank,
  }));
}
