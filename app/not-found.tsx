import type { Metadata } from "next";
import Link from "next/link";
import { LogoMark } from "@/components/brand/logo";
import { buttonClass, linkClass } from "@/components/ui";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <div className="mx-auto flex max-w-2xl flex-col items-center px-4 py-20 text-center">
      <LogoMark className="h-14 w-14" />
      <p className="mt-6 text-sm font-semibold uppercase tracking-wide text-brand-700 dark:text-brand-100">Error 404</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight sm:text-4xl">We can’t find that page</h1>
      <p className="mt-4 text-slate-700 dark:text-slate-300">
        The address may be mistyped, or the page may have moved. Your progress and credits are not affected.
      </p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <Link href="/courses" className={buttonClass({ size: "lg" })}>
          Browse courses
        </Link>
        <Link href="/dashboard" className={buttonClass({ variant: "secondary", size: "lg" })}>
          Go to your dashboard
        </Link>
      </div>
      <p className="mt-6 text-sm text-slate-600 dark:text-slate-400">
        Checking a certificate? <Link href="/verify" className={linkClass}>Verify it here</Link>.
      </p>
    </div>
  );
}
