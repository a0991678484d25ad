import type { ReactNode } from "react";

export interface IFigureProps {
  caption: string;
  children?: ReactNode;
}

/**
 * Wraps a diagram (or other visual) with a visible caption. A diagram's viewBox scales its labels
 * with it, so on a phone the drawing keeps a minimum width (labels stay at 12 px or more) and the
 * figure scrolls sideways inside its own focusable box instead of shrinking or widening the page.
 */
export function Figure({ caption, children }: IFigureProps) {
  return (
    <figure className="not-prose my-8 print:break-inside-avoid">
      <section
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must be reachable by keyboard to be scrolled
        tabIndex={0}
        aria-label={`Diagram: ${caption}`}
        className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white p-4 text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 sm:p-6 print:overflow-visible print:border-black print:bg-transparent print:text-black"
      >
        <div className="min-w-[42rem] xl:min-w-0 print:min-w-0">{children}</div>
      </section>
      <p className="mt-2 text-center text-xs text-slate-600 md:hidden dark:text-slate-400 print:hidden" aria-hidden="true">
        Swipe sideways to see the whole diagram.
      </p>
      <figcaption className="mt-3 text-center text-sm leading-relaxed text-slate-600 dark:text-slate-400 print:text-black">{caption}</figcaption>
    </figure>
  );
}

