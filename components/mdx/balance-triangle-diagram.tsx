import { DiagramFrame, MUTED } from "./diagram-parts";
type TBalanceFocus = "strength" | "flexibility" | "posture";

export interface IBalanceTriangleDiagramProps {
  /** Optionally emphasise one corner, e.g. in the lesson that covers it. */
  highlight?: TBalanceFocus;
  /** Prefix for the SVG's internal ids; change it only if the diagram appears twice on one page. */
  id?: string;
  className?: string;
}

const TEXT = "fill-slate-900 dark:fill-slate-50 print:fill-black";

interface ICorner {
  key: TBalanceFocus;
  label: string;
  x: number;
  y: number;
  fill: string;
  ring: string;
  note: string[];
  noteX: number;
  noteY: number;
  anchor: "start" | "middle" | "end";
}

const CORNERS: ICorner[] = [
  {
    key: "strength",
    label: "Strength",
    x: 300,
    y: 92,
    fill: "fill-indigo-100 stroke-indigo-600 dark:fill-indigo-950/60 dark:stroke-indigo-400",
    ring: "stroke-indigo-600 dark:stroke-indigo-400",
    note: ["Front, back and sides", "of the trunk trained", "in proportion"],
    noteX: 362,
    noteY: 68,
    anchor: "start",
  },
  {
    key: "flexibility",
    label: "Flexibility",
    x: 120,
    y: 380,
    fill: "fill-amber-100 stroke-amber-600 dark:fill-amber-950/60 dark:stroke-amber-400",
    ring: "stroke-amber-600 dark:stroke-amber-400",
    note: ["All four motions,", "even on both sides"],
    noteX: 120,
    noteY: 450,
    anchor: "middle",
  },
  {
    key: "posture",
    label: "Posture",
    x: 480,
    y: 380,
    fill: "fill-emerald-100 stroke-emerald-600 dark:fill-emerald-950/60 dark:stroke-emerald-400",
    ring: "stroke-emerald-600 dark:stroke-emerald-400",
    note: ["Sit and stand tall,", "stomach up and in"],
    noteX: 480,
    noteY: 450,
    anchor: "middle",
  },
];

function Lines({ x, y, lines, anchor, bold }: { x: number; y: number; lines: string[]; anchor: "start" | "middle" | "end"; bold?: boolean }) {
  return (
    <text x={x} y={y} textAnchor={anchor} fontSize={14} fontWeight={bold ? 700 : 400} className={bold ? TEXT : MUTED}>
      {lines.map((line, i) => (
        <tspan key={line} x={x} dy={i === 0 ? 0 : 17}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/**
 * Strength, flexibility and posture as the three corners of one triangle: each edge names what
 * two corners give each other, and the centre is the healthy back that needs all three.
 */
export function BalanceTriangleDiagram({ highlight, id = "balance-triangle-diagram", className }: IBalanceTriangleDiagramProps) {
  const focus = CORNERS.find((c) => c.key === highlight);
  return (
    <DiagramFrame
      id={id}
      viewBox="0 0 600 500"
      title="The balance triangle: strength, flexibility and posture"
      className={className ?? "mx-auto block h-auto w-full max-w-xl"}
      description={
        <>
        A triangle with strength at the top, flexibility at the lower left and posture at the lower right.
        Strength means the front, back and sides of the trunk trained in proportion. Flexibility means all
        four spinal motions, even on both sides. Posture means sitting and standing tall with the stomach
        drawn up and in. The edges show what each pair gives the other: strength and flexibility give
        control through the full range; strength and posture give muscles that hold the spine tall;
        flexibility and posture give the freedom to change position. In the center: a resilient back needs
        all three, and dropping or overdoing any one of them raises the risk of injury.
        {focus ? ` This lesson focuses on ${focus.label.toLowerCase()}.` : ""}
        </>
      }
    >

      <path
        d="M300 92 L120 380 L480 380 Z"
        strokeWidth={3}
        strokeLinejoin="round"
        className="fill-slate-50 stroke-slate-400 dark:fill-slate-800/50 dark:stroke-slate-500 print:fill-none print:stroke-black"
      />

      {/* What each pair of corners gives the other */}
      <Lines x={196} y={218} anchor="end" lines={["Control through", "the full range"]} />
      <Lines x={404} y={218} anchor="start" lines={["Muscles that hold", "the spine tall"]} />
      <Lines x={300} y={408} anchor="middle" lines={["Freedom to change", "position"]} />

      {/* Centre */}
      <Lines x={300} y={262} anchor="middle" bold lines={["A resilient back"]} />
      <Lines x={300} y={284} anchor="middle" lines={["needs all three;", "drop or overdo one", "and risk rises"]} />

      {CORNERS.map((c) => {
        const active = highlight === c.key;
        return (
          <g key={c.key}>
            {active ? (
              <circle cx={c.x} cy={c.y} r={60} strokeWidth={3} strokeDasharray="6 4" className={`fill-none ${c.ring} print:stroke-black`} />
            ) : null}
            <circle cx={c.x} cy={c.y} r={50} className="fill-white dark:fill-slate-900 print:fill-white" />
            <circle cx={c.x} cy={c.y} r={50} strokeWidth={active ? 4 : 2.5} className={`${c.fill} print:fill-white print:stroke-black`} />
            <text x={c.x} y={c.y + 5} textAnchor="middle" fontSize={16} fontWeight={700} className={TEXT}>
              {c.label}
            </text>
            <Lines x={c.noteX} y={c.noteY} anchor={c.anchor} lines={c.note} />
          </g>
        );
      })}
    </DiagramFrame>
  );
}

