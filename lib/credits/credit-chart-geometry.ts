import { formatCec } from "@/lib/credits/cec-amount";
import type { TCreditPoint } from "@/lib/credits/cycle";
import { formatMonthDay, formatMonthYear } from "@/lib/format/calendar-date";

// Geometry for the credits-over-time chart, kept apart from the SVG so it can be tested with
// numbers. A running total only changes when an entry lands, so the line is a step chart: flat
// between entries, vertical at each one, and flat again up to today.

type TChartPoint = { x: number; y: number; date: string; cumulativeHundredths: number };
type TChartTick = { position: number; label: string };

export type TChartGeometry = {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  /** The step line, as an SVG path. */
  linePath: string;
  /** The line closed down to zero, for a soft fill under it. */
  areaPath: string;
  points: TChartPoint[];
  xTicks: TChartTick[];
  yTicks: TChartTick[];
  startDate: string;
  endDate: string;
  /** The requirement line, when one was asked for. */
  target: { y: number; label: string } | null;
};

const DAY_MS = 86_400_000;
const MIN_SPAN_DAYS = 14;
// Steps of 0.2 and 0.5 read naturally in CEC (0.2 is one NFPT contact hour).
const NICE_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500] as const;

function dayNumber(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The smallest "nice" step (1, 2 or 5 × 10ⁿ hundredths) that covers `span` in at most `maxTicks` steps. */
export function niceStep(span: number, maxTicks = 5): number {
  for (let scale = 1; ; scale *= 10) {
    for (const step of NICE_STEPS) {
      if (step * scale * maxTicks >= span) return step * scale;
    }
  }
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Lays out a step chart of `points` (running totals per local day, as creditsOverTime returns)
 * from just before the first entry to `endDate` (today in the trainer's zone). Null when there
 * is nothing to draw.
 *
 * For one certification cycle pass `startDate` (the cycle's first day: the axis starts there),
 * `axisEndDate` (its last day: the axis runs on to it while the line stops at today),
 * `baseHundredths` (credit carried in, where the line starts) and `targetHundredths` (the
 * requirement, drawn as a line and always inside the y range).
 */
export function buildCreditChart(
  points: readonly TCreditPoint[],
  {
    endDate,
    startDate,
    axisEndDate,
    baseHundredths = 0,
    targetHundredths,
    width = 640,
    height = 260,
    maxXTicks = 5,
  }: { endDate: string; startDate?: string; axisEndDate?: string; baseHundredths?: number; targetHundredths?: number; width?: number; height?: number; maxXTicks?: number },
): TChartGeometry | null {
  if (points.length === 0 && !startDate) return null;
  const plot = { left: 52, right: width - 16, top: 28, bottom: height - 36 };

  const firstDay = points.length ? dayNumber(points[0].date) : dayNumber(startDate!);
  const lastDay = Math.max(points.length ? dayNumber(points[points.length - 1].date) : firstDay, dayNumber(endDate));
  let startDay: number;
  if (startDate) startDay = Math.min(dayNumber(startDate), firstDay);
  else {
    // A little room before the first entry so its step up is visible, and never a span so short
    // that one day fills the whole width.
    startDay = firstDay - Math.max(1, Math.round((lastDay - firstDay) * 0.04));
    if (lastDay - startDay < MIN_SPAN_DAYS) startDay = lastDay - MIN_SPAN_DAYS;
  }
  const axisLastDay = Math.max(lastDay, axisEndDate ? dayNumber(axisEndDate) : lastDay);
  const spanDays = Math.max(1, axisLastDay - startDay);

  const values = [baseHundredths, ...points.map((p) => p.cumulativeHundredths), ...(targetHundredths ? [targetHundredths] : [])];
  const low = Math.min(0, ...values);
  const high = Math.max(1, ...values);
  const step = niceStep(high - low);
  const yMin = Math.floor(low / step) * step;
  const yMax = Math.ceil(high / step) * step;

  const x = (day: number) => round(plot.left + ((day - startDay) / spanDays) * (plot.right - plot.left));
  const y = (value: number) => round(plot.bottom - ((value - yMin) / (yMax - yMin)) * (plot.bottom - plot.top));

  const chartPoints: TChartPoint[] = points.map((p) => ({
    x: x(dayNumber(p.date)),
    y: y(p.cumulativeHundredths),
    date: p.date,
    cumulativeHundredths: p.cumulativeHundredths,
  }));

  const zeroY = y(0);
  let linePath = `M${x(startDay)},${y(baseHundredths)}`;
  for (const p of chartPoints) linePath += ` H${p.x} V${p.y}`;
  linePath += ` H${x(lastDay)}`;
  const areaPath = baseHundredths ? `${linePath} V${zeroY} H${x(startDay)} Z` : `${linePath} V${zeroY} Z`;

  const yTicks: TChartTick[] = [];
  for (let value = yMin; value <= yMax; value += step) yTicks.push({ position: y(value), label: formatCec(value) });

  const tickCount = Math.max(2, Math.min(maxXTicks, spanDays + 1));
  const label = spanDays > 200 ? formatMonthYear : formatMonthDay;
  const xTicks: TChartTick[] = [];
  for (let i = 0; i < tickCount; i++) {
    const day = startDay + Math.round((i * spanDays) / (tickCount - 1));
    xTicks.push({ position: x(day), label: label(dateOf(day)) });
  }

  const target = targetHundredths ? { y: y(targetHundredths), label: formatCec(targetHundredths) } : null;
  return { width, height, plot, linePath, areaPath, points: chartPoints, xTicks, yTicks, startDate: dateOf(startDay), endDate: dateOf(axisLastDay), target };
}

/**
 * The running total within one cycle: `series` (running totals over all time, per local day)
 * re-based so the cycle starts at `carriedInHundredths`. Days outside [startsOn, endsOn] are dropped.
 */
export function cycleSeries(series: readonly TCreditPoint[], { startsOn, endsOn, carriedInHundredths }: { startsOn: string; endsOn: string; carriedInHundredths: number }): TCreditPoint[] {
  const before = [...series].reverse().find((p) => p.date < startsOn)?.cumulativeHundredths ?? 0;
  return series
    .filter((p) => p.date >= startsOn && p.date <= endsOn)
    .map((p) => ({ date: p.date, cumulativeHundredths: p.cumulativeHundredths - before + carriedInHundredths }));
}
