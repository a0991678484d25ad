"use client";

import type { ButtonHTMLAttributes, ReactNode } from "react";

type TProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "children"> & {
  pending: boolean;
  pendingLabel: ReactNode;
  children: ReactNode;
  variant?: "primary" | "secondary" | "danger";
};

const VARIANTS = {
  primary: "bg-brand-700 text-white hover:bg-brand-800",
  secondary: "border border-slate-300 bg-white text-slate-900 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800",
  danger: "bg-red-700 text-white hover:bg-red-800",
} as const;

/** A submit button that says what it is doing while the request runs and cannot be sent twice. */
export function SubmitButton({ pending, pendingLabel, children, variant = "primary", className = "", type = "submit", disabled, ...button }: TProps) {
  return (
    <button
      type={type}
      disabled={pending || disabled}
      aria-busy={pending || undefined}
      className={`inline-flex min-h-11 items-center justify-center gap-2 rounded-md px-5 py-2.5 font-medium disabled:cursor-not-allowed disabled:opacity-70 ${VARIANTS[variant]} ${className}`}
      {...button}
    >
      {pending && (
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4 animate-spin" fill="none" stroke="currentColor" strokeWidth="3">
          <path d="M12 3a9 9 0 1 0 9 9" strokeLinecap="round" />
        </svg>
      )}
      {pending ? pendingLabel : children}
    </button>
  );
}
