import type { ReactNode } from "react";

export interface IExerciseCardProps {
  name: string;
  purpose: string;
  cues: string[];
  avoid: string[];
  children?: ReactNode;
}

function slugify(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** One exercise: what it is for, how to coach it, and what to watch out for. */
export function ExerciseCard({ name, purpose, cues, avoid, children }: IExerciseCardProps) {
  const base = `exercise-${slugify(name)}`;
  const cueList = Array.isArray(cues) ? cues : [];
  const avoidList = Array.isArray(avoid) ? avoid : [];
  return (
    <article
      aria-labelledby={base}
      className="my-8 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm dark:border-slate-700 dark:bg-slate-900 print:break-inside-avoid print:border-black print:bg-transparent print:shadow-none"
    >
      <header className="not-prose border-b border-slate-200 bg-slate-50 px-5 py-4 dark:border-slate-700 dark:bg-slate-800/60 print:border-black print:bg-transparent">
        <h3 id={base} className="m-0 text-lg font-bold text-slate-900 dark:text-slate-50 print:text-black">
          {name}
        </h3>
        <p className="mt-1 mb-0 text-sm leading-relaxed text-slate-700 dark:text-slate-300 print:text-black">
          <span className="font-semibold text-slate-900 dark:text-slate-100 print:text-black">Purpose: </span>
          {purpose}
        </p>
      </header>
      <div className="not-prose grid grid-cols-1 gap-5 px-5 py-4 sm:grid-cols-2">
        <section aria-labelledby={`${base}-cues`}>
          <h4
            id={`${base}-cues`}
            className="m-0 flex items-center gap-2 text-sm font-semibold uppercase tracking-wide text-emerald-800 dark:text-emerald-300 print:text-black"
          >
            <svg
              aria-hidden="true"
              focusable="false"
              viewBox="0 0 24 24"
              className="h-4 w-4 fill-none stroke-current"
              strokeWidth={2.5}
              strokeLinecap="round"
              strokeLinejoin="round"
            >
              <path d="M4 12.5 9 17l11-11" />
            </svg>
            Coaching cues
          </h4>
          <ul className="mt-2 mb-0 list-disc space-y-1.5 pl-5 text-sm leading-relaxed text-slate-800 marker:text-emerald-600 dark:text-slate-200 dark:marker:text-emerald-400 print:text-black">
            {cueList.map((cue) => (
              <li key={cue}>{cue}</li>
            ))}
          </ul>
        </section>
        <section aria-labelledby={`${base}-avoid`}>
          <h4
            id={`${base}-avoid`}
            className="m-0 flex items-center gap-2 text-sm font-semibold uppercase tracking-wide text-rose-800 dark:text-rose-300 print:text-black"
          >
            <svg
              aria-hidden="true"
              focusable="false"
              viewBox="0 0 24 24"
              className="h-4 w-4 fill-none stroke-current"
              strokeWidth={2.5}
              strokeLinecap="round"
            >
              <path d="M6 6l12 12M18 6 6 18" />
            </svg>
            Avoid
          </h4>
          <ul className="mt-2 mb-0 list-disc space-y-1.5 pl-5 text-sm leading-relaxed text-slate-800 marker:text-rose-600 dark:text-slate-200 dark:marker:text-rose-400 print:text-black">
            {avoidList.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </section>
      </div>
      {children ? (
        <div className="border-t border-slate-200 px-5 py-4 text-[0.95em] dark:border-slate-700 print:border-black [&>*:first-child]:mt-0 [&>*:last-child]:mb-0">
          {children}
        </div>
      ) : null}
    </article>
  );
}

