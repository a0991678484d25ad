import type { Metadata } from "next";
import Link from "next/link";
import { linkClass } from "@/components/ui";
import { AuthCard } from "../auth-card";
import { EmailRequestForm } from "../email-request-form";

export const metadata: Metadata = { title: "Forgot your password" };

export default function ForgotPasswordPage() {
  return (
    <AuthCard
      title="Forgot your password?"
      intro="Enter the address you signed up with. We'll email you a link to choose a new password; it works once, for one hour."
      footer={
        <p>
          Remembered it?{" "}
          <Link href="/sign-in" className={linkClass}>
            Back to sign in
          </Link>
        </p>
      }
    >
      <EmailRequestForm url="/api/account/forgot-password" submitLabel="Email me a reset link" pendingLabel="Sending…" />
    </AuthCard>
  );
}
