import { z } from "zod";
import type { TQuestion, TResponse } from "./quiz-schema";

// What a trainer may see when reviewing a graded attempt, per quiz, modelled on Moodle's review
// options ("the attempt", "whether correct", "right answer", "general feedback") at three
// moments. Moodle's "immediately after / later while open / after close" become our "after a
// failed attempt with attempts left", "after a pass" and "with no attempts left": the moments
// a CE final cares about. The overall score is always shown.
//
// Why a final hides keys after a fail: with a pool drawn from again and again, showing the key of
// every drawn question lets a trainer collect the key over a few failed attempts and pass by
// recall (docs/decisions/008).

const REVIEW_ITEMS = [
  // which questions were right, partly right or missed
  "correctness",
  // the trainer's own answer; with "correctness" it gives away the key of a true/false question
  // and of every question answered right, so a final keeps it for the full review
  "response",
  "right-answer",
  "explanation",
  // the lesson (and section) each question comes from
  "revisit",
] as const;
const ZReviewItem = z.enum(REVIEW_ITEMS);
export type TReviewItem = z.infer<typeof ZReviewItem>;

const ZItemList = z.array(ZReviewItem).max(REVIEW_ITEMS.length);

export const ZReviewPolicyInput = z.strictObject({
  afterFail: ZItemList.optional(),
  afterPass: ZItemList.optional(),
  whenClosed: ZItemList.optional(),
});
export type TReviewPolicyInput = z.infer<typeof ZReviewPolicyInput>;

export type TReviewPolicy = { afterFail: TReviewItem[]; afterPass: TReviewItem[]; whenClosed: TReviewItem[] };
export type TReviewMoment = keyof TReviewPolicy;

const FULL: TReviewItem[] = [...REVIEW_ITEMS];

/** Safe defaults: a final shows what to revisit after a fail and everything after a pass or when closed. */
export function defaultReviewPolicy(kind: "final" | "lesson-check"): TReviewPolicy {
  return kind === "final"
    ? { afterFail: ["correctness", "revisit"], afterPass: FULL, whenClosed: FULL }
    : { afterFail: FULL, afterPass: FULL, whenClosed: FULL };
}

/** The file's choices over the kind's defaults, each list deduplicated in canonical order. */
export function resolveReviewPolicy(kind: "final" | "lesson-check", input: TReviewPolicyInput | undefined): TReviewPolicy {
  const base = defaultReviewPolicy(kind);
  const pick = (list: TReviewItem[] | undefined, fallback: TReviewItem[]) => REVIEW_ITEMS.filter((item) => (list ?? fallback).includes(item));
  return {
    afterFail: pick(input?.afterFail, base.afterFail),
    afterPass: pick(input?.afterPass, base.afterPass),
    whenClosed: pick(input?.whenClosed, base.whenClosed),
  };
}

/** A stored policy (Quiz.reviewPolicy); anything unreadable falls back to the kind's defaults. */
export function readStoredPolicy(kind: "final" | "lesson-check", stored: unknown): TReviewPolicy {
  const parsed = ZReviewPolicyInput.safeParse(stored);
  return resolveReviewPolicy(kind, parsed.success ? parsed.data : undefined);
}

/**
 * Which moment applies to a trainer's reviews of one quiz: a pass (of any attempt) opens the full
 * review; so does running out of attempts; otherwise the trainer can still retake it. Reviews of
 * earlier attempts follow the same moment, so an open retake never sees an older attempt's key.
 */
export function reviewMoment({ passedAny, attemptsLeft }: { passedAny: boolean; attemptsLeft: number | null }): TReviewMoment {
  if (passedAny) return "afterPass";
  if (attemptsLeft !== null && attemptsLeft <= 0) return "whenClosed";
  return "afterFail";
}

export type TRevisitLink = { lesson: string; lessonTitle: string; section: string | null; sectionTitle: string | null; href: string };

export type TReviewEntry = {
  questionId: string;
  prompt: string;
  /** null when the policy hides correctness */
  outcome: "correct" | "partial" | "incorrect" | null;
  earned: number | null;
  yourAnswer: string | null;
  rightAnswer: string | null;
  explanation: string | null;
  revisit: TRevisitLink | null;
};

export type TGradedItem = { question: TQuestion; response: TResponse | null; earned: number; correct: boolean; revisit: TRevisitLink | null };

/**
 * The review of one question with only what `shown` allows, as plain text: the full question
 * (with its key) never leaves this function, so nothing hidden can reach JSON, HTML or RSC.
 */
export function buildReviewEntry(item: TGradedItem, shown: readonly TReviewItem[]): TReviewEntry {
  const has = (what: TReviewItem) => shown.includes(what);
  const { question } = item;
  return {
    questionId: question.id,
    prompt: question.prompt,
    outcome: has("correctness") ? (item.correct ? "correct" : item.earned > 0 ? "partial" : "incorrect") : null,
    earned: has("correctness") ? item.earned : null,
    yourAnswer: has("response") ? describeResponse(question, item.response) : null,
    rightAnswer: has("right-answer") ? describeKey(question) : null,
    explanation: has("explanation") ? question.explanation : null,
    revisit: has("revisit") ? item.revisit : null,
  };
}

function describeResponse(q: TQuestion, r: TResponse | null): string {
  if (!r || r.type !== q.type) return "No answer";
  switch (q.type) {
    case "single":
      return q.options.find((o) => r.type === "single" && o.id === r.optionId)?.text ?? "No answer";
    case "multiple":
      return r.type === "multiple" && r.optionIds.length
        ? q.options
            .filter((o) => r.optionIds.includes(o.id))
            .map((o) => o.text)
            .join("; ")
        : "No answer";
    case "true-false":
      return r.type === "true-false" ? (r.value ? "True" : "False") : "No answer";
    case "ordering":
      return r.type === "ordering" ? r.itemIds.map((id) => q.items.find((i) => i.id === id)?.text ?? "?").join(" → ") : "No answer";
    case "matching":
      return r.type === "matching" ? q.prompts.map((p) => `${p.text}: ${q.choices.find((c) => c.id === r.pairs[p.id])?.text ?? "—"}`).join("; ") : "No answer";
    case "numeric":
      return r.type === "numeric" ? `${r.value}${q.unit ? ` ${q.unit}` : ""}` : "No answer";
  }
}

function describeKey(q: TQuestion): string {
  switch (q.type) {
    case "single":
      return q.options.find((o) => o.id === q.answer)?.text ?? "";
    case "multiple":
      return q.options
        .filter((o) => q.answer.includes(o.id))
        .map((o) => o.text)
        .join("; ");
    case "true-false":
      return q.answer ? "True" : "False";
    case "ordering":
      return q.answer.map((id) => q.items.find((i) => i.id === id)?.text ?? "?").join(" → ");
    case "matching":
      return q.prompts.map((p) => `${p.text}: ${q.choices.find((c) => c.id === q.answer[p.id])?.text ?? "—"}`).join("; ");
    case "numeric":
      return `${q.answer}${q.unit ? ` ${q.unit}` : ""}${q.tolerance ? ` (±${q.tolerance})` : ""}`;
  }
}
