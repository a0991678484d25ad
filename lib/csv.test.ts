import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { neutralizeFormula, parseCsv, toCsvField, toCsvRow } from "@/lib/csv";

describe("toCsvField", () => {
  test.each([
    ["plain", "plain"],
    ["", ""],
    [null, ""],
    [undefined, ""],
    [42, "42"],
    [-0.5, "-0.5"],
    [true, "true"],
    [Number.NaN, ""],
    [new Date("2026-03-01T12:00:00Z"), "2026-03-01T12:00:00.000Z"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["line\nbreak", '"line\nbreak"'],
    ["cr\rlf", '"cr\rlf"'],
    ["O'Brien", "O'Brien"],
    ["Zoë Müller", "Zoë Müller"],
  ])("%j → %j", (value, expected) => {
    expect(toCsvField(value)).toBe(expected);
  });
});

describe("formula injection", () => {
  test.each([
    ["=1+1", "'=1+1"],
    ["+1+1", "'+1+1"],
    ["-1+1", "'-1+1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", `"'\tcmd"`],
    ["\rcmd", `"'\rcmd"`],
    ["Probe Ee;=1+2;x", `"Probe Ee;=1+2;x"`],
    ["a;b", `"a;b"`],
    ["a\tb", `"a\tb"`],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ["-0.20", "-0.20"],
    ["+3", "+3"],
    ["- a bullet", "'- a bullet"],
    ["a=b", "a=b"],
  ])("%j → %j", (value, expected) => {
    expect(toCsvField(value)).toBe(expected);
  });

  test("bigints (audit ids) print as integers", () => {
    expect(toCsvField(12n)).toBe("12");
  });

  test("numbers are never prefixed, whatever their sign", () => {
    expect(toCsvField(-20)).toBe("-20");
    expect(neutralizeFormula("-20")).toBe("-20");
  });
});

describe("toCsvRow", () => {
  test("joins fields with commas and ends with CRLF", () => {
    expect(toCsvRow(["a", 1, null, "b,c"])).toBe('a,1,,"b,c"\r\n');
  });

  test("an empty row is just the line end", () => {
    expect(toCsvRow([])).toBe("\r\n");
  });

  test("round-trips through a parser for any text (after the formula guard)", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const text = rows.map((r) => toCsvRow(r)).join("");
        expect(parseCsv(text)).toEqual(rows.map((r) => r.map(neutralizeFormula)));
      }),
    );
  });
});
