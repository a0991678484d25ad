import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fontFileFor, type TWeight, woffToSfnt } from "@/lib/pdf/unicode-text";

// Fonts for Open Graph images, read from the @fontsource packages on disk. next/og's renderer
// (satori) fetches a font from fonts.googleapis.com for any character the given fonts lack, which
// would send a trainer's name to a third party and fail offline. So every string drawn goes
// through `ogText` first: each character is matched against the same Noto fallback chain the
// certificate PDFs use (docs/decisions/019), the files that draw them are loaded, and a
// character no file has becomes "?" (one per grapheme), exactly as on the PDF.
//
// The brand typeface (Figtree) ships only as WOFF2, which satori cannot read: the images use Noto
// Sans, the certificate's face, in bold for titles.

export type TOgFont = { name: string; data: ArrayBuffer; weight: TWeight; style: "normal" };

const bytes = new Map<string, ArrayBuffer>();
function sfnt(file: string): ArrayBuffer {
  let b = bytes.get(file);
  if (!b) {
    const woff = new Uint8Array(readFileSync(path.join(process.cwd(), "node_modules", "@fontsource", file)));
    const ttf = woffToSfnt(woff);
    b = ttf.buffer.slice(ttf.byteOffset, ttf.byteOffset + ttf.byteLength) as ArrayBuffer;
    bytes.set(file, b);
  }
  return b;
}

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });
const LATIN = "noto-sans/files/noto-sans-latin-{weight}-normal.woff";

/**
 * The texts as they will be drawn (NFC, unknown characters as "?") and the fonts that draw them:
 * always Latin 400 and 700, plus each fallback file a character needs, at both weights.
 */
export function prepareOgText<T extends Record<string, string>>(texts: T): { text: T; fonts: TOgFont[] } {
  const files = new Set<string>([LATIN]);
  const out: Record<string, string> = {};
  for (const [key, raw] of Object.entries(texts)) {
    let drawn = "";
    for (const { segment } of graphemes.segment(raw.normalize("NFC"))) {
      let ok = true;
      for (const ch of segment) {
        const cp = ch.codePointAt(0) ?? 0;
        if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
          ok = false;
          break;
        }
        // Joiners and variation selectors carry no glyph of their own.
        if (cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f)) continue;
        const file = fontFileFor(cp, 400);
        if (!file || !fontFileFor(cp, 700)) {
          ok = false;
          break;
        }
        files.add(file.replace(/-400-normal\.woff$/, "-{weight}-normal.woff"));
      }
      drawn += ok ? segment : "?";
    }
    out[key] = drawn;
  }
  const fonts: TOgFont[] = [];
  let n = 0;
  for (const file of files) {
    for (const weight of [400, 700] as const) fonts.push({ name: `og-${n}`, data: sfnt(file.replace("{weight}", String(weight))), weight, style: "normal" });
    n++;
  }
  return { text: out as T, fonts };
}

/** CSS font-family naming every loaded file, first to last (satori falls back along the list). */
export function ogFontFamily(fonts: TOgFont[]): string {
  return [...new Set(fonts.map((f) => f.name))].join(", ");
}
