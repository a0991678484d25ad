import { describe, expect, test } from "vitest";
import { evaluateStart } from "./evaluate-start";

describe("evaluateStart", () => {
  const now = new Date("2026-01-01T12:00:00Z");
  const graded = (minutesAgo: number) => ({ status: "GRADED" as const, gradedAt: new Date(now.getTime() - minutesAgo * 60_000) });
  const closed = { status: "CLOSED" as const, gradedAt: null };
  test.each([
    ["no attempts", { maxAttempts: 3, cooldownSeconds: 3600 }, [], true],
    ["cool-down running", { maxAttempts: 3, cooldownSeconds: 3600 }, [graded(30)], false],
    ["cool-down over", { maxAttempts: 3, cooldownSeconds: 3600 }, [graded(61)], true],
    ["cool-down counts from the latest graded attempt", { maxAttempts: null, cooldownSeconds: 3600 }, [graded(120), graded(10)], false],
    ["attempts used up", { maxAttempts: 2, cooldownSeconds: 0 }, [graded(100), graded(200)], false],
    ["closed attempts do not use up the limit", { maxAttempts: 1, cooldownSeconds: 0 }, [closed], true],
    ["unlimited", { maxAttempts: null, cooldownSeconds: 0 }, [graded(1), graded(2), graded(3)], true],
  ])("%s", (_name, quiz, attempts, ok) => {
    expect(evaluateStart(quiz, attempts, now).ok).toBe(ok);
  });

  test("a running cool-down says when the next attempt may start", () => {
    const decision = evaluateStart({ maxAttempts: null, cooldownSeconds: 3600 }, [graded(30)], now);
    expect(decision).toEqual({ ok: false, reason: "You can start another attempt at 2026-01-01T12:30:00.000Z.", retryAt: new Date("2026-01-01T12:30:00Z") });
  });
});
