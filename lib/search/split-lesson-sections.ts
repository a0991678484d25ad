import { slugifyHeading } from "@/lib/content/lesson-sections";

// What the search index holds for a lesson: its MDX body cut at every `##` / `###` heading, each
// piece as plain text a reader would see. The anchors are the ids the lesson page gives those
// headings (same rule and numbering as lib/content/lesson-sections.ts, which the unit test checks
// against every lesson in content/), so a result can link straight to its section.

export type TSearchSection = {
  /** 0 for the text before the first heading, then one per heading in order. */
  position: number;
  heading: string;
  /** The heading's id on the lesson page; null for the text before the first heading. */
  anchor: string | null;
  body: string;
};

/** Private-use characters the search snippets use to mark highlights (lib/search/highlight.ts). */
export const HIGHLIGHT_START = "\uE000";
export const HIGHLIGHT_STOP = "\uE001";

// Attributes that configure a component rather than show text to the reader.
const SILENT_ATTRIBUTES = new Set(["type", "kind", "id", "src", "href", "minutes", "highlight", "className", "variant", "width", "height"]);

// A JSX tag of a lesson component, possibly over several lines: quoted strings and {…} values
// (one level of nested braces, enough for arrays of strings) may contain `>`.
const JSX_TAG = /<\/?[A-Z][\w.]*((?:[^>"{}]|"[^"]*"|\{(?:[^{}]|\{[^{}]*\})*\})*)\/?>/g;
const ATTRIBUTE = /([A-Za-z][\w-]*)=(?:"([^"]*)"|\{((?:[^{}]|\{[^{}]*\})*)\})/g;
const QUOTED = /"((?:[^"\\]|\\.)*)"/g;

/** The text a component's props show (titles, captions, names, lists of cues), space-joined. */
function jsxTagText(attributes: string): string {
  const parts: string[] = [];
  for (const m of attributes.matchAll(ATTRIBUTE)) {
    if (SILENT_ATTRIBUTES.has(m[1])) continue;
    if (m[2] !== undefined) parts.push(m[2]);
    else for (const q of (m[3] ?? "").matchAll(QUOTED)) parts.push(q[1].replace(/\\(.)/g, "$1"));
  }
  // Each prop reads as its own sentence, so snippets do not run a caption into the next line.
  return parts.length ? ` ${parts.map((p) => (/[.!?:;]$/.test(p.trim()) ? p.trim() : `${p.trim()}.`)).join(" ")} ` : " ";
}

/** Markdown / MDX source as the words a reader sees, on one line. */
export function mdxToPlainText(source: string): string {
  return (
    source
      .replace(/[\uE000\uE001]/g, "") // the highlight markers can never come from content
      .replace(/\{\/\*[\s\S]*?\*\/\}/g, " ") // MDX comments
      .replace(/<!--[\s\S]*?-->/g, " ")
      .replace(/^(?:import|export)\s.*$/gm, " ")
      .replace(JSX_TAG, (_tag, attributes: string) => jsxTagText(attributes))
      .replace(/<\/?[a-z][^>]*>/g, " ") // plain HTML tags
      .replace(/^\s*```.*$/gm, " ") // fence lines (the code inside stays readable text)
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1") // images: their alt text
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1") // links: their text
      .replace(/^\s{0,3}#{1,6}\s+/gm, "") // deeper headings stay in their section's text
      .replace(/^\s*>\s?/gm, "") // block quotes
      .replace(/^\s*(?:[-*+]|\d+[.)])\s+/gm, "") // list markers
      .replace(/\{[^{}]*\}/g, " ") // leftover JSX expressions
      .replace(/[*`|]/g, "") // emphasis, code and table marks
      .replace(/(^|[^\w])_+|_+(?=[^\w]|$)/g, "$1") // _emphasis_ but not snake_case
      .replace(/\s+/g, " ")
      .trim()
  );
}

// Markdown inside a heading: links keep their text; emphasis and code marks go (as lesson-sections.ts).
function plainHeading(raw: string): string {
  return raw
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`]/g, "")
    .trim();
}

/**
 * A lesson's MDX body as search sections. Section 0 is the top of the lesson page: the lesson's
 * title as its heading, its summary and any text before the first heading as its body, so the
 * title and summary can be found too. A section with no text (a heading followed directly by
 * another) is kept, so its heading can still be found.
 */
export function splitLessonSections(body: string, lesson: { title: string; summary?: string }): TSearchSection[] {
  const used = new Map<string, number>();
  const sections: TSearchSection[] = [];
  let current: { position: number; heading: string; anchor: string | null; lines: string[] } = { position: 0, heading: lesson.title, anchor: null, lines: lesson.summary ? [lesson.summary, ""] : [] };
  const flush = () => {
    const text = mdxToPlainText(current.lines.join("\n"));
    sections.push({ position: current.position, heading: current.heading.replace(/[\uE000\uE001]/g, ""), anchor: current.anchor, body: text });
  };
  let fenced = false;
  for (const line of body.split("\n")) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    const m = fenced ? null : /^(#{2,3})\s+(.+?)\s*#*\s*$/.exec(line);
    if (!m) {
      current.lines.push(line);
      continue;
    }
    flush();
    const title = plainHeading(m[2]);
    const base = slugifyHeading(title);
    const n = used.get(base) ?? 0;
    used.set(base, n + 1);
    current = { position: current.position + 1, heading: title, anchor: n ? `${base}-${n + 1}` : base, lines: [] };
  }
  flush();
  return sections;
}
