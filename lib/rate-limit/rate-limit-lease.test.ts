import { describe, expect, test } from "vitest";
import { applyReservation, grantedHits, maxLeaseBlock, type TLease, takeHit } from "./rate-limit-lease";

describe("maxLeaseBlock: 1 % of the limit, between 1 and 1000", () => {
  test.each([
    [1, 1],
    [60, 1],
    [199, 1],
    [200, 2],
    [5_000, 50],
    [100_000, 1000],
    [1_000_000_000, 1000],
  ])("limit %i → %i", (limit, block) => expect(maxLeaseBlock(limit)).toBe(block));
});

describe("grantedHits: what fits under the limit from the count before the block", () => {
  test.each([
    // count returned, block asked, limit → granted
    [1, 1, 60, 1], // first hit of a window
    [60, 1, 60, 1], // the last hit that fits
    [61, 1, 60, 0], // one past the limit
    [8, 4, 10, 4], // 4 before, 4 more fit
    [12, 4, 10, 2], // 8 before: only 2 fit
    [14, 4, 10, 0], // 10 before: none
    [2_000_000_000, 1000, 1_000_000_000, 0], // capped count: still nothing
  ])("count %i after a block of %i, limit %i → %i", (count, block, limit, granted) => expect(grantedHits({ count, block, limit })).toBe(granted));
});

describe("takeHit and applyReservation", () => {
  const now = 1_000_000;

  test("no lease, or a lease past its window, asks for one hit", () => {
    expect(takeHit(undefined, now, 100)).toEqual({ kind: "reserve", block: 1 });
    const old: TLease = { tokens: 5, reservedShared: 5, expiresAtMs: now, exhausted: false, nextBlock: 8 };
    expect(takeHit(old, now, 100)).toEqual({ kind: "reserve", block: 1 });
  });

  test("tokens are spent locally; remaining counts this instance's unspent tokens as available", () => {
    const lease = applyReservation({ block: 4, count: 10, msLeft: 30_000, limit: 100, nowMs: now });
    expect(lease).toEqual({ tokens: 4, reservedShared: 10, expiresAtMs: now + 30_000, exhausted: false, nextBlock: 1 });
    expect(takeHit(lease, now + 1, 100)).toEqual({ kind: "allowed", remaining: 93 });
    expect(takeHit(lease, now + 2, 100)).toEqual({ kind: "allowed", remaining: 92 });
    expect(takeHit(lease, now + 3, 100)).toEqual({ kind: "allowed", remaining: 91 });
    expect(takeHit(lease, now + 4, 100)).toEqual({ kind: "allowed", remaining: 90 });
    // Spent: the next hit reserves again, with the next block size.
    expect(takeHit(lease, now + 5, 100)).toEqual({ kind: "reserve", block: 1 });
  });

  test("blocks double with use up to 1 % of the limit", () => {
    let block = 1;
    const sizes: number[] = [];
    for (let i = 0; i < 14; i++) {
      sizes.push(block);
      block = applyReservation({ block, count: block, msLeft: 60_000, limit: 100_000, nowMs: now }).nextBlock;
    }
    expect(sizes).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1000, 1000, 1000, 1000]);
  });

  test("a partly granted block is spent, then every hit is refused until the window ends", () => {
    const lease = applyReservation({ block: 4, count: 12, msLeft: 2_500, limit: 10, nowMs: now });
    expect(lease.tokens).toBe(2);
    expect(lease.exhausted).toBe(true);
    expect(takeHit(lease, now, 10)).toEqual({ kind: "allowed", remaining: 1 });
    expect(takeHit(lease, now, 10)).toEqual({ kind: "allowed", remaining: 0 });
    expect(takeHit(lease, now, 10)).toEqual({ kind: "denied", retryAfterSeconds: 3 });
    expect(takeHit(lease, now + 2_000, 10)).toEqual({ kind: "denied", retryAfterSeconds: 1 });
    expect(takeHit(lease, now + 2_500, 10)).toEqual({ kind: "reserve", block: 1 });
  });

  test("a refused reservation refuses at once, with at least one second to wait", () => {
    const lease = applyReservation({ block: 1, count: 61, msLeft: 10, limit: 60, nowMs: now });
    expect(lease).toMatchObject({ tokens: 0, exhausted: true });
    expect(takeHit(lease, now + 5, 60)).toEqual({ kind: "denied", retryAfterSeconds: 1 });
  });
});
