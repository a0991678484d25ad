import "server-only";
import type { TDb } from "@/lib/db/client";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { tryLockLoginAttempt } from "./login-throttle.sql.server";
import { COUNT_WINDOW_MS, describeRetry, lockedUntil } from "./login-throttle";

// Failures live in PostgreSQL, so every app instance sees the same counts.
//
// A sign-in takes its failure slot *before* the password is checked (reserveLoginAttempt), holding
// per-account and per-address advisory locks, and gives it back only when the password was right.
// Reading the count first and writing the failure after the (slow, on purpose) argon2 check let
// 100 parallel wrong guesses all read "0 failures" and all be checked; now the 11th takes the
// lock after them, sees 10 slots and is refused without a password check.

type TClient = Pick<TDb, "loginFailure"> | Prisma.TransactionClient;

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

/**
 * Counts this attempt as a failure up front and returns its slot, or throws RATE_LIMITED. The
 * caller checks the password only after this returns, and calls releaseLoginAttempt when the
 * password was right.
 *
 * The locks are *tried*, not waited for: a burst on one account must not park every pooled
 * connection behind one lock (that would stall the whole app). A busy account or address is
 * retried after a short random pause with the connection given back, and after about a second
 * the attempt is refused like a locked one. The critical section is three short statements, so
 * a person signing in alone never waits.
 */
export async function reserveLoginAttempt(email: string, ip: string, now?: Date): Promise<bigint> {
  for (let tries = 0; ; tries++) {
    const at = now ?? new Date();
    const slot = await db.$transaction(async (tx) => {
      // Account first, then address; the first lock stays held (to the transaction's end) if the second is busy.
      if (!(await tryLockLoginAttempt(tx, { email, ip }))) return null;
      await assertNotLocked(tx, email, ip, at);
      const row = await tx.loginFailure.create({ data: { email, ip, createdAt: at }, select: { id: true } });
      return row.id;
    }, { maxWait: 10_000 }); // queueing for a pooled connection in a burst is fine; holding one while waiting is not
    if (slot !== null) return slot;
    if (tries >= BUSY_RETRIES) {
      throw new AppError("RATE_LIMITED", "Another sign-in for this account is being checked right now. Try again in a moment.", { retryAfterSeconds: 1 });
    }
    await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 30));
  }
}

const BUSY_RETRIES = 40;

/** Gives back the slot of an attempt whose password was right. */
export async function releaseLoginAttempt(slot: bigint): Promise<void> {
  await db.loginFailure.deleteMany({ where: { id: slot } });
}

export async function clearLoginFailures(email: string): Promise<void> {
  await db.loginFailure.deleteMany({ where: { email } });
}
