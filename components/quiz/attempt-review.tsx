import Link from "next/link";
import { formatDateTimeWithZone } from "@/lib/format/date-time";
import type { TQuestion, TResponse } from "@/lib/quiz/quiz-schema";

type TReviewItem = { question: TQuestion; response: TResponse | null; earned: number; correct: boolean };
type TOverview = { passed: boolean; creditAwarded: boolean; retryAt: string | null; attemptsLeft: number | null; canStart: boolean; blockedReason: string | null };

function describeResponse(q: TQuestion, r: TResponse | null): string {
  if (!r || r.type !== q.type) return "No answer";
  switch (q.type) {
    case "single":
      return q.options.find((o) => r.type === "single" && o.id === r.optionId)?.text ?? "No answer";
    case "multiple":
      return r.type === "multiple" && r.optionIds.length ? q.options.filter((o) => r.optionIds.includes(o.id)).map((o) => o.text).join("; ") : "No answer";
    case "true-false":
      return r.type === "true-false" ? (r.value ? "True" : "False") : "No answer";
    case "ordering":
      return r.type === "ordering" ? r.itemIds.map((id) => q.items.find((i) => i.id === id)?.text ?? "?").join(" → ") : "No answer";
    case "matching":
      return r.type === "matching"
        ? q.prompts.map((p) => `${p.text}: ${q.choices.find((c) => c.id === r.pairs[p.id])?.text ?? "—"}`).join("; ")
        : "No answer";
    case "numeric":
      return r.type === "numeric" ? `${r.value}${q.unit ? ` ${q.unit}` : ""}` : "No answer";
  }
}

function describeKey(q: TQuestion): string {
  switch (q.type) {
    case "single":
      return q.options.find((o) => o.id === q.answer)?.text ?? "";
    case "multiple":
      return q.options.filter((o) => q.answer.includes(o.id)).map((o) => o.text).join("; ");
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

// Shown only for graded attempts: the key and explanations are safe to reveal now.
export function AttemptReview({
  view,
  overview,
  backHref,
  timeZone,
}: {
  view: { number: number; scorePercent: number; passed: boolean; passMark: number; review: TReviewItem[] };
  overview: TOverview;
  backHref: string;
  /** The trainer's zone: the retake time is shown in it, zone named. */
  timeZone: string;
}) {
  const correct = view.review.filter((r) => r.correct).length;
  return (
    <div>
      <section
        aria-labelledby="result"
        className={`rounded-xl border p-6 ${view.passed ? "border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950" : "border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950"}`}
      >
        <h1 id="result" className="text-2xl font-bold">
          {view.passed ? "You passed" : "Not passed this time"} — {view.scorePercent}%
        </h1>
        <p className="mt-2">
          Attempt #{view.number}: {correct} of {view.review.length} questions fully correct. The pass mark is {view.passMark}%.
        </p>
        <div className="mt-4">
          {view.passed ? (
            <p>
              {overview.creditAwarded
                ? "The course's credit is on your record."
                : "Your credit is recorded once you have also completed every lesson."}{" "}
              <Link href="/dashboard" className="font-medium underline">
                See your credits on the dashboard
              </Link>
              .
            </p>
          ) : overview.canStart ? (
            <Link href={backHref} className="inline-block rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
              Review the lessons, then try again
            </Link>
          ) : overview.retryAt ? (
            <p>
              You can retake it after <time dateTime={overview.retryAt}>{formatDateTimeWithZone(overview.retryAt, timeZone)}</time>. Use the time to review the explanations below.
            </p>
          ) : (
            <p>{overview.blockedReason}</p>
          )}
        </div>
      </section>
      <ol className="mt-8 space-y-6">
        {view.review.map((item, i) => (
          <li key={item.question.id} className="rounded-xl border border-slate-200 p-5 dark:border-slate-800">
            <p className="text-sm font-medium text-slate-500 dark:text-slate-400">
              Question {i + 1} ·{" "}
              <span className={item.correct ? "text-emerald-700 dark:text-emerald-300" : item.earned > 0 ? "text-amber-700 dark:text-amber-300" : "text-red-700 dark:text-red-300"}>
                {item.correct ? "Correct" : item.earned > 0 ? `Partly correct (${item.earned}%)` : "Incorrect"}
              </span>
            </p>
            <h2 className="mt-1 font-semibold">{item.question.prompt}</h2>
            <dl className="mt-3 space-y-2 text-sm">
              <div>
                <dt className="font-medium">Your answer</dt>
                <dd className="text-slate-700 dark:text-slate-300">{describeResponse(item.question, item.response)}</dd>
              </div>
              {!item.correct && (
                <div>
                  <dt className="font-medium">Correct answer</dt>
                  <dd className="text-slate-700 dark:text-slate-300">{describeKey(item.question)}</dd>
                </div>
              )}
              <div>
                <dt className="font-medium">Why</dt>
                <dd className="text-slate-700 dark:text-slate-300">{item.question.explanation}</dd>
              </div>
            </dl>
          </li>
        ))}
      </ol>
    </div>
  );
}
