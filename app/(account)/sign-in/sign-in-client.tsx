"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { type FormEvent, useRef, useState } from "react";
import { FormError, FormNotice } from "@/components/forms/form-error";
import { PasswordField } from "@/components/forms/password-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { formRaw, formText } from "@/components/forms/use-api-form";
import { linkClass } from "@/components/ui";

type TProps = { callbackUrl: string; notice: string | null; initialError: string | null };

export function SignInForm({ callbackUrl, notice, initialError }: TProps) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(initialError);
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({});
  const passwordRef = useRef<HTMLInputElement>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const email = formText(data, "email");
    const password = formRaw(data, "password");
    const blanks = { email: email ? undefined : "Enter your email address.", password: password ? undefined : "Enter your password." };
    setMissing(blanks);
    if (blanks.email || blanks.password) {
      setError(null);
      e.currentTarget.querySelector<HTMLInputElement>(blanks.email ? 'input[name="email"]' : 'input[name="password"]')?.focus();
      return;
    }
    setPending(true);
    setError(null);
    try {
      // The server's message is shown as is: wrong credentials, unverified email, or "Try again in N minutes".
      const result = await signIn("credentials", { email, password, redirect: false, callbackUrl });
      if (result?.ok && !result.error) {
        window.location.assign(callbackUrl);
        return;
      }
      setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "Email or password is incorrect.");
      if (passwordRef.current) {
        passwordRef.current.value = "";
        passwordRef.current.focus();
      }
    } catch {
      setError("You appear to be offline. Check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5">
      {notice && <FormNotice>{notice}</FormNotice>}
      <FormError message={error}>
        {error?.startsWith("Please verify") && (
          <p className="mt-1">
            <Link href="/verify-email" className={linkClass}>
              Send a new confirmation link
            </Link>
          </p>
        )}
      </FormError>
      <TextField label="Email" name="email" type="email" autoComplete="username" inputMode="email" error={missing.email} />
      <div>
        <PasswordField label="Password" name="password" autoComplete="current-password" error={missing.password} ref={passwordRef} />
        <p className="mt-2 text-right text-sm">
          <Link href="/forgot-password" className={linkClass}>
            Forgot your password?
          </Link>
        </p>
      </div>
      <SubmitButton pending={pending} pendingLabel="Signing in…" className="w-full">
        Sign in
      </SubmitButton>
    </form>
  );
}
