import type { ReactNode } from "react";

export interface IKeyTakeawaysProps {
  children?: ReactNode;
}

const HEADING_ID = "key-takeaways-heading";

/** The summary block that closes every lesson. */
export function KeyTakeaways({ children }: IKeyTakeawaysProps) {
  return (
    <aside
      aria-labelledby={HEADING_ID}
      className="my-10 rounded-xl border border-teal-300 bg-teal-50 px-6 py-5 dark:border-teal-700 dark:bg-teal-950/40 print:break-inside-avoid print:border-black print:bg-transparent"
    >
      <h2
        id={HEADING_ID}
        className="not-prose m-0 flex items-center gap-2 text-lg font-bold text-teal-900 dark:text-teal-100 print:text-black"
      >
        <svg
          aria-hidden="true"
          focusable="false"
          viewBox="0 0 24 24"
          className="h-5 w-5 shrink-0 fill-none stroke-current"
          strokeWidth={2}
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d="M4 12.5 9 17l11-11" />
        </svg>
        Key takeaways
      </h2>
      <div className="mt-3 [&>*:first-child]:mt-0 [&>*:last-child]:mb-0 [&_li::marker]:text-teal-700 dark:[&_li::marker]:text-teal-300">
        {children}
      </div>
    </aside>
  );
}

