import Link from "next/link";
import { linkClass } from "@/components/ui";
import { buttonClass } from "@/components/ui/button";
import { formatDateTimeWithZone } from "@/lib/format/date-time";
import type { getQuizOverview, TAttemptView } from "@/lib/quiz/quiz-attempts.server";
import type { TReviewEntry } from "@/lib/quiz/review-policy";

/** A graded attempt as getAttemptView returns it (only what the review policy allows). */
type TReviewView = Extract<TAttemptView, { status: "GRADED" }>;
type TOverview = Awaited<ReturnType<typeof getQuizOverview>>;

// Outcome shown three ways at once (icon, colour and words) so it never rests on colour alone.
const OUTCOME = {
  incorrect: { icon: "✗", label: "Missed", className: "text-red-700 dark:text-red-300" },
  partial: { icon: "◐", label: "Partly correct", className: "text-amber-800 dark:text-amber-300" },
  correct: { icon: "✓", label: "Correct", className: "text-emerald-700 dark:text-emerald-300" },
} as const;

function ReviewQuestion({ entry, position }: { entry: TReviewEntry; position: number }) {
  const outcome = entry.outcome ? OUTCOME[entry.outcome] : null;
  return (
    <li className="rounded-xl border border-slate-200 p-5 dark:border-slate-800" data-review-question={entry.questionId}>
      <p className="text-sm font-medium text-slate-600 dark:text-slate-400">
        Question {position}
        {outcome && (
          <>
            {" · "}
            <span className={outcome.className}>
              <span aria-hidden="true">{outcome.icon} </span>
              {outcome.label}
              {entry.outcome === "partial" && entry.earned !== null ? ` (${entry.earned}%)` : ""}
            </span>
          </>
        )}
      </p>
      <h3 className="mt-1 font-semibold">{entry.prompt}</h3>
      <dl className="mt-3 space-y-2 text-sm">
        {entry.yourAnswer !== null && (
          <div>
            <dt className="font-medium">Your answer</dt>
            <dd className="text-slate-700 dark:text-slate-300">{entry.yourAnswer}</dd>
          </div>
        )}
        {entry.rightAnswer !== null && entry.outcome !== "correct" && (
          <div>
            <dt className="font-medium">Correct answer</dt>
            <dd className="text-slate-700 dark:text-slate-300">{entry.rightAnswer}</dd>
          </div>
        )}
        {entry.explanation !== null && (
          <div>
            <dt className="font-medium">Why</dt>
            <dd className="text-slate-700 dark:text-slate-300">{entry.explanation}</dd>
          </div>
        )}
        {entry.revisit && entry.outcome !== "correct" && (
          <div>
            <dt className="font-medium">Revisit</dt>
            <dd>
              {/* Lesson pages are static HTML (decision 005): a plain link loads the cached page. */}
              <a href={entry.revisit.href} className={linkClass}>
                {entry.revisit.lessonTitle}
                {entry.revisit.sectionTitle ? `: ${entry.revisit.sectionTitle}` : ""}
              </a>
            </dd>
          </div>
        )}
      </dl>
    </li>
  );
}

// Renders only what getAttemptView returned, which is already cut down to the review policy.
export function AttemptReview({
  view,
  overview,
  backHref,
  timeZone,
}: {
  view: TReviewView;
  overview: TOverview;
  backHref: string;
  /** The trainer's zone: the retake time is shown in it, zone named. */
  timeZone: string;
}) {
  const withOutcome = view.review.every((r) => r.outcome !== null);
  const missed = view.review.filter((r) => r.outcome !== "correct");
  const correct = view.review.filter((r) => r.outcome === "correct");
  const position = new Map(view.review.map((r, i) => [r.questionId, i + 1]));
  const fullReview = view.shown.includes("right-answer");
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
          Attempt #{view.number}
          {withOutcome ? `: ${correct.length} of ${view.review.length} questions fully correct` : ""}. The pass mark is {view.passMark}%.
        </p>
        {!fullReview && (
          <p className="mt-2 text-sm">
            Answers and explanations are shown once you pass{overview.attemptsLeft !== null ? " or have used every attempt" : ""}. Until then, revisit the lesson sections
            linked below.
          </p>
        )}
        <div className="mt-4">
          {view.passed ? (
            <p>
              {overview.creditAwarded
                ? "The course's credit is on your record."
                : "Your completion is on your record. Where the course holds no approval from your certifying body, no credit figure is claimed: your certificate shows the contact hours to submit for review."}{" "}
              <Link href="/dashboard" className="font-medium underline">
                See your credits on the dashboard
              </Link>
              .
            </p>
          ) : overview.canStart ? (
            <Link href={backHref} className={buttonClass()}>
              Review the lessons, then try again
            </Link>
          ) : overview.retryAt ? (
            <p>
              You can retake it after <time dateTime={overview.retryAt}>{formatDateTimeWithZone(overview.retryAt, timeZone)}</time>. Use the time to revisit the lessons.
            </p>
          ) : (
            <p>{overview.blockedReason}</p>
          )}
        </div>
      </section>
      {withOutcome ? (
        <>
          {missed.length > 0 && (
            <section aria-labelledby="missed-title" className="mt-8">
              <h2 id="missed-title" className="text-xl font-semibold">
                Questions to revisit ({missed.length})
              </h2>
              <ol className="mt-4 space-y-6">
                {missed.map((entry) => (
                  <ReviewQuestion key={entry.questionId} entry={entry} position={position.get(entry.questionId) ?? 0} />
                ))}
              </ol>
            </section>
          )}
          {correct.length > 0 && (
            <details className="mt-8 rounded-xl border border-slate-200 p-4 dark:border-slate-800" open={missed.length === 0}>
              <summary className="cursor-pointer">
                {/* A heading inside the summary keeps the outline h1 > h2 > h3 for the questions. */}
                <h2 className="inline text-xl font-semibold">
                  <span aria-hidden="true" className="text-emerald-700 dark:text-emerald-300">
                    ✓{" "}
                  </span>
                  Answered correctly ({correct.length})
                </h2>
              </summary>
              <ol className="mt-4 space-y-6">
                {correct.map((entry) => (
                  <ReviewQuestion key={entry.questionId} entry={entry} position={position.get(entry.questionId) ?? 0} />
                ))}
              </ol>
            </details>
          )}
        </>
      ) : (
        <section aria-labelledby="questions-title" className="mt-8">
          <h2 id="questions-title" className="text-xl font-semibold">
            Questions
          </h2>
          <ol className="mt-4 space-y-6">
            {view.review.map((entry, i) => (
              <ReviewQuestion key={entry.questionId} entry={entry} position={i + 1} />
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
