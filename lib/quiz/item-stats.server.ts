import "server-only";
import { db } from "@/lib/db";
import type { TItemAnalysis } from "./item-analysis";
import { aggregateItemStats, foldItemStats, lockItemStatsWatermark } from "./item-stats.sql.server";

// Item analysis kept up to date by folding (docs/decisions/016-item-analysis-rollup.md). Folding
// happens when the report is read (and after the large seed), never in the submission path.

/**
 * How far behind the clock the watermark stays. An attempt's gradedAt is the app's clock taken
 * before its submission transaction commits (lib/quiz/quiz-attempts.sql.server.ts), so an attempt
 * can become visible with a gradedAt earlier than a watermark already set: folding only up to
 * now − lag leaves such late commits (a submission is a few-second transaction) in the live part,
 * where they are still counted, instead of missing them forever. Ten minutes also absorbs clock
 * differences between app instances.
 */
export const ITEM_STATS_FOLD_LAG_MS = 10 * 60_000;

// The first build of a quiz at 100,000 trainers reads every answer (tens of seconds).
const FOLD_TIMEOUT_MS = 15 * 60_000;

/**
 * Folds the quiz's attempts graded before now − lag into its rollups and advances the watermark,
 * in one transaction holding the watermark row. Skipped (folded: null) when another transaction
 * holds the row; the report is still exact then, just with more answers aggregated live.
 */
export async function refreshItemStats(quizId: string, { now = new Date(), lagMs = ITEM_STATS_FOLD_LAG_MS }: { now?: Date; lagMs?: number } = {}) {
  const to = new Date(now.getTime() - lagMs);
  return db.$transaction(
    async (tx) => {
      const watermark = await lockItemStatsWatermark(tx, quizId);
      if (!watermark.locked) return { folded: null, gradedBefore: null };
      const from = watermark.gradedBefore;
      if (from !== null && from.getTime() >= to.getTime()) return { folded: 0, gradedBefore: from };
      const folded = await foldItemStats(tx, { quizId, from, to });
      return { folded, gradedBefore: to };
    },
    { timeout: FOLD_TIMEOUT_MS, maxWait: 10_000 },
  );
}

/** Item statistics of a quiz's graded answers: folds what is due, then reads rollups plus the live part. */
export async function readItemStats(quizId: string, options: { now?: Date; lagMs?: number } = {}): Promise<TItemAnalysis[]> {
  await refreshItemStats(quizId, options);
  return (await aggregateItemStats(quizId)).items;
}
