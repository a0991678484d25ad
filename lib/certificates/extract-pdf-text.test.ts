import { PDFDocument, PDFName, StandardFonts } from "pdf-lib";
import { describe, expect, test } from "vitest";
import { extractPdfText } from "@/lib/certificates/extract-pdf-text";

// Builds a one-page PDF whose content stream is exactly `operators`, so each case exercises one
// piece of content-stream syntax the extractor must understand.
async function pdfWithContent(operators: string, compress: boolean): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([300, 300]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.node.setFontDictionary(PDFName.of("F1"), font.ref);
  const content = `BT /F1 12 Tf 10 250 Td ${operators} ET`;
  const stream = compress ? doc.context.flateStream(content) : doc.context.stream(content);
  page.node.set(PDFName.of("Contents"), doc.context.register(stream));
  return doc.save({ useObjectStreams: false });
}

describe("extractPdfText", () => {
  test.each([
    ["literal string", "(Hello world) Tj", "Hello world"],
    ["escaped parentheses and backslash", "(a \\(b\\) c\\\\d) Tj", "a (b) c\\d"],
    ["balanced parentheses need no escape", "(f(x) = y) Tj", "f(x) = y"],
    ["octal escape decoded as WinAnsi", "(Jos\\351 N\\372\\361ez) Tj", "José Núñez"],
    ["hex string", "<4A6F73E9> Tj", "José"],
    ["hex string with WinAnsi extras", "<93436F726594> Tj", "“Core”"],
    ["TJ array with kerning and a word gap", "[(Ke) 20 (rn) -300 (ing)] TJ", "Kern ing"],
    ["T* starts a new line", "14 TL (one) Tj T* (two) Tj", "one\ntwo"],
    ["quote operator starts a new line", "14 TL (one) Tj (two) '", "one\ntwo"],
    ["vertical Td starts a new line, horizontal does not", "(a) Tj 0 -14 Td (b) Tj 20 0 Td (c) Tj", "a\nbc"],
  ])("%s", async (_label, operators, expected) => {
    for (const compress of [true, false]) {
      expect(await extractPdfText(await pdfWithContent(operators, compress))).toBe(expected);
    }
  });

  test("reads text drawn through pdf-lib's own API across pages", async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.TimesRoman);
    doc.addPage().drawText("First page\nsecond line", { x: 50, y: 500, font, size: 12 });
    doc.addPage().drawText("Zoë – “quoted”", { x: 50, y: 500, font, size: 12 });
    expect(await extractPdfText(await doc.save())).toBe("First page\nsecond line\n\f\nZoë – “quoted”");
  });
});
