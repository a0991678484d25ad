import { readFileSync } from "node:fs";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream, rgb, StandardFonts } from "pdf-lib";
import { describe, expect, test } from "vitest";
import { fontFileFor, isRightToLeft, isWinAnsi, UnicodeText, woffToSfnt } from "@/lib/pdf/unicode-text";

const ARABIC_WOFF = path.join("node_modules/@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff");

describe("the fallback chain", () => {
  test.each([
    ["A", "noto-sans/files/noto-sans-latin-400-normal.woff"],
    ["Ł", "noto-sans/files/noto-sans-latin-ext-400-normal.woff"],
    ["ễ", "noto-sans/files/noto-sans-vietnamese-400-normal.woff"],
    ["Ω", "noto-sans/files/noto-sans-greek-400-normal.woff"],
    ["Ж", "noto-sans/files/noto-sans-cyrillic-400-normal.woff"],
    ["ש", "noto-sans-hebrew/files/noto-sans-hebrew-hebrew-400-normal.woff"],
    ["م", "noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff"],
  ])("%s is drawn from %s", (char, file) => {
    expect(fontFileFor(char.codePointAt(0) as number, 400)).toBe(file);
  });

  test.each(["李", "龙", "山", "花", "あ", "カ"])("CJK %s comes from a Noto Sans SC or JP chunk", (char) => {
    expect(fontFileFor(char.codePointAt(0) as number, 700)).toMatch(/^noto-sans-(sc|jp)\/files\/noto-sans-(sc|jp)-\d+-700-normal\.woff$/);
  });

  test.each(["😀", "ก"])("%s has no font", (char) => {
    expect(fontFileFor(char.codePointAt(0) as number, 400)).toBeNull();
  });
});

describe("text classification", () => {
  test.each([
    ["José Núñez", true],
    ["“Core” – €", true],
    ["Łukasz", false],
    ["李", false],
  ])("isWinAnsi(%s) is %s", (text, expected) => expect(isWinAnsi(text)).toBe(expected));

  test.each([
    ["محمد علي", true],
    ["  שרה", true],
    ["123 محمد", true],
    ["Ali محمد", false],
    ["李小龙", false],
  ])("isRightToLeft(%s) is %s", (text, expected) => expect(isRightToLeft(text)).toBe(expected));
});

describe("woffToSfnt", () => {
  test("unpacks to a TrueType font with the same glyphs, every glyph 4-byte aligned in long loca", () => {
    const woff = new Uint8Array(readFileSync(ARABIC_WOFF));
    const sfnt = woffToSfnt(woff);
    const before = fontkit.create(woff as never) as unknown as { numGlyphs: number; glyphForCodePoint(cp: number): { path: { commands: unknown[] } } };
    const after = fontkit.create(sfnt as never) as unknown as typeof before & { head: { indexToLocFormat: number }; loca: { offsets: number[] } };
    expect(after.numGlyphs).toBe(before.numGlyphs);
    expect(after.head.indexToLocFormat).toBe(1);
    expect(after.loca.offsets.every((o) => o % 4 === 0)).toBe(true);
    for (const char of "بنم") {
      const cp = char.codePointAt(0) as number;
      expect(after.glyphForCodePoint(cp).path.commands).toEqual(before.glyphForCodePoint(cp).path.commands);
    }
  });

  test("refuses what is not WOFF", () => {
    expect(() => woffToSfnt(new Uint8Array(64))).toThrow("not a WOFF file");
  });
});

/** The fonts a PDF embeds, parsed back with fontkit. */
async function embeddedFonts(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes);
  const fonts: { numGlyphs: number; getGlyph(id: number): { path: { commands: unknown[] } } }[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    const file = object instanceof PDFDict ? object.lookup(PDFName.of("FontFile2")) : undefined;
    if (file instanceof PDFRawStream) fonts.push(fontkit.create(decodePDFRawStream(file).decode() as never) as never);
  }
  return fonts;
}

describe("UnicodeText", () => {
  test("subset fonts keep every glyph's outline (composite Arabic letters included)", async () => {
    const doc = await PDFDocument.create();
    const unicode = new UnicodeText(doc);
    const name = "محمد بن سلمان";
    await unicode.prepare([[name, 700]]);
    const face = unicode.face(await doc.embedFont(StandardFonts.HelveticaBold), 700);
    face.draw(doc.addPage([400, 100]), name, { x: 10, y: 40, size: 30, color: rgb(0, 0, 0) });
    const fonts = await embeddedFonts(await doc.save());
    const arabic = fonts.find((f) => f.numGlyphs > 5);
    expect(arabic).toBeDefined();
    // Glyph 0 is .notdef; every letter of the name has an outline (a space does not).
    const empty = Array.from({ length: (arabic?.numGlyphs ?? 1) - 1 }, (_, i) => i + 1).filter((id) => arabic?.getGlyph(id).path.commands.length === 0);
    expect(empty.length).toBeLessThanOrEqual(1);
  });

  test("measuring or drawing text it was not prepared for is a programming error", async () => {
    const doc = await PDFDocument.create();
    const unicode = new UnicodeText(doc);
    const face = unicode.face(await doc.embedFont(StandardFonts.Helvetica), 400);
    expect(face.widthOfTextAtSize("Jordan", 10)).toBeGreaterThan(0);
    expect(() => face.widthOfTextAtSize("李", 10)).toThrow(/prepare/);
  });
});
