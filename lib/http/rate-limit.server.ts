import "server-only";
import { db } from "@/lib/db";
import { setting } from "@/lib/env";
import { AppError } from "@/lib/errors";

// Fixed-window counters in PostgreSQL (RateLimit), one atomic upsert per hit, so every app instance
// shares the count and concurrent requests cannot slip past it.

export type TRateLimitResult = { allowed: true; remaining: number; limit: number } | { allowed: false; retryAfterSeconds: number; limit: number };

export async function consumeRateLimit({ key, limit, windowSeconds }: { key: string; limit: number; windowSeconds: number }): Promise<TRateLimitResult> {
  const [row] = await db.$queryRaw<{ count: number; retryAfter: number }[]>`
    INSERT INTO "RateLimit" (key, "windowStart", count)
    VALUES (${key.slice(0, 300)}, (clock_timestamp() AT TIME ZONE 'UTC'), 1)
    ON CONFLICT (key) DO UPDATE SET
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= EXCLUDED."windowStart" - ${windowSeconds}::int * interval '1 second'
                           THEN EXCLUDED."windowStart" ELSE "RateLimit"."windowStart" END,
      count = CASE WHEN "RateLimit"."windowStart" <= EXCLUDED."windowStart" - ${windowSeconds}::int * interval '1 second'
                   THEN 1 ELSE LEAST("RateLimit".count + 1, 2000000000) END
    RETURNING count,
      GREATEST(1, CEIL(EXTRACT(EPOCH FROM ("windowStart" + ${windowSeconds}::int * interval '1 second' - (clock_timestamp() AT TIME ZONE 'UTC')))))::int AS "retryAfter"`;
  // Old windows are dead weight; an occasional sweep keeps the table small.
  if (Math.random() < 0.01) {
    void db.$executeRaw`DELETE FROM "RateLimit" WHERE "blockedUntil" IS NULL AND "windowStart" < (clock_timestamp() AT TIME ZONE 'UTC') - interval '1 day'`.catch(() => {});
  }
  if (row.count > limit) return { allowed: false, retryAfterSeconds: row.retryAfter, limit };
  return { allowed: true, remaining: limit - row.count, limit };
}

export async function assertRateLimit(options: { key: string; limit: number; windowSeconds: number; message: (retryAfterSeconds: number) => string }) {
  const result = await consumeRateLimit(options);
  if (!result.allowed) throw new AppError("RATE_LIMITED", options.message(result.retryAfterSeconds), { retryAfterSeconds: result.retryAfterSeconds });
}

/** Public routes that send mail: per client address and per recipient, so nobody can flood an inbox. */
export async function assertMailRateLimit(ip: string, email: string | null) {
  const message = (s: number) => `Too many emails requested. Try again in ${Math.ceil(s / 60)} minute${s > 60 ? "s" : ""}.`;
  const perIp = setting("MAIL_RATE_LIMIT_PER_HOUR");
  await assertRateLimit({ key: `mail-ip:${ip}`, limit: perIp, windowSeconds: 3600, message });
  if (email) await assertRateLimit({ key: `mail-to:${email.toLowerCase()}`, limit: Math.max(5, Math.ceil(perIp / 4)), windowSeconds: 3600, message });
}
