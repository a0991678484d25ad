import "server-only";
import type { TDb } from "@/lib/db/client";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { COUNT_WINDOW_MS, describeRetry, lockedUntil } from "./login-throttle";

// Failures live in PostgreSQL, so every app instance sees the same counts.
//
// A sign-in takes its failure slot *before* the password is checked (reserveLoginAttempt), under
// per-account and per-address advisory locks, and gives it back only when the password was right.
// Reading the count first and writing the failure after the (slow, on purpose) argon2 check let
// 100 parallel wrong guesses all read "0 failures" and all be checked; now the 11th waits for the
// lock, sees 10 slots and is refused without a password check.

type TClient = Pick<TDb, "loginFailure"> | Prisma.TransactionClient;

// Two-key advisory locks (class, hash) never collide with the one-key locks used elsewhere.
const LOCK_EMAIL = 7301;
const LOCK_IP = 7302;

async function stateFor(client: TClient, where: { email: string } | { ip: string }, now: Date) {
  const since = new Date(now.getTime() - COUNT_WINDOW_MS);
  const agg = await client.loginFailure.aggregate({ where: { ...where, createdAt: { gte: since } }, _count: { _all: true }, _max: { createdAt: true } });
  return lockedUntil(agg._count._all, agg._max.createdAt, now);
}

async function assertNotLocked(client: TClient, email: string, ip: string, now: Date): Promise<void> {
  const byEmail = await stateFor(client, { email }, now);
  const byIp = await stateFor(client, { ip }, now);
  const until = [byEmail, byIp].filter((d): d is Date => d !== null).sort((a, b) => b.getTime() - a.getTime())[0];
  if (until) {
    throw new AppError("RATE_LIMITED", describeRetry(until, now), { retryAfterSeconds: Math.ceil((until.getTime() - now.getTime()) / 1000) });
  }
}

/** Throws RATE_LIMITED with the retry time when the account or the IP is locked (read only). */
export async function assertLoginAllowed(email: string, ip: string, now = new Date()): Promise<void> {
  await assertNotLocked(db, email, ip, now);
}

/**
 * Counts this attempt as a failure up front and returns its slot, or throws RATE_LIMITED. The
 * caller checks the password only after this returns, and calls releaseLoginAttempt when the
 * password was right. Locks are taken account first, then address, so two attempts never wait
 * on each other in opposite orders.
 */
export async function reserveLoginAttempt(email: string, ip: string, now = new Date()): Promise<bigint> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_EMAIL}::int, hashtext(${email}))`;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_IP}::int, hashtext(${ip}))`;
    await assertNotLocked(tx, email, ip, now);
    const slot = await tx.loginFailure.create({ data: { email, ip, createdAt: now }, select: { id: true } });
    return slot.id;
  }, { maxWait: 15_000, timeout: 15_000 }); // a burst queues on the lock; each holder is brief
}

/** Gives back the slot of an attempt whose password was right. */
export async function releaseLoginAttempt(slot: bigint): Promise<void> {
  await db.loginFailure.deleteMany({ where: { id: slot } });
}

export async function recordLoginFailure(email: string, ip: string): Promise<void> {
  await db.loginFailure.create({ data: { email, ip } });
}

export async function clearLoginFailures(email: string): Promise<void> {
  await db.loginFailure.deleteMany({ where: { email } });
}
