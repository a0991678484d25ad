// The visitor's session as the browser sees it, fetched once per page view and shared by every
// island that needs it (the header's account menu, lesson and course progress). Islands that only
// make sense signed in ask this first, so a guest's browser never requests a 401 (which Chrome
// logs as a console error).

export type TClientSession = { user: { name: string | null; role: "TRAINER" | "ADMIN" | undefined } } | null;

// Long enough for the islands of one page view to share one request; short enough that signing in
// or out and moving on never shows a stale state.
const REUSE_MS = 5_000;
let cached: { at: number; value: Promise<TClientSession> } | null = null;

export function loadClientSession(): Promise<TClientSession> {
  if (cached && Date.now() - cached.at < REUSE_MS) return cached.value;
  const value = fetch("/api/auth/session", { cache: "no-store" })
    .then((r) => (r.ok ? r.json() : null))
    .then((s: { user?: { name?: string | null; role?: "TRAINER" | "ADMIN" } } | null) => (s?.user ? { user: { name: s.user.name ?? null, role: s.user.role } } : null))
    .catch(() => null);
  cached = { at: Date.now(), value };
  return value;
}
