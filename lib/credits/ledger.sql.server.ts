import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

// Raw because Prisma has no row locks. FOR NO KEY UPDATE serializes adjustments for one trainer
// (the below-zero check reads the total, then writes) without blocking awards, whose foreign-key
// checks take KEY SHARE, which this lock does not conflict with.

/** Locks the trainer's user row for the rest of the transaction; false when there is no such user. */
export async function lockUserForAdjustment(tx: Prisma.TransactionClient, userId: string): Promise<boolean> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE id = ${userId} FOR NO KEY UPDATE`;
  return locked.length > 0;
}
