import { arrowEnd, DiagramFrame, MUTED } from "./diagram-parts";
export interface IInjuryResponseDiagramProps {
  /** Prefix for the SVG's internal ids; change it only if the diagram appears twice on one page. */
  id?: string;
  className?: string;
}

const TEXT = "fill-slate-900 dark:fill-slate-50 print:fill-black";
const STEP =
  "fill-sky-50 stroke-sky-600 dark:fill-sky-950/50 dark:stroke-sky-400 print:fill-none print:stroke-black";
const STEP_BADGE = "fill-sky-600 dark:fill-sky-400 print:fill-black";
const BADGE_TEXT = "fill-white dark:fill-slate-900 print:fill-white";
const REFER =
  "fill-violet-50 stroke-violet-600 dark:fill-violet-950/50 dark:stroke-violet-400 print:fill-none print:stroke-black";
const RETURN =
  "fill-emerald-50 stroke-emerald-600 dark:fill-emerald-950/50 dark:stroke-emerald-400 print:fill-none print:stroke-black";
const FLOW = "fill-none stroke-slate-500 dark:stroke-slate-400 print:stroke-black";

interface IStepProps {
  n: string;
  y: number;
  title: string;
  detail: string[];
  className?: string;
  badgeClassName?: string;
}

const BOX_X = 30;
const BOX_W = 300;
const MID = BOX_X + BOX_W / 2;

function Step({ n, y, title, detail, className = STEP, badgeClassName = STEP_BADGE }: IStepProps) {
  const h = 40 + detail.length * 17;
  return (
    <g>
      <rect x={BOX_X} y={y} width={BOX_W} height={h} rx={10} strokeWidth={2} className={className} />
      <circle cx={BOX_X + 26} cy={y + h / 2} r={14} className={badgeClassName} />
      <text x={BOX_X + 26} y={y + h / 2 + 5} textAnchor="middle" fontSize={15} fontWeight={700} className={BADGE_TEXT}>
        {n}
      </text>
      <text x={BOX_X + 52} y={y + 25} fontSize={16} fontWeight={700} className={TEXT}>
        {title}
      </text>
      <text x={BOX_X + 52} y={y + 25} fontSize={13.5} className={MUTED}>
        {detail.map((line) => (
          <tspan key={line} x={BOX_X + 52} dy={18}>
            {line}
          </tspan>
        ))}
      </text>
    </g>
  );
}

/**
 * The first response to a client's back injury as a flow: stop, ice, rest comfortably,
 * repeat ice, refer if pain lasts past two days, then a graded return. Emergency signs shortcut everything.
 */
export function InjuryResponseDiagram({ id = "injury-response-diagram", className }: IInjuryResponseDiagramProps) {
  const markerEnd = arrowEnd(id);
  const down = (y1: number, y2: number) => (
    <path d={`M${MID} ${y1} L${MID} ${y2}`} className={FLOW} strokeWidth={2.5} markerEnd={markerEnd} />
  );
  return (
    <DiagramFrame
      id={id}
      viewBox="0 0 560 760"
      title="First response to a client's back injury"
      className={className ?? "mx-auto block h-auto w-full max-w-xl"}
      arrow={{ className: "fill-slate-500 dark:fill-slate-400 print:fill-black", size: 6 }}
      description={
        <>
        A flow chart. At any point, emergency signs mean getting medical help at once: severe or
        worsening pain, numbness, tingling or weakness in the legs, loss of bladder or bowel control, or
        an injury from a fall or a blow. Otherwise: step 1, stop the activity. Step 2, apply ice to the
        sore area for 20 minutes. Step 3, let the client rest in whatever position is most comfortable.
        Step 4, repeat the ice about every two hours as needed. Then a decision: is the pain still there
        after two days? If yes, refer the client to a physician. If no, step 5, a graded return: begin
        with lighter work and progress only while the pain stays away. If pain comes back, ease off and
        refer. Throughout, the trainer records what happened and does not diagnose or treat.
        </>
      }
    >

      {/* Emergency banner */}
      <rect
        x={10}
        y={8}
        width={540}
        height={84}
        rx={10}
        strokeWidth={2.5}
        className="fill-rose-50 stroke-rose-600 dark:fill-rose-950/50 dark:stroke-rose-400 print:fill-none print:stroke-black"
      />
      <path
        d="M38 26 L54 54 L22 54 Z M38 36 L38 44 M38 49 L38 49.5"
        strokeWidth={2.5}
        strokeLinejoin="round"
        strokeLinecap="round"
        className="fill-none stroke-rose-700 dark:stroke-rose-300 print:stroke-black"
      />
      <text x={66} y={34} fontSize={15} fontWeight={700} className="fill-rose-800 dark:fill-rose-200 print:fill-black">
        At any point, get medical help now for:
      </text>
      <text x={66} y={34} fontSize={13.5} className={TEXT}>
        <tspan x={66} dy={20}>
          severe or worsening pain · numbness, tingling or leg weakness
        </tspan>
        <tspan x={66} dy={18}>
          loss of bladder or bowel control · a fall or a blow to the back
        </tspan>
      </text>

      <Step n="1" y={112} title="Stop the activity" detail={["End the exercise straight away"]} />
      {down(169, 190)}
      <Step n="2" y={192} title="Ice for 20 minutes" detail={["On the sore area, right away"]} />
      {down(249, 270)}
      <Step n="3" y={272} title="Rest comfortably" detail={["Client chooses the position", "that eases the spasm"]} />
      {down(346, 367)}
      <Step n="4" y={369} title="Repeat the ice as needed" detail={["Roughly every two hours"]} />
      {down(426, 446)}

      {/* Decision */}
      <path
        d={`M${MID} 448 L${MID + 128} 506 L${MID} 564 L${MID - 128} 506 Z`}
        strokeWidth={2}
        className="fill-amber-50 stroke-amber-600 dark:fill-amber-950/50 dark:stroke-amber-400 print:fill-none print:stroke-black"
      />
      <text x={MID} y={500} textAnchor="middle" fontSize={15} fontWeight={700} className={TEXT}>
        Pain still there
      </text>
      <text x={MID} y={520} textAnchor="middle" fontSize={15} fontWeight={700} className={TEXT}>
        after two days?
      </text>

      {/* Yes: refer */}
      <path d={`M${MID + 128} 506 L376 506`} className={FLOW} strokeWidth={2.5} markerEnd={markerEnd} />
      <text x={333} y={496} textAnchor="middle" fontSize={14} fontWeight={700} className={MUTED}>
        Yes
      </text>
      <rect x={378} y={468} width={168} height={76} rx={10} strokeWidth={2} className={REFER} />
      <text x={462} y={500} textAnchor="middle" fontSize={16} fontWeight={700} className={TEXT}>
        Refer to a
      </text>
      <text x={462} y={521} textAnchor="middle" fontSize={16} fontWeight={700} className={TEXT}>
        physician
      </text>

      {/* No: graded return */}
      {down(564, 594)}
      <text x={MID + 10} y={584} fontSize={14} fontWeight={700} className={MUTED}>
        No
      </text>
      <Step
        n="5"
        y={596}
        title="Graded return"
        detail={["Start with lighter work; progress", "only while the pain stays away"]}
        className={RETURN}
        badgeClassName="fill-emerald-600 dark:fill-emerald-400 print:fill-black"
      />

      {/* Pain returns: loop to referral */}
      <path
        d={`M${BOX_X + BOX_W} 636 L462 636 L462 548`}
        className={FLOW}
        strokeWidth={2.5}
        strokeDasharray="7 5"
        markerEnd={markerEnd}
      />
      <text x={470} y={582} fontSize={13.5} className={MUTED}>
        <tspan x={470} dy={0}>
          pain
        </tspan>
        <tspan x={470} dy={17}>
          returns?
        </tspan>
      </text>
      <text x={350} y={660} fontSize={13.5} className={MUTED}>
        ease off and refer
      </text>

      {/* Scope reminder */}
      <line x1={10} y1={700} x2={550} y2={700} strokeWidth={1} className="stroke-slate-300 dark:stroke-slate-600 print:stroke-black" />
      <text x={280} y={726} textAnchor="middle" fontSize={13.5} fontStyle="italic" className={MUTED}>
        Throughout: stay with the client, write down what happened,
      </text>
      <text x={280} y={745} textAnchor="middle" fontSize={13.5} fontStyle="italic" className={MUTED}>
        and leave diagnosis and treatment to health professionals.
      </text>
    </DiagramFrame>
  );
}

