"use client";

import type { ButtonHTMLAttributes, ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";

type TProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "children"> & {
  pending: boolean;
  pendingLabel: ReactNode;
  children: ReactNode;
  variant?: "primary" | "secondary" | "danger";
};

/** A form's submit button (the kit's Button, large) that says what it is doing while the request runs and cannot be sent twice. */
export function SubmitButton({ pending, pendingLabel, children, variant = "primary", className = "", type = "submit", disabled, ...button }: TProps) {
  return (
    <button
      type={type}
      disabled={pending || disabled}
      aria-busy={pending || undefined}
      className={buttonClass({ variant, size: "lg", className })}
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

/** A settings form's save button with the "Saved." note it shows once the change is stored, until the form is edited again. */
export function SaveRow({ pending, saved, children }: { pending: boolean; saved: boolean; children: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center gap-4">
      <SubmitButton pending={pending} pendingLabel="Saving…">
        {children}
      </SubmitButton>
      {saved && (
        <p role="status" className="text-sm font-medium text-brand-700 dark:text-brand-100">
          Saved.
        </p>
      )}
    </div>
  );
}
