// A per-instance lease on a shared fixed-window rate limit (docs/decisions/018): instead of one
// PostgreSQL write per hit, an instance reserves a block of hits for a key in one atomic upsert
// (the shared count grows by the whole block) and spends the block in memory. The shared count
// therefore never falls behind the hits admitted anywhere, so the limit is never exceeded across
// instances; what batching costs is the other way round: hits reserved but not yet spent count
// against the key, so a client spread over N instances can be refused up to N × (block − 1) hits
// early. Blocks start at 1 and double with use up to maxLeaseBlock(limit), at most 1 % of the
// limit: under 200 hits per window every hit is still its own upsert, as before.
// Pure arithmetic here (table-tested); the upsert and the per-process map: rate-limit-lease.server.ts.

export type TLease = {
  /** Hits reserved and not yet spent on this instance. */
  tokens: number;
  /** The shared count at the reservation, refused surplus left out (at most the limit). */
  reservedShared: number;
  /** Local clock (ms) at which the shared window ends: the lease is void after it. */
  expiresAtMs: number;
  /** The shared count has reached the limit: every hit is refused until expiresAtMs. */
  exhausted: boolean;
  /** The block size the next reservation asks for. */
  nextBlock: number;
};

export type TLeaseStep = { kind: "allowed"; remaining: number } | { kind: "denied"; retryAfterSeconds: number } | { kind: "reserve"; block: number };

/** The largest block one reservation asks for: 1 % of the limit, at least 1, at most 1000. */
export function maxLeaseBlock(limit: number): number {
  return Math.min(1000, Math.max(1, Math.floor(limit / 100)));
}

/**
 * Hits a reservation of `block` was granted, from the shared count it returned. The upsert always
 * adds the whole block (after a window reset: starts from it), so the count before it was
 * `count - block`; what fits under the limit from there is granted, the rest is refused.
 */
export function grantedHits({ count, block, limit }: { count: number; block: number; limit: number }): number {
  return Math.max(0, Math.min(block, limit - (count - block)));
}

/** What one hit does with the lease this instance holds for its key (none: reserve). */
export function takeHit(lease: TLease | undefined, nowMs: number, limit: number): TLeaseStep {
  if (!lease || nowMs >= lease.expiresAtMs) return { kind: "reserve", block: 1 };
  if (lease.tokens > 0) {
    lease.tokens -= 1;
    // Unspent tokens are this instance's, not hits: the address may still make them.
    return { kind: "allowed", remaining: Math.max(0, limit - lease.reservedShared + lease.tokens) };
  }
  if (lease.exhausted) return { kind: "denied", retryAfterSeconds: Math.max(1, Math.ceil((lease.expiresAtMs - nowMs) / 1000)) };
  return { kind: "reserve", block: lease.nextBlock };
}

/**
 * The lease after a reservation of `block` answered with the shared `count` and `msLeft` in its
 * window. An instance reserves only when its lease is spent or void, so nothing is carried over.
 */
export function applyReservation({ block, count, msLeft, limit, nowMs }: { block: number; count: number; msLeft: number; limit: number; nowMs: number },
): TLease {
  const granted = grantedHits({ count, block, limit });
  return {
    tokens: granted,
    reservedShared: Math.min(count, limit),
    expiresAtMs: nowMs + Math.max(0, msLeft),
    exhausted: granted < block,
    nextBlock: Math.min(maxLeaseBlock(limit), Math.max(1, block * 2)),
  };
}
