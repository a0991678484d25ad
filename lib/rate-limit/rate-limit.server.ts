import "server-only";
import { setting } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { deleteStaleRateLimits, upsertRateLimitHit } from "@/lib/rate-limit/rate-limit.sql.server";

// Fixed-window counters in PostgreSQL (RateLimit), one atomic upsert per hit, so every app instance
// shares the count and concurrent requests cannot slip past it.

export type TRateLimitResult = { allowed: true; remaining: number; limit: number } | { allowed: false; retryAfterSeconds: number; limit: number };

export async function consumeRateLimit({ key, limit, windowSeconds }: { key: string; limit: number; windowSeconds: number }): Promise<TRateLimitResult> {
  const row = await upsertRateLimitHit({ key: key.slice(0, 300), windowSeconds });
  // Old windows are dead weight; an occasional sweep keeps the table small.
  if (Math.random() < 0.01) void deleteStaleRateLimits().catch(() => {});
  if (row.count > limit) return { allowed: false, retryAfterSeconds: row.retryAfter, limit };
  return { allowed: true, remaining: limit - row.count, limit };
}

async function assertRateLimit(options: { key: string; limit: number; windowSeconds: number; message: (retryAfterSeconds: number) => string }) {
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
