"use client";

import { buttonClass } from "@/components/ui/button";

import "./globals.css";

// When the root layout itself fails, Next renders this instead of it, so it brings its own
// <html> and <body> and nothing that could fail the same way.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen items-center justify-center p-6">
        <main className="max-w-xl text-center">
          <title>Something went wrong · Backbone CE</title>
          <h1 className="text-3xl font-bold tracking-tight">Something went wrong on our side</h1>
          <p className="mt-4 text-slate-700">Your progress and credits are saved. Please try again in a moment.</p>
          {error.digest && <p className="mt-2 font-mono text-xs text-slate-600">Reference: {error.digest}</p>}
          <button type="button" onClick={reset} className={buttonClass({ size: "lg", className: "mt-6" })}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
