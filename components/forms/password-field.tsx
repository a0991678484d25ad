"use client";

import { type InputHTMLAttributes, type Ref, useId, useState } from "react";
import { isCommonPassword, PASSWORD_MIN } from "@/lib/auth/password-policy";
import { describedBy, FieldShell, type TFieldChrome } from "./field-shell";
import { controlClass } from "./field-styles";

type TProps = TFieldChrome &
  Omit<InputHTMLAttributes<HTMLInputElement>, "className" | "children" | "type"> & {
    name: string;
    ref?: Ref<HTMLInputElement>;
    /** For new passwords: a live hint about length (the policy is length, not character classes). */
    showStrength?: boolean;
  };

function strengthHint(password: string): string {
  if (!password) return `Use at least ${PASSWORD_MIN} characters. A short phrase is easier to remember than symbols.`;
  if (password.length < PASSWORD_MIN) {
    const left = PASSWORD_MIN - password.length;
    return `${left} more character${left === 1 ? "" : "s"} to reach the minimum of ${PASSWORD_MIN}.`;
  }
  if (isCommonPassword(password)) return "This password is too common. Choose a phrase only you would know.";
  return password.length >= 16 ? "Strong length." : `Long enough. ${16 - password.length} more would make it stronger.`;
}

/** A password input with a show/hide toggle and, for new passwords, a length hint. */
export function PasswordField({ label, hint, error, optional, className, id: givenId, showStrength, onChange, ...input }: TProps) {
  const autoId = useId();
  const id = givenId ?? autoId;
  const [visible, setVisible] = useState(false);
  const [value, setValue] = useState("");
  const shownHint = showStrength ? strengthHint(value) : hint;
  return (
    <FieldShell id={id} label={label} hint={shownHint} error={error} optional={optional} className={className}>
      <div className="relative">
        <input
          id={id}
          type={visible ? "text" : "password"}
          required={!optional}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, shownHint, error)}
          className={`${controlClass} pr-20`}
          onChange={(e) => {
            setValue(e.currentTarget.value);
            onChange?.(e);
          }}
          {...input}
        />
        <button
          type="button"
          onClick={() => setVisible((v) => !v)}
          aria-pressed={visible}
          aria-controls={id}
          className="absolute inset-y-0 right-0 mt-1 rounded-r-md px-3 text-sm font-medium text-brand-700 hover:bg-slate-100 dark:text-brand-100 dark:hover:bg-slate-800"
        >
          {visible ? "Hide" : "Show"}
          <span className="sr-only"> password</span>
        </button>
      </div>
    </FieldShell>
  );
}
