import "server-only";
import type { TSqlClient } from "@/lib/db/client";

// Raw because Prisma cannot lock rows (SELECT … FOR UPDATE). Locking every enabled admin's row
// before counting them makes "is this the last enabled admin?" and the change that follows one
// step: two admins disabling each other at once cannot both see "two left".

/** Locks the enabled administrators' rows until the transaction ends. */
export async function lockEnabledAdmins(tx: TSqlClient): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "User" WHERE role = 'ADMIN' AND "disabledAt" IS NULL FOR UPDATE`;
}
