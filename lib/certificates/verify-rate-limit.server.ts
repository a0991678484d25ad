import "server-only";
import { setting } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { consumeLeasedRateLimit } from "@/lib/rate-limit/rate-limit-lease.server";
import type { TRateLimitResult } from "@/lib/rate-limit/rate-limit.server";

// The public verify lookup's limit per client address: codes are unguessable, and this keeps
// anyone from trying many of them. Counted through a lease (docs/decisions/018): shared by every
// instance, and at high limits written to PostgreSQL in blocks rather than once per lookup.

const VERIFY_WINDOW_SECONDS = 60;

export type { TRateLimitResult } from "@/lib/rate-limit/rate-limit.server";

export async function checkVerifyRateLimit(ip: string): Promise<TRateLimitResult> {
  return consumeLeasedRateLimit({ key: `verify:${ip.slice(0, 100) || "unknown"}`, limit: setting("VERIFY_RATE_LIMIT_PER_MINUTE"), windowSeconds: VERIFY_WINDOW_SECONDS });
}

export async function assertVerifyRateLimit(ip: string): Promise<void> {
  const result = await checkVerifyRateLimit(ip);
  if (!result.allowed) {
    throw new AppError("RATE_LIMITED", `Too many certificate lookups from your network. Try again in ${result.retryAfterSeconds} seconds.`, {
      retryAfterSeconds: result.retryAfterSeconds,
    });
  }
}
