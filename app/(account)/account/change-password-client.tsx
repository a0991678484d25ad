"use client";

import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { FormError, FormNotice } from "@/components/forms/form-error";
import { PasswordField } from "@/components/forms/password-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { formRaw, useApiForm } from "@/components/forms/use-api-form";

export function ChangePasswordForm({ email }: { email: string }) {
  const form = useApiForm({ url: "/api/account/password" });
  const [done, setDone] = useState(false);
  const [key, setKey] = useState(0);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setDone(false);
    const data = new FormData(e.currentTarget);
    const newPassword = formRaw(data, "newPassword");
    const result = await form.submit({ currentPassword: formRaw(data, "currentPassword"), newPassword });
    if (!result.ok) return;
    // The change ended every session, this one too: sign straight back in with the new password.
    const again = await signIn("credentials", { email, password: newPassword, redirect: false }).catch(() => null);
    if (!again?.ok || again.error) {
      window.location.assign("/sign-in?reset=1&callbackUrl=/account");
      return;
    }
    setDone(true);
    setKey((k) => k + 1); // clears the inputs
  }

  return (
    <form key={key} ref={form.formRef} noValidate onSubmit={onSubmit} className="space-y-5">
      {done && <FormNotice>Your password has been changed. Other devices have been signed out.</FormNotice>}
      <FormError message={form.error} />
      <PasswordField label="Current password" name="currentPassword" autoComplete="current-password" error={form.fieldError("currentPassword")} />
      <PasswordField label="New password" name="newPassword" autoComplete="new-password" showStrength error={form.fieldError("newPassword")} />
      <SubmitButton pending={form.pending} pendingLabel="Changing…">
        Change password
      </SubmitButton>
    </form>
  );
}
