import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { TCertifyingBody } from "@/lib/credits/certifying-bodies";
import {
  addCalendarMonths,
  creditsOverTime,
  daysBetween,
  findCycleAt,
  listCycles,
  startOfLocalDay,
  summarizeCredits as summarizeForBody,
  type TCreditEntry,
  toLocalDate,
  ZCalendarDate,
} from "@/lib/credits/cycle";

const at = (iso: string) => new Date(iso);
type TTableEntry = Omit<TCreditEntry, "certifyingBody"> & { certifyingBody?: TCertifyingBody };
const entry = (iso: string, amountHundredths: number, certifyingBody?: TCertifyingBody): TTableEntry => ({
  amountHundredths,
  occurredAt: at(iso),
  ...(certifyingBody ? { certifyingBody } : {}),
});
// Entries in these tables belong to the summary's own body unless a case names another.
function summarizeCredits(input: Omit<Parameters<typeof summarizeForBody>[0], "entries"> & { entries: readonly TTableEntry[] }) {
  return summarizeForBody({ ...input, entries: input.entries.map((e) => ({ certifyingBody: input.body, ...e })) });
}
const LA = "America/Los_Angeles";
const AKL = "Pacific/Auckland";

describe("addCalendarMonths", () => {
  test.each([
    ["2024-02-29", 12, "2025-02-28"], // leap day → Feb 28 in a non-leap year
    ["2024-02-29", 24, "2026-02-28"],
    ["2024-02-29", 36, "2027-02-28"],
    ["2024-02-29", 48, "2028-02-29"], // and back to Feb 29 when it exists
    ["2023-02-28", 12, "2024-02-28"], // Feb 28 stays Feb 28 even in a leap year
    ["2024-01-31", 1, "2024-02-29"],
    ["2023-01-31", 1, "2023-02-28"],
    ["2024-12-15", 1, "2025-01-15"],
    ["2024-05-10", -12, "2023-05-10"],
    ["2024-05-10", 0, "2024-05-10"],
  ])("%s + %i months = %s", (from, months, expected) => {
    expect(addCalendarMonths(from, months)).toBe(expected);
  });
});

describe("ZCalendarDate", () => {
  test.each([
    ["2024-02-29", true],
    ["2023-02-29", false],
    ["2023-02-30", false],
    ["2023-13-01", false],
    ["2023-00-10", false],
    ["2023-2-3", false],
    ["2023-02-03T00:00", false],
    ["", false],
  ])("%j valid: %s", (value, valid) => {
    expect(ZCalendarDate.safeParse(value).success).toBe(valid);
  });
});

describe("startOfLocalDay", () => {
  test.each([
    ["2024-01-01", "UTC", "2024-01-01T00:00:00.000Z"],
    ["2024-01-10", LA, "2024-01-10T08:00:00.000Z"], // PST
    ["2024-03-12", LA, "2024-03-12T07:00:00.000Z"], // PDT
    ["2024-03-10", LA, "2024-03-10T08:00:00.000Z"], // spring-forward day: midnight is still PST
    ["2024-11-03", LA, "2024-11-03T07:00:00.000Z"], // fall-back day: midnight is still PDT
    ["2024-11-04", LA, "2024-11-04T08:00:00.000Z"],
    ["2023-04-05", AKL, "2023-04-04T12:00:00.000Z"], // NZST +12
    ["2024-04-05", AKL, "2024-04-04T11:00:00.000Z"], // NZDT +13
    ["2024-04-07", AKL, "2024-04-06T11:00:00.000Z"], // DST ends 03:00 that day
    ["2024-09-29", AKL, "2024-09-28T12:00:00.000Z"], // DST starts 02:00 that day
    ["2024-01-01", "Asia/Kolkata", "2023-12-31T18:30:00.000Z"],
    ["2024-01-01", "Asia/Kathmandu", "2023-12-31T18:15:00.000Z"],
    ["2024-01-01", "Pacific/Kiritimati", "2023-12-31T10:00:00.000Z"], // +14
    ["2024-01-01", "Pacific/Pago_Pago", "2024-01-01T11:00:00.000Z"], // −11
    // Chile starts DST at 24:00: local 00:00 never happens, the day begins at 01:00 −03.
    ["2024-09-08", "America/Santiago", "2024-09-08T04:00:00.000Z"],
    // Chile ends DST at 24:00 back to 23:00: the next midnight happens once, at −04.
    ["2024-04-07", "America/Santiago", "2024-04-07T04:00:00.000Z"],
  ])("%s in %s begins at %s", (date, timeZone, expected) => {
    expect(startOfLocalDay(date, timeZone).toISOString()).toBe(expected);
  });

  test("rejects an unknown time zone with a clear message", () => {
    expect(() => startOfLocalDay("2024-01-01", "Mars/Olympus")).toThrow(/Unknown time zone "Mars\/Olympus"/);
  });
});

describe("toLocalDate and daysBetween", () => {
  test.each([
    ["2024-03-12T06:30:00Z", LA, "2024-03-11"],
    ["2024-03-12T07:30:00Z", LA, "2024-03-12"],
    ["2024-04-04T10:30:00Z", AKL, "2024-04-04"],
    ["2024-04-04T11:30:00Z", AKL, "2024-04-05"],
  ])("%s in %s is %s", (iso, timeZone, expected) => {
    expect(toLocalDate(at(iso), timeZone)).toBe(expected);
  });

  test.each([
    ["2024-01-01", "2024-01-01", 0],
    ["2024-01-01", "2025-01-01", 366],
    ["2025-01-01", "2026-01-01", 365],
    ["2024-03-09", "2024-03-11", 2], // across the US DST change, still whole days
    ["2024-01-02", "2024-01-01", -1],
  ])("%s → %s = %i days", (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });
});

describe("listCycles", () => {
  const shape = (body: TCertifyingBody, firstCertifiedOn: string, untilIso: string, timeZone = "UTC") =>
    listCycles({ body, firstCertifiedOn, timeZone, until: at(untilIso) }).map((c) => [
      c.index,
      c.startsOn,
      c.endsOn,
      c.requiredHundredths,
    ]);

  test.each([
    [
      "NFPT yearly, first year exempt",
      "NFPT",
      "2020-06-15",
      "2023-07-01T00:00:00Z",
      [
        [0, "2020-06-15", "2021-06-14", 0],
        [1, "2021-06-15", "2022-06-14", 200],
        [2, "2022-06-15", "2023-06-14", 200],
        [3, "2023-06-15", "2024-06-14", 200],
      ],
    ],
    [
      "ACE two-year cycles, first cycle required",
      "ACE",
      "2020-06-15",
      "2023-07-01T00:00:00Z",
      [
        [0, "2020-06-15", "2022-06-14", 200],
        [1, "2022-06-15", "2024-06-14", 200],
      ],
    ],
    ["NASM two-year cycle", "NASM", "2020-06-15", "2020-06-15T00:00:00Z", [[0, "2020-06-15", "2022-06-14", 200]]],
    ["OTHER two-year cycle", "OTHER", "2020-06-15", "2022-06-15T00:00:00Z", [
      [0, "2020-06-15", "2022-06-14", 200],
      [1, "2022-06-15", "2024-06-14", 200],
    ]],
    [
      "NFPT certified on a leap day",
      "NFPT",
      "2024-02-29",
      "2028-03-01T00:00:00Z",
      [
        [0, "2024-02-29", "2025-02-27", 0],
        [1, "2025-02-28", "2026-02-27", 200],
        [2, "2026-02-28", "2027-02-27", 200],
        [3, "2027-02-28", "2028-02-28", 200],
        [4, "2028-02-29", "2029-02-27", 200],
      ],
    ],
    [
      "ACE certified on a leap day",
      "ACE",
      "2024-02-29",
      "2028-03-01T00:00:00Z",
      [
        [0, "2024-02-29", "2026-02-27", 200],
        [1, "2026-02-28", "2028-02-28", 200],
        [2, "2028-02-29", "2030-02-27", 200],
      ],
    ],
    ["until before certification: the first cycle", "ACE", "2024-05-01", "2020-01-01T00:00:00Z", [
      [0, "2024-05-01", "2026-04-30", 200],
    ]],
    ["until one ms before the boundary", "NFPT", "2020-01-01", "2020-12-31T23:59:59.999Z", [[0, "2020-01-01", "2020-12-31", 0]]],
    ["until exactly at the boundary", "NFPT", "2020-01-01", "2021-01-01T00:00:00Z", [
      [0, "2020-01-01", "2020-12-31", 0],
      [1, "2021-01-01", "2021-12-31", 200],
    ]],
  ] as const)("%s", (_name, body, first, untilIso, expected) => {
    expect(shape(body, first, untilIso)).toEqual(expected);
  });

  test("cycles are contiguous and bounded by local midnights across DST", () => {
    const cycles = listCycles({ body: "NFPT", firstCertifiedOn: "2023-01-10", timeZone: LA, until: at("2030-01-01T00:00:00Z") });
    expect(cycles).toHaveLength(7); // 2023-01-10 … 2029-01-10, the last containing 2030-01-01
    for (const [i, cycle] of cycles.entries()) {
      expect(cycle.startsAt.toISOString()).toBe(startOfLocalDay(cycle.startsOn, LA).toISOString());
      if (i > 0) expect(cycle.startsAt).toEqual(cycles[i - 1].endsAt);
    }
    expect(cycles[0].startsAt.toISOString()).toBe("2023-01-10T08:00:00.000Z");
    expect(cycles[0].endsAt.toISOString()).toBe("2024-01-10T08:00:00.000Z");
  });

  test.each([
    [{ firstCertifiedOn: "2023-02-30" }, /calendar date/],
    [{ firstCertifiedOn: "23-01-01" }, /calendar date/],
    [{ timeZone: "Not/AZone" }, /Unknown time zone/],
    [{ until: new Date(Number.NaN) }, /until must be a valid Date/],
    [{ body: "XYZ" as TCertifyingBody }, /Unknown certifying body/],
  ])("rejects %j", (override, message) => {
    const input = { body: "NFPT" as TCertifyingBody, firstCertifiedOn: "2023-01-01", timeZone: "UTC", until: at("2024-01-01T00:00:00Z") };
    expect(() => listCycles({ ...input, ...override })).toThrow(message);
  });
});

describe("findCycleAt: boundaries at local midnight in the trainer's zone", () => {
  test.each([
    // zone, certified, instant, local wall time, expected cycle index
    [LA, "2023-01-10", "2024-01-10T07:30:00Z", "23:30 PST on the last day", 0],
    [LA, "2023-01-10", "2024-01-10T08:30:00Z", "00:30 PST the next day", 1],
    // Certified in PST (2023-03-12, before the 02:00 change); the anniversary falls in PDT, so
    // the boundary is 07:00Z, an hour earlier in UTC than a fixed −08:00 would put it.
    [LA, "2023-03-12", "2024-03-12T06:30:00Z", "23:30 PDT on the last day", 0],
    [LA, "2023-03-12", "2024-03-12T07:30:00Z", "00:30 PDT the next day", 1],
    [LA, "2023-03-12", "2024-03-12T06:59:59.999Z", "one ms before midnight", 0],
    [LA, "2023-03-12", "2024-03-12T07:00:00Z", "exactly midnight", 1],
    // Certified in NZST (+12); the anniversary falls in NZDT (+13).
    [AKL, "2023-04-05", "2024-04-04T10:30:00Z", "23:30 NZDT on the last day", 0],
    [AKL, "2023-04-05", "2024-04-04T11:30:00Z", "00:30 NZDT the next day", 1],
    [AKL, "2022-07-15", "2023-07-14T11:30:00Z", "23:30 NZST on the last day", 0],
    [AKL, "2022-07-15", "2023-07-14T12:30:00Z", "00:30 NZST the next day", 1],
    [AKL, "2022-07-15", "2022-07-14T11:30:00Z", "before certification", 0],
  ])("%s, certified %s: %s (%s) → cycle %i", (timeZone, firstCertifiedOn, iso, _wall, expected) => {
    expect(findCycleAt({ body: "NFPT", firstCertifiedOn, timeZone, at: at(iso) }).index).toBe(expected);
  });

  test("ACE in Auckland: the same instant is in different cycles by zone", () => {
    const instant = at("2024-04-04T11:30:00Z"); // 2024-04-05 00:30 in Auckland, 2024-04-04 in UTC
    const input = { body: "ACE" as const, firstCertifiedOn: "2022-04-05" };
    expect(findCycleAt({ ...input, timeZone: AKL, at: instant }).index).toBe(1);
    expect(findCycleAt({ ...input, timeZone: "UTC", at: instant }).index).toBe(0);
  });
});

describe("summarizeCredits", () => {
  const rows = (summary: ReturnType<typeof summarizeCredits>) =>
    summary.history.map((r) => [r.cycle.startsOn, r.earned, r.carriedIn, r.required, r.surplus, r.met]);

  test.each([
    [
      "NFPT: first year exempt; surplus moves one year forward, never onward",
      "NFPT",
      [
        entry("2020-03-01T12:00:00Z", 300), // year 0 requires nothing: all 300 is surplus
        entry("2022-05-01T12:00:00Z", 150),
        entry("2023-05-01T12:00:00Z", 100),
        entry("2024-02-01T12:00:00Z", 500),
      ],
      [
        // startsOn, earned, carriedIn, required, surplus, met
        ["2020-01-01", 300, 0, 0, 300, true],
        ["2021-01-01", 0, 300, 200, 0, true], // met from carried credit alone; the other 100 lapses
        ["2022-01-01", 150, 0, 200, 0, false], // year-0 credit does not reach year 2
        ["2023-01-01", 100, 0, 200, 0, false],
        ["2024-01-01", 500, 0, 200, 300, true],
      ],
    ],
    [
      "NFPT: year 1 surplus meets year 2 and not year 3; carried credit is used before the year's own",
      "NFPT",
      [
        entry("2020-03-01T12:00:00Z", 100), // year 0 (exempt): all surplus
        entry("2021-03-01T12:00:00Z", 350), // year 1: needs 100 of its own after the carried 100
        entry("2023-03-01T12:00:00Z", 50),
      ],
      [
        ["2020-01-01", 100, 0, 0, 100, true],
        ["2021-01-01", 350, 100, 200, 250, true],
        ["2022-01-01", 0, 250, 200, 0, true], // year 1's surplus meets year 2
        ["2023-01-01", 50, 0, 200, 0, false], // and is gone in year 3
        ["2024-01-01", 0, 0, 200, 0, false],
      ],
    ],
    [
      "only the summary's body counts: credit under another body never meets this one",
      "ACE",
      [entry("2020-05-01T12:00:00Z", 150), entry("2020-06-01T12:00:00Z", 400, "NFPT"), entry("2022-05-01T12:00:00Z", 90, "NASM")],
      [
        ["2020-01-01", 150, 0, 200, 0, false],
        ["2022-01-01", 0, 0, 200, 0, false],
        ["2024-01-01", 0, 0, 200, 0, false],
      ],
    ],
    [
      "ACE: no carry-over",
      "ACE",
      [entry("2020-05-01T12:00:00Z", 500), entry("2022-05-01T12:00:00Z", 100)],
      [
        ["2020-01-01", 500, 0, 200, 300, true],
        ["2022-01-01", 100, 0, 200, 0, false], // the 300 surplus of cycle 0 is gone
        ["2024-01-01", 0, 0, 200, 0, false],
      ],
    ],
    [
      "NASM: no carry-over",
      "NASM",
      [entry("2021-12-31T23:59:59Z", 250)],
      [
        ["2020-01-01", 250, 0, 200, 50, true],
        ["2022-01-01", 0, 0, 200, 0, false],
        ["2024-01-01", 0, 0, 200, 0, false],
      ],
    ],
    [
      "OTHER: no carry-over",
      "OTHER",
      [entry("2022-01-01T00:00:00Z", 250)],
      [
        ["2020-01-01", 0, 0, 200, 0, false],
        ["2022-01-01", 250, 0, 200, 50, true],
        ["2024-01-01", 0, 0, 200, 0, false],
      ],
    ],
    [
      "NFPT: negative adjustments and reversals reduce a cycle, never carry a debt",
      "NFPT",
      [
        entry("2020-06-01T00:00:00Z", 200),
        entry("2021-03-01T00:00:00Z", 300),
        entry("2021-04-01T00:00:00Z", -150), // admin adjustment
        entry("2021-05-01T00:00:00Z", -20), // reversal of an award
        entry("2022-02-01T00:00:00Z", -100),
        entry("2023-02-01T00:00:00Z", 200),
      ],
      [
        ["2020-01-01", 200, 0, 0, 200, true],
        ["2021-01-01", 130, 200, 200, 130, true],
        ["2022-01-01", -100, 130, 200, 0, false], // 30 < 200: surplus floors at 0
        ["2023-01-01", 200, 0, 200, 0, true],
        ["2024-01-01", 0, 0, 200, 0, false],
      ],
    ],
    [
      "entries before certification (a day or an hour) and after the current cycle count nowhere",
      "ACE",
      [entry("2019-12-31T12:00:00Z", 30), entry("2019-12-31T23:00:00Z", 40), entry("2020-01-01T00:00:00Z", 5), entry("2026-02-01T00:00:00Z", 999)],
      [
        ["2020-01-01", 5, 0, 200, 0, false],
        ["2022-01-01", 0, 0, 200, 0, false],
        ["2024-01-01", 0, 0, 200, 0, false],
      ],
    ],
  ] as const)("%s", (_name, body, entries, expected) => {
    const summary = summarizeCredits({
      body,
      firstCertifiedOn: "2020-01-01",
      timeZone: "UTC",
      now: at("2024-06-01T12:00:00Z"),
      entries,
    });
    expect(rows(summary)).toEqual(expected);
    const last = summary.history[summary.history.length - 1];
    expect(summary.current).toMatchObject({
      cycle: last.cycle,
      earnedHundredths: last.earned,
      carriedInHundredths: last.carriedIn,
      requiredHundredths: last.required,
      met: last.met,
    });
  });

  test("remaining counts the negative balance a trainer must make up", () => {
    const summary = summarizeCredits({
      body: "NFPT",
      firstCertifiedOn: "2020-01-01",
      timeZone: "UTC",
      now: at("2021-06-01T00:00:00Z"),
      entries: [entry("2020-06-01T00:00:00Z", 50), entry("2021-02-01T00:00:00Z", -100)],
    });
    expect(summary.current).toMatchObject({ earnedHundredths: -100, carriedInHundredths: 50, remainingHundredths: 250, met: false });
  });

  test.each([
    ["NFPT", 0, 0, true, 0],
    ["ACE", 200, 200, false, 0],
    ["NASM", 200, 200, false, 0],
    ["OTHER", 200, 200, false, 0],
  ] as const)("%s with zero entries in the first cycle: required %i, remaining %i, met %s", (body, required, remaining, met, earned) => {
    const summary = summarizeCredits({ body, firstCertifiedOn: "2023-01-10", timeZone: LA, now: at("2023-06-01T12:00:00Z"), entries: [] });
    expect(summary.current).toMatchObject({
      earnedHundredths: earned,
      carriedInHundredths: 0,
      requiredHundredths: required,
      remainingHundredths: remaining,
      met,
      warning: false,
    });
    expect(summary.history).toHaveLength(1);
  });

  test("entries at 23:30 and 00:30 local around a DST-shifted boundary land in different cycles", () => {
    const summary = summarizeCredits({
      body: "NFPT",
      firstCertifiedOn: "2023-03-12",
      timeZone: LA,
      now: at("2024-04-01T12:00:00Z"),
      entries: [entry("2024-03-12T06:30:00Z", 100), entry("2024-03-12T07:30:00Z", 50)],
    });
    expect(rows(summary)).toEqual([
      ["2023-03-12", 100, 0, 0, 100, true],
      ["2024-03-12", 50, 100, 200, 0, false],
    ]);
    expect(summary.current.remainingHundredths).toBe(50);
  });

  test("Auckland: entries either side of local midnight", () => {
    const summary = summarizeCredits({
      body: "ACE",
      firstCertifiedOn: "2022-04-05",
      timeZone: AKL,
      now: at("2024-05-01T00:00:00Z"),
      entries: [entry("2024-04-04T10:30:00Z", 120), entry("2024-04-04T11:30:00Z", 30)],
    });
    expect(rows(summary)).toEqual([
      ["2022-04-05", 120, 0, 200, 0, false],
      ["2024-04-05", 30, 0, 200, 0, false],
    ]);
  });

  test.each([
    // ACE certified 2022-01-10 in Los Angeles: cycle 0 ends on 2024-01-09, endsAt 2024-01-10T08:00Z.
    // now, local date, earned, cycle index, daysLeft, warning
    ["2023-06-01T12:00:00Z", "2023-06-01", 0, 0, 223, false],
    ["2023-11-11T07:30:00Z", "2023-11-10 23:30 PST", 0, 0, 61, false],
    ["2023-11-11T08:30:00Z", "2023-11-11 00:30 PST", 0, 0, 60, true], // exactly 60 days left
    ["2023-11-11T08:30:00Z", "2023-11-11, met", 200, 0, 60, false], // met: no warning
    ["2023-11-11T08:30:00Z", "2023-11-11, nearly met", 199, 0, 60, true],
    ["2024-01-09T12:00:00Z", "2024-01-09 04:00, last day", 0, 0, 1, true],
    ["2024-01-10T07:59:59Z", "2024-01-09 23:59:59, last day", 0, 0, 1, true],
    ["2024-01-10T08:00:00Z", "2024-01-10 00:00, new cycle", 0, 1, 731, false],
    ["2021-12-01T12:00:00Z", "before certification", 0, 0, 730, false],
  ])("now %s (%s), earned %i → cycle %i, daysLeft %i, warning %s", (nowIso, _local, earned, index, daysLeft, warning) => {
    const summary = summarizeCredits({
      body: "ACE",
      firstCertifiedOn: "2022-01-10",
      timeZone: LA,
      now: at(nowIso),
      entries: earned ? [entry("2022-06-01T00:00:00Z", earned)] : [],
    });
    expect(summary.current.cycle.index).toBe(index);
    expect(summary.current.daysLeft).toBe(daysLeft);
    expect(summary.current.warning).toBe(warning);
  });

  test.each([
    // NFPT certified on a leap day (UTC): year 0 ends 2025-02-27, year 1 starts 2025-02-28.
    ["NFPT", "2025-02-27T12:00:00Z", 0, "2025-02-27", 1],
    ["NFPT", "2025-02-28T00:00:00Z", 1, "2026-02-27", 365],
    ["NFPT", "2028-02-29T00:00:00Z", 4, "2029-02-27", 365],
    ["NFPT", "2028-02-28T23:00:00Z", 3, "2028-02-28", 1],
    ["ACE", "2026-02-27T23:59:59Z", 0, "2026-02-27", 1],
    ["ACE", "2026-02-28T00:00:00Z", 1, "2028-02-28", 731],
  ] as const)("%s certified 2024-02-29, now %s → cycle %i ending %s, daysLeft %i", (body, nowIso, index, endsOn, daysLeft) => {
    const summary = summarizeCredits({ body, firstCertifiedOn: "2024-02-29", timeZone: "UTC", now: at(nowIso), entries: [] });
    expect(summary.current.cycle).toMatchObject({ index, endsOn });
    expect(summary.current.daysLeft).toBe(daysLeft);
  });

  test("leap-day NFPT trainer: credit on Feb 28 2025 counts toward year 1", () => {
    const summary = summarizeCredits({
      body: "NFPT",
      firstCertifiedOn: "2024-02-29",
      timeZone: "UTC",
      now: at("2025-06-01T00:00:00Z"),
      entries: [entry("2025-02-27T23:30:00Z", 100), entry("2025-02-28T00:30:00Z", 50)],
    });
    expect(rows(summary)).toEqual([
      ["2024-02-29", 100, 0, 0, 100, true],
      ["2025-02-28", 50, 100, 200, 0, false],
    ]);
  });

  test("rejects non-integer amounts", () => {
    expect(() =>
      summarizeCredits({
        body: "ACE",
        firstCertifiedOn: "2022-01-10",
        timeZone: "UTC",
        now: at("2023-01-01T00:00:00Z"),
        entries: [entry("2022-06-01T00:00:00Z", 0.2)],
      }),
    ).toThrow(/integer hundredths/);
  });

  test("property: every entry up to the current cycle is counted exactly once, and carry-forward follows the rule", () => {
    const bodies = ["NFPT", "ACE", "NASM", "OTHER"] as const;
    const zones = ["UTC", LA, AKL, "America/Santiago", "Asia/Kathmandu"] as const;
    const from = Date.parse("2017-01-01T00:00:00Z");
    const to = Date.parse("2026-01-01T00:00:00Z");
    fc.assert(
      fc.property(
        fc.constantFrom(...bodies),
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 365 * 6 }),
        fc.array(fc.record({ ms: fc.integer({ min: from, max: to - 1 }), amount: fc.integer({ min: -300, max: 300 }), body: fc.constantFrom(...bodies) }), {
          maxLength: 20,
        }),
        (body, timeZone, offsetDays, raw) => {
          const firstCertifiedOn = new Date(Date.parse("2018-01-01T00:00:00Z") + offsetDays * 86_400_000).toISOString().slice(0, 10);
          const now = new Date(to);
          const entries = raw.map((r) => ({ amountHundredths: r.amount, occurredAt: new Date(r.ms), certifyingBody: r.body }));
          const summary = summarizeForBody({ body, firstCertifiedOn, timeZone, now, entries });
          const current = summary.current.cycle;
          const first = summary.history[0].cycle;
          const expectedTotal = raw
            .filter((r) => r.body === body && r.ms >= first.startsAt.getTime() && r.ms < current.endsAt.getTime())
            .reduce((sum, r) => sum + r.amount, 0);
          expect(summary.history.reduce((sum, row) => sum + row.earned, 0)).toBe(expectedTotal);
          for (const [i, row] of summary.history.entries()) {
            const previous = summary.history[i - 1];
            const carry = body === "NFPT" && previous ? previous.surplus : 0;
            expect(row.carriedIn).toBe(carry);
            // Only the cycle's own earnings beyond what it still needed move on, and only one cycle.
            expect(row.surplus).toBe(Math.max(0, row.earned - Math.max(0, row.required - row.carriedIn)));
            expect(row.surplus).toBeLessThanOrEqual(Math.max(0, row.earned));
            expect(row.met).toBe(row.earned + row.carriedIn >= row.required);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("creditsOverTime", () => {
  const entries = [
    entry("2024-01-05T18:00:00Z", -20),
    entry("2024-01-02T07:30:00Z", 40), // 2024-01-01 23:30 in Los Angeles
    entry("2024-01-02T08:30:00Z", 20), // 2024-01-02 00:30 in Los Angeles
    entry("2024-01-01T18:00:00Z", 10),
  ];

  test.each([
    [
      LA,
      [
        { date: "2024-01-01", cumulativeHundredths: 50 },
        { date: "2024-01-02", cumulativeHundredths: 70 },
        { date: "2024-01-05", cumulativeHundredths: 50 },
      ],
    ],
    [
      "UTC",
      [
        { date: "2024-01-01", cumulativeHundredths: 10 },
        { date: "2024-01-02", cumulativeHundredths: 70 },
        { date: "2024-01-05", cumulativeHundredths: 50 },
      ],
    ],
  ])("grouped by local day in %s", (timeZone, expected) => {
    expect(creditsOverTime(entries, { timeZone })).toEqual(expected);
  });

  test("defaults to UTC and returns nothing for no entries", () => {
    expect(creditsOverTime(entries)).toEqual(creditsOverTime(entries, { timeZone: "UTC" }));
    expect(creditsOverTime([])).toEqual([]);
  });

  test("does not reorder the caller's array", () => {
    const copy = [...entries];
    creditsOverTime(entries);
    expect(entries).toEqual(copy);
  });
});
