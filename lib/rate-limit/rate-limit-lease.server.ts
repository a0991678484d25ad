import "server-only";
import { applyReservation, type TLease, takeHit } from "@/lib/rate-limit/rate-limit-lease";
import type { TRateLimitResult } from "@/lib/rate-limit/rate-limit.server";
import { deleteStaleRateLimits, reserveRateLimitHits } from "@/lib/rate-limit/rate-limit.sql.server";

// The leases an instance holds on shared rate limits (rate-limit-lease.ts, docs/decisions/018).
// Concurrent hits on a spent lease wait for one reservation instead of each making their own.

type TEntry = { lease: TLease | undefined; reserving: Promise<void> | null };
type TLimit = { key: string; limit: number; windowSeconds: number };
export type TLeasedRateLimiter = (options: TLimit) => Promise<TRateLimitResult>;

const MAX_KEYS = 10_000;

// Keys past their window are dead weight; past MAX_KEYS the oldest go too (their unspent tokens
// are simply lost: the shared count already holds them, so dropping one never admits a hit).
function evict(map: Map<string, TEntry>, nowMs: number): void {
  for (const [key, entry] of map) {
    if (map.size < MAX_KEYS) return;
    if (!entry.reserving && (!entry.lease || nowMs >= entry.lease.expiresAtMs)) map.delete(key);
  }
  for (const [key, entry] of map) {
    if (map.size < MAX_KEYS) return;
    if (!entry.reserving) map.delete(key);
  }
}

/** A limiter with its own leases: one per instance (tests make two to stand for two instances). */
export function createLeasedRateLimiter(): TLeasedRateLimiter {
  const map = new Map<string, TEntry>();
  return async ({ key, limit, windowSeconds }) => {
    const k = key.slice(0, 300);
    for (;;) {
      let entry = map.get(k);
      const step = takeHit(entry?.lease, Date.now(), limit);
      if (step.kind === "allowed") return { allowed: true, remaining: step.remaining, limit };
      if (step.kind === "denied") return { allowed: false, retryAfterSeconds: step.retryAfterSeconds, limit };
      if (!entry) {
        evict(map, Date.now());
        entry = { lease: undefined, reserving: null };
        map.set(k, entry);
      }
      if (!entry.reserving) {
        const target = entry;
        target.reserving = reserveRateLimitHits({ key: k, windowSeconds, block: step.block })
          .then(({ count, msLeft }) => {
            target.lease = applyReservation({ block: step.block, count, msLeft, limit, nowMs: Date.now() });
          })
          .finally(() => {
            target.reserving = null;
          });
        // Old windows are dead weight; an occasional sweep keeps the table small.
        if (Math.random() < 0.01) void deleteStaleRateLimits().catch(() => {});
      }
      await entry.reserving;
    }
  };
}

// This process's limiter, kept on globalThis: Next bundles pages and route handlers separately and
// scripts/serve.ts answers the verify API itself; all of them must spend the same leases, or an
// address would hold one lease per bundle.
const store = globalThis as unknown as { __backboneLeasedRateLimiter?: TLeasedRateLimiter };

/** One hit against a limit shared by every instance, written to PostgreSQL in growing blocks. */
export function consumeLeasedRateLimit(options: TLimit): Promise<TRateLimitResult> {
  store.__backboneLeasedRateLimiter ??= createLeasedRateLimiter();
  return store.__backboneLeasedRateLimiter(options);
}
