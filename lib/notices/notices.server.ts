import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

// In-app notices. Written inside the transaction of the event they announce (so a rolled-back
// issue leaves no notice); mailed afterwards, once, by the reminder scheduler
// (lib/reminders/send-reminders.server.ts claims each with mailedAt).

export async function recordCertificateIssuedNotice(tx: Pick<Prisma.TransactionClient, "notice">, input: { userId: string; code: string; courseTitle: string }): Promise<void> {
  await tx.notice.create({
    data: {
      userId: input.userId,
      kind: "certificate.issued",
      title: "Your certificate has been issued",
      body: `Your certificate for “${input.courseTitle}” has been issued (code ${input.code}). Anyone can verify it with the code.`,
      href: "/certificates",
    },
  });
}

export type TNoticeView = { id: string; title: string; body: string; href: string | null; createdAt: Date };

/** The most recent notices, unread first; the dashboard shows them until dismissed. */
export async function listNotices(userId: string, limit = 5): Promise<TNoticeView[]> {
  return db.notice.findMany({
    where: { userId, readAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, title: true, body: true, href: true, createdAt: true },
  });
}

export async function dismissNotice(userId: string, id: string, now = new Date()): Promise<void> {
  // updateMany with the owner in the filter: someone else's id changes nothing, and reads as
  // "not found" like an id that does not exist. Dismissing twice is the same as once.
  const { count } = await db.notice.updateMany({ where: { id, userId, readAt: null }, data: { readAt: now } });
  if (count === 0 && !(await db.notice.findFirst({ where: { id, userId }, select: { id: true } }))) {
    throw new AppError("NOT_FOUND", "That notice does not exist.");
  }
}
