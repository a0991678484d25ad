import { describe, expect, test } from "vitest";
import { cycleStartOn, listCycles, summarizeCredits } from "@/lib/credits/cycle";

// Cycles from the expiry the trainer's card states (cycle.ts, cycleStartOn): cycles end on the
// stated date and step back by the body's cycle length; the stub before the first boundary
// joins the first cycle.

describe("cycleStartOn", () => {
  test.each([
    // [first certified, stated expiry, cycle months, index, first day of that cycle]
    ["2024-03-15", null, 24, 1, "2026-03-15"], // no expiry: anniversaries
    ["2024-03-15", null, 24, 0, "2024-03-15"],
    ["2024-03-15", "2026-03-31", 24, 0, "2024-03-15"],
    ["2024-03-15", "2026-03-31", 24, 1, "2026-04-01"], // ACE style: month-end expiry, the stub joins cycle 0
    ["2024-03-15", "2026-03-31", 24, 2, "2028-04-01"],
    ["2024-03-15", "2028-03-31", 24, 1, "2026-04-01"], // renewed card: same cycles
    ["2024-03-15", "2028-03-31", 24, 2, "2028-04-01"],
    ["2024-04-01", "2026-03-31", 24, 1, "2026-04-01"], // certified exactly on a boundary: a full first cycle
    ["2024-03-15", "2025-06-30", 24, 1, "2025-07-01"], // card expires within one cycle: the first cycle ends on it
    ["2024-03-15", "2025-06-30", 24, 2, "2027-07-01"],
    ["2023-06-10", "2025-06-30", 12, 1, "2024-07-01"], // 12-month body: the stub joins year 1
    ["2023-06-10", "2025-06-30", 12, 2, "2025-07-01"],
    ["2024-02-29", "2026-02-28", 24, 1, "2026-03-01"], // leap day certified
    ["2020-01-31", "2026-01-30", 24, 1, "2022-01-31"], // stepping back from the 31st
  ])("certified %s, card expires %s, %i-month cycles: cycle %i starts %s", (first, expiresOn, months, index, expected) => {
    expect(cycleStartOn({ firstCertifiedOn: first, expiresOn, cycleMonths: months }, index)).toBe(expected);
  });

  test("an expiry on or before the date first certified is refused", () => {
    expect(() => cycleStartOn({ firstCertifiedOn: "2024-03-15", expiresOn: "2024-03-14", cycleMonths: 24 }, 1)).toThrow(/must come after/);
  });
});

describe("listCycles with a stated expiry", () => {
  test("the current cycle ends on the stated expiry", () => {
    const cycles = listCycles({ body: "ACE", firstCertifiedOn: "2024-03-15", expiresOn: "2026-03-31", timeZone: "UTC", until: new Date("2026-03-01T00:00:00Z") });
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toMatchObject({ startsOn: "2024-03-15", endsOn: "2026-03-31", requiredHundredths: 200 });
  });

  test("past the stated expiry, cycles continue by the body's length", () => {
    const cycles = listCycles({ body: "ACE", firstCertifiedOn: "2024-03-15", expiresOn: "2026-03-31", timeZone: "UTC", until: new Date("2026-04-02T00:00:00Z") });
    expect(cycles.map((c) => [c.startsOn, c.endsOn])).toEqual([
      ["2024-03-15", "2026-03-31"],
      ["2026-04-01", "2028-03-31"],
    ]);
  });

  test("NFPT's first-year exemption and carry-forward follow the stated cycles", () => {
    const summary = summarizeCredits({
      body: "NFPT",
      firstCertifiedOn: "2023-06-10",
      expiresOn: "2025-06-30",
      timeZone: "UTC",
      now: new Date("2025-05-01T00:00:00Z"),
      entries: [
        { certifyingBody: "NFPT", amountHundredths: 150, occurredAt: new Date("2024-06-20T12:00:00Z") }, // year 0 (stub + first year)
        { certifyingBody: "NFPT", amountHundredths: 40, occurredAt: new Date("2024-07-02T12:00:00Z") }, // year 1
      ],
    });
    expect(summary.history.map((h) => [h.cycle.startsOn, h.cycle.endsOn, h.required, h.earned, h.carriedIn])).toEqual([
      ["2023-06-10", "2024-06-30", 0, 150, 0],
      ["2024-07-01", "2025-06-30", 200, 40, 150],
    ]);
    expect(summary.current.remainingHundredths).toBe(10);
  });
});
