"use client";

import { type InputHTMLAttributes, type Ref, useId } from "react";
import { describedBy, FieldShell, type TFieldChrome } from "./field-shell";
import { controlClass } from "./field-styles";

type TProps = TFieldChrome & Omit<InputHTMLAttributes<HTMLInputElement>, "className" | "children"> & { name: string; ref?: Ref<HTMLInputElement> };

/** A labelled input whose hint and error are tied to it, marked invalid when the server or schema says so. */
export function TextField({ label, hint, error, optional, className, id: givenId, ...input }: TProps) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} optional={optional} className={className}>
      <input
        id={id}
        type="text"
        required={!optional}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={controlClass}
        {...input}
      />
    </FieldShell>
  );
}
