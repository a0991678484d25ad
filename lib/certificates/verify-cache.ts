/*
 * A small per-process cache of public certificate lookups (the verify page and API), so a QR code
 * scanned many times, or a verifier re-checking a batch, does not query the database every time.
 * See docs/decisions/012-verify-lookup-cache.md.
 *
 * Correctness rules:
 * - Only found certificates are cached; an unknown code always asks the database (a certificate
 *   issued a second ago must verify at once, and random codes would only fill the cache).
 * - `forget()` (called after every revoke, reissue and regrade-revoke on this instance) drops every
 *   entry and bumps a generation: a lookup that started before the change and finishes after it is
 *   returned to its caller but not stored, so it cannot put the old status back.
 * - Other instances learn of a revocation when their entry expires: `ttlMs` bounds how long any
 *   instance can show a revoked certificate as valid (10 s by default).
 */

export type TVerifyCache<T> = {
  /** The cached value for `code`, or `load()`'s (stored when not null). Concurrent misses share one load. */
  get: (code: string, load: () => Promise<T | null>) => Promise<T | null>;
  forget: () => void;
  size: () => number;
};

export function createVerifyCache<T>({ ttlMs, maxEntries, now = Date.now }: { ttlMs: number; maxEntries: number; now?: () => number }): TVerifyCache<T> {
  const entries = new Map<string, { value: T; expiresAt: number }>();
  const pending = new Map<string, { generation: number; promise: Promise<T | null> }>();
  let generation = 0;

  return {
    get: async (code, load) => {
      if (ttlMs <= 0) return load();
      const hit = entries.get(code);
      if (hit && hit.expiresAt > now()) {
        // Least recently used goes first: re-insert to move it to the end.
        entries.delete(code);
        entries.set(code, hit);
        return hit.value;
      }
      if (hit) entries.delete(code);
      const inFlight = pending.get(code);
      if (inFlight && inFlight.generation === generation) return inFlight.promise;
      const started = generation;
      const promise = load().then(
        (value) => {
          if (pending.get(code)?.promise === promise) pending.delete(code);
          if (value !== null && started === generation) {
            if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
            entries.set(code, { value, expiresAt: now() + ttlMs });
          }
          return value;
        },
        (error: unknown) => {
          if (pending.get(code)?.promise === promise) pending.delete(code);
          throw error;
        },
      );
      pending.set(code, { generation: started, promise });
      return promise;
    },
    forget: () => {
      generation++;
      entries.clear();
      pending.clear();
    },
    size: () => entries.size,
  };
}
