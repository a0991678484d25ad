import type { Metadata } from "next";
import Link from "next/link";
import { ZToken } from "@/lib/auth/account-schemas";
import { linkClass } from "@/components/ui";
import { AuthCard } from "../auth-card";
import { VerifyEmail } from "./verify-email-client";

export const metadata: Metadata = { title: "Confirm your email" };

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The link only opens this page; confirming takes a button press, so mail scanners that
// follow links cannot use up the token.
export default async function VerifyEmailPage({ searchParams }: TProps) {
  const raw = (await searchParams).token;
  const given = Array.isArray(raw) ? raw[0] : raw;
  // A link cut short by a mail client is caught here, before anything is sent.
  const token = given && ZToken.safeParse(given).success ? given : null;
  const broken = Boolean(given) && !token;
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
