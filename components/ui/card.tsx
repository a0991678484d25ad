import type { HTMLAttributes } from "react";

export const cardClass = "rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6 dark:border-slate-800 dark:bg-slate-900";

/** A bordered surface. Renders a <section> when labelled (a landmark with a name), else a <div>. */
export function Card({ className = "", ...rest }: HTMLAttributes<HTMLElement>) {
  const Tag = rest["aria-labelledby"] || rest["aria-label"] ? "section" : "div";
  return <Tag className={`${cardClass} ${className}`.trim()} {...rest} />;
}
