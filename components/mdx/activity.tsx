import type { ReactNode } from "react";
import type { TActivityKind } from "@/lib/content/estimate-learning-time";

export interface IActivityProps {
  kind: TActivityKind;
  /** The time the activity takes; content:check counts it toward the lesson's learning time. */
  minutes: number;
  title?: string;
  children?: ReactNode;
}

const LABELS: Record<TActivityKind, string> = { "case-study": "Case study", practical: "Practical", reflection: "Reflection" };

/** A learning activity with its own time: a case study, a practical task or a reflection. */
export function Activity({ kind, minutes, title, children }: IActivityProps) {
  const label = LABELS[kind] ?? "Activity";
  return (
    <section
      aria-label={`${label}${title ? `: ${title}` : ""}`}
      className="not-prose my-8 rounded-xl border-2 border-dashed border-indigo-400 bg-indigo-50 px-6 py-5 text-slate-900 dark:border-indigo-500 dark:bg-indigo-950/40 dark:text-slate-100 print:break-inside-avoid print:bg-transparent"
    >
      <p className="m-0 text-sm font-semibold uppercase tracking-wide text-indigo-800 dark:text-indigo-200">
        {label} · about {minutes} minutes
      </p>
      {title && <h3 className="mt-1 mb-0 text-lg font-bold">{title}</h3>}
      <div className="mt-3 space-y-3 leading-relaxed [&_li]:ml-5 [&_ol]:list-decimal [&_ul]:list-disc">{children}</div>
    </section>
  );
}

