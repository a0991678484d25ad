import { describe, expect, test } from "vitest";
import { describeRetry, lockDurationMs, lockedUntil } from "./login-throttle";

const MIN = 60_000;

describe("lockDurationMs", () => {
  test.each([
    [0, 0],
    [9, 0],
    [10, 10 * MIN],
    [19, 10 * MIN],
    [20, 20 * MIN],
    [30, 40 * MIN],
    [40, 80 * MIN],
    [1000, 24 * 60 * MIN],
  ])("%i failures lock for %i ms", (failures, ms) => {
    expect(lockDurationMs(failures)).toBe(ms);
  });
});

describe("lockedUntil", () => {
  const last = new Date("2026-01-01T10:00:00Z");
  test.each([
    ["no failures", 0, null, new Date("2026-01-01T10:01:00Z"), null],
    ["below the limit", 9, last, new Date("2026-01-01T10:01:00Z"), null],
    ["10th failure locks", 10, last, new Date("2026-01-01T10:01:00Z"), new Date("2026-01-01T10:10:00Z")],
    ["lock has passed", 10, last, new Date("2026-01-01T10:10:01Z"), null],
    ["back-off doubles", 20, last, new Date("2026-01-01T10:15:00Z"), new Date("2026-01-01T10:20:00Z")],
  ] as const)("%s", (_name, failures, lastAt, now, expected) => {
    expect(lockedUntil(failures, lastAt, now)).toEqual(expected);
  });
});

test("describeRetry names the wait in minutes", () => {
  const now = new Date("2026-01-01T10:00:00Z");
  expect(describeRetry(new Date("2026-01-01T10:09:30Z"), now)).toMatch(/Try again in 10 minutes \(after 10:09 UTC\)/);
  expect(describeRetry(new Date("2026-01-01T10:00:20Z"), now)).toMatch(/in 1 minute /);
});
