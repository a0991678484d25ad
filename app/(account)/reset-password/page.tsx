import type { Metadata } from "next";
import Link from "next/link";
import { readLinkToken } from "@/lib/auth/account-schemas";
import { linkClass } from "@/components/ui";
import { AuthCard } from "../auth-card";
import { ResetPasswordForm } from "./reset-password-client";

export const metadata: Metadata = { title: "Choose a new password" };

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ResetPasswordPage({ searchParams }: TProps) {
  const { token, broken } = readLinkToken((await searchParams).token);
  return (
    <AuthCard
      title="Choose a new password"
      intro={token ? "Choosing a new password signs you out on every other device." : undefined}
      footer={
        <p>
          <Link href="/sign-in" className={linkClass}>
            Back to sign in
          </Link>
        </p>
      }
    >
      {token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <p role={broken ? "alert" : undefined} className="text-slate-700 dark:text-slate-300">
          {broken ? "This reset link is incomplete. Copy the whole link from the email, or ask for a new one." : "This page needs the link from your reset email."}{" "}
          <Link href="/forgot-password" className={linkClass}>
            Request a reset link
          </Link>
          .
        </p>
      )}
    </AuthCard>
  );
}
