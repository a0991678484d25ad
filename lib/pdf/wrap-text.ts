// The one line-breaking rule for the PDFs (certificate and transcript): greedy, by words, measured
// with the font that will draw the text. pdf-lib draws single lines only, so every multi-line text
// goes through here.

export type TMeasure = { widthOfTextAtSize(text: string, size: number): number };

export type TWrapOptions = {
  /**
   * A word wider than a line is cut at characters ("break", the default; also how a URL, which has
   * no spaces, is wrapped), or makes the wrap fail ("fail": the caller tries a smaller size).
   */
  longWords?: "break" | "fail";
  /** With more lines than this the wrap fails. */
  maxLines?: number;
};

/**
 * Lines of `text` no wider than `maxWidth` at `size`. "\n" starts a new line; runs of spaces count
 * as one. Never returns zero lines (an empty text is one empty line). Returns null only when an
 * option says to fail.
 */
export function wrapText(font: TMeasure, text: string, size: number, maxWidth: number, options: TWrapOptions = {}): string[] | null {
  const fits = (line: string) => font.widthOfTextAtSize(line, size) <= maxWidth;
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let current = "";
    for (const word of paragraph.split(" ").filter(Boolean)) {
      const candidate = current ? `${current} ${word}` : word;
      if (fits(candidate)) {
        current = candidate;
        continue;
      }
      if (current) lines.push(current);
      if (fits(word)) {
        current = word;
        continue;
      }
      if (options.longWords === "fail") return null;
      let piece = "";
      for (const char of word) {
        if (piece && !fits(piece + char)) {
          lines.push(piece);
          piece = "";
        }
        piece += char;
      }
      current = piece;
    }
    lines.push(current);
  }
  const trimmed = lines.filter((line, i) => line !== "" || i === 0);
  const result = trimmed.length ? trimmed : [""];
  return options.maxLines !== undefined && result.length > options.maxLines ? null : result;
}

/** wrapText where nothing can fail: words are cut, lines unlimited. */
export function wrapLines(font: TMeasure, text: string, size: number, maxWidth: number): string[] {
  return wrapText(font, text, size, maxWidth) ?? [text];
}
