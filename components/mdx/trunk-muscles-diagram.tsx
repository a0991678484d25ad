import { arrowEnd, DiagramFrame, MUTED } from "./diagram-parts";
export interface ITrunkMusclesDiagramProps {
  /** Prefix for the SVG's internal ids; change it only if the diagram appears twice on one page. */
  id?: string;
  className?: string;
}

const CX = 360;
const CY = 228;

/** An SVG path along part of an ellipse centred on the torso, angles in degrees (0 = right, 90 = back). */
function arc(rx: number, ry: number, fromDeg: number, toDeg: number): string {
  const point = (deg: number) => {
    const r = (deg * Math.PI) / 180;
    return `${(CX + rx * Math.cos(r)).toFixed(1)} ${(CY + ry * Math.sin(r)).toFixed(1)}`;
  };
  const large = toDeg - fromDeg > 180 ? 1 : 0;
  return `M${point(fromDeg)} A ${rx} ${ry} 0 ${large} 1 ${point(toDeg)}`;
}

const TEXT = "fill-slate-800 dark:fill-slate-100 print:fill-black";
const LEADER = "fill-none stroke-slate-500 dark:stroke-slate-400 print:stroke-black";

const EXTERNAL = "fill-none stroke-amber-500 dark:stroke-amber-400 print:stroke-slate-700";
const INTERNAL = "fill-none stroke-orange-300 dark:stroke-orange-300/80 print:stroke-slate-500";
const TRANSVERSE = "fill-none stroke-teal-500 dark:stroke-teal-400 print:stroke-slate-400";
const RECTUS = "fill-none stroke-rose-400 dark:stroke-rose-400 print:stroke-slate-600";
const ERECTOR =
  "fill-indigo-400 stroke-indigo-700 dark:fill-indigo-600 dark:stroke-indigo-300 print:fill-slate-300 print:stroke-black";

interface ILabelProps {
  x: number;
  y: number;
  anchor: "start" | "end" | "middle";
  name: string[];
  role: string[];
}

function Label({ x, y, anchor, name, role }: ILabelProps) {
  return (
    <text x={x} y={y} textAnchor={anchor} fontSize={15}>
      {name.map((line, i) => (
        <tspan key={line} x={x} dy={i === 0 ? 0 : 17} fontWeight={700} className={TEXT}>
          {line}
        </tspan>
      ))}
      {role.map((line) => (
        <tspan key={line} x={x} dy={16} fontSize={13} className={MUTED}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/**
 * A schematic horizontal slice through the waist, viewed from above: rectus abdominis at the front,
 * the three wrap-around layers (external oblique, internal oblique, transversus abdominis) at the sides,
 * and the spinal erectors beside the spine at the back. Arrows show pressure rising inside when braced.
 */
export function TrunkMusclesDiagram({ id = "trunk-muscles-diagram", className }: ITrunkMusclesDiagramProps) {
  const markerEnd = arrowEnd(id);
  return (
    <DiagramFrame
      id={id}
      viewBox="0 0 720 470"
      title="The trunk muscles in a slice through the waist"
      className={className ?? "mx-auto block h-auto w-full max-w-2xl"}
      arrow={{ className: "fill-sky-600 dark:fill-sky-400 print:fill-black" }}
      description={
        <>
        A simplified cross-section of the torso seen from above, front at the top. At the front, the two
        bands of the rectus abdominis, which flex the trunk. Around each side, three layers wrap the
        torso like a corset: the external oblique on the outside, the internal oblique in the middle and
        the transversus abdominis deepest. Together they rotate the trunk and brace it. At the back, the
        spinal erectors sit on either side of the spine; they extend the back and hold it upright. In the
        middle, the abdominal contents, with arrows showing pressure rising outward when the layers
        tighten inward during a brace, which stiffens and supports the spine.
        </>
      }
    >

      <text x={CX} y={28} textAnchor="middle" fontSize={14} fontWeight={700} letterSpacing={1.5} className={MUTED}>
        FRONT
      </text>
      <text x={CX} y={458} textAnchor="middle" fontSize={14} fontWeight={700} letterSpacing={1.5} className={MUTED}>
        BACK
      </text>

      {/* Outline of the body wall */}
      <ellipse
        cx={CX}
        cy={CY}
        rx={206}
        ry={146}
        className="fill-slate-50 stroke-slate-400 dark:fill-slate-800/50 dark:stroke-slate-500 print:fill-none print:stroke-black"
        strokeWidth={2}
        strokeDasharray="6 5"
      />
      {/* Abdominal contents */}
      <ellipse
        cx={CX}
        cy={CY}
        rx={140}
        ry={86}
        className="fill-sky-100 dark:fill-sky-900/40 print:fill-none"
      />

      {/* Wrap-around layers, both sides */}
      <g strokeWidth={15}>
        <path d={arc(190, 130, -68, 62)} className={EXTERNAL} />
        <path d={arc(190, 130, 118, 248)} className={EXTERNAL} />
        <path d={arc(172, 114, -70, 64)} className={INTERNAL} />
        <path d={arc(172, 114, 116, 250)} className={INTERNAL} />
        <path d={arc(154, 98, -72, 67)} className={TRANSVERSE} />
        <path d={arc(154, 98, 113, 252)} className={TRANSVERSE} />
      </g>
      {/* Rectus abdominis: two bands either side of the midline */}
      <g strokeWidth={34}>
        <path d={arc(172, 114, -107, -92)} className={RECTUS} />
        <path d={arc(172, 114, -88, -73)} className={RECTUS} />
      </g>

      {/* Spine and spinal erectors */}
      <ellipse cx={CX - 42} cy={326} rx={30} ry={22} className={ERECTOR} strokeWidth={2} />
      <ellipse cx={CX + 42} cy={326} rx={30} ry={22} className={ERECTOR} strokeWidth={2} />
      <rect
        x={CX - 5}
        y={296}
        width={10}
        height={56}
        rx={4}
        className="fill-slate-300 stroke-slate-600 dark:fill-slate-500 dark:stroke-slate-300 print:fill-white print:stroke-black"
        strokeWidth={2}
      />
      <circle
        cx={CX}
        cy={284}
        r={20}
        className="fill-slate-200 stroke-slate-600 dark:fill-slate-600 dark:stroke-slate-300 print:fill-white print:stroke-black"
        strokeWidth={2.5}
      />

      {/* Pressure inside rises when the wall tightens */}
      <text x={CX} y={194} textAnchor="middle" fontSize={13} className={MUTED}>
        abdominal contents
      </text>
      <text x={CX} y={232} textAnchor="middle" fontSize={15} fontWeight={700} className={TEXT}>
        pressure rises
      </text>
      <text x={CX} y={250} textAnchor="middle" fontSize={13} className={MUTED}>
        when you brace
      </text>
      <g strokeWidth={3} className="fill-none stroke-sky-600 dark:stroke-sky-400 print:stroke-black">
        <path d={`M${CX - 62} 227 L${CX - 108} 227`} markerEnd={markerEnd} />
        <path d={`M${CX + 62} 227 L${CX + 108} 227`} markerEnd={markerEnd} />
        <path d={`M${CX} 176 L${CX} 146`} markerEnd={markerEnd} />
        <path d={`M${CX + 226} 204 L${CX + 200} 212`} markerEnd={markerEnd} />
        <path d={`M${CX + 226} 252 L${CX + 200} 244`} markerEnd={markerEnd} />
      </g>
      <Label x={CX + 236} y={222} anchor="start" name={["Brace"]} role={["layers squeeze in"]} />

      {/* Labels and leader lines */}
      <g strokeWidth={1.5} className={LEADER}>
        <path d="M510 82 L430 100" />
        <path d="M150 120 L180 150" />
        <path d="M150 214 L188 222" />
        <path d="M150 312 L207 272" />
        <path d="M560 344 L432 330" />
        <path d="M500 404 L368 350" />
      </g>
      <Label x={516} y={70} anchor="start" name={["Rectus abdominis"]} role={["flexes the trunk"]} />
      <Label x={146} y={98} anchor="end" name={["External", "oblique"]} role={["outer layer: turns,", "braces"]} />
      <Label x={146} y={206} anchor="end" name={["Internal", "oblique"]} role={["middle layer: turns,", "braces"]} />
      <Label x={146} y={312} anchor="end" name={["Transversus", "abdominis"]} role={["deepest layer:", "cinches like a belt"]} />
      <Label x={566} y={340} anchor="start" name={["Spinal", "erectors"]} role={["extend and hold", "the spine upright"]} />
      <Label x={506} y={408} anchor="start" name={["Spine"]} role={[]} />
    </DiagramFrame>
  );
}

