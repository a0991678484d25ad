// Whether a trainer may start another attempt at a quiz: the attempt limit and the cool-down
// after the last graded attempt. Pure, so the rule is table-tested without a database; the
// caller (lib/quiz/quiz-attempts.server.ts) decides it under the per-trainer start lock.

export type TQuizStartRules = { maxAttempts: number | null; cooldownSeconds: number };
export type TPastAttempt = { status: "IN_PROGRESS" | "GRADED" | "CLOSED"; gradedAt: Date | null };
export type TStartDecision = { ok: true } | { ok: false; reason: string; retryAt?: Date };

export function evaluateStart(quiz: TQuizStartRules, attempts: TPastAttempt[], now: Date): TStartDecision {
  const graded = attempts.filter((a) => a.status === "GRADED");
  if (quiz.maxAttempts !== null && graded.length >= quiz.maxAttempts) {
    return { ok: false, reason: `You have used all ${quiz.maxAttempts} attempts for this assessment.` };
  }
  const last = graded.map((a) => a.gradedAt?.getTime() ?? 0).sort((a, b) => b - a)[0];
  if (last && quiz.cooldownSeconds > 0) {
    const retryAt = new Date(last + quiz.cooldownSeconds * 1000);
    if (retryAt > now) return { ok: false, reason: `You can start another attempt at ${retryAt.toISOString()}.`, retryAt };
  }
  return { ok: true };
}
