import { Table } from "@/components/ui";
import { formatCec } from "@/lib/credits/cec-amount";
import { buildCreditChart, type TChartGeometry } from "@/lib/credits/credit-chart-geometry";
import type { TCreditPoint } from "@/lib/credits/cycle";
import { formatLongDate, formatShortDate } from "@/lib/format/calendar-date";

// Running total of credit as a step chart: plain server-rendered SVG (no chart library, no client
// JavaScript). Screen readers get the title and a one-sentence summary from the SVG (role="img"),
// and the same numbers as a table right after it (visually hidden; sighted users read the chart).

type TProps = {
  points: readonly TCreditPoint[];
  /** Today in the trainer's zone: the line runs flat up to it. */
  endDate: string;
  /** "CEC", "CEU" or "CE credits". */
  unit: string;
  /** Prefix for element ids; must be unique on the page. */
  id?: string;
  title?: string;
  /** One certification cycle: the axis runs from `cycle.startsOn` to `cycle.endsOn`, the line starts at what was carried in and the requirement is drawn. */
  cycle?: { startsOn: string; endsOn: string; carriedInHundredths: number; requiredHundredths: number };
  /** What shows when there is nothing to draw. */
  emptyText?: string;
};

export function CreditChart({
  points,
  endDate,
  unit,
  id = "credit-chart",
  title = "Credits over time",
  cycle,
  emptyText = "Your running total will be charted here once you earn credit.",
}: TProps) {
  // Two layouts, because a viewBox scales its text with it: the wide one's labels would be tiny on
  // a phone. Only one is displayed at a time, and display:none keeps the other out of the
  // accessibility tree, so screen readers meet one chart.
  const cycleOptions = cycle
    ? { startDate: cycle.startsOn, axisEndDate: cycle.endsOn, baseHundredths: cycle.carriedInHundredths, targetHundredths: cycle.requiredHundredths || undefined }
    : {};
  const wide = buildCreditChart(points, { endDate, ...cycleOptions });
  // A narrower drawing (not the wide one scaled down) keeps labels at 12 px on a phone.
  const narrow = buildCreditChart(points, { endDate, width: 320, height: 240, maxXTicks: 3, ...cycleOptions });
  if (!wide || !narrow || (cycle && points.length === 0 && cycle.carriedInHundredths === 0 && !cycle.requiredHundredths)) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">{emptyText}</p>
    );
  }
  const last = points.at(-1);
  const tableId = `${id}-table`;
  const now = last?.cumulativeHundredths ?? cycle?.carriedInHundredths ?? 0;
  const summary = cycle
    ? `Running total of ${unit} in the cycle from ${formatLongDate(cycle.startsOn)} to ${formatLongDate(cycle.endsOn)}, starting at ${formatCec(cycle.carriedInHundredths)} carried in: ` +
      `${points.length} ${points.length === 1 ? "day" : "days"} with credit entries, now ${formatCec(now)} ${unit}` +
      (cycle.requiredHundredths ? ` of ${formatCec(cycle.requiredHundredths)} required. ` : ". ") +
      "The same data is in the table that follows."
    : `Running total of ${unit} from ${formatLongDate(points[0].date)} to ${formatLongDate(last && endDate <= last.date ? last.date : endDate)}: ` +
      `${points.length} ${points.length === 1 ? "day" : "days"} with credit entries, now ${formatCec(now)} ${unit}. ` +
      "The same data is in the table that follows.";

  return (
    <figure className="m-0">
      <ChartSvg chart={wide} id={`${id}-wide`} title={title} summary={summary} unit={unit} className="hidden sm:block" />
      <ChartSvg chart={narrow} id={`${id}-narrow`} title={title} summary={summary} unit={unit} className="sm:hidden" />
      {/* The wrapper is what is visually hidden: a table ignores width: 1px and would widen the page. */}
      <div className="sr-only">
      <Table id={tableId} layout="fit" caption={`${title}: running total after each day with entries`}>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Running total ({unit})</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.date}>
              <th scope="row">{formatShortDate(p.date)}</th>
              <td>{formatCec(p.cumulativeHundredths)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      </div>
    </figure>
  );
}

function ChartSvg({ chart, id, title, summary, unit, className }: { chart: TChartGeometry; id: string; title: string; summary: string; unit: string; className: string }) {
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  return (
    <svg
      viewBox={`0 0 ${chart.width} ${chart.height}`}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      className={`h-auto w-full overflow-visible text-slate-500 dark:text-slate-400 ${className}`}
      preserveAspectRatio="xMidYMid meet"
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>{summary}</desc>
      <g>
        {chart.yTicks.map((tick) => (
          <g key={`y-${tick.label}`}>
            <line
              x1={chart.plot.left}
              x2={chart.plot.right}
              y1={tick.position}
              y2={tick.position}
              className="stroke-slate-200 dark:stroke-slate-800"
              strokeWidth={1}
            />
            <text x={chart.plot.left - 8} y={tick.position} dy="0.32em" textAnchor="end" fontSize={12} fill="currentColor">
              {tick.label}
            </text>
          </g>
        ))}
        {chart.xTicks.map((tick, i) => (
          <text
            key={`x-${tick.label}-${i}`}
            x={tick.position}
            y={chart.plot.bottom + 22}
            textAnchor={i === 0 ? "start" : i === chart.xTicks.length - 1 ? "end" : "middle"}
            fontSize={12}
            fill="currentColor"
          >
            {tick.label}
          </text>
        ))}
        <line
          x1={chart.plot.left}
          x2={chart.plot.right}
          y1={chart.plot.bottom}
          y2={chart.plot.bottom}
          className="stroke-slate-300 dark:stroke-slate-700"
          strokeWidth={1}
        />
        {chart.target && (
          <g>
            <line
              x1={chart.plot.left}
              x2={chart.plot.right}
              y1={chart.target.y}
              y2={chart.target.y}
              className="stroke-amber-600 dark:stroke-amber-300"
              strokeWidth={1.5}
              strokeDasharray="6 4"
            />
            <text x={chart.plot.right} y={chart.target.y - 6} textAnchor="end" fontSize={12} className="fill-amber-800 dark:fill-amber-200">
              Required {chart.target.label}
            </text>
          </g>
        )}
        <path d={chart.areaPath} className="fill-brand-600/10 dark:fill-brand-100/10" stroke="none" />
        <path
          d={chart.linePath}
          fill="none"
          className="stroke-brand-600 dark:stroke-brand-100"
          strokeWidth={2.5}
          strokeLinejoin="round"
          strokeLinecap="round"
        />
        {chart.points.map((p) => (
          <circle key={p.date} cx={p.x} cy={p.y} r={3.5} className="fill-white stroke-brand-700 dark:fill-slate-950 dark:stroke-brand-100" strokeWidth={2} />
        ))}
        <text x={chart.plot.left - 8} y={chart.plot.top - 14} textAnchor="end" fontSize={11} fill="currentColor">
          {unit}
        </text>
      </g>
    </svg>
  );
}
