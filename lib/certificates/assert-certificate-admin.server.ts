import "server-only";
import { assertAdmin } from "@/lib/auth/assert-admin.server";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/** An active administrator, checked inside the transaction, who is not acting on their own certificate. */
export async function assertCertificateAdmin(tx: Prisma.TransactionClient, adminId: string, subjectUserId: string | null, what: string): Promise<void> {
  await assertAdmin(adminId, tx);
  if (subjectUserId && subjectUserId === adminId) throw new AppError("FORBIDDEN", `Another administrator must ${what} your own certificate.`);
}
