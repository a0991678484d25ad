import { niceStep } from "@/lib/credits/credit-chart-geometry";

// Geometry for the overview's weekly bar charts, apart from the SVG so it can be tested with
// numbers. One bar per week; a bar may stack two series (e.g. passed and not passed).

export type TBarSeries = { key: string; label: string; values: readonly number[] };
type TBarSegment = { key: string; y: number; height: number; value: number };
type TBar = { x: number; width: number; label: string; total: number; segments: TBarSegment[] };
type TTick = { position: number; label: string };

export type TBarChart = {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  bars: TBar[];
  yTicks: TTick[];
  xTicks: TTick[];
};

const round = (n: number) => Math.round(n * 10) / 10;

export function buildBarChart({
  labels,
  series,
  formatValue = (v) => String(v),
  width = 640,
  height = 220,
  maxXLabels = 6,
}: {
  labels: readonly string[];
  series: readonly TBarSeries[];
  formatValue?: (value: number) => string;
  width?: number;
  height?: number;
  maxXLabels?: number;
}): TBarChart {
  const plot = { left: 56, right: width - 12, top: 12, bottom: height - 32 };
  const totals = labels.map((_, i) => series.reduce((sum, s) => sum + Math.max(0, s.values[i] ?? 0), 0));
  const step = niceStep(Math.max(1, ...totals), 4);
  const yMax = Math.max(step, Math.ceil(Math.max(0, ...totals) / step) * step);
  const y = (value: number) => round(plot.bottom - (value / yMax) * (plot.bottom - plot.top));

  const slot = (plot.right - plot.left) / Math.max(1, labels.length);
  const barWidth = round(Math.max(2, slot * 0.7));
  const bars: TBar[] = labels.map((label, i) => {
    const x = round(plot.left + i * slot + (slot - barWidth) / 2);
    let base = 0;
    const segments = series.map((s) => {
      const value = Math.max(0, s.values[i] ?? 0);
      const top = y(base + value);
      const segment = { key: s.key, y: top, height: round(y(base) - top), value };
      base += value;
      return segment;
    });
    return { x, width: barWidth, label, total: totals[i], segments };
  });

  const yTicks: TTick[] = [];
  for (let value = 0; value <= yMax; value += step) yTicks.push({ position: y(value), label: formatValue(value) });

  // Evenly spaced labels that always include the latest week.
  const every = Math.max(1, Math.ceil(labels.length / maxXLabels));
  const xTicks: TTick[] = [];
  for (let i = labels.length - 1; i >= 0; i -= every) xTicks.unshift({ position: round(plot.left + i * slot + slot / 2), label: labels[i] });

  return { width, height, plot, bars, yTicks, xTicks };
}
