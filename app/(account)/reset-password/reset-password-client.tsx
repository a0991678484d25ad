"use client";

import Link from "next/link";
import { type FormEvent, useState } from "react";
import { FormError, FormNotice } from "@/components/forms/form-error";
import { PasswordField } from "@/components/forms/password-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { formRaw, useApiForm } from "@/components/forms/use-api-form";
import { linkClass } from "@/components/ui";
import { buttonClass } from "@/components/ui/button";

export function ResetPasswordForm({ token }: { token: string }) {
  const form = useApiForm({ url: "/api/account/reset-password" });
  const [mismatch, setMismatch] = useState<string | undefined>();
  const [done, setDone] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const password = formRaw(data, "password");
    if (password !== formRaw(data, "confirm")) {
      setMismatch("The two passwords do not match.");
      e.currentTarget.querySelector<HTMLInputElement>('input[name="confirm"]')?.focus();
      return;
    }
    setMismatch(undefined);
    const result = await form.submit({ token, password });
    if (result.ok) setDone(true);
  }

  if (done) {
    return (
      <div className="space-y-5">
        <FormNotice>Your password has been changed and every other session has been signed out.</FormNotice>
        <Link href="/sign-in?reset=1" className={buttonClass({ size: "lg", className: "w-full" })}>
          Sign in with your new password
        </Link>
      </div>
    );
  }

  // A used, expired or mangled link is not a field problem: offer a new one.
  const linkProblem = form.error && !form.fieldError("password");
  return (
    <form ref={form.formRef} noValidate onSubmit={onSubmit} className="space-y-5">
      <FormError message={form.error}>
        {linkProblem && (
          <p className="mt-1">
            <Link href="/forgot-password" className={linkClass}>
              Request a new reset link
            </Link>
          </p>
        )}
      </FormError>
      <PasswordField label="New password" name="password" autoComplete="new-password" showStrength error={form.fieldError("password")} />
      <PasswordField label="Repeat the new password" name="confirm" autoComplete="new-password" error={mismatch} />
      <SubmitButton pending={form.pending} pendingLabel="Saving…" className="w-full">
        Save new password
      </SubmitButton>
    </form>
  );
}
