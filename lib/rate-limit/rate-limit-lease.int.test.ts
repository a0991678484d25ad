import { expect, test } from "vitest";
import { createLeasedRateLimiter } from "./rate-limit-lease.server";
import { reserveRateLimitHits } from "./rate-limit.sql.server";

// Two limiters stand for two app instances: each holds its own leases, and only PostgreSQL is shared.

test("two instances together admit exactly the limit, hit by hit below 200 per window", async () => {
  const a = createLeasedRateLimiter();
  const b = createLeasedRateLimiter();
  const options = { key: "lease:small", limit: 30, windowSeconds: 60 };
  const results = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b)(options)));
  expect(results.filter((r) => r.allowed)).toHaveLength(30);
  for (const r of results) if (!r.allowed) expect(r.retryAfterSeconds).toBeGreaterThan(0);
  // Block size 1: PostgreSQL holds every admitted hit and one refused reservation per instance;
  // after that each instance refuses from memory until the window ends.
  expect((await reserveRateLimitHits({ key: options.key, windowSeconds: 60, block: 0 })).count).toBe(32);
});

test("with a high limit the hits reach PostgreSQL in blocks, and the shared sum is never exceeded", async () => {
  const a = createLeasedRateLimiter();
  const b = createLeasedRateLimiter();
  const options = { key: "lease:large", limit: 1_000, windowSeconds: 60 };
  let allowed = 0;
  let refused = 0;
  // 1,400 hits alternating between the instances, 20 at a time.
  for (let round = 0; round < 70; round++) {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b)(options)));
    allowed += results.filter((r) => r.allowed).length;
    refused += results.filter((r) => !r.allowed).length;
  }
  expect(allowed + refused).toBe(1_400);
  // Never more than the limit; at most one block (1 % of the limit) per instance short of it.
  expect(allowed).toBeLessThanOrEqual(1_000);
  expect(allowed).toBeGreaterThanOrEqual(1_000 - 2 * 9);
  // What PostgreSQL holds: every admitted hit (and reserved surplus), far fewer writes than hits.
  const shared = (await reserveRateLimitHits({ key: options.key, windowSeconds: 60, block: 0 })).count;
  expect(shared).toBeGreaterThanOrEqual(allowed);
});

test("hits on one instance are seen by the other: a lease spent on A leaves B less", async () => {
  const a = createLeasedRateLimiter();
  const b = createLeasedRateLimiter();
  const options = { key: "lease:seen", limit: 10, windowSeconds: 60 };
  for (let i = 0; i < 7; i++) expect((await a(options)).allowed).toBe(true);
  const onB = await Promise.all(Array.from({ length: 5 }, () => b(options)));
  expect(onB.map((r) => r.allowed)).toEqual([true, true, true, false, false]);
  const refused = await a(options);
  expect(refused.allowed).toBe(false);
});

test("a new window starts a new count on both instances", async () => {
  const a = createLeasedRateLimiter();
  const b = createLeasedRateLimiter();
  const options = { key: "lease:window", limit: 2, windowSeconds: 1 };
  expect([(await a(options)).allowed, (await b(options)).allowed, (await a(options)).allowed]).toEqual([true, true, false]);
  await new Promise((r) => setTimeout(r, 1_100));
  expect([(await b(options)).allowed, (await a(options)).allowed, (await b(options)).allowed]).toEqual([true, true, false]);
});
