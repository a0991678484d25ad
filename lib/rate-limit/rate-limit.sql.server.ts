import "server-only";
import { db } from "@/lib/db";

// Raw because the hit is one atomic INSERT … ON CONFLICT DO UPDATE whose new values depend on the
// stored window (a conditional reset on the database clock): Prisma's upsert cannot express that
// without a read-then-write race between app instances.

export type TRateLimitRow = { count: number; retryAfter: number };

/** Counts one hit against `key` in a fixed window of `windowSeconds`; returns the count so far. */
export async function upsertRateLimitHit({ key, windowSeconds }: { key: string; windowSeconds: number }): Promise<TRateLimitRow> {
  const [row] = await db.$queryRaw<TRateLimitRow[]>`
    INSERT INTO "RateLimit" (key, "windowStart", count)
    VALUES (${key}, (clock_timestamp() AT TIME ZONE 'UTC'), 1)
    ON CONFLICT (key) DO UPDATE SET
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= EXCLUDED."windowStart" - ${windowSeconds}::int * interval '1 second'
                           THEN EXCLUDED."windowStart" ELSE "RateLimit"."windowStart" END,
      count = CASE WHEN "RateLimit"."windowStart" <= EXCLUDED."windowStart" - ${windowSeconds}::int * interval '1 second'
                   THEN 1 ELSE LEAST("RateLimit".count + 1, 2000000000) END
    RETURNING count,
      GREATEST(1, CEIL(EXTRACT(EPOCH FROM ("windowStart" + ${windowSeconds}::int * interval '1 second' - (clock_timestamp() AT TIME ZONE 'UTC')))))::int AS "retryAfter"`;
  return row;
}

/** Deletes windows older than a day (compared on the database clock, like the windows themselves). */
export async function deleteStaleRateLimits(): Promise<number> {
  return db.$executeRaw`DELETE FROM "RateLimit" WHERE "blockedUntil" IS NULL AND "windowStart" < (clock_timestamp() AT TIME ZONE 'UTC') - interval '1 day'`;
}

export type TRateLimitReservation = { count: number; msLeft: number };

/**
 * Reserves `block` hits against `key` in one statement (rate-limit-lease.ts): the count always
 * grows by the whole block, or starts from it in a new window, so the caller can tell from the
 * returned count alone how many of them fit under its limit. msLeft: what is left of the window.
 */
export async function reserveRateLimitHits({ key, windowSeconds, block }: { key: string; windowSeconds: number; block: number }): Promise<TRateLimitReservation> {
  const [row] = await db.$queryRaw<TRateLimitReservation[]>`
    INSERT INTO "RateLimit" (key, "windowStart", count)
    VALUES (${key}, (clock_timestamp() AT TIME ZONE 'UTC'), ${block}::int)
    ON CONFLICT (key) DO UPDATE SET
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= EXCLUDED."windowStart" - ${windowSeconds}::int * interval '1 second'
                           THEN EXCLUDED."windowStart" ELSE "RateLimit"."windowStart" END,
      count = CASE WHEN "RateLimit"."windowStart" <= EXCLUDED."windowStart" - ${windowSeconds}::int * interval '1 second'
                   THEN EXCLUDED.count ELSE LEAST("RateLimit".count + EXCLUDED.count, 2000000000) END
    RETURNING count,
      GREATEST(0, FLOOR(1000 * EXTRACT(EPOCH FROM ("windowStart" + ${windowSeconds}::int * interval '1 second' - (clock_timestamp() AT TIME ZONE 'UTC')))))::int AS "msLeft"`;
  return row;
}
