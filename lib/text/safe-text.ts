import { z } from "zod";

// One rule for every piece of text a person types (names, reasons, certification numbers, search
// boxes, query-string filters): NFC-normalised, trimmed, bounded, and free of characters that
// are invisible or change how the text around them is shown. PostgreSQL refuses NUL outright
// (22021, which used to surface as a 500), and bidi overrides (U+202E) or zero-width characters
// (U+200B) let a name look like something else in a list, a certificate or a mail anyone can
// trigger. Refused, never silently stripped: the person sees why and can fix it.
//
// Refused: every control character (Cc: NUL, C0, DEL, C1; tab and line breaks too unless the
// field is multi-line), every format character (Cf: bidi embeddings, overrides and isolates,
// LRM/RLM, zero-width space/joiners, word joiner, BOM, soft hyphen …), line and paragraph
// separators, lone surrogates and the noncharacters U+FFFE/U+FFFF.

const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029\uFFFE\uFFFF]/u;

const NAMES: Record<number, string> = {
  0x00: "a NUL byte",
  0x09: "a tab",
  0x0a: "a line break",
  0x0d: "a line break",
  0x200b: "a zero-width space",
  0x200c: "a zero-width non-joiner",
  0x200d: "a zero-width joiner",
  0x200e: "a left-to-right mark",
  0x200f: "a right-to-left mark",
  0x202a: "a text-direction control",
  0x202b: "a text-direction control",
  0x202c: "a text-direction control",
  0x202d: "a text-direction control",
  0x202e: "a text-direction override",
  0x2066: "a text-direction control",
  0x2067: "a text-direction control",
  0x2068: "a text-direction control",
  0x2069: "a text-direction control",
  0xfeff: "a zero-width no-break space",
};

function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** The first refused character, or null. */
export function findForbiddenChar(text: string, options: { multiline?: boolean } = {}): { index: number; codePoint: number } | null {
  // A multi-line field keeps tabs and line breaks: they are blanked (same length) before the scan.
  const match = FORBIDDEN.exec(options.multiline ? text.replace(/[\t\n\r]/g, " ") : text);
  if (!match) return null;
  return { index: match.index, codePoint: match[0].codePointAt(0) ?? 0 };
}

/** The message shown for a refused character: says which one, so the person can find it. */
export function forbiddenCharMessage(codePoint: number): string {
  const name = NAMES[codePoint] ?? "an invisible or control character";
  return `Remove ${name} (${codePointLabel(codePoint)}): text may not contain control, invisible or text-direction characters.`;
}

export type TTextOptions = {
  /** Longest accepted length after normalising (required: every field is bounded). */
  max: number;
  min?: number;
  minMessage?: string;
  maxMessage?: string;
  /** Keeps line breaks and tabs (e.g. a free-text note); every other rule still applies. */
  multiline?: boolean;
};

/**
 * The zod schema for a text field: NFC, trimmed, refuses control / bidi / zero-width characters
 * (checked first, so that is the message shown), then min and max. Returns a ZodString, so a
 * field can add `.regex()`, `.email()` or `.toLowerCase()` as before.
 */
export function ZText({ max, min, minMessage, maxMessage, multiline }: TTextOptions) {
  // The raw bound keeps normalisation cheap on hostile input; NFC never grows text fourfold.
  let schema = z
    .string()
    .max(max * 4 + 16, maxMessage ?? `Use at most ${max} characters.`)
    .normalize("NFC")
    .trim()
    .superRefine((value, ctx) => {
      const bad = findForbiddenChar(value, { multiline });
      if (bad) ctx.addIssue({ code: "custom", message: forbiddenCharMessage(bad.codePoint) });
    });
  if (min !== undefined) schema = schema.min(min, minMessage ?? `Use at least ${min} character${min === 1 ? "" : "s"}.`);
  return schema.max(max, maxMessage ?? `Use at most ${max} characters.`);
}

/** A search box or query-string filter: optional text, at most `max` characters; "" means none. */
export function ZSearchText(max = 100) {
  return ZText({ max, maxMessage: `Search for at most ${max} characters.` });
}

/**
 * Escapes LIKE's wildcards (and its escape character) so a search for "%" or "_" finds those
 * characters, not every row. PostgreSQL's default escape character is the backslash, which is
 * also what Prisma's `contains` / `startsWith` pass through.
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/**
 * For the lenient query-string parsers of admin pages: the normalised search text, or undefined
 * when it is empty or refused. (The server in front answers 422 with the message for a refused
 * query value before a page runs: scripts/serve.ts; this keeps the database away from it anyway.)
 */
export function readSearchText(raw: string | undefined | null, max = 100): string | undefined {
  if (!raw) return undefined;
  const parsed = ZSearchText(max).safeParse(raw.slice(0, max * 4 + 16));
  return parsed.success && parsed.data ? parsed.data : undefined;
}

/**
 * The message for the first query-string parameter (name or value) the text rule refuses, or
 * null. scripts/serve.ts answers 422 with it before any page or route runs, so no search box or
 * filter anywhere can carry NUL, a bidi override or a zero-width character to the database.
 */
export function refusedQueryMessage(search: string): string | null {
  if (!search || search === "?") return null;
  for (const [name, value] of new URLSearchParams(search)) {
    for (const text of [name, value]) {
      const bad = findForbiddenChar(text);
      if (bad) return `The address parameter "${name.replace(/[^\w.-]/g, "?")}" is not accepted. ${forbiddenCharMessage(bad.codePoint)}`;
    }
  }
  return null;
}
