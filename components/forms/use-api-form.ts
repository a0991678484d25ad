"use client";

import { type RefObject, useCallback, useEffect, useRef, useState } from "react";
import type { z } from "zod";
import { callApi, type TApiResult } from "@/components/api/call-api";
import { fieldsFromZod } from "@/lib/errors";

type TOptions = {
  url: string;
  method?: "POST" | "PATCH" | "PUT" | "DELETE";
  /** Checked in the browser first for instant hints; the route handler re-checks everything. */
  schema?: z.ZodType;
};

export type TApiForm<T> = {
  formRef: RefObject<HTMLFormElement | null>;
  pending: boolean;
  error: string | null;
  fieldErrors: Record<string, string>;
  fieldError: (name: string) => string | undefined;
  submit: (body: unknown) => Promise<TApiResult<T>>;
  setError: (message: string | null) => void;
  reset: () => void;
};

const FIX_FIELDS = "Please correct the fields marked below.";

/**
 * Sends a form's values as JSON and maps `error.fields` (zod paths such as
 * "certification.certificationNumber") onto the inputs with the same `name`. After a failed
 * submit, focus moves to the first invalid input, whose error is read out with it.
 */
export function useApiForm<T = { ok: true }>({ url, method = "POST", schema }: TOptions): TApiForm<T> {
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [focusTick, setFocusTick] = useState(0);

  useEffect(() => {
    if (!focusTick) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusTick]);

  const fail = useCallback((message: string, fields: Record<string, string> | undefined) => {
    const form = formRef.current;
    const known: Record<string, string> = {};
    const unknown: string[] = [];
    for (const [key, text] of Object.entries(fields ?? {})) {
      if (form?.querySelector(`[name="${CSS.escape(key)}"]`)) known[key] = text;
      else unknown.push(text);
    }
    setFieldErrors(known);
    // Field-level messages sit by their inputs; only what no input can show goes in the summary.
    setError(Object.keys(known).length ? [FIX_FIELDS, ...unknown].join(" ") : unknown.length ? unknown.join(" ") : message);
    setFocusTick((n) => n + 1);
  }, []);

  const submit = useCallback(
    async (body: unknown): Promise<TApiResult<T>> => {
      if (schema) {
        const parsed = schema.safeParse(body);
        if (!parsed.success) {
          const fields = fieldsFromZod(parsed.error.issues);
          fail(FIX_FIELDS, fields);
          return { ok: false, status: 422, message: FIX_FIELDS, fields };
        }
      }
      setPending(true);
      setError(null);
      setFieldErrors({});
      const result = await callApi<T>(url, { method, body });
      setPending(false);
      if (!result.ok) fail(result.message, result.fields);
      return result;
    },
    [url, method, schema, fail],
  );

  const reset = useCallback(() => {
    setError(null);
    setFieldErrors({});
  }, []);

  return { formRef, pending, error, fieldErrors, fieldError: (name) => fieldErrors[name], submit, setError, reset };
}

/** A trimmed string from FormData ("" when absent). */
export function formText(data: FormData, name: string): string {
  const v = data.get(name);
  return typeof v === "string" ? v.trim() : "";
}

/** Passwords are sent as typed: spaces are allowed and meaningful. */
export function formRaw(data: FormData, name: string): string {
  const v = data.get(name);
  return typeof v === "string" ? v : "";
}
