import "server-only";
import { assertAdmin } from "@/lib/auth/assert-admin.server";
import { db } from "@/lib/db";
import { escapeLike, readSearchText } from "@/lib/text/safe-text";

const OUTBOX_PAGE_SIZE = 20;

type TOutboxRow = { id: string; to: string; subject: string; text: string; createdAt: Date };
export type TOutboxList = { rows: TOutboxRow[]; total: number; page: number; pageCount: number };

/** The development outbox, newest first, optionally for one recipient. */
export async function listOutbox({ adminId, to = "", page = 1 }: { adminId: string; to?: string; page?: number }): Promise<TOutboxList> {
  await assertAdmin(adminId);
  const recipient = escapeLike(readSearchText(to, 254)?.toLowerCase() ?? "");
  const where = recipient ? { to: { contains: recipient, mode: "insensitive" as const } } : {};
  const total = await db.outboxEmail.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  const rows = await db.outboxEmail.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (current - 1) * OUTBOX_PAGE_SIZE,
    take: OUTBOX_PAGE_SIZE,
    select: { id: true, to: true, subject: true, text: true, createdAt: true },
  });
  return { rows, total, page: current, pageCount };
}
