import "server-only";
import { db } from "@/lib/db";
import type { TDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The one admin check of the domain layer. Every admin read and write (lib/admin, the certificate
 * queue, batches, listing and ZIP, regrades, the item report, the outbox, user management, credit
 * adjustments) takes the acting admin's id and calls this itself, against the database, so a
 * trainer (or a disabled admin) is refused whoever calls it: a page, a route, a script or a test.
 * Pages and routes check the session as well; this is the check no caller can forget.
 * lib/auth/admin-functions.int.test.ts calls every exported admin function as a trainer.
 *
 * Inside a transaction pass `tx`, so the check and the write see the same snapshot.
 */
export async function assertAdmin(adminId: string, client: Pick<TDb, "user"> | Prisma.TransactionClient = db): Promise<void> {
  const user = adminId ? await client.user.findUnique({ where: { id: adminId }, select: { role: true, disabledAt: true } }) : null;
  if (user?.role !== "ADMIN" || user.disabledAt) throw new AppError("FORBIDDEN", "This is only available to administrators.");
}
