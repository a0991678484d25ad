import type { TClientQuestion, TResponse } from "@/lib/quiz/quiz-schema";

// Pure rules of the quiz-taking screen, kept apart from React so they are table-tested.

/** Whether `r` is a complete answer to `q` (a matching question needs every prompt paired). */
export function isAnswered(q: TClientQuestion, r: TResponse | undefined): boolean {
  if (!r) return false;
  if (r.type === "multiple") return r.optionIds.length > 0;
  if (r.type === "matching") return q.type === "matching" && q.prompts.every((p) => r.pairs[p.id]);
  return true;
}

/** "4:05" (minutes may exceed 59: "75:00"). */
export function formatRemaining(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** "4 minutes 5 seconds", "1 minute", "30 seconds": what a screen reader should say. */
export function describeRemaining(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const m = Math.floor(s / 60);
  const rest = s % 60;
  const parts = [];
  if (m > 0) parts.push(`${m} minute${m === 1 ? "" : "s"}`);
  if (rest > 0 || m === 0) parts.push(`${rest} second${rest === 1 ? "" : "s"}`);
  return parts.join(" ");
}

/** Warn when 5 minutes and when 1 minute are left. */
const WARNING_THRESHOLDS_MS = [5 * 60_000, 60_000] as const;

/**
 * The warning to give now, or null. A threshold counts only if the attempt was longer than it (a
 * 3-minute quiz never says "5 minutes left"), and once a smaller threshold is passed the larger
 * ones are not given late.
 */
export function dueWarning(remainingMs: number, totalMs: number, given: ReadonlySet<number>): number | null {
  let due: number | null = null;
  for (const threshold of WARNING_THRESHOLDS_MS) {
    if (totalMs > threshold && remainingMs <= threshold && remainingMs > 0) due = threshold;
  }
  return due !== null && !given.has(due) ? due : null;
}

export function warningText(threshold: number): string {
  return threshold >= 120_000 ? `${threshold / 60_000} minutes left. Your answers are saved; the attempt is submitted when time runs out.` : "1 minute left. Your answers are submitted automatically when time runs out.";
}

export type TQuestionState = { answered: boolean; flagged: boolean };

/** "Question 3: answered, flagged for review". */
export function describeQuestionState(index: number, state: TQuestionState): string {
  return `Question ${index + 1}: ${state.answered ? "answered" : "not answered"}${state.flagged ? ", flagged for review" : ""}`;
}
