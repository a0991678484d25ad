import type { ReactNode } from "react";

/** The form-level error: announced at once (role="alert") and kept next to the form. */
export function FormError({ message, children }: { message: string | null | undefined; children?: ReactNode }) {
  if (!message) return null;
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
      <p>{message}</p>
      {children}
    </div>
  );
}

/** A success or progress note, read out politely (role="status"). */
export function FormNotice({ children, tone = "success" }: { children: ReactNode; tone?: "success" | "info" }) {
  const colours =
    tone === "success"
      ? "border-brand-100 bg-brand-50 text-brand-800 dark:border-brand-700 dark:bg-slate-900 dark:text-brand-100"
      : "border-slate-200 bg-slate-50 text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200";
  return (
    <div role="status" className={`rounded-md border p-3 text-sm ${colours}`}>
      {children}
    </div>
  );
}
