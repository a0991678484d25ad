"use client";

import { type FormEvent, useState } from "react";
import { FormError, FormNotice } from "@/components/forms/form-error";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { formText, useApiForm } from "@/components/forms/use-api-form";
import { ZEmailOnly } from "@/lib/auth/account-schemas";

/** One email field that asks for a link; the answer never says whether the address has an account. */
export function EmailRequestForm({ url, submitLabel, pendingLabel }: { url: string; submitLabel: string; pendingLabel: string }) {
  const form = useApiForm<{ ok: true; message: string }>({ url, schema: ZEmailOnly });
  const [message, setMessage] = useState<string | null>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const result = await form.submit({ email: formText(new FormData(e.currentTarget), "email") });
    if (result.ok) setMessage(result.data.message);
  }

  return (
    <form ref={form.formRef} noValidate onSubmit={onSubmit} className="space-y-5">
      {message && <FormNotice>{message}</FormNotice>}
      <FormError message={form.error} />
      <TextField label="Email" name="email" type="email" autoComplete="email" inputMode="email" error={form.fieldError("email")} />
      <SubmitButton pending={form.pending} pendingLabel={pendingLabel} className="w-full">
        {message ? "Send again" : submitLabel}
      </SubmitButton>
    </form>
  );
}
