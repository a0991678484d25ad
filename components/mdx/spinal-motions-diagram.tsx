import type { ReactNode } from "react";
import { arrowEnd, BODY, DiagramFrame, HEAD, MUTED, SPINE, TORSO } from "./diagram-parts";

export interface ISpinalMotionsDiagramProps {
  /** Prefix for the SVG's internal ids; change it only if the diagram appears twice on one page. */
  id?: string;
  className?: string;
}

const GHOST = "fill-none stroke-slate-400 dark:stroke-slate-500";
const MOVE = "fill-none stroke-sky-600 dark:stroke-sky-400 print:stroke-black";
const TEXT = "fill-slate-800 dark:fill-slate-100 print:fill-black";

interface IPanelProps {
  x: number;
  y: number;
  title: string;
  subtitle: string;
  footer: string;
  children: ReactNode;
}

function Panel({ x, y, title, subtitle, footer, children }: IPanelProps) {
  return (
    <g transform={`translate(${x} ${y})`}>
      <rect
        x={6}
        y={6}
        width={248}
        height={258}
        rx={14}
        className="fill-slate-50 stroke-slate-200 dark:fill-slate-800/60 dark:stroke-slate-700 print:fill-none print:stroke-black"
        strokeWidth={1.5}
      />
      <text x={130} y={34} textAnchor="middle" fontSize={18} fontWeight={700} className={TEXT}>
        {title}
      </text>
      <text x={130} y={54} textAnchor="middle" fontSize={13.5} className={MUTED}>
        {subtitle}
      </text>
      {children}
      <text x={130} y={250} textAnchor="middle" fontSize={13} fontStyle="italic" className={MUTED}>
        {footer}
      </text>
    </g>
  );
}

/** A side- or front-view figure: torso curve with a dashed spine, head, legs and arms. */
function Person({ spine, head, limbs }: { spine: string; head: [number, number]; limbs: string[] }) {
  return (
    <g strokeLinecap="round" strokeLinejoin="round">
      {limbs.map((d) => (
        <path key={d} d={d} className={BODY} strokeWidth={5} />
      ))}
      <path d={spine} className={TORSO} strokeWidth={14} />
      <path d={spine} className={SPINE} strokeWidth={4} strokeDasharray="4 3" strokeLinecap="butt" />
      <circle cx={head[0]} cy={head[1]} r={12} className={HEAD} strokeWidth={3} />
    </g>
  );
}

function Ground() {
  return <line x1={60} y1={218} x2={200} y2={218} className={GHOST} strokeWidth={2} />;
}

/**
 * The four motions of the spine: flexion, extension, lateral flexion and rotation,
 * with reminders to compare both sides for the side-to-side motions.
 */
export function SpinalMotionsDiagram({ id = "spinal-motions-diagram", className }: ISpinalMotionsDiagramProps) {
  const markerEnd = arrowEnd(id);
  return (
    <DiagramFrame
      id={id}
      viewBox="0 0 520 540"
      title="The four motions of the spine"
      className={className ?? "mx-auto block h-auto w-full max-w-xl"}
      arrow={{ className: "fill-sky-600 dark:fill-sky-400 print:fill-black" }}
      description={
        <>
        Four panels. Flexion, seen from the side: the trunk bends forward in one smooth, rounded curve.
        Extension, seen from the side: the trunk arches backward. Lateral flexion, seen from the front: the
        trunk bends to one side, with a dashed outline of the same bend to the other side, to be compared.
        Rotation, seen from above: the shoulders turn while the hips stay facing forward, with arrows both
        ways, to be compared. Dashed gray shapes show the upright starting position.
        </>
      }
    >

      {/* Flexion: side view, facing right */}
      <Panel x={0} y={0} title="Flexion" subtitle="bending forward · side view" footer="Look for a smooth, even curve">
        <Ground />
        <line x1={120} y1={160} x2={120} y2={96} className={GHOST} strokeWidth={3} strokeDasharray="5 5" />
        <circle cx={120} cy={82} r={12} className={GHOST} strokeWidth={2} strokeDasharray="4 4" />
        <Person
          spine="M120 160 Q 124 112 170 110"
          head={[185, 119]}
          limbs={["M120 160 L122 190 L118 218 L138 218", "M166 110 L170 152"]}
        />
        <path d="M136 74 Q 182 68 196 100" className={MOVE} strokeWidth={3} markerEnd={markerEnd} />
      </Panel>

      {/* Extension: side view, facing right */}
      <Panel x={260} y={0} title="Extension" subtitle="bending backward · side view" footer="Arch spread along the whole back">
        <Ground />
        <line x1={120} y1={160} x2={120} y2={96} className={GHOST} strokeWidth={3} strokeDasharray="5 5" />
        <circle cx={120} cy={82} r={12} className={GHOST} strokeWidth={2} strokeDasharray="4 4" />
        <Person
          spine="M120 160 Q 117 116 94 94"
          head={[83, 82]}
          limbs={["M120 160 L122 190 L118 218 L138 218", "M98 98 L102 138"]}
        />
        <path d="M112 64 Q 80 56 66 76" className={MOVE} strokeWidth={3} markerEnd={markerEnd} />
      </Panel>

      {/* Lateral flexion: front view */}
      <Panel
        x={0}
        y={270}
        title="Lateral flexion"
        subtitle="bending to either side · front view"
        footer="Compare left with right"
      >
        <Ground />
        <path d="M120 160 Q 119 118 98 94" className={GHOST} strokeWidth={3} strokeDasharray="5 5" />
        <circle cx={86} cy={80} r={12} className={GHOST} strokeWidth={2} strokeDasharray="4 4" />
        <Person
          spine="M120 160 Q 121 118 142 94"
          head={[154, 80]}
          limbs={[
            "M104 160 L136 160",
            "M108 160 L106 218",
            "M132 160 L134 218",
            "M120 83 L156 114",
            "M120 83 L102 118",
            "M156 114 L160 156",
          ]}
        />
        <path d="M166 70 Q 188 84 192 112" className={MOVE} strokeWidth={3} markerEnd={markerEnd} />
        <path d="M74 70 Q 52 84 48 112" className={MOVE} strokeWidth={3} markerEnd={markerEnd} strokeDasharray="6 4" />
        <text x={48} y={132} textAnchor="middle" fontSize={13} fontWeight={700} className={MUTED}>
          L
        </text>
        <text x={192} y={132} textAnchor="middle" fontSize={13} fontWeight={700} className={MUTED}>
          R
        </text>
      </Panel>

      {/* Rotation: top view */}
      <Panel x={260} y={270} title="Rotation" subtitle="twisting to either side · from above" footer="Compare left with right">
        <g transform="translate(130 142)">
          <ellipse
            cx={0}
            cy={0}
            rx={58}
            ry={18}
            className={GHOST}
            strokeWidth={2}
            strokeDasharray="5 5"
          />
          <ellipse
            cx={0}
            cy={0}
            rx={40}
            ry={16}
            className="fill-slate-200 stroke-slate-700 dark:fill-slate-700 dark:stroke-slate-200 print:fill-none print:stroke-black"
            strokeWidth={3}
          />
          <g transform="rotate(-32)">
            <ellipse
              cx={0}
              cy={0}
              rx={58}
              ry={18}
              className="fill-amber-200/70 stroke-amber-600 dark:fill-amber-500/30 dark:stroke-amber-400 print:fill-none print:stroke-black"
              strokeWidth={3}
            />
            <path d="M-6 12 L0 22 L6 12 Z" className="fill-slate-700 dark:fill-slate-200 print:fill-black" />
            <circle cx={0} cy={0} r={12} className={HEAD} strokeWidth={3} />
          </g>
          <path d="M58 -44 A 74 74 0 0 1 74 10" className={MOVE} strokeWidth={3} markerEnd={markerEnd} />
          <path
            d="M-58 -44 A 74 74 0 0 0 -74 10"
            className={MOVE}
            strokeWidth={3}
            markerEnd={markerEnd}
            strokeDasharray="6 4"
          />
          <text x={0} y={56} textAnchor="middle" fontSize={12.5} className={MUTED}>
            hips (gray) stay square;
          </text>
          <text x={0} y={72} textAnchor="middle" fontSize={12.5} className={MUTED}>
            shoulders (gold) turn
          </text>
        </g>
      </Panel>
    </DiagramFrame>
  );
}

