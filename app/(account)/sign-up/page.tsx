import type { Metadata } from "next";
import Link from "next/link";
import { linkClass } from "@/components/ui";
import { AuthCard } from "../auth-card";
import { SignUpForm } from "./sign-up-client";

export const metadata: Metadata = { title: "Create a trainer account" };

export default function SignUpPage() {
  return (
    <AuthCard
      title="Create a trainer account"
      intro="Your certification details go on every certificate you earn, so enter them as they appear on your credential."
      footer={
        <p>
          Already have an account?{" "}
          <Link href="/sign-in" className={linkClass}>
            Sign in
          </Link>
        </p>
      }
    >
      <SignUpForm />
    </AuthCard>
  );
}
