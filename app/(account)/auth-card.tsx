import type { ReactNode } from "react";

/** The narrow centred card every sign-in style page uses. */
export function AuthCard({ title, intro, children, footer }: { title: string; intro?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  return (
    <div className="mx-auto w-full max-w-md px-4 py-10 sm:py-16">
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8 dark:border-slate-800 dark:bg-slate-900/60">
        <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
        {intro && <div className="mt-2 text-slate-700 dark:text-slate-300">{intro}</div>}
        <div className="mt-6">{children}</div>
      </div>
      {footer && <div className="mt-6 space-y-2 text-center text-sm text-slate-700 dark:text-slate-300">{footer}</div>}
    </div>
  );
}
