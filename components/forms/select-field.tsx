"use client";

import { type SelectHTMLAttributes, useId } from "react";
import { describedBy, FieldShell, type TFieldChrome } from "./field-shell";
import { controlClass } from "./field-styles";

type TProps = TFieldChrome &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, "className" | "children"> & { name: string; options: readonly { value: string; label: string }[] };

export function SelectField({ label, hint, error, optional, className, id: givenId, options, ...select }: TProps) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} optional={optional} className={className}>
      <select
        id={id}
        required={!optional}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={controlClass}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
