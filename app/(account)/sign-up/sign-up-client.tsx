"use client";

import Link from "next/link";
import { type FormEvent, useState } from "react";
import { FormError, FormNotice } from "@/components/forms/form-error";
import { PasswordField } from "@/components/forms/password-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { TimeZoneSelect } from "@/components/forms/time-zone-select";
import { formRaw, formText, useApiForm } from "@/components/forms/use-api-form";
import { ZSignUp } from "@/lib/auth/account-schemas";
import { linkClass } from "@/components/ui";
import { CertificationFields, readCertification } from "../certification-fields";

export function SignUpForm() {
  const form = useApiForm({ url: "/api/account/sign-up", schema: ZSignUp });
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const email = formText(data, "email");
    const result = await form.submit({
      name: formText(data, "name"),
      email,
      password: formRaw(data, "password"),
      timeZone: formText(data, "timeZone"),
      certification: readCertification(data),
    });
    if (result.ok) setSentTo(email);
  }

  if (sentTo) {
    return (
      <div className="space-y-4">
        <FormNotice>
          <p className="font-semibold">Check your email</p>
          <p className="mt-1">
            We sent a link to <strong className="break-all">{sentTo}</strong>. Open it to confirm your address, then sign in. The link works once and
            expires in 48 hours.
          </p>
        </FormNotice>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Nothing arrived after a few minutes? Check your spam folder or{" "}
          <Link href="/verify-email" className={linkClass}>
            send a new link
          </Link>
          .
        </p>
      </div>
    );
  }

  return (
    <form ref={form.formRef} noValidate onSubmit={onSubmit} className="space-y-5">
      <FormError message={form.error} />
      <TextField label="Full name" name="name" autoComplete="name" hint="As it should appear on your certificates." error={form.fieldError("name")} />
      <TextField label="Email" name="email" type="email" autoComplete="email" inputMode="email" error={form.fieldError("email")} />
      <PasswordField label="Password" name="password" autoComplete="new-password" showStrength error={form.fieldError("password")} />
      <CertificationFields fieldError={form.fieldError} />
      <TimeZoneSelect name="timeZone" detect error={form.fieldError("timeZone")} />
      <SubmitButton pending={form.pending} pendingLabel="Creating your account…" className="w-full">
        Create account
      </SubmitButton>
    </form>
  );
}
