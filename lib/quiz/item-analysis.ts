import type { TResponse } from "./quiz-schema";

// Classical item analysis for the admin question report: how hard each question is, whether it
// separates strong from weak attempts, and which distractors pull answers.

export type TItemRow = {
  attemptId: string;
  questionId: string;
  /** Hundredths earned on this question, 0..100; only 100 counts as correct. */
  earned: number;
  /** The attempt's total score, 0..100. */
  totalScorePercent: number;
  /** Option ids (or labels such as "true" or "12") the trainer chose; [] when unanswered. */
  chosen: readonly string[];
};

export type TItemAnalysis = {
  questionId: string;
  attempts: number;
  /** Proportion correct, 0..1 (the classical "p-value": higher is easier). */
  difficulty: number;
  /** Mean hundredths earned, 0..100: differs from difficulty * 100 only for partial credit. */
  meanEarned: number;
  /**
   * Point-biserial correlation of correctness with the attempt's total score, -1..1. Null when
   * undefined: fewer than two attempts, or everyone right, everyone wrong, or all totals equal.
   * The total includes this item, which inflates r slightly on short quizzes.
   */
  discrimination: number | null;
  /**
   * Kelley's upper/lower 27% index: proportion correct among the top 27% of attempts by total
   * minus that among the bottom 27%, -1..1. Null with fewer than two attempts. Attempts tied at a
   * group's boundary score share its remaining places in proportion (fractionally).
   */
  upperLowerIndex: number | null;
  /** How often each option or label was chosen, most chosen first. */
  distribution: { choice: string; count: number }[];
  /** Attempts that chose nothing. */
  blank: number;
};

/** What a response chose, as the distribution counts it (a parsed response; null when unanswered or invalid). */
export function chosenOf(response: TResponse | null): string[] {
  if (!response) return [];
  switch (response.type) {
    case "single":
      return [response.optionId];
    case "multiple":
      return response.optionIds;
    case "true-false":
      return [String(response.value)];
    case "ordering":
      return [response.itemIds.join(" > ")];
    case "matching":
      return Object.entries(response.pairs).map(([p, c]) => `${p}=${c}`);
    case "numeric":
      return [String(response.value)];
  }
}

const GROUP_FRACTION = 0.27;

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

// Pearson r of a 0/1 variable with a continuous one is the point-biserial coefficient.
function pointBiserial(correct: readonly number[], totals: readonly number[]): number | null {
  const n = correct.length;
  if (n < 2) return null;
  const mx = mean(correct);
  const my = mean(totals);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = correct[i] - mx;
    const dy = totals[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  const r = sxy / Math.sqrt(sxx * syy);
  return Math.max(-1, Math.min(1, r));
}

function upperLower(rows: readonly TItemRow[]): number | null {
  const n = rows.length;
  if (n < 2) return null;
  const size = Math.max(1, Math.round(n * GROUP_FRACTION));
  // From the score histogram: attempts tied at a group's boundary score share its remaining places
  // in proportion (each such place counts as that score's share correct), so the index depends only
  // on counts by score and correctness, which the report keeps as a rollup (docs/decisions/016).
  const byTotal = new Map<number, { n: number; c: number }>();
  for (const row of rows) {
    const bin = byTotal.get(row.totalScorePercent) ?? { n: 0, c: 0 };
    bin.n += 1;
    if (row.earned >= 100) bin.c += 1;
    byTotal.set(row.totalScorePercent, bin);
  }
  const groupCorrect = (bins: { n: number; c: number }[]) => {
    let taken = 0;
    let correct = 0;
    for (const bin of bins) {
      const take = Math.max(0, Math.min(bin.n, size - taken));
      correct += (bin.c * take) / bin.n;
      taken += bin.n;
    }
    return correct;
  };
  const ascending = [...byTotal.entries()].sort((a, b) => a[0] - b[0]).map(([, bin]) => bin);
  return groupCorrect([...ascending].reverse()) / size - groupCorrect(ascending) / size;
}

/**
 * Per-question statistics, sorted by question id. Expects one row per attempt and question; if an
 * attempt appears twice for a question (e.g. after a regrade) the later row replaces the earlier.
 */
export function analyzeItems(rows: readonly TItemRow[]): TItemAnalysis[] {
  const byQuestion = new Map<string, Map<string, TItemRow>>();
  for (const row of rows) {
    const attempts = byQuestion.get(row.questionId) ?? new Map<string, TItemRow>();
    attempts.set(row.attemptId, row);
    byQuestion.set(row.questionId, attempts);
  }

  return [...byQuestion.keys()].sort().map((questionId) => {
    const items = [...(byQuestion.get(questionId) as Map<string, TItemRow>).values()];
    const correct = items.map((row) => (row.earned >= 100 ? 1 : 0));
    const totals = items.map((row) => row.totalScorePercent);

    const counts = new Map<string, number>();
    let blank = 0;
    for (const row of items) {
      const unique = new Set(row.chosen);
      if (unique.size === 0) blank += 1;
      for (const choice of unique) counts.set(choice, (counts.get(choice) ?? 0) + 1);
    }
    const distribution = [...counts.entries()]
      .map(([choice, count]) => ({ choice, count }))
      .sort((a, b) => b.count - a.count || (a.choice < b.choice ? -1 : a.choice > b.choice ? 1 : 0));

    return {
      questionId,
      attempts: items.length,
      difficulty: mean(correct),
      meanEarned: mean(items.map((row) => row.earned)),
      discrimination: pointBiserial(correct, totals),
      upperLowerIndex: upperLower(items),
      distribution,
      blank,
    };
  });
}
