import { describe, expect, test } from "vitest";
import { describeAuditData, humanizeKey } from "./audit-details";

describe("humanizeKey", () => {
  test.each([
    ["scorePercent", "Score percent"],
    ["amountHundredths", "Amount"],
    ["hundredths", "Amount"],
    ["to_version", "To version"],
    ["reason", "Reason"],
  ])("%s → %s", (key, expected) => expect(humanizeKey(key)).toBe(expected));
});

describe("describeAuditData", () => {
  test.each([
    ["a role change", { from: "TRAINER", to: "ADMIN" }, [{ label: "Value", before: "TRAINER", after: "ADMIN" }]],
    [
      "before/after objects, unchanged keys left out",
      { before: { name: "Sam", timeZone: "UTC" }, after: { name: "Sam", timeZone: "America/Chicago" } },
      [{ label: "Time zone", before: "UTC", after: "America/Chicago" }],
    ],
    ["xFrom/xTo pairs", { statusFrom: "ISSUED", statusTo: "REVOKED" }, [{ label: "Status", before: "ISSUED", after: "REVOKED" }]],
    [
      "facts: credit, booleans, strings; userId hidden",
      { amountHundredths: 40, passed: true, reason: "Late entry", userId: "u1" },
      [
        { label: "Amount", value: "0.40" },
        { label: "Passed", value: "Yes" },
        { label: "Reason", value: "Late entry" },
      ],
    ],
    ["lists and nothing", { codes: ["A", "B"], note: null }, [{ label: "Codes", value: "A, B" }, { label: "Note", value: "—" }]],
    ["not an object", "plain", [{ label: "Value", value: "plain" }]],
    ["null", null, []],
  ])("%s", (_name, data, expected) => {
    expect(describeAuditData(data)).toEqual(expected);
  });

  test("long values are cut with an ellipsis", () => {
    const [line] = describeAuditData({ message: "x".repeat(400) });
    expect(line.value?.length).toBe(160);
    expect(line.value?.endsWith("…")).toBe(true);
  });
});
