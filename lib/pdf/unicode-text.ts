import { readFileSync } from "node:fs";
import path from "node:path";
import { inflateSync } from "node:zlib";
import fontkit from "@pdf-lib/fontkit";
import type { Color, PDFDocument, PDFFont, PDFPage } from "pdf-lib";

/*
 * Text in any of the scripts trainers' names come in, for pdf-lib documents (certificate and
 * transcript; docs/decisions/019). Text that Windows-1252 can encode is drawn with the standard
 * PDF font as before (nothing embedded, the same look). Anything else is drawn with Noto Sans
 * (SIL Open Font License, which allows embedding) from the @fontsource packages, choosing the
 * font per character down a fallback chain: Noto Sans (Latin, Latin Extended, Vietnamese, Greek,
 * Cyrillic), Hebrew, Arabic, Simplified Chinese, Japanese. Each font file used is embedded once
 * per document as a subset holding only the glyphs drawn.
 *
 * Shaping and direction: pdf-lib lays text out with fontkit, which applies the font's OpenType
 * rules (Arabic joining forms, marks) and returns right-to-left runs in visual order. Runs of
 * different fonts are placed left to right, or right to left when the text starts with a
 * right-to-left letter, so a name is drawn as it reads.
 *
 * fontsource splits each font into files by Unicode range (its unicode.json lists them), WOFF
 * flavour (no Brotli decoder needed), which woffToSfnt unpacks once into a plain TrueType file:
 * fontkit re-inflates a WOFF table on every glyph it copies into a subset, which made a CJK
 * certificate take ~100 ms longer. Files are read, unpacked and parsed once per process.
 */

export type TWeight = 400 | 700;

type TFamily = { pkg: string; subsets: (key: string) => boolean };

// The order is the fallback chain. CJK chunks are named "[n]"; their latin/cyrillic subsets are
// skipped because Noto Sans, first in the chain, covers those.
const FAMILIES: TFamily[] = [
  { pkg: "noto-sans", subsets: (k) => ["latin", "latin-ext", "vietnamese", "greek", "greek-ext", "cyrillic", "cyrillic-ext"].includes(k) },
  { pkg: "noto-sans-hebrew", subsets: (k) => k === "hebrew" },
  { pkg: "noto-sans-arabic", subsets: (k) => k === "arabic" },
  { pkg: "noto-sans-sc", subsets: (k) => k.startsWith("[") },
  { pkg: "noto-sans-jp", subsets: (k) => k.startsWith("[") },
];

type TFontFile = { file: string; ranges: [number, number][] };
type TFontkitFont = ReturnType<typeof fontkit.create>;

const FONT_DIR = () => path.join(process.cwd(), "node_modules", "@fontsource");

let chain: TFontFile[] | null = null;

function parseRanges(spec: string): [number, number][] {
  return spec.split(",").map((part) => {
    const [lo, hi] = part.trim().replace(/^U\+/i, "").split("-");
    return [Number.parseInt(lo, 16), Number.parseInt(hi ?? lo, 16)];
  });
}

function fontChain(): TFontFile[] {
  if (chain) return chain;
  const files: TFontFile[] = [];
  for (const family of FAMILIES) {
    const ranges = JSON.parse(readFileSync(path.join(FONT_DIR(), family.pkg, "unicode.json"), "utf8")) as Record<string, string>;
    for (const [key, spec] of Object.entries(ranges)) {
      if (!family.subsets(key)) continue;
      files.push({ file: `${family.pkg}/files/${family.pkg}-${key.replace(/[[\]]/g, "")}-{weight}-normal.woff`, ranges: parseRanges(spec) });
    }
  }
  chain = files;
  return chain;
}

const bytesCache = new Map<string, Uint8Array>();
const fontCache = new Map<Uint8Array, TFontkitFont>();

/** WOFF 1.0 → the TrueType/OpenType file it wraps (W3C WOFF spec, section 5: zlib per table). */
export function woffToSfnt(woff: Uint8Array): Uint8Array {
  const src = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
  if (src.readUInt32BE(0) !== 0x774f4646) throw new Error("not a WOFF file");
  const flavor = src.readUInt32BE(4);
  const numTables = src.readUInt16BE(12);
  const tables: { tag: number; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = 44 + i * 20;
    const [tag, offset, compLength, origLength, checksum] = [0, 4, 8, 12, 16].map((o) => src.readUInt32BE(at + o));
    const raw = src.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(raw) : raw;
    if (data.length !== origLength) throw new Error("WOFF table has the wrong length");
    tables.push({ tag, checksum, data });
  }
  padGlyphs(tables);
  const pad = (n: number) => (n + 3) & ~3;
  const headerLength = 12 + numTables * 16;
  const out = Buffer.alloc(headerLength + tables.reduce((sum, t) => sum + pad(t.data.length), 0));
  let entrySelector = 0;
  while (2 ** (entrySelector + 1) <= numTables) entrySelector++;
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(2 ** entrySelector * 16, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - 2 ** entrySelector * 16, 10);
  let offset = headerLength;
  tables.forEach((t, i) => {
    out.writeUInt32BE(t.tag, 12 + i * 16);
    out.writeUInt32BE(t.checksum, 16 + i * 16);
    out.writeUInt32BE(offset, 20 + i * 16);
    out.writeUInt32BE(t.data.length, 24 + i * 16);
    t.data.copy(out, offset);
    offset += pad(t.data.length);
  });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

const tagOf = (name: string) => Buffer.from(name, "latin1").readUInt32BE(0);

/**
 * Pads every glyph in `glyf` to a 4-byte boundary and writes `loca` in the long format. fontkit's
 * subsetter copies each glyph's bytes as they are and then, for a small subset, writes a short
 * `loca` (offsets stored halved): a glyph of odd length, which long-`loca` fonts such as Noto Sans
 * Arabic have, shifts every later glyph by a byte and the composite letters vanish in viewers.
 */
function padGlyphs(tables: { tag: number; checksum: number; data: Buffer }[]): void {
  const find = (name: string) => tables.find((t) => t.tag === tagOf(name));
  const [head, maxp, loca, glyf] = [find("head"), find("maxp"), find("loca"), find("glyf")];
  if (!head || !maxp || !loca || !glyf) return; // CFF-flavoured fonts have no glyf
  const numGlyphs = maxp.data.readUInt16BE(4);
  const long = head.data.readInt16BE(50) === 1;
  const offsetAt = (i: number) => (long ? loca.data.readUInt32BE(i * 4) : loca.data.readUInt16BE(i * 2) * 2);
  const parts: Buffer[] = [];
  const newLoca = Buffer.alloc((numGlyphs + 1) * 4);
  let offset = 0;
  for (let i = 0; i < numGlyphs; i++) {
    const glyph = glyf.data.subarray(offsetAt(i), offsetAt(i + 1));
    newLoca.writeUInt32BE(offset, i * 4);
    const padded = Buffer.alloc((glyph.length + 3) & ~3);
    glyph.copy(padded);
    parts.push(padded);
    offset += padded.length;
  }
  newLoca.writeUInt32BE(offset, numGlyphs * 4);
  glyf.data = Buffer.concat(parts);
  loca.data = newLoca;
  head.data = Buffer.from(head.data);
  head.data.writeInt16BE(1, 50);
}

function fontBytes(file: string): Uint8Array {
  let bytes = bytesCache.get(file);
  if (!bytes) {
    bytes = woffToSfnt(new Uint8Array(readFileSync(path.join(FONT_DIR(), file))));
    bytesCache.set(file, bytes);
  }
  return bytes;
}

function parsed(bytes: Uint8Array): TFontkitFont {
  let font = fontCache.get(bytes);
  if (!font) {
    font = fontkit.create(bytes);
    fontCache.set(bytes, font);
  }
  return font;
}


const resolved = new Map<string, string | null>();

/** The font file (at this weight) that draws this code point, first in the chain; null if none. */
export function fontFileFor(codePoint: number, weight: TWeight): string | null {
  const key = `${codePoint}:${weight}`;
  const hit = resolved.get(key);
  if (hit !== undefined) return hit;
  let found: string | null = null;
  for (const candidate of fontChain()) {
    if (!candidate.ranges.some(([lo, hi]) => codePoint >= lo && codePoint <= hi)) continue;
    const file = candidate.file.replace("{weight}", String(weight));
    if (parsed(fontBytes(file)).hasGlyphForCodePoint(codePoint)) {
      found = file;
      break;
    }
  }
  resolved.set(key, found);
  return found;
}

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const STRONG = /[\p{L}]/u;

/** Direction of the first strong (letter) character: how a line of this text reads. */
export function isRightToLeft(text: string): boolean {
  for (const char of text) if (STRONG.test(char)) return RTL.test(char);
  return false;
}

// Windows-1252 (the standard fonts' encoding) beyond ASCII.
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
export function isWinAnsi(text: string): boolean {
  for (const char of text) {
    const cp = char.codePointAt(0) as number;
    if (!((cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff) || WIN_ANSI_EXTRA.has(char))) return false;
  }
  return true;
}

export type TFace = {
  widthOfTextAtSize(text: string, size: number): number;
  draw(page: PDFPage, text: string, options: { x: number; y: number; size: number; color: Color }): void;
};

type TRun = { text: string; font: PDFFont; file: string };

// Layout (shaping) is the costly part of measuring, and the layout code measures the same strings
// again and again while fitting them: widths per font file and text, at 1000 units per em.
const widthCache = new Map<string, number>();
function runWidth(run: TRun, size: number): number {
  const key = `${run.file}\u0000${run.text}`;
  let width = widthCache.get(key);
  if (width === undefined) {
    width = run.font.widthOfTextAtSize(run.text, 1000);
    if (widthCache.size > 5000) widthCache.clear();
    widthCache.set(key, width);
  }
  return (width * size) / 1000;
}

/**
 * One document's Unicode text: call prepare() with every string that may be drawn (it embeds the
 * fonts they need, which pdf-lib does asynchronously), then measure and draw synchronously.
 */
export class UnicodeText {
  private readonly embedded = new Map<string, PDFFont>();

  constructor(private readonly doc: PDFDocument) {
    // Each document gets its own fontkit font objects (pdf-lib parses the bytes again): fontkit
    // caches glyph objects per font, and one created while subsetting has no code points, which
    // would leave the next document's ToUnicode map without that letter.
    doc.registerFontkit(fontkit);
  }

  /** Texts to be drawn: a string at any weight, or [text, weight] when only one is used. */
  async prepare(texts: Iterable<string | readonly [string, TWeight]>): Promise<void> {
    const files = new Set<string>();
    for (const entry of texts) {
      const [text, weights]: [string, TWeight[]] = typeof entry === "string" ? [entry, [400, 700]] : [entry[0], [entry[1]]];
      if (isWinAnsi(text)) continue;
      // Noto Sans Latin too, for the ASCII that labels and separators add around this text.
      for (const weight of weights) files.add(fontFileFor(0x3f, weight) as string);
      for (const char of text) {
        for (const weight of weights) {
          const file = fontFileFor(char.codePointAt(0) as number, weight);
          if (file) files.add(file);
        }
      }
    }
    for (const file of [...files].sort()) {
      if (this.embedded.has(file)) continue;
      // No ccmp: it splits letters such as Vietnamese "ị" or Arabic "ن" into a base and a mark,
      // and the mark glyph carries no character, so readers would extract a stray control code.
      // Without it the font's precomposed glyph is used (the text is NFC), and it reads back exactly.
      this.embedded.set(file, await this.doc.embedFont(fontBytes(file), { subset: true, features: { ccmp: false } }));
    }
  }

  /** Runs of one font each, in the order they are placed left to right. */
  private runs(text: string, weight: TWeight): TRun[] {
    const runs: TRun[] = [];
    const add = (chars: string, file: string) => {
      const font = this.embedded.get(file);
      if (!font) throw new Error(`UnicodeText.prepare() was not given the text "${text}"`);
      const last = runs.at(-1);
      if (last && last.file === file) last.text += chars;
      else runs.push({ text: chars, font, file });
    };
    const fallback = fontFileFor(0x3f, weight) as string;
    for (const { segment } of graphemes.segment(text)) {
      // A character no font in the chain has (an emoji, a script not covered) prints as one "?"
      // per user-perceived character, never as an empty box or a wrong letter.
      if (!fontFileFor(segment.codePointAt(0) as number, weight)) {
        add("?", fallback);
        continue;
      }
      for (const char of segment) {
        const cp = char.codePointAt(0) as number;
        // Spaces, punctuation and marks stay in the running font when it has them, so an Arabic or
        // Hebrew phrase is one run that fontkit orders and shapes as a whole.
        const running = runs.at(-1);
        if (running && parsed(fontBytes(running.file)).hasGlyphForCodePoint(cp)) add(char, running.file);
        else {
          const file = fontFileFor(cp, weight);
          if (file) add(char, file);
        }
      }
    }
    return isRightToLeft(text) ? runs.reverse() : runs;
  }

  /** A face that draws WinAnsi text with `standard` and anything else with Noto at `weight`. */
  face(standard: PDFFont, weight: TWeight): TFace {
    return {
      widthOfTextAtSize: (text, size) => {
        if (isWinAnsi(text)) return standard.widthOfTextAtSize(text, size);
        return this.runs(text, weight).reduce((sum, run) => sum + runWidth(run, size), 0);
      },
      draw: (page, text, { x, y, size, color }) => {
        if (isWinAnsi(text)) {
          page.drawText(text, { x, y, size, color, font: standard });
          return;
        }
        let left = x;
        for (const run of this.runs(text, weight)) {
          page.drawText(run.text, { x: left, y, size, color, font: run.font });
          left += runWidth(run, size);
        }
      },
    };
  }
}
