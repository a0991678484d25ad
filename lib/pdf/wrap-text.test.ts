import { PDFDocument, type PDFFont, StandardFonts } from "pdf-lib";
import { beforeAll, describe, expect, test } from "vitest";
import { type TWrapOptions, wrapLines, wrapText } from "@/lib/pdf/wrap-text";

describe("wrapText (in a monospace font, so widths are character counts; a line holds 5)", () => {
  let font: PDFFont;
  beforeAll(async () => {
    font = await (await PDFDocument.create()).embedFont(StandardFonts.Courier);
  });
  const width = () => font.widthOfTextAtSize("abcde", 10) + 0.01;
  test.each<[string, string, TWrapOptions, string[] | null]>([
    ["fits", "ab cd", {}, ["ab cd"]],
    ["empty", "", {}, [""]],
    ["breaks at words", "aaaa bbbb cccc", {}, ["aaaa", "bbbb", "cccc"]],
    ["packs words greedily", "ab cd ef gh", {}, ["ab cd", "ef gh"]],
    ["runs of spaces count as one", "ab   cd", {}, ["ab cd"]],
    ["a newline starts a line", "ab\ncd", {}, ["ab", "cd"]],
    ["cuts a word wider than the line", "abcdefghijkl", {}, ["abcde", "fghij", "kl"]],
    ["a URL (no spaces) is cut at characters", "https://x.y/z", {}, ["https", "://x.", "y/z"]],
    ["a cut word continues the line", "ab abcdefg h", {}, ["ab", "abcde", "fg h"]],
    ["fails on a word wider than the line when asked", "ab abcdefg", { longWords: "fail" }, null],
    ["within maxLines", "aaaa bbbb", { maxLines: 2 }, ["aaaa", "bbbb"]],
    ["fails past maxLines", "aaaa bbbb cccc", { maxLines: 2 }, null],
  ])("%s", (_name, text, options, lines) => {
    expect(wrapText(font, text, 10, width(), options)).toEqual(lines);
  });

  test("wrapLines never fails", () => {
    expect(wrapLines(font, "abcdefghijkl", 10, width())).toEqual(["abcde", "fghij", "kl"]);
  });
});
