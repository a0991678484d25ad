import "server-only";
import type { TDb } from "@/lib/db/client";
import type { TItemAnalysis } from "./item-analysis";
import type { TSqlClient } from "@/lib/db/client";
import { aggregateItemStats, ensureItemStatsWatermark, foldItemStats, lockItemStatsWatermark, selectItemStatsWatermark } from "./item-stats.sql.server";

// Item analysis kept up to date by folding (docs/decisions/016-item-analysis-rollup.md). Folding
// happens when the report is read (and after the large seed), never in the submission path. The
// client is a parameter so that scripts (prisma/seed-large.ts) fold with their own.

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

type TFoldOptions = { now?: Date; lagMs?: number };

/**
 * With the watermark row locked: folds the quiz's attempts graded before now − lag into its
 * rollups and advances the watermark. Null when another transaction holds the row (a fold in
 * progress, a regrade's reset): nothing folded, the caller reads the stored watermark instead.
 */
async function foldDue(tx: TSqlClient, quizId: string, { now = new Date(), lagMs = ITEM_STATS_FOLD_LAG_MS }: TFoldOptions) {
  const to = new Date(now.getTime() - lagMs);
  const watermark = await lockItemStatsWatermark(tx, quizId);
  if (!watermark.locked) return null;
  const from = watermark.gradedBefore;
  if (from !== null && from.getTime() >= to.getTime()) return { folded: 0, gradedBefore: from };
  return { folded: await foldItemStats(tx, { quizId, from, to }), gradedBefore: to };
}

/** Folds what is due in a transaction of its own (seed, tests); `folded: null` when another transaction held the row. */
export async function refreshItemStats(client: TDb, quizId: string, options: TFoldOptions = {}) {
  await ensureItemStatsWatermark(client, quizId);
  const result = await client.$transaction((tx) => foldDue(tx, quizId, options), { timeout: FOLD_TIMEOUT_MS, maxWait: 10_000 });
  return result ?? { folded: null, gradedBefore: null };
}

/**
 * Item statistics of a quiz's graded answers: folds what is due, then reads rollups plus the live
 * part in the same transaction, the watermark row still held so no fold or reset can move it in
 * between. When another transaction holds the row it reads with the stored watermark, and again if
 * that moved meanwhile; after three such misses, everything live (exact, slow).
 */
export async function readItemStats(client: TDb, quizId: string, options: TFoldOptions = {}): Promise<TItemAnalysis[]> {
  await ensureItemStatsWatermark(client, quizId);
  for (let tries = 0; tries < 3; tries++) {
    const read = await client.$transaction(
      async (tx) => {
        const folded = await foldDue(tx, quizId, options);
        return aggregateItemStats(tx, quizId, folded ? folded.gradedBefore : await selectItemStatsWatermark(tx, quizId));
      },
      { timeout: FOLD_TIMEOUT_MS, maxWait: 10_000 },
    );
    if (read.consistent) return read.items;
  }
  return (await aggregateItemStats(client, quizId, null)).items;
}
