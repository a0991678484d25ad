"use client";

import Link from "next/link";
import { useEffect, useState } from "react";

type TSessionView = { user?: { name?: string | null; role?: "TRAINER" | "ADMIN" } } | null;

// Reads the session on the client so the layout stays static for every visitor.
export function AccountMenu() {
  const [session, setSession] = useState<TSessionView | undefined>(undefined);
  useEffect(() => {
    let live = true;
    fetch("/api/auth/session", { cache: "no-store" })
      .then((r) => (r.ok ? r.json() : null))
      .then((s: TSessionView) => live && setSession(s && s.user ? s : null))
      .catch(() => live && setSession(null));
    return () => {
      live = false;
    };
  }, []);

  if (session === undefined) return <span className="inline-block w-20" aria-hidden="true" />;
  if (!session) {
    return (
      <>
        <Link className="rounded px-3 py-2 hover:bg-slate-100 dark:hover:bg-slate-800" href="/sign-in">
          Sign in
        </Link>
        <Link className="rounded bg-brand-700 px-3 py-2 font-medium text-white hover:bg-brand-800" href="/sign-up">
          Sign up
        </Link>
      </>
    );
  }
  return (
    <>
      {session.user?.role === "ADMIN" && (
        <Link className="rounded px-3 py-2 hover:bg-slate-100 dark:hover:bg-slate-800" href="/admin">
          Admin
        </Link>
      )}
      <Link className="rounded px-3 py-2 hover:bg-slate-100 dark:hover:bg-slate-800" href="/account">
        {session.user?.name ?? "Account"}
      </Link>
    </>
  );
}
