import { describe, expect, test } from "vitest";
import { formatDate, formatDateTime, formatDateTimeWithZone, formatTimeWithZone, isKnownTimeZone, resolveTimeZone } from "./date-time";

const INSTANT = new Date("2026-11-29T16:50:57Z");
const SUMMER = new Date("2026-07-01T04:05:00Z");

describe("one date/time formatter", () => {
  test.each([
    ["America/Chicago", INSTANT, "Nov 29, 2026, 10:50 AM"],
    ["UTC", INSTANT, "Nov 29, 2026, 4:50 PM"],
    ["Asia/Tokyo", INSTANT, "Nov 30, 2026, 1:50 AM"],
    ["Europe/London", SUMMER, "Jul 1, 2026, 5:05 AM"],
    ["Not/AZone", INSTANT, "Nov 29, 2026, 4:50 PM"],
  ])("formatDateTime in %s", (zone, value, expected) => {
    expect(formatDateTime(value, zone).replace(/\u202f/g, " ")).toBe(expected);
  });

  test.each([
    ["America/Chicago", INSTANT, "Nov 29, 2026, 10:50 AM CST (America/Chicago)"],
    ["America/Chicago", SUMMER, "Jun 30, 2026, 11:05 PM CDT (America/Chicago)"],
    ["UTC", INSTANT, "Nov 29, 2026, 4:50 PM UTC"],
  ])("formatDateTimeWithZone names the zone in %s", (zone, value, expected) => {
    expect(formatDateTimeWithZone(value, zone).replace(/\u202f/g, " ")).toBe(expected);
  });

  test("dates cross midnight in the viewer's zone, accept ISO strings and print a dash for nothing", () => {
    expect(formatDate("2026-11-30T03:00:00Z", "America/Chicago")).toBe("Nov 29, 2026");
    expect(formatDate("2026-11-30T03:00:00Z", "UTC")).toBe("Nov 30, 2026");
    expect(formatDateTime(null, "UTC")).toBe("—");
    expect(formatDateTimeWithZone(undefined, "UTC")).toBe("—");
    expect(formatTimeWithZone(INSTANT, "America/Chicago").replace(/\u202f/g, " ")).toBe("10:50 AM CST");
  });

  test("an unknown zone falls back to UTC", () => {
    expect(resolveTimeZone("Mars/Olympus")).toBe("UTC");
    expect(resolveTimeZone("")).toBe("UTC");
    expect(resolveTimeZone("America/Chicago")).toBe("America/Chicago");
    expect(resolveTimeZone(null)).toBe("UTC");
    expect(resolveTimeZone(undefined)).toBe("UTC");
  });

  test.each([
    ["America/Chicago", true],
    ["Asia/Kathmandu", true],
    ["UTC", true],
    ["Mars/Olympus", false],
    ["", false],
    ["America/Chicago; DROP TABLE", false],
  ])("isKnownTimeZone(%j) is %s, asked twice", (zone, known) => {
    expect(isKnownTimeZone(zone)).toBe(known);
    expect(isKnownTimeZone(zone)).toBe(known);
  });
});
