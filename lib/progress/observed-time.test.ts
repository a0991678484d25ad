import { describe, expect, test } from "vitest";
import { accrueObservedTime, explainCompletionBlock, requiredObservedSeconds } from "./observed-time";

const T0 = new Date("2026-11-29T10:00:00.000Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe("accrueObservedTime", () => {
  test.each([
    ["the first heartbeat starts the clock", { observedSeconds: 0, lastBeatAt: null }, 0, 0, 0],
    ["15 s later counts 15 s", { observedSeconds: 0, lastBeatAt: T0 }, 15, 15, 15],
    ["a long gap under the idle limit counts at most 30 s", { observedSeconds: 100, lastBeatAt: T0 }, 50, 130, 50],
    ["an idle gap counts nothing and restarts the clock", { observedSeconds: 100, lastBeatAt: T0 }, 61, 100, 61],
    ["a heartbeat at the same instant counts nothing", { observedSeconds: 7, lastBeatAt: T0 }, 0, 7, 0],
    ["a heartbeat from the past counts nothing and keeps the clock", { observedSeconds: 7, lastBeatAt: T0 }, -5, 7, 0],
  ])("%s", (_name, clock, afterSeconds, observed, lastBeatOffset) => {
    const next = accrueObservedTime(clock, at(afterSeconds));
    expect(next.observedSeconds).toBe(observed);
    expect(next.lastBeatAt?.getTime()).toBe(at(lastBeatOffset).getTime());
  });

  test("ten heartbeats a second apart add ten seconds, not ten heartbeats' worth", () => {
    let clock = accrueObservedTime({ observedSeconds: 0, lastBeatAt: null }, T0);
    for (let i = 1; i <= 10; i++) clock = accrueObservedTime(clock, at(i));
    expect(clock.observedSeconds).toBe(10);
  });

  test("a hundred heartbeats within one second add nothing more than that second", () => {
    let clock = accrueObservedTime({ observedSeconds: 0, lastBeatAt: null }, T0);
    for (let i = 1; i <= 100; i++) clock = accrueObservedTime(clock, at(i / 100));
    expect(clock.observedSeconds).toBe(1);
  });
});

describe("requiredObservedSeconds", () => {
  test.each([
    [600, 0.5, 300],
    [601, 0.5, 301],
    [600, 0, 0],
    [600, 1, 600],
    [600, 1.5, 600],
    [0, 0.5, 0],
  ])("%i s estimated at share %d needs %i s", (estimated, share, expected) => {
    expect(requiredObservedSeconds(estimated, share)).toBe(expected);
  });
});

describe("explainCompletionBlock", () => {
  test("enough time: no message", () => expect(explainCompletionBlock(300, 300)).toBeNull());
  test("too little time: says both figures", () => {
    expect(explainCompletionBlock(30, 300)).toMatch(/30 seconds of the 5 minutes needed/);
  });
});
