import { describe, expect, test } from "vitest";
import {
  computeCourseCredit,
  formatCec,
  parseCecAmount,
  ZCourseCreditOverrides,
} from "@/lib/credits/cec-amount";

describe("parseCecAmount", () => {
  test.each([
    ["0.4", 40],
    ["0.40", 40],
    ["0.400", 40], // trailing zeros are exact, so accepted
    ["2", 200],
    ["2.0", 200],
    ["2.00", 200],
    [" 1.5 ", 150],
    [".5", 50],
    ["+0.2", 20],
    ["0", 0],
    ["-0", 0],
    ["007.05", 705],
    ["12.34", 1234],
    [0.4, 40],
    [0.2, 20],
    [2, 200],
    [1.05, 105],
    [0, 0],
    [-0, 0],
  ])("%j → %i hundredths", (input, expected) => {
    expect(parseCecAmount(input)).toBe(expected);
  });

  test("never returns -0", () => {
    expect(Object.is(parseCecAmount("-0.00", { allowNegative: true }), 0)).toBe(true);
  });

  test.each([
    ["-0.2", -20],
    ["-2", -200],
    [-0.25, -25],
    ["-.5", -50],
  ])("negative %j → %i when allowed", (input, expected) => {
    expect(parseCecAmount(input, { allowNegative: true })).toBe(expected);
  });

  test.each([
    ["0.125", /more than two decimal places/],
    [0.125, /more than two decimal places/],
    [0.1 + 0.2, /more than two decimal places/], // 0.30000000000000004
    ["-0.2", /must not be negative/],
    [-1, /must not be negative/],
    ["", /not a decimal number/],
    ["   ", /not a decimal number/],
    ["abc", /not a decimal number/],
    ["1,5", /not a decimal number/],
    ["2.", /not a decimal number/],
    [".", /not a decimal number/],
    ["+", /not a decimal number/],
    ["1e2", /not a decimal number/],
    [1e-7, /not a decimal number/],
    ["0x10", /not a decimal number/],
    [Number.NaN, /finite/],
    [Number.POSITIVE_INFINITY, /finite/],
    ["1234567890123", /too large/],
  ])("rejects %j", (input, message) => {
    expect(() => parseCecAmount(input)).toThrow(message);
  });

  test("rejects a value that is neither string nor number", () => {
    expect(() => parseCecAmount(null as unknown as string)).toThrow(/string or a number/);
  });
});

describe("formatCec", () => {
  test.each([
    [0, "0.00"],
    [40, "0.40"],
    [-20, "-0.20"],
    [200, "2.00"],
    [5, "0.05"],
    [-5, "-0.05"],
    [1234, "12.34"],
    [100_000, "1000.00"],
    [-0, "0.00"],
  ])("%i → %s", (hundredths, expected) => {
    expect(formatCec(hundredths)).toBe(expected);
  });

  test.each([[0.5], [Number.NaN], [Number.POSITIVE_INFINITY]])("rejects non-integer %s", (value) => {
    expect(() => formatCec(value)).toThrow(/integer hundredths/);
  });

  test.each(["0.40", "2.00", "-0.05", "13.37"])("round-trips %s", (text) => {
    expect(formatCec(parseCecAmount(text, { allowNegative: true }))).toBe(text);
  });
});

describe("computeCourseCredit", () => {
  test.each([
    // body, minutes, hundredths, unit
    ["NFPT", 60, 20, "CEC"],
    ["NFPT", 90, 30, "CEC"],
    ["NFPT", 600, 200, "CEC"], // 10 hours = the yearly 2.0
    ["NFPT", 2, 0, "CEC"], // 0.67 hundredths, floored
    ["NFPT", 3, 1, "CEC"],
    ["NFPT", 59, 19, "CEC"], // 19.67 floored, never rounded up
    ["ACE", 60, 10, "CEC"],
    ["ACE", 45, 7, "CEC"], // 7.5 floored
    ["ACE", 1200, 200, "CEC"], // 20 hours = the two-year 2.0
    ["NASM", 60, 10, "CEU"],
    ["NASM", 150, 25, "CEU"],
    ["OTHER", 60, 10, "CE credits"],
    ["OTHER", 0, 0, "CE credits"],
  ] as const)("%s, %i contact minutes → %i %s", (body, contactMinutes, hundredths, unit) => {
    expect(computeCourseCredit({ body, contactMinutes })).toEqual({ hundredths, courseNumber: null, unit });
  });

  test.each([
    ["NFPT", { cec: 0.4, courseNumber: "NFPT-2024-117" }, 40, "NFPT-2024-117", "CEC"],
    ["NFPT", { cec: "0.4" }, 40, null, "CEC"],
    ["ACE", { cec: "0.35", courseNumber: " ACE-9 " }, 35, "ACE-9", "CEC"],
    ["NASM", { cec: 1, courseNumber: "" }, 100, null, "CEU"],
  ] as const)("%s override %j wins over minutes", (body, override, hundredths, courseNumber, unit) => {
    expect(computeCourseCredit({ body, contactMinutes: 600, override })).toEqual({ hundredths, courseNumber, unit });
  });

  test.each([
    [{ contactMinutes: -1 }, /Contact minutes/],
    [{ contactMinutes: 1.5 }, /Contact minutes/],
    [{ contactMinutes: Number.NaN }, /Contact minutes/],
    [{ contactMinutes: 60, override: { cec: "0.125" } }, /two decimal places/],
    [{ contactMinutes: 60, override: { cec: -0.2 } }, /negative/],
  ])("rejects %j", (input, message) => {
    expect(() => computeCourseCredit({ body: "NFPT", ...input })).toThrow(message);
  });

  test("rejects an unknown body", () => {
    expect(() => computeCourseCredit({ body: "XYZ" as "NFPT", contactMinutes: 60 })).toThrow(/Unknown certifying body/);
  });
});

describe("ZCourseCreditOverrides", () => {
  test.each([
    [{}, true],
    [{ NFPT: { cec: 0.4, courseNumber: "N-1" } }, true],
    [{ ACE: { cec: "0.25" }, NASM: { cec: 1 } }, true],
    [{ NFPT: { cec: 0.125 } }, false],
    [{ NFPT: { cec: "-1" } }, false],
    [{ NFPT: { cec: "abc" } }, false],
    [{ NFPT: { cec: 0.4, courseNumber: "  " } }, false],
    [{ XYZ: { cec: 0.4 } }, false],
  ])("%j valid: %s", (input, valid) => {
    expect(ZCourseCreditOverrides.safeParse(input).success).toBe(valid);
  });

  test("carries the parser's message", () => {
    const result = ZCourseCreditOverrides.safeParse({ NFPT: { cec: "0.125" } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/two decimal places/);
  });
});
