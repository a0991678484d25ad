import "server-only";
import pg from "pg";
import type { TSqlClient } from "@/lib/db/client";

// Locks and leases shared by several domains. Raw because Prisma has no API for advisory locks
// or for row locks (SELECT … FOR UPDATE / FOR NO KEY UPDATE). The row and transaction locks only
// make sense inside the caller's transaction, so those helpers take the transaction's client.

/**
 * Waits for a transaction-scoped advisory lock on `key` (hashed with hashtext); PostgreSQL
 * releases it at commit or rollback. Serializes work on one logical thing that has no row to lock.
 */
export async function lockKeyForTransaction(tx: TSqlClient, key: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}

/**
 * Locks a user's row FOR NO KEY UPDATE until the transaction ends, serializing changes to one
 * trainer's records without blocking inserts that reference the user (their foreign-key checks
 * take KEY SHARE, which this lock does not conflict with). False when there is no such user.
 */
export async function lockUserRow(tx: TSqlClient, userId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE id = ${userId} FOR NO KEY UPDATE`;
  return rows.length > 0;
}

/**
 * Runs `work` only if this process gets the session-level advisory lock `key`, on a connection of
 * its own (a pooled connection could be handed to another query while the lock is held, and a
 * transaction-scoped lock would hold a transaction open for the whole run). Returns null, without
 * running `work`, when another process holds the lease. A lease saves duplicate work; it is not a
 * correctness guarantee (the connection can drop mid-run), so `work` must be safe to repeat.
 */
export async function runUnderLease<T>({ connectionString, key }: { connectionString: string; key: number }, work: () => Promise<T>): Promise<T | null> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [key]);
    if (!rows[0]?.locked) return null;
    try {
      return await work();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [key]);
    }
  } finally {
    await client.end();
  }
}
