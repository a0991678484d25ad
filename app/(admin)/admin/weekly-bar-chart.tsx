import { cardClass, linkClass, Table } from "@/components/ui";
import { buildBarChart, type TBarChart } from "@/lib/admin/bar-chart";

// A weekly bar chart as plain server-rendered SVG (no chart library, no client JavaScript).
// Screen readers get the title and a one-sentence summary from the SVG (role="img"), and every
// number in the table under it, which sighted users can open too.

type TChartSeries = {
  key: string;
  label: string;
  values: readonly number[];
  /** Tailwind fill classes for the bars, light and dark. */
  fill: string;
};

type TProps = {
  id: string;
  title: string;
  /** One or two sentences: what is shown and the headline number. */
  summary: string;
  /** Short label per week ("Nov 23"), oldest first. */
  labels: readonly string[];
  /** Full label per week for the table ("Week of Nov 23, 2026"). */
  rowLabels: readonly string[];
  series: readonly TChartSeries[];
  formatValue?: (value: number) => string;
  /** Extra table columns computed per week (e.g. a pass rate). */
  extraColumns?: readonly { label: string; value: (index: number) => string }[];
};

export function WeeklyBarChart({ id, title, summary, labels, rowLabels, series, formatValue = (v) => v.toLocaleString("en-US"), extraColumns = [] }: TProps) {
  const wide = buildBarChart({ labels, series, formatValue });
  const narrow = buildBarChart({ labels, series, formatValue, width: 360, height: 220, maxXLabels: 3 });
  const headingId = `${id}-heading`;
  return (
    <figure aria-labelledby={headingId} className={`m-0 ${cardClass}`}>
      <h3 id={headingId} className="font-semibold">
        {title}
      </h3>
      {series.length > 1 && (
        <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
          {series.map((s) => (
            <li key={s.key} className="flex items-center gap-1.5">
              <svg aria-hidden="true" viewBox="0 0 10 10" className="h-2.5 w-2.5">
                <rect width="10" height="10" className={s.fill} />
              </svg>
              {s.label}
            </li>
          ))}
        </ul>
      )}
      <ChartSvg chart={wide} id={`${id}-wide`} title={title} summary={summary} series={series} className="mt-3 hidden sm:block" />
      <ChartSvg chart={narrow} id={`${id}-narrow`} title={title} summary={summary} series={series} className="mt-3 sm:hidden" />
      <details className="mt-3 text-sm">
        <summary className={`cursor-pointer ${linkClass}`}>Show the numbers as a table</summary>
        <Table id={`${id}-table`} layout="scroll" className="mt-2" caption={`${title}, by week`} captionHidden>
            <thead className="text-slate-700 dark:text-slate-300">
              <tr className="border-b border-slate-200 dark:border-slate-800">
                <th scope="col" className="py-1 pr-3 font-medium">
                  Week
                </th>
                {series.map((s) => (
                  <th key={s.key} scope="col" className="py-1 pr-3 text-right font-medium">
                    {s.label}
                  </th>
                ))}
                {extraColumns.map((c) => (
                  <th key={c.label} scope="col" className="py-1 pr-3 text-right font-medium">
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rowLabels.map((row, i) => (
                <tr key={row} className="border-b border-slate-100 dark:border-slate-800">
                  <th scope="row" className="py-1 pr-3 font-normal">
                    {row}
                  </th>
                  {series.map((s) => (
                    <td key={s.key} className="py-1 pr-3 text-right tabular-nums">
                      {formatValue(s.values[i] ?? 0)}
                    </td>
                  ))}
                  {extraColumns.map((c) => (
                    <td key={c.label} className="py-1 pr-3 text-right tabular-nums">
                      {c.value(i)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
        </Table>
      </details>
    </figure>
  );
}

function ChartSvg({ chart, id, title, summary, series, className }: { chart: TBarChart; id: string; title: string; summary: string; series: readonly TChartSeries[]; className: string }) {
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const fills = new Map(series.map((s) => [s.key, s.fill]));
  return (
    <svg
      viewBox={`0 0 ${chart.width} ${chart.height}`}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      className={`h-auto w-full overflow-visible text-slate-600 dark:text-slate-400 ${className}`}
      preserveAspectRatio="xMidYMid meet"
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>{summary}</desc>
      {chart.yTicks.map((tick) => (
        <g key={`y-${tick.position}`}>
          <line x1={chart.plot.left} x2={chart.plot.right} y1={tick.position} y2={tick.position} className="stroke-slate-200 dark:stroke-slate-800" strokeWidth={1} />
          <text x={chart.plot.left - 8} y={tick.position} dy="0.32em" textAnchor="end" fontSize={12} fill="currentColor">
            {tick.label}
          </text>
        </g>
      ))}
      {chart.bars.map((bar) => (
        <g key={bar.label}>
          {bar.segments.map((segment) =>
            segment.height > 0 ? <rect key={segment.key} x={bar.x} y={segment.y} width={bar.width} height={segment.height} rx={1.5} className={fills.get(segment.key)} /> : null,
          )}
        </g>
      ))}
      <line x1={chart.plot.left} x2={chart.plot.right} y1={chart.plot.bottom} y2={chart.plot.bottom} className="stroke-slate-400 dark:stroke-slate-600" strokeWidth={1} />
      {chart.xTicks.map((tick) => (
        <text key={`x-${tick.position}`} x={tick.position} y={chart.plot.bottom + 20} textAnchor="middle" fontSize={12} fill="currentColor">
          {tick.label}
        </text>
      ))}
    </svg>
  );
}
