// How long a lesson takes to learn, estimated from what is on the page, so the contact hours a
// course declares can be defended to a certifying body (method: docs/decisions/007).
//
// - Prose: words / READING_WORDS_PER_MINUTE. Adults read technical text at about 200–250 words a
//   minute; we take the slower end. Tables and code are left out: they are looked up, not read.
// - Figures and diagrams: FIGURE_MINUTES each (studying a labelled figure takes longer than its caption).
// - Activities: an <Activity kind="…" minutes={N}> block counts its own minutes (a case study, a
//   practical or a reflection takes what it takes); its words are not counted again as reading.
// - Quiz items: QUIZ_ITEM_MINUTES per question a trainer answers about the lesson.

export const READING_WORDS_PER_MINUTE = 200;
export const FIGURE_MINUTES = 1;
export const QUIZ_ITEM_MINUTES = 1;
/** Declared minutes may exceed the estimate by at most this share. */
export const DECLARED_TOLERANCE = 0.2;
const ACTIVITY_KINDS = ["case-study", "practical", "reflection"] as const;
export type TActivityKind = (typeof ACTIVITY_KINDS)[number];
/** One activity may claim at most this long; longer work is split into several. */
const ACTIVITY_MAX_MINUTES = 30;

type TActivity = { kind: string; minutes: number | null };

export type TLessonEstimate = {
  words: number;
  figures: number;
  activities: TActivity[];
  activityMinutes: number;
  quizItems: number;
  /** Estimated minutes, unrounded. */
  minutes: number;
  /** Whole seconds, rounded down: what the server stores and measures observed time against. */
  seconds: number;
};

const ACTIVITY_BLOCK = /<Activity\b([^>]*?)(?:\/>|>([\s\S]*?)<\/Activity>)/g;
const FIGURE_BLOCK = /<Figure\b[^>]*?(?:\/>|>[\s\S]*?<\/Figure>)/g;
const DIAGRAM = /<[A-Z][A-Za-z0-9]*Diagram\b/g;
// Attributes that hold no reading text (ids, sources, styling, alt text only a screen reader hears).
const NON_PROSE_ATTRIBUTES = new Set(["id", "src", "href", "type", "kind", "alt", "className", "minutes", "variant", "width", "height"]);

/** A figure is one <Figure> (whatever diagram it wraps) or a diagram placed on its own. */
function countFigures(body: string): number {
  const figures = body.match(FIGURE_BLOCK)?.length ?? 0;
  return figures + (body.replace(FIGURE_BLOCK, " ").match(DIAGRAM)?.length ?? 0);
}

// Text a component shows from its props (a caption, a title, an exercise's cues) is read too.
function attributeProse(attrs: string): string {
  const out: string[] = [];
  for (const m of attrs.matchAll(/([A-Za-z][\w-]*)\s*=\s*("[^"]*"|'[^']*'|\{[\s\S]*?\}(?=\s*(?:[A-Za-z][\w-]*\s*=|\/?$)))/g)) {
    if (NON_PROSE_ATTRIBUTES.has(m[1])) continue;
    for (const str of m[2].matchAll(/"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'/g)) out.push(str[1] ?? str[2] ?? "");
  }
  return out.join(" ");
}

function attribute(attrs: string, name: string): string | null {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|\\{\\s*([^}]*?)\\s*\\})`).exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3] ?? "") : null;
}

/** Every <Activity> in a lesson body, with the kind and minutes it declares (null when unreadable). */
function findActivities(body: string): TActivity[] {
  return [...body.matchAll(ACTIVITY_BLOCK)].map((m) => {
    const minutes = Number(attribute(m[1], "minutes"));
    return { kind: attribute(m[1], "kind") ?? "", minutes: Number.isFinite(minutes) && minutes > 0 ? minutes : null };
  });
}

/** The words a reader reads: no code, tables, tags, link targets or Markdown markup. */
export function countReadingWords(body: string): number {
  const prose = body
    .replace(ACTIVITY_BLOCK, " ")
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/~~~[\s\S]*?~~~/g, " ")
    .replace(/`[^`\n]*`/g, " ")
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, " ")
    .replace(/<!--[\s\S]*?-->/g, " ")
    .split("\n")
    .filter((line) => !/^\s*\|/.test(line))
    .join("\n")
    .replace(/<\/?[A-Za-z][\w.]*([^>]*)>/g, (_tag, attrs: string) => ` ${attributeProse(attrs.trim())} `)
    .replace(/\]\([^)]*\)/g, "]");
  return prose.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}

export function estimateLessonTime({ body, quizItems = 0 }: { body: string; quizItems?: number }): TLessonEstimate {
  const words = countReadingWords(body);
  const figures = countFigures(body);
  const activities = findActivities(body);
  const activityMinutes = activities.reduce((sum, a) => sum + Math.min(a.minutes ?? 0, ACTIVITY_MAX_MINUTES), 0);
  const minutes = words / READING_WORDS_PER_MINUTE + figures * FIGURE_MINUTES + activityMinutes + quizItems * QUIZ_ITEM_MINUTES;
  return { words, figures, activities, activityMinutes, quizItems, minutes, seconds: Math.floor(minutes * 60) };
}

/**
 * Questions a trainer is expected to answer about one lesson: every drawn item of a check that
 * belongs to the lesson, plus the lesson's share of the final's draw (items drawn × the lesson's
 * share of the pool).
 */
export function expectedQuizItems(
  lessonSlug: string,
  quizzes: { kind: "final" | "lesson-check"; lesson?: string | null; draw?: number | null; questions: { lesson: string }[] }[],
): number {
  let items = 0;
  for (const q of quizzes) {
    const drawn = Math.min(q.draw ?? q.questions.length, q.questions.length);
    if (q.questions.length === 0) continue;
    const own = q.questions.filter((x) => x.lesson === lessonSlug).length;
    if (q.kind === "lesson-check") items += q.lesson === lessonSlug ? drawn : 0;
    else items += (drawn * own) / q.questions.length;
  }
  return items;
}

function round1(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}

/** Null when the declared minutes are defensible; otherwise the sentence content:check prints. */
export function checkDeclaredMinutes(file: string, declared: number, estimate: TLessonEstimate): string | null {
  const limit = estimate.minutes * (1 + DECLARED_TOLERANCE);
  if (declared <= limit) return null;
  const parts = [
    `${estimate.words} words at ${READING_WORDS_PER_MINUTE} words a minute`,
    `${estimate.figures} figure${estimate.figures === 1 ? "" : "s"}`,
    `${estimate.activities.length} activit${estimate.activities.length === 1 ? "y" : "ies"} (${round1(estimate.activityMinutes)} min)`,
    `${round1(estimate.quizItems)} quiz item${estimate.quizItems === 1 ? "" : "s"}`,
  ];
  return `${file}: declares ${declared} minutes but its estimated learning time is ${round1(estimate.minutes)} minutes (${parts.join(", ")}); declared minutes may exceed the estimate by at most ${DECLARED_TOLERANCE * 100}% (${round1(limit)} minutes). Lower "minutes" or add real activities.`;
}

/** Problems with the <Activity> blocks themselves (unknown kind, missing or oversized minutes). */
export function checkActivities(file: string, body: string): string[] {
  return findActivities(body).flatMap((a, i) => {
    const problems: string[] = [];
    if (!(ACTIVITY_KINDS as readonly string[]).includes(a.kind)) problems.push(`${file}: <Activity> #${i + 1} needs kind="${ACTIVITY_KINDS.join('" | "')}"`);
    if (a.minutes === null) problems.push(`${file}: <Activity> #${i + 1} needs minutes={N} (a positive number)`);
    else if (a.minutes > ACTIVITY_MAX_MINUTES) problems.push(`${file}: <Activity> #${i + 1} claims ${a.minutes} minutes; at most ${ACTIVITY_MAX_MINUTES} per activity`);
    return problems;
  });
}
