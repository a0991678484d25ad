"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { loadClientSession } from "./client-session";

type TSessionView = { user?: { name?: string | null; role?: "TRAINER" | "ADMIN" } } | null;

const SESSION_HINT_KEY = "backbone-session-hint";
const linkClass = "rounded px-3 py-2 hover:bg-slate-100 dark:hover:bg-slate-800";

// Reads the session on the client so the layout stays static for every visitor. Until the answer
// arrives the last known state (kept in sessionStorage) is shown, and otherwise a placeholder of
// the same size, so "Sign in / Sign up" never pops in and pushes the header about.
export function AccountMenu() {
  const [session, setSession] = useState<TSessionView | undefined>(undefined);
  useEffect(() => {
    let live = true;
    try {
      const hint = sessionStorage.getItem(SESSION_HINT_KEY);
      if (hint) setSession(JSON.parse(hint) as TSessionView);
    } catch {
      // No storage: wait for the server's answer.
    }
    loadClientSession()
      .then((view) => {
        if (!live) return;
        setSession(view);
        try {
          sessionStorage.setItem(SESSION_HINT_KEY, JSON.stringify(view));
        } catch {
          // Ignore: the hint is only a nicety.
        }
      })
      .catch(() => live && setSession(null));
    return () => {
      live = false;
    };
  }, []);

  // Same height in every state (min-h-10), so the header does not change height when the session
  // arrives on a prerendered page (a layout shift Lighthouse counts against the whole page).
  if (session === undefined) return <span className="inline-block h-10 w-36" aria-hidden="true" />;
  if (!session) {
    return (
      <span className="inline-flex min-h-10 items-center gap-1">
        <Link className={linkClass} href="/sign-in">
          Sign in
        </Link>
        <Link className="rounded bg-brand-700 px-3 py-2 font-medium text-white hover:bg-brand-800" href="/sign-up">
          Sign up
        </Link>
      </span>
    );
  }
  return (
    <>
      <NotificationBell />
      <SignedInMenu name={session.user?.name ?? "Account"} admin={session.user?.role === "ADMIN"} />
    </>
  );
}

/** The bell: unread notices for the signed-in user, linking to the notifications page. */
function NotificationBell() {
  const [unread, setUnread] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      fetch("/api/notifications", { cache: "no-store" })
        .then((r) => (r.ok ? (r.json() as Promise<{ unread: number }>) : null))
        .then((d) => live && d && setUnread(d.unread))
        .catch(() => undefined);
    void load();
    // Marking read on the notifications page tells the bell at once.
    window.addEventListener("backbone:notifications-read", load);
    return () => {
      live = false;
      window.removeEventListener("backbone:notifications-read", load);
    };
  }, []);
  const label = unread ? `Notifications, ${unread} unread` : "Notifications";
  return (
    <Link href="/notifications" aria-label={label} className="relative inline-flex h-10 w-10 items-center justify-center rounded-md hover:bg-slate-100 dark:hover:bg-slate-800">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 8 3 8H3s3-1 3-8" />
        <path d="M10.3 20a1.9 1.9 0 0 0 3.4 0" />
      </svg>
      {unread ? (
        <span data-testid="unread-count" aria-hidden="true" className="absolute top-0.5 right-0.5 min-w-4 rounded-full bg-red-700 px-1 text-center text-[0.65rem] leading-4 font-bold text-white">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}

function SignedInMenu({ name, admin }: { name: string; admin: boolean }) {
  const [open, setOpen] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onPointer = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  async function signOutHere() {
    setLeaving(true);
    try {
      sessionStorage.removeItem(SESSION_HINT_KEY);
    } catch {
      // Nothing stored.
    }
    // Loaded on demand: next-auth's client code is not needed on every page.
    const { signOut } = await import("next-auth/react");
    await signOut({ callbackUrl: "/" });
  }

  const item = "block w-full rounded px-3 py-2 text-left hover:bg-slate-100 dark:hover:bg-slate-800";
  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={`${id}-menu`}
        onClick={() => setOpen((o) => !o)}
        className={`${linkClass} inline-flex max-w-[12rem] items-center gap-1`}
      >
        <span className="truncate">{name}</span>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 shrink-0" fill="currentColor">
          <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4z" />
        </svg>
        <span className="sr-only">: account menu</span>
      </button>
      <div
        id={`${id}-menu`}
        hidden={!open}
        className="absolute right-0 z-40 mt-1 w-56 rounded-lg border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
      >
        <ul>
          <li>
            <Link className={item} href="/dashboard" onClick={() => setOpen(false)}>
              Dashboard
            </Link>
          </li>
          <li>
            <Link className={item} href="/transcript" onClick={() => setOpen(false)}>
              Transcript
            </Link>
          </li>
          <li>
            <Link className={item} href="/certificates" onClick={() => setOpen(false)}>
              Certificates
            </Link>
          </li>
          {admin && (
            <li>
              <Link className={item} href="/admin" onClick={() => setOpen(false)}>
                Admin
              </Link>
            </li>
          )}
          <li>
            <Link className={item} href="/notifications" onClick={() => setOpen(false)}>
              Notifications
            </Link>
          </li>
          <li>
            <Link className={item} href="/account" onClick={() => setOpen(false)}>
              Account settings
            </Link>
          </li>
          <li className="mt-1 border-t border-slate-200 pt-1 dark:border-slate-700">
            <button type="button" className={item} onClick={signOutHere} disabled={leaving}>
              {leaving ? "Signing out…" : "Sign out"}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
