import "server-only";
import type { TSqlClient } from "@/lib/db/client";

// Raw because the hit must be one atomic statement: an upsert whose update restarts an expired
// window or bumps the count, and returns the new count and the seconds left, all on the
// database's clock. Prisma's upsert can neither express the CASE on the old row nor compute the
// retry time, and a read-then-write would let concurrent requests slip past the limit.

export type TRateLimitHitRow = { count: number; retryAfter: number };

/** Counts one hit on `key` in its fixed window of `windowSeconds`; returns the window's count so far. */
export async function recordRateLimitHit(client: TSqlClient, { key, windowSeconds }: { key: string; windowSeconds: number }): Promise<TRateLimitHitRow> {
  const [row] = await client.$queryRaw<TRateLimitHitRow[]>`
    INSERT INTO "RateLimit" (key, "windowStart", count)
    VALUES (${key.slice(0, 300)}, (clock_timestamp() AT TIME ZONE 'UTC'), 1)
    ON CONFLICT (key) DO UPDATE SET
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= EXCLUDED."windowStart" - ${windowSeconds}::int * interval '1 second'
                           THEN EXCLUDED."windowStart" ELSE "RateLimit"."windowStart" END,
      count = CASE WHEN "RateLimit"."windowStart" <= EXCLUDED."windowStart" - ${windowSeconds}::int * interval '1 second'
                   THEN 1 ELSE LEAST("RateLimit".count + 1, 2000000000) END
    RETURNING count,
      GREATEST(1, CEIL(EXTRACT(EPOCH FROM ("windowStart" + ${windowSeconds}::int * interval '1 second' - (clock_timestamp() AT TIME ZONE 'UTC')))))::int AS "retryAfter"`;
  return row;
}

/** Deletes windows older than a day (on the database's clock, like the windows themselves). */
export async function deleteStaleRateLimits(client: TSqlClient): Promise<void> {
  await client.$executeRaw`DELETE FROM "RateLimit" WHERE "blockedUntil" IS NULL AND "windowStart" < (clock_timestamp() AT TIME ZONE 'UTC') - interval '1 day'`;
}
