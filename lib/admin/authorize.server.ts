import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Every admin read in lib/admin takes the acting admin's id and checks it here, against the
 * database, so the domain layer refuses a trainer (or a disabled admin) whoever calls it: a page,
 * a route, a script or a test. Pages and routes check the session as well.
 */
export async function assertAdmin(adminId: string): Promise<void> {
  const user = adminId ? await db.user.findUnique({ where: { id: adminId }, select: { role: true, disabledAt: true } }) : null;
  if (user?.role !== "ADMIN" || user.disabledAt) throw new AppError("FORBIDDEN", "This is only available to administrators.");
}
