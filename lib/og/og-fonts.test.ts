import { describe, expect, test } from "vitest";
import { ogFontFamily, prepareOgText } from "./og-fonts.server";

// next/og fetches a font from Google for any character its fonts lack: prepareOgText must hand it
// a font for every character it leaves in, and turn the rest into "?".
describe("prepareOgText", () => {
  test.each([
    { name: "plain Latin", input: "Casey Certified", drawn: "Casey Certified", files: 1 },
    { name: "Vietnamese", input: "Nguyễn Văn An", drawn: "Nguyễn Văn An", files: 2 },
    { name: "one Chinese character: Latin + its CJK chunk", input: "李", drawn: "李", files: 2 },
    { name: "emoji has no font", input: "Sam 💪", drawn: "Sam ?", files: 1 },
    { name: "a ZWJ emoji sequence is one ?", input: "A 👩‍🔬", drawn: "A ?", files: 1 },
    { name: "control characters", input: "a\u0007b", drawn: "a?b", files: 1 },
  ])("$name", ({ input, drawn, files }) => {
    const { text, fonts } = prepareOgText({ name: input });
    expect(text.name).toBe(drawn);
    // Two weights per file; Latin is always loaded.
    expect(fonts).toHaveLength(files * 2);
    expect(new Set(fonts.map((f) => f.weight))).toEqual(new Set([400, 700]));
    expect(ogFontFamily(fonts).split(", ")).toHaveLength(files);
  });

  test("decomposed input is drawn composed (NFC)", () => {
    expect(prepareOgText({ t: "Nguye\u0302\u0303n" }).text.t).toBe("Nguyễn");
  });
});
