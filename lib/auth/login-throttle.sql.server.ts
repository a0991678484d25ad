import "server-only";
import type { TSqlClient } from "@/lib/db/client";

// Raw because Prisma has no API for advisory locks. A sign-in holds a per-account and a
// per-address lock while it takes its failure slot (login-throttle.server.ts says why).

// Two-key advisory locks (class, hash) never collide with the one-key locks used elsewhere.
const LOCK_EMAIL = 7301;
const LOCK_IP = 7302;

/**
 * Tries (never waits for) the account lock, then the address lock, for the rest of the
 * transaction. True when both were taken; when only the first was, it stays held to the end.
 */
export async function tryLockLoginAttempt(tx: TSqlClient, { email, ip }: { email: string; ip: string }): Promise<boolean> {
  const [lock] = await tx.$queryRaw<{ ok: boolean }[]>`
    SELECT pg_try_advisory_xact_lock(${LOCK_EMAIL}::int, hashtext(${email})) AND pg_try_advisory_xact_lock(${LOCK_IP}::int, hashtext(${ip})) AS ok`;
  return lock?.ok === true;
}
