// Login throttling rules (pure; the database steps are in login-throttle.server.ts).
// At most 10 failures per 10 minutes per account and per IP; past that, exponential back-off:
// 10 failures lock for 10 minutes, 20 for 20, 30 for 40 … capped at a day. Failures are counted
// over 24 hours so the back-off can grow, and cleared by a successful sign-in.

export const FAILURE_LIMIT = 10;
const BASE_LOCK_MS = 10 * 60 * 1000;
const MAX_LOCK_MS = 24 * 60 * 60 * 1000;
export const COUNT_WINDOW_MS = 24 * 60 * 60 * 1000;

export function lockDurationMs(failures: number): number {
  if (failures < FAILURE_LIMIT) return 0;
  const doublings = Math.floor(failures / FAILURE_LIMIT) - 1;
  return Math.min(BASE_LOCK_MS * 2 ** doublings, MAX_LOCK_MS);
}

/** When the key may try again, or null when it is not locked. */
export function lockedUntil(failures: number, lastFailureAt: Date | null, now: Date): Date | null {
  if (!lastFailureAt) return null;
  const duration = lockDurationMs(failures);
  if (!duration) return null;
  const until = new Date(lastFailureAt.getTime() + duration);
  return until > now ? until : null;
}

export function describeRetry(until: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"} (after ${until.toISOString().slice(11, 16)} UTC).`;
}
