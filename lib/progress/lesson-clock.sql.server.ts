import "server-only";
import type { TSqlClient } from "@/lib/db/client";

// Raw because Prisma cannot read a row FOR UPDATE. Every heartbeat and completion of one
// trainer's lesson takes this lock first, so two tabs cannot both count the same seconds or both
// complete the lesson.

export type TLessonClockRow = { observedSeconds: number; lastBeatAt: Date | null; completedAt: Date | null };

/** The lesson's time-keeping columns, with the row locked until the transaction ends. */
export async function lockLessonClock(tx: TSqlClient, progressId: string): Promise<TLessonClockRow> {
  const [clock] = await tx.$queryRaw<TLessonClockRow[]>`
    SELECT "observedSeconds", "lastBeatAt", "completedAt" FROM "LessonProgress" WHERE id = ${progressId} FOR UPDATE`;
  return clock;
}
