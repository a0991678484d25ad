import type { Metadata } from "next";
import Link from "next/link";
import { safeCallbackUrl } from "@/components/forms/safe-callback-url";
import { linkClass } from "@/components/ui";
import { AuthCard } from "../auth-card";
import { SignInForm } from "./sign-in-client";

export const metadata: Metadata = { title: "Sign in" };

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

// next-auth sends its own error codes here (pages.error); credential errors come back to the form.
const NEXTAUTH_ERRORS: Record<string, string> = {
  SessionRequired: "Please sign in to continue.",
  CredentialsSignin: "Email or password is incorrect.",
  Configuration: "Sign-in is briefly unavailable. Please try again in a moment.",
};

export default async function SignInPage({ searchParams }: TProps) {
  const sp = await searchParams;
  const callbackUrl = safeCallbackUrl(first(sp.callbackUrl));
  const code = first(sp.error);
  const notice = first(sp.verified) ? "Your email is confirmed. Sign in to continue." : first(sp.reset) ? "Your password has been changed. Sign in with the new one." : null;
  const initialError = code ? (NEXTAUTH_ERRORS[code] ?? "Sign-in failed. Please try again.") : null;
  return (
    <AuthCard
      title="Sign in"
      intro="Welcome back. Sign in to continue your courses and track your credits."
      footer={
        <>
          <p>
            New here?{" "}
            <Link href="/sign-up" className={linkClass}>
              Create a trainer account
            </Link>
          </p>
          <p>
            Didn't get the confirmation email?{" "}
            <Link href="/verify-email" className={linkClass}>
              Send a new link
            </Link>
          </p>
        </>
      }
    >
      <SignInForm callbackUrl={callbackUrl} notice={notice} initialError={initialError} />
    </AuthCard>
  );
}
