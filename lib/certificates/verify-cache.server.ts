import "server-only";
import { setting } from "@/lib/env";
import { createVerifyCache, type TVerifyCache } from "@/lib/certificates/verify-cache";

// The process-wide verify cache. Kept on globalThis: Next bundles pages and route handlers
// separately, and the revoke route must clear the same cache the verify page reads.
// VERIFY_CACHE_SECONDS (default 10, 0 turns caching off) bounds how long another instance may
// still show a certificate revoked elsewhere as valid.
function ttlMs(): number {
  return setting("VERIFY_CACHE_SECONDS") * 1000;
}

const store = globalThis as unknown as { __backboneVerifyCache?: TVerifyCache<unknown> };

function cache<T>(): TVerifyCache<T> {
  store.__backboneVerifyCache ??= createVerifyCache<unknown>({ ttlMs: ttlMs(), maxEntries: 10_000 });
  return store.__backboneVerifyCache as TVerifyCache<T>;
}

export function cachedVerification<T>(code: string, load: () => Promise<T | null>): Promise<T | null> {
  return cache<T>().get(code, load);
}

/** After a certificate's status or links change on this instance: every cached lookup is dropped. */
export function forgetVerifiedCertificates(): void {
  store.__backboneVerifyCache?.forget();
}
