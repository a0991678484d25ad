import type { ReactNode } from "react";

type TCalloutType = "note" | "tip" | "warning" | "scope";

export interface ICalloutProps {
  type?: TCalloutType;
  title?: string;
  children?: ReactNode;
}

const STYLES: Record<TCalloutType, { box: string; title: string; icon: string; label: string }> = {
  note: {
    box: "border-sky-600 bg-sky-50 dark:border-sky-400 dark:bg-sky-950/40",
    title: "text-sky-900 dark:text-sky-100",
    icon: "text-sky-700 dark:text-sky-300",
    label: "Note",
  },
  tip: {
    box: "border-emerald-600 bg-emerald-50 dark:border-emerald-400 dark:bg-emerald-950/40",
    title: "text-emerald-900 dark:text-emerald-100",
    icon: "text-emerald-700 dark:text-emerald-300",
    label: "Trainer tip",
  },
  warning: {
    box: "border-amber-600 bg-amber-50 dark:border-amber-400 dark:bg-amber-950/40",
    title: "text-amber-900 dark:text-amber-100",
    icon: "text-amber-700 dark:text-amber-300",
    label: "Caution",
  },
  scope: {
    box: "border-violet-600 bg-violet-50 dark:border-violet-400 dark:bg-violet-950/40",
    title: "text-violet-900 dark:text-violet-100",
    icon: "text-violet-700 dark:text-violet-300",
    label: "Scope of practice",
  },
};

function CalloutIcon({ type }: { type: TCalloutType }) {
  const common = {
    "aria-hidden": true,
    focusable: "false" as const,
    viewBox: "0 0 24 24",
    className: "h-5 w-5 shrink-0 fill-none stroke-current",
    strokeWidth: 2,
    strokeLinecap: "round" as const,
    strokeLinejoin: "round" as const,
  };
  switch (type) {
    case "tip":
      return (
        <svg {...common}>
          <path d="M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9c.6.4 1 1.1 1 1.8V16h5v-.3c0-.7.4-1.4 1-1.8A6 6 0 0 0 12 3Z" />
        </svg>
      );
    case "warning":
      return (
        <svg {...common}>
          <path d="M12 3 2 20h20L12 3Z" />
          <path d="M12 10v4M12 17h.01" />
        </svg>
      );
    case "scope":
      return (
        <svg {...common}>
          <path d="M12 3 4 6v6c0 4.5 3.4 8.3 8 9 4.6-.7 8-4.5 8-9V6l-8-3Z" />
          <path d="m9 12 2 2 4-4" />
        </svg>
      );
    default:
      return (
        <svg {...common}>
          <circle cx="12" cy="12" r="9" />
          <path d="M12 11v5M12 8h.01" />
        </svg>
      );
  }
}

/** A highlighted aside in a lesson: note, tip, warning or scope-of-practice reminder. */
export function Callout({ type = "note", title, children }: ICalloutProps) {
  const style = STYLES[type] ?? STYLES.note;
  const heading = title ?? style.label;
  return (
    <div
      role="note"
      aria-label={heading}
      className={`my-6 rounded-r-lg border-l-4 px-5 py-4 print:break-inside-avoid print:border print:border-l-4 print:border-black print:bg-transparent ${style.box}`}
    >
      <p
        className={`not-prose m-0 flex items-center gap-2 text-base font-semibold print:text-black ${style.title}`}
      >
        <span className={`${style.icon} print:text-black`}>
          <CalloutIcon type={type} />
        </span>
        <span>{heading}</span>
      </p>
      <div className="mt-2 text-[0.95em] [&>*:first-child]:mt-0 [&>*:last-child]:mb-0">{children}</div>
    </div>
  );
}

