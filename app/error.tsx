"use client";

import Link from "next/link";
import { useEffect } from "react";
import { LogoMark } from "@/components/brand/logo";
import { linkClass } from "@/components/ui/text-link";
import { buttonClass } from "@/components/ui/button";

// Any unexpected error while rendering a page (a 500). The digest lets support find the server log
// line; nothing else about the error is shown.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    document.title = "Something went wrong · Backbone CE";
  }, []);
  return (
    <div className="mx-auto flex max-w-2xl flex-col items-center px-4 py-20 text-center">
      <LogoMark className="h-14 w-14" />
      <p className="mt-6 text-sm font-semibold uppercase tracking-wide text-brand-700 dark:text-brand-100">Error 500</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight sm:text-4xl">Something went wrong on our side</h1>
      <p className="mt-4 text-slate-700 dark:text-slate-300">
        Your answers, progress and credits are saved. Try again in a moment; if it keeps happening, check the{" "}
        <Link href="/status" className={linkClass}>
          service status
        </Link>
        .
      </p>
      {error.digest && <p className="mt-2 font-mono text-xs text-slate-600 dark:text-slate-400">Reference: {error.digest}</p>}
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <button type="button" onClick={reset} className={buttonClass({ size: "lg" })}>
          Try again
        </button>
        <Link href="/" className={buttonClass({ variant: "secondary", size: "lg" })}>
          Go to the home page
        </Link>
      </div>
    </div>
  );
}
