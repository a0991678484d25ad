import { HIGHLIGHT_START, HIGHLIGHT_STOP } from "./split-lesson-sections";

// ts_headline marks matches with the delimiters it is given. It does not escape the text around
// them, so its output is never HTML: the search query asks for two private-use characters as
// delimiters (they are stripped from lesson text when it is indexed) and this splits on them.
// The page renders the pieces as React text, the marked ones inside <mark>: nothing a lesson or
// a query contains can become markup.

export type THighlightPart = { text: string; highlight: boolean };

/** ts_headline output with HIGHLIGHT_START / HIGHLIGHT_STOP markers, as plain and marked pieces. */
export function parseHighlights(marked: string): THighlightPart[] {
  const parts: THighlightPart[] = [];
  let highlight = false;
  let text = "";
  const push = () => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.highlight === highlight) last.text += text;
    else parts.push({ text, highlight });
    text = "";
  };
  for (const ch of marked) {
    if (ch === HIGHLIGHT_START || ch === HIGHLIGHT_STOP) {
      push();
      // An unbalanced marker (never produced by ts_headline) cannot leave the rest highlighted.
      highlight = ch === HIGHLIGHT_START;
      continue;
    }
    text += ch;
  }
  push();
  return parts;
}

/** The option string for ts_headline: private-use delimiters, a couple of short fragments. */
export const HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxWords=28, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;
