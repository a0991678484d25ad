import type { ReactNode } from "react";

// Status labels. Colour is never the only signal: the text says the state, and tones keep at
// least 4.5:1 contrast in light and dark mode.

export type TBadgeTone = "ok" | "warn" | "danger" | "muted" | "info";

const tones: Record<TBadgeTone, string> = {
  ok: "bg-emerald-50 text-emerald-800 ring-emerald-600/30 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-400/30",
  warn: "bg-amber-50 text-amber-900 ring-amber-600/30 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-400/30",
  danger: "bg-red-50 text-red-800 ring-red-600/30 dark:bg-red-950 dark:text-red-200 dark:ring-red-400/30",
  muted: "bg-slate-100 text-slate-700 ring-slate-500/20 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-400/20",
  info: "bg-brand-50 text-brand-800 ring-brand-600/30 dark:bg-slate-800 dark:text-brand-100 dark:ring-brand-100/30",
};

export function Badge({ tone = "muted", children, className = "" }: { tone?: TBadgeTone; children: ReactNode; className?: string }) {
  return <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[tone]} ${className}`.trim()}>{children}</span>;
}
