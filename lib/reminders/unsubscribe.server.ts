import "server-only";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { unsubscribeSecret } from "@/lib/reminders/send-reminders.server";
import { verifyUnsubscribeToken } from "@/lib/reminders/unsubscribe-token";

/** The account a signed unsubscribe token names, or a readable 400. */
export async function findUnsubscribeTarget(token: string): Promise<{ id: string; email: string; remindersOff: boolean }> {
  const userId = verifyUnsubscribeToken(unsubscribeSecret(), token);
  const user = userId ? await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, remindersOffAt: true } }) : null;
  if (!user) throw new AppError("BAD_REQUEST", "This unsubscribe link is not valid. Turn reminders off on your account page instead.");
  return { id: user.id, email: user.email, remindersOff: user.remindersOffAt !== null };
}

/** Turns renewal reminders off for the token's account; doing it twice is the same as once. */
export async function unsubscribeWithToken(token: string): Promise<void> {
  const target = await findUnsubscribeTarget(token);
  if (target.remindersOff) return;
  await db.$transaction(async (tx) => {
    await tx.user.updateMany({ where: { id: target.id, remindersOffAt: null }, data: { remindersOffAt: new Date() } });
    await recordAudit(tx, { actorId: target.id, action: "reminders.unsubscribe", targetType: "user", targetId: target.id });
  });
}
