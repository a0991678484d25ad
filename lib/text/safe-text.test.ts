import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { escapeLike, findForbiddenChar, readSearchText, refusedQueryMessage, ZSearchText, ZText } from "@/lib/text/safe-text";

const ZName = ZText({ min: 2, max: 100, minMessage: "Enter your full name." });

describe("ZText", () => {
  test.each([
    ["NUL", "Ada\u0000Lovelace", /NUL byte \(U\+0000\)/],
    ["bidi override", "Ada \u202Eecalevol", /text-direction override \(U\+202E\)/],
    ["right-to-left isolate", "Ada\u2067x", /text-direction control \(U\+2067\)/],
    ["zero-width space", "Ada\u200BLovelace", /zero-width space \(U\+200B\)/],
    ["zero-width joiner", "Ada\u200DLovelace", /zero-width joiner/],
    ["left-to-right mark", "Ada\u200ELovelace", /left-to-right mark/],
    ["BOM inside", "Ada\uFEFFLovelace", /U\+FEFF/],
    ["soft hyphen", "Ada\u00ADLovelace", /U\+00AD/],
    ["line break", "Ada\nLovelace", /line break/],
    ["tab", "Ada\tLovelace", /tab/],
    ["escape", "Ada\u001BLovelace", /U\+001B/],
    ["C1 control", "Ada\u0085Lovelace", /U\+0085/],
    ["line separator", "Ada\u2028Lovelace", /U\+2028/],
    ["lone surrogate", "Ada\uD800Lovelace", /U\+D800/],
  ])("refuses %s with a message naming it", (_name, input, message) => {
    const result = ZName.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(message);
  });

  test.each([
    ["trims", "  Ada Lovelace  ", "Ada Lovelace"],
    ["NFC-normalises", "Zoe\u0308 Mu\u0308ller", "Zoë Müller"],
    ["keeps letters of every script", "Łukasz Żółć", "Łukasz Żółć"],
    ["keeps Arabic (right-to-left without controls)", "محمد علي", "محمد علي"],
    ["keeps emoji", "Ada 💪", "Ada 💪"],
    ["keeps apostrophes and hyphens", "O'Brien-Smith", "O'Brien-Smith"],
  ])("%s", (_name, input, output) => {
    expect(ZName.parse(input)).toBe(output);
  });

  test("min and max apply after normalising", () => {
    expect(ZName.safeParse(" a ").error?.issues[0].message).toBe("Enter your full name.");
    expect(ZName.safeParse("x".repeat(101)).success).toBe(false);
    expect(ZName.safeParse(`${"x".repeat(100)}   `).success).toBe(true);
  });

  test("multi-line fields keep line breaks and tabs but nothing else", () => {
    const ZNote = ZText({ max: 100, multiline: true });
    expect(ZNote.parse("line one\nline two\tend")).toBe("line one\nline two\tend");
    expect(ZNote.safeParse("line\u0000").success).toBe(false);
    expect(ZNote.safeParse("line\u202E").success).toBe(false);
  });

  test("whatever the input, the result never holds a refused character", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (input) => {
        const result = ZName.safeParse(input);
        if (result.success) expect(findForbiddenChar(result.data)).toBeNull();
        else expect(result.error.issues[0].message.length).toBeGreaterThan(5);
      }),
    );
  }, 30_000);
});

describe("search text", () => {
  test("readSearchText drops refused or empty text and normalises the rest", () => {
    expect(readSearchText(" zoe\u0301 ")).toBe("zoé");
    expect(readSearchText("a\u0000")).toBeUndefined();
    expect(readSearchText("a\u202E")).toBeUndefined();
    expect(readSearchText("   ")).toBeUndefined();
    expect(readSearchText(undefined)).toBeUndefined();
    expect(readSearchText("x".repeat(200))).toBeUndefined();
  });

  test("ZSearchText says how long a search may be", () => {
    expect(ZSearchText(10).safeParse("x".repeat(11)).error?.issues[0].message).toBe("Search for at most 10 characters.");
  });

  test.each([
    ["%", "\\%"],
    ["_", "\\_"],
    ["100%_off\\", "100\\%\\_off\\\\"],
    ["plain", "plain"],
  ])("escapeLike(%j) = %j", (input, output) => {
    expect(escapeLike(input)).toBe(output);
  });
});

describe("refusedQueryMessage", () => {
  test.each([
    ["q=%00", /NUL/],
    ["q=a%E2%80%AEb", /U\+202E/],
    ["q=a%E2%80%8Bb", /U\+200B/],
    ["page=1&actor=x%0Ay", /line break/],
    ["%00=1", /NUL/],
  ])("refuses %s", (query, message) => {
    expect(refusedQueryMessage(query)).toMatch(message);
  });

  test.each(["", "?", "q=Zo%C3%AB+M%C3%BCller&page=2", "callbackUrl=%2Fadmin%2Fusers", "q=100%25"])("accepts %j", (query) => {
    expect(refusedQueryMessage(query)).toBeNull();
  });
});
