import type { ReactNode } from "react";

export interface IFigureProps {
  caption: string;
  children?: ReactNode;
}

/** Wraps a diagram (or other visual) with a visible caption. */
export function Figure({ caption, children }: IFigureProps) {
  return (
    <figure className="not-prose my-8 print:break-inside-avoid">
      <div className="rounded-xl border border-slate-200 bg-white p-4 text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 sm:p-6 print:border-black print:bg-transparent print:text-black">
        {children}
      </div>
      <figcaption className="mt-3 text-center text-sm leading-relaxed text-slate-600 dark:text-slate-400 print:text-black">
        {caption}
      </figcaption>
    </figure>
  );
}

export default Figure;
