import "server-only";
import { assertAdmin } from "@/lib/auth/assert-admin.server";
import { lockEnabledAdmins } from "@/lib/auth/admin-lock.sql.server";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/client";

// Admin actions on accounts. The last enabled admin can be neither demoted nor disabled, checked
// under a row lock so two admins acting at once cannot both succeed.

async function lockAdmins(tx: Parameters<Parameters<typeof db.$transaction>[0]>[0]) {
  await lockEnabledAdmins(tx);
  return tx.user.count({ where: { role: "ADMIN", disabledAt: null } });
}

export async function setUserDisabled({ adminId, userId, disabled }: { adminId: string; userId: string; disabled: boolean }) {
  await db.$transaction(async (tx) => {
    await assertAdmin(adminId, tx);
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, disabledAt: true } });
    if (!user) throw new AppError("NOT_FOUND", "No such user.");
    if (disabled && user.role === "ADMIN" && !user.disabledAt && (await lockAdmins(tx)) <= 1) {
      throw new AppError("CONFLICT", "This is the last active administrator; make someone else an admin first.");
    }
    await tx.user.update({
      where: { id: userId },
      // Disabling also bumps the session version so existing sessions end at once.
      data: disabled ? { disabledAt: new Date(), sessionVersion: { increment: 1 } } : { disabledAt: null },
    });
    await recordAudit(tx, { actorId: adminId, action: disabled ? "user.disable" : "user.enable", targetType: "user", targetId: userId });
  });
}

export async function changeUserRole({ adminId, userId, role }: { adminId: string; userId: string; role: Role }) {
  await db.$transaction(async (tx) => {
    await assertAdmin(adminId, tx);
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, disabledAt: true } });
    if (!user) throw new AppError("NOT_FOUND", "No such user.");
    if (user.role === role) return;
    if (user.role === "ADMIN" && !user.disabledAt && (await lockAdmins(tx)) <= 1) {
      throw new AppError("CONFLICT", "This is the last active administrator and cannot be demoted.");
    }
    await tx.user.update({ where: { id: userId }, data: { role, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, { actorId: adminId, action: "user.change-role", targetType: "user", targetId: userId, data: { from: user.role, to: role } });
  });
}
