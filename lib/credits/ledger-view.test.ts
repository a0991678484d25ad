import { describe, expect, test } from "vitest";
import { ZAdjustCreditBody } from "@/lib/credits/ledger-schemas";
import { cycleProgress, dbDateToIso, ledgerTotals, pickCertificate } from "@/lib/credits/ledger-view";

describe("ledgerTotals", () => {
  test("sums by kind and overall", () => {
    expect(
      ledgerTotals([
        { kind: "AWARD", amountHundredths: 40 },
        { kind: "AWARD", amountHundredths: 20 },
        { kind: "ADJUSTMENT", amountHundredths: -10 },
        { kind: "ADJUSTMENT", amountHundredths: 50 },
        { kind: "REVERSAL", amountHundredths: -20 },
      ]),
    ).toEqual({ awardsHundredths: 60, adjustmentsHundredths: 40, reversalsHundredths: -20, netHundredths: 80, count: 5 });
  });

  test("empty", () => {
    expect(ledgerTotals([]).netHundredths).toBe(0);
  });
});

describe("pickCertificate", () => {
  test.each([
    ["none", [], null],
    ["newest issued wins over a newer revoked", [{ code: "B", status: "REVOKED" }, { code: "A", status: "ISSUED" }], "A"],
    ["only revoked", [{ code: "B", status: "REVOKED" }], "B"],
    ["newest issued", [{ code: "C", status: "ISSUED" }, { code: "A", status: "ISSUED" }], "C"],
  ] as const)("%s", (_name, certs, code) => {
    expect(pickCertificate<{ code: string; status: "ISSUED" | "REVOKED" }>(certs)?.code ?? null).toBe(code);
  });
});

describe("dates", () => {
  test("a @db.Date value reads back as its calendar date", () => {
    expect(dbDateToIso(new Date("2024-02-29T00:00:00.000Z"))).toBe("2024-02-29");
  });
});

describe("cycleProgress", () => {
  test.each([
    ["half way", { earnedHundredths: 100, carriedInHundredths: 0, requiredHundredths: 200 }, 100, 50],
    ["carry-forward counts", { earnedHundredths: 60, carriedInHundredths: 80, requiredHundredths: 200 }, 140, 70],
    ["over the requirement caps at 100", { earnedHundredths: 300, carriedInHundredths: 0, requiredHundredths: 200 }, 300, 100],
    ["negative total shows empty", { earnedHundredths: -20, carriedInHundredths: 0, requiredHundredths: 200 }, -20, 0],
    ["nothing required is complete", { earnedHundredths: 0, carriedInHundredths: 0, requiredHundredths: 0 }, 0, 100],
    ["rounds down", { earnedHundredths: 199, carriedInHundredths: 0, requiredHundredths: 200 }, 199, 99],
  ])("%s", (_name, current, counted, percent) => {
    expect(cycleProgress(current)).toEqual({ countedHundredths: counted, percent });
  });
});

describe("ZAdjustCreditBody", () => {
  test.each([
    ["positive", { amount: "0.50", reason: "Conference attendance" }, 50],
    ["negative", { amount: "-0.20", reason: "Duplicate award" }, -20],
    ["whole number", { amount: "2", reason: "Imported history" }, 200],
    ["trims", { amount: " 1.5 ", reason: "  Imported history  " }, 150],
  ])("accepts %s", (_name, body, hundredths) => {
    const parsed = ZAdjustCreditBody.parse(body);
    expect(parsed.amount).toBe(hundredths);
    expect(parsed.reason).toBe(body.reason.trim());
  });

  test.each([
    ["zero", { amount: "0.00", reason: "Nothing at all" }, /cannot be zero/],
    ["three decimals", { amount: "0.125", reason: "Too precise" }, /two decimal places/],
    ["not a number", { amount: "abc", reason: "Letters here" }, /not a decimal/],
    ["a JSON number", { amount: 0.5, reason: "Numbers are not strings" }, /string/],
    ["too large", { amount: "100.01", reason: "Typo probably" }, /at most 100.00/],
    ["short reason", { amount: "0.50", reason: " abc " }, /at least 5/],
    ["unknown field", { amount: "0.50", reason: "Valid reason", scorePercent: 100 }, /Unrecognized key/],
  ])("refuses %s", (_name, body, message) => {
    const result = ZAdjustCreditBody.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join(" ")).toMatch(message);
  });
});
