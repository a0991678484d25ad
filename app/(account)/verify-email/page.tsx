import type { Metadata } from "next";
import Link from "next/link";
import { readLinkToken } from "@/lib/auth/account-schemas";
import { linkClass } from "@/components/ui";
import { AuthCard } from "../auth-card";
import { VerifyEmail } from "./verify-email-client";

export const metadata: Metadata = { title: "Confirm your email" };

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The link only opens this page; confirming takes a button press, so mail scanners that
// follow links cannot use up the token.
export default async function VerifyEmailPage({ searchParams }: TProps) {
  const { token, broken } = readLinkToken((await searchParams).token);
  return (
    <AuthCard
      title={token ? "Confirm your email" : "Send a new confirmation link"}
      intro={token ? "One more step: confirm this is your address." : "Enter the address you signed up with and we'll send a fresh link."}
      footer={
        <p>
          <Link href="/sign-in" className={linkClass}>
            Back to sign in
          </Link>
        </p>
      }
    >
      <VerifyEmail token={token} brokenLink={broken} />
    </AuthCard>
  );
}
