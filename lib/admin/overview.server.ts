import "server-only";
import { db } from "@/lib/db";
import { assertAdmin } from "./authorize.server";
import { selectOverviewTotals, selectOverviewWeeks, type TOverviewTotalsRow, type TOverviewWeekRow } from "./overview.sql.server";

// The admin overview: headline figures and weekly series for the charts. Weeks run Monday to
// Sunday in UTC (one calendar for every admin, whatever their zone), the current week included
// and still filling up. Every figure is a grouped query over one table (or a UNION of two), so the
// page costs the same few queries however many trainers there are.

export const OVERVIEW_WEEKS = 12;
const ACTIVE_DAYS = 30;

type TWeek = TOverviewWeekRow;

export type TOverview = {
  generatedAt: Date;
  activeDays: number;
  totals: TOverviewTotalsRow;
  weeks: TWeek[];
};

/** Whole percent, rounded to nearest; null when there is nothing to divide. */
export function passRate(passed: number, attempts: number): number | null {
  return attempts > 0 ? Math.round((passed * 100) / attempts) : null;
}

export async function getOverview({ adminId, now = new Date(), weeks = OVERVIEW_WEEKS }: { adminId: string; now?: Date; weeks?: number }): Promise<TOverview> {
  await assertAdmin(adminId);
  const since = new Date(now.getTime() - ACTIVE_DAYS * 86_400_000);
  const [totals, weekRows] = await Promise.all([selectOverviewTotals(db, { since }), selectOverviewWeeks(db, { now, weeks })]);

  return {
    generatedAt: now,
    activeDays: ACTIVE_DAYS,
    totals,
    weeks: weekRows,
  };
}
