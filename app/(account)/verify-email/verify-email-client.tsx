"use client";

import Link from "next/link";
import { useState } from "react";
import { FormError, FormNotice } from "@/components/forms/form-error";
import { SubmitButton } from "@/components/forms/submit-button";
import { useApiForm } from "@/components/forms/use-api-form";
import { EmailRequestForm } from "../email-request-form";
import { buttonClass } from "@/components/ui/button";

const BROKEN = "This confirmation link is incomplete. Copy the whole link from the email, or ask for a new one below.";

export function VerifyEmail({ token, brokenLink = false }: { token: string | null; brokenLink?: boolean }) {
  const confirm = useApiForm({ url: "/api/account/verify-email" });
  const [done, setDone] = useState(false);

  if (done) {
    return (
      <div className="space-y-5">
        <FormNotice>Your email is confirmed. You can now sign in.</FormNotice>
        <Link href="/sign-in?verified=1" className={buttonClass({ size: "lg", className: "w-full" })}>
          Sign in
        </Link>
      </div>
    );
  }

  if (!token || confirm.error) {
    const problem = confirm.error ?? (brokenLink ? BROKEN : null);
    return (
      <div className="space-y-5">
        <FormError message={problem} />
        {problem && <p className="text-sm text-slate-700 dark:text-slate-300">Enter your email to get a new confirmation link.</p>}
        <EmailRequestForm url="/api/account/resend-verification" submitLabel="Send a new link" pendingLabel="Sending…" />
      </div>
    );
  }

  return (
    <form
      ref={confirm.formRef}
      onSubmit={async (e) => {
        e.preventDefault();
        const result = await confirm.submit({ token });
        if (result.ok) setDone(true);
      }}
    >
      <SubmitButton pending={confirm.pending} pendingLabel="Confirming…" className="w-full">
        Confirm my email
      </SubmitButton>
    </form>
  );
}
