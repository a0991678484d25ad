import { formatHours } from "@/lib/content/course-view";
import type { TCompletionWithoutCredit } from "@/lib/credits/ledger.server";
import { formatLongDate } from "@/lib/format/calendar-date";

// Completed courses that earn no figure for the trainer's body (the course holds no approval for
// it): the contact hours, and what the trainer may do with the certificate (docs/decisions/007).
export function CompletionsWithoutCredit({ items, className = "" }: { items: TCompletionWithoutCredit[]; className?: string }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="without-credit-heading" className={`rounded-xl border border-slate-200 p-5 dark:border-slate-800 ${className}`}>
      <h2 id="without-credit-heading" className="text-lg font-semibold">
        Completed, no credit figure claimed
      </h2>
      <ul className="mt-3 space-y-3 text-sm text-slate-700 dark:text-slate-300">
        {items.map((c) => (
          <li key={c.slug}>
            <p className="font-medium text-slate-900 dark:text-slate-100">
              {c.title} <span className="font-normal text-slate-600 dark:text-slate-400">· completed {formatLongDate(c.completedOn)}</span>
            </p>
            <p>
              {formatHours(c.contactMinutes)}. This course holds no {c.body ?? "body"} approval for that date, so no figure is claimed. You may submit your
              certificate to {c.body ?? "your certifying body"} for review.
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
