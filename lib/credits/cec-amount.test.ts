import { describe, expect, test } from "vitest";
import { formatCec, parseCecAmount } from "@/lib/credits/cec-amount";

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
