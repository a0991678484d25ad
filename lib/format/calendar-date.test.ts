import { describe, expect, test } from "vitest";
import { formatLongDate, formatMonthDay, formatMonthYear, formatShortDate } from "@/lib/format/calendar-date";

describe("calendar dates", () => {
  test.each([
    ["2025-03-04", "March 4, 2025", "Mar 4, 2025", "Mar 2025", "Mar 4"],
    ["2024-12-31", "December 31, 2024", "Dec 31, 2024", "Dec 2024", "Dec 31"],
    ["2024-02-29", "February 29, 2024", "Feb 29, 2024", "Feb 2024", "Feb 29"],
    ["2026-01-01", "January 1, 2026", "Jan 1, 2026", "Jan 2026", "Jan 1"],
  ])("%s", (iso, long, short, monthYear, monthDay) => {
    expect(formatLongDate(iso)).toBe(long);
    expect(formatShortDate(iso)).toBe(short);
    expect(formatMonthYear(iso)).toBe(monthYear);
    expect(formatMonthDay(iso)).toBe(monthDay);
  });

  test("the same text Intl gives for the date in UTC, whatever the machine's zone", () => {
    const intl = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", year: "numeric", month: "short", day: "numeric" });
    const long = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", year: "numeric", month: "long", day: "numeric" });
    for (let day = Date.UTC(2024, 0, 1); day < Date.UTC(2025, 0, 1); day += 86_400_000) {
      const iso = new Date(day).toISOString().slice(0, 10);
      expect(formatShortDate(iso)).toBe(intl.format(day));
      expect(formatLongDate(iso)).toBe(long.format(day));
    }
  });

  test.each(["2025-3-4", "2025-13-01", "2025-00-10", "04/03/2025", ""])("rejects %j", (bad) => {
    expect(() => formatLongDate(bad)).toThrow(/YYYY-MM-DD/);
  });
});
