/**
 * WinAnsiEncoding (Windows-1252 as used by PDF's standard 14 fonts). Shared by the PDF renderer
 * (to know what a standard font can draw) and the text extractor (to turn the bytes back into
 * Unicode). Bytes 0x20–0x7E and 0xA0–0xFF equal their Latin-1 code points; 0x80–0x9F hold the
 * typographic extras below. Undefined slots (0x81, 0x8D, 0x8F, 0x90, 0x9D) are simply absent.
 */
const HIGH_CODES: ReadonlyArray<readonly [number, number]> = [
  [0x80, 0x20ac], [0x82, 0x201a], [0x83, 0x0192], [0x84, 0x201e], [0x85, 0x2026], [0x86, 0x2020],
  [0x87, 0x2021], [0x88, 0x02c6], [0x89, 0x2030], [0x8a, 0x0160], [0x8b, 0x2039], [0x8c, 0x0152],
  [0x8e, 0x017d], [0x91, 0x2018], [0x92, 0x2019], [0x93, 0x201c], [0x94, 0x201d], [0x95, 0x2022],
  [0x96, 0x2013], [0x97, 0x2014], [0x98, 0x02dc], [0x99, 0x2122], [0x9a, 0x0161], [0x9b, 0x203a],
  [0x9c, 0x0153], [0x9e, 0x017e], [0x9f, 0x0178],
];

const byteToCodePoint = new Map<number, number>();
for (let byte = 0x20; byte <= 0x7e; byte++) byteToCodePoint.set(byte, byte);
for (let byte = 0xa0; byte <= 0xff; byte++) byteToCodePoint.set(byte, byte);
for (const [byte, codePoint] of HIGH_CODES) byteToCodePoint.set(byte, codePoint);

const encodableCodePoints = new Set(byteToCodePoint.values());

/** Unicode for one WinAnsi byte; control bytes become a space, undefined slots U+FFFD. */
export function decodeWinAnsiByte(byte: number): string {
  if (byte < 0x20) return byte === 0x09 || byte === 0x0a || byte === 0x0d ? " " : "";
  const codePoint = byteToCodePoint.get(byte);
  return codePoint === undefined ? "\uFFFD" : String.fromCodePoint(codePoint);
}

export function canEncodeWinAnsi(char: string): boolean {
  const codePoint = char.codePointAt(0);
  return char.length > 0 && codePoint !== undefined && encodableCodePoints.has(codePoint) && String.fromCodePoint(codePoint) === char;
}

// Letters whose canonical decomposition does not reduce them to a WinAnsi letter.
const LOOKALIKES: Record<string, string> = {
  ł: "l", Ł: "L", đ: "d", Đ: "D", ı: "i", ħ: "h", Ħ: "H", ŧ: "t", Ŧ: "T", ŋ: "n", Ŋ: "N",
  ĸ: "k", ſ: "s", ǝ: "e", ə: "e", Ə: "E",
  "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2015": "—", "\u2212": "-",
  "\u2032": "'", "\u2033": '"', "\u201b": "'", "\u201f": '"', "\u2044": "/",
};

export const WIN_ANSI_REPLACEMENT = "?";

// Work per grapheme (what a reader sees as one character) so "👍🏽" or "🏃‍♀️" becomes one "?",
// not one per code point in the emoji sequence.
const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

function sanitizeGrapheme(grapheme: string): string {
  if ([...grapheme].every(canEncodeWinAnsi)) return grapheme;
  if (/^[\p{Cc}\p{Z}]+$/u.test(grapheme)) return " ";
  // Zero-width and other format characters (ZWJ, BOM, direction marks) carry no glyph.
  if (/^\p{Cf}+$/u.test(grapheme)) return "";
  let folded = "";
  for (const char of grapheme) folded += LOOKALIKES[char] ?? char.normalize("NFD").replace(/\p{M}+/gu, "");
  return folded.length > 0 && [...folded].every(canEncodeWinAnsi) ? folded : WIN_ANSI_REPLACEMENT;
}

/**
 * Makes text drawable with a standard PDF font instead of letting pdf-lib throw on the first
 * character WinAnsi lacks. In order: keep what WinAnsi has (é, ñ, ü, ß, “ ” – — …); otherwise drop
 * accents WinAnsi lacks (ő → o, ș → s); otherwise use a lookalike (ł → l); otherwise "?". "?"
 * rather than silently dropping so the PDF never shows a *different* but plausible name: "Zoë 李"
 * becomes "Zoë ?", and the verify page (HTML, full Unicode) shows the exact name.
 */
export function sanitizeWinAnsiText(text: string): string {
  let out = "";
  for (const { segment } of graphemes.segment(text.normalize("NFC"))) out += sanitizeGrapheme(segment);
  return out.replace(/ {2,}/g, " ").trim();
}
