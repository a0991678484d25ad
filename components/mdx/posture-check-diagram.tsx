import type { ReactNode } from "react";
import { arrowEnd, BODY, DiagramFrame, HEAD, MUTED, SPINE, TORSO } from "./diagram-parts";

export interface IPostureCheckDiagramProps {
  /** Prefix for the SVG's internal ids; change it only if the diagram appears twice on one page. */
  id?: string;
  className?: string;
}

const CHAIR = "fill-none stroke-slate-400 dark:stroke-slate-500 print:stroke-slate-600";
const TEXT = "fill-slate-800 dark:fill-slate-100 print:fill-black";
const GOOD_LINE = "stroke-emerald-600 dark:stroke-emerald-400 print:stroke-black";
const GOOD_DOT = "fill-emerald-600 dark:fill-emerald-400 print:fill-black";
const BAD_LINE = "stroke-rose-600 dark:stroke-rose-400 print:stroke-black";
const BAD_DOT = "fill-white stroke-rose-600 dark:fill-slate-900 dark:stroke-rose-400 print:stroke-black";

interface IPersonProps {
  torso: string;
  neck: string;
  head: [number, number];
  limbs: string[];
}

function Person({ torso, neck, head, limbs }: IPersonProps) {
  return (
    <g strokeLinecap="round" strokeLinejoin="round">
      {limbs.map((d) => (
        <path key={d} d={d} className={BODY} strokeWidth={5} />
      ))}
      <path d={torso} className={TORSO} strokeWidth={16} />
      <path d={torso} className={SPINE} strokeWidth={4} strokeDasharray="4 3" strokeLinecap="butt" />
      <path d={neck} className={BODY} strokeWidth={5} />
      <circle cx={head[0]} cy={head[1]} r={15} className={HEAD} strokeWidth={3} />
    </g>
  );
}

function Notes({ x, y, lines }: { x: number; y: number; lines: string[][] }) {
  let offset = 0;
  return (
    <g>
      {lines.map((group) => {
        const start = offset;
        offset += group.length * 17 + 12;
        return (
          <text key={group.join(" ")} x={x} y={y + start} fontSize={14} className={TEXT}>
            {group.map((line, i) => (
              <tspan key={line} x={x} dy={i === 0 ? 0 : 17}>
                {line}
              </tspan>
            ))}
          </text>
        );
      })}
    </g>
  );
}

function Cell({ x, y, good, label, children }: { x: number; y: number; good: boolean; label: string; children: ReactNode }) {
  return (
    <g transform={`translate(${x} ${y})`}>
      <rect
        x={4}
        y={4}
        width={292}
        height={236}
        rx={12}
        strokeWidth={1.5}
        className={
          good
            ? "fill-emerald-50 stroke-emerald-200 dark:fill-emerald-950/40 dark:stroke-emerald-800 print:fill-none print:stroke-black"
            : "fill-rose-50 stroke-rose-200 dark:fill-rose-950/40 dark:stroke-rose-800 print:fill-none print:stroke-black"
        }
      />
      <text x={18} y={26} fontSize={12.5} fontWeight={700} letterSpacing={1.2} className={MUTED}>
        {label}
      </text>
      {children}
    </g>
  );
}

function Plumb({ x, y1, y2, good }: { x: number; y1: number; y2: number; good: boolean }) {
  return (
    <line
      x1={x}
      y1={y1}
      x2={x}
      y2={y2}
      strokeWidth={2}
      strokeDasharray="6 4"
      className={good ? GOOD_LINE : BAD_LINE}
    />
  );
}

function Dots({ points, good }: { points: [number, number][]; good: boolean }) {
  return (
    <g>
      {points.map(([cx, cy]) => (
        <circle
          key={`${cx}-${cy}`}
          cx={cx}
          cy={cy}
          r={good ? 4.5 : 5}
          strokeWidth={2.5}
          className={good ? GOOD_DOT : BAD_DOT}
        />
      ))}
    </g>
  );
}

function Chair() {
  return (
    <g strokeWidth={5} strokeLinecap="round" className={CHAIR}>
      <path d="M44 154 L112 154" />
      <path d="M48 154 L48 222" />
      <path d="M108 154 L108 222" />
      <path d="M44 154 L38 84" />
    </g>
  );
}

/**
 * Tall versus slouched posture, standing and sitting, each with a vertical alignment line
 * through the ear, shoulder and hip (and ankle when standing).
 */
export function PostureCheckDiagram({ id = "posture-check-diagram", className }: IPostureCheckDiagramProps) {
  const markerEnd = arrowEnd(id);
  return (
    <DiagramFrame
      id={id}
      viewBox="0 0 600 540"
      title="Posture check: tall versus slouched"
      className={className ?? "mx-auto block h-auto w-full max-w-2xl"}
      arrow={{ className: "fill-slate-700 dark:fill-slate-200 print:fill-black" }}
      description={
        <>
        Four side views. Left column, tall posture: standing, the ear, shoulder, hip and ankle all sit on
        one vertical line, with the stomach drawn up and in; sitting, the ear, shoulder and hip stack over
        the seat. Right column, slouched posture: standing, the hips drift forward, the upper back rounds
        and the head pokes ahead of the line; sitting, the pelvis rolls back, the whole back curves into a
        C and the head juts forward, so the load gathers on a few parts of the spine.
        </>
      }
    >

      {/* Column headings */}
      <g>
        <path
          d="M104 16 L110 23 L122 9"
          strokeWidth={3.5}
          strokeLinecap="round"
          strokeLinejoin="round"
          className={`fill-none ${GOOD_LINE}`}
        />
        <text x={132} y={24} fontSize={18} fontWeight={700} className={TEXT}>
          Tall
        </text>
        <path
          d="M388 10 L400 22 M400 10 L388 22"
          strokeWidth={3.5}
          strokeLinecap="round"
          className={`fill-none ${BAD_LINE}`}
        />
        <text x={410} y={24} fontSize={18} fontWeight={700} className={TEXT}>
          Slouched
        </text>
      </g>

      {/* Standing, tall */}
      <Cell x={0} y={36} good label="STANDING">
        <Plumb x={80} y1={30} y2={228} good />
        <Person
          torso="M80 142 C 86 120, 74 94, 80 76"
          neck="M80 76 L82 62"
          head={[84, 50]}
          limbs={["M80 142 L80 182 L80 222 L100 222", "M80 80 L84 136"]}
        />
        <path d="M110 132 L100 116" strokeWidth={2.5} className="fill-none stroke-slate-700 dark:stroke-slate-200 print:stroke-black" markerEnd={markerEnd} />
        <Dots good points={[[80, 52], [80, 78], [80, 142], [80, 222]]} />
        <Notes
          x={132}
          y={62}
          lines={[
            ["Ear, shoulder, hip", "and ankle stack", "on one line"],
            ["Stomach drawn", "up and in"],
            ["Load is shared", "along the spine"],
          ]}
        />
      </Cell>

      {/* Standing, slouched */}
      <Cell x={300} y={36} good={false} label="STANDING">
        <Plumb x={80} y1={30} y2={228} good={false} />
        <Person
          torso="M90 144 C 68 122, 68 90, 96 76"
          neck="M96 76 L108 62"
          head={[116, 54]}
          limbs={["M90 144 L84 184 L80 222 L100 222", "M94 80 L100 138"]}
        />
        <path d="M82 40 L112 40" strokeWidth={2.5} className={`fill-none ${BAD_LINE}`} markerEnd={markerEnd} />
        <Dots good={false} points={[[114, 56], [96, 78], [90, 144], [80, 222]]} />
        <Notes
          x={142}
          y={62}
          lines={[
            ["Head pokes ahead", "of the line"],
            ["Upper back rounds,", "chest sinks"],
            ["Hips drift forward;", "stress gathers on", "a few segments"],
          ]}
        />
      </Cell>

      {/* Sitting, tall */}
      <Cell x={0} y={286} good label="SITTING">
        <Chair />
        <Plumb x={72} y1={30} y2={156} good />
        <Person
          torso="M72 146 C 78 124, 66 98, 72 78"
          neck="M72 78 L74 64"
          head={[76, 52]}
          limbs={["M72 146 L126 146 L126 220 L146 220", "M72 82 L80 116 L110 130"]}
        />
        <Dots good points={[[72, 54], [72, 80], [72, 146]]} />
        <Notes
          x={160}
          y={62}
          lines={[
            ["Ear over shoulder", "over hip"],
            ["Tall through the", "crown of the head"],
            ["Feet flat, weight", "even on both hips"],
          ]}
        />
      </Cell>

      {/* Sitting, slouched */}
      <Cell x={300} y={286} good={false} label="SITTING">
        <Chair />
        <Plumb x={86} y1={30} y2={156} good={false} />
        <Person
          torso="M86 148 C 60 130, 58 94, 84 80"
          neck="M84 80 L98 66"
          head={[106, 56]}
          limbs={["M86 148 L136 150 L140 220 L160 220", "M84 84 L94 120 L122 134"]}
        />
        <path d="M88 40 L108 40" strokeWidth={2.5} className={`fill-none ${BAD_LINE}`} markerEnd={markerEnd} />
        <Dots good={false} points={[[104, 58], [84, 82], [86, 148]]} />
        <Notes
          x={164}
          y={62}
          lines={[
            ["Pelvis rolls back,", "back forms a C"],
            ["Head juts forward"],
            ["Easy now, costly", "when it lasts", "for hours"],
          ]}
        />
      </Cell>
    </DiagramFrame>
  );
}

