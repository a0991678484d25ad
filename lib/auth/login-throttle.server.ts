import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { COUNT_WINDOW_MS, describeRetry, lockedUntil } from "./login-throttle";

// Failures live in PostgreSQL, so every app instance sees the same counts.

async function stateFor(where: { email: string } | { ip: string }, now: Date) {
  const since = new Date(now.getTime() - COUNT_WINDOW_MS);
  const agg = await db.loginFailure.aggregate({ where: { ...where, createdAt: { gte: since } }, _count: { _all: true }, _max: { createdAt: true } });
  return lockedUntil(agg._count._all, agg._max.createdAt, now);
}

/** Throws RATE_LIMITED with the retry time when the account or the IP is locked. */
export async function assertLoginAllowed(email: string, ip: string, now = new Date()): Promise<void> {
  const [byEmail, byIp] = await Promise.all([stateFor({ email }, now), stateFor({ ip }, now)]);
  const until = [byEmail, byIp].filter((d): d is Date => d !== null).sort((a, b) => b.getTime() - a.getTime())[0];
  if (until) {
    throw new AppError("RATE_LIMITED", describeRetry(until, now), { retryAfterSeconds: Math.ceil((until.getTime() - now.getTime()) / 1000) });
  }
}

export async function recordLoginFailure(email: string, ip: string): Promise<void> {
  await db.loginFailure.create({ data: { email, ip } });
}

export async function clearLoginFailures(email: string): Promise<void> {
  await db.loginFailure.deleteMany({ where: { email } });
}
