import type { ReactNode } from "react";
import { fieldErrorClass, hintClass, labelClass } from "./field-styles";

export type TFieldChrome = { label: ReactNode; hint?: ReactNode; error?: string; optional?: boolean; className?: string };

/** The ids a control must reference: its hint and its error are read out with it (aria-describedby). */
export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/** Label above, hint and error below; the control itself is the child. */
export function FieldShell({ id, label, hint, error, optional, className, children }: TFieldChrome & { id: string; children: ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClass}>
        {label}
        {optional && <span className="font-normal text-slate-500 dark:text-slate-400"> (optional)</span>}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className={hintClass}>
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className={fieldErrorClass}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </div>
  );
}
