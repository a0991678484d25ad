import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { consumeRateLimit, type TRateLimitResult } from "@/lib/rate-limit/rate-limit.server";

// The public verify lookup's limit per client address: codes are unguessable, and this keeps
// anyone from trying many of them.

const VERIFY_WINDOW_SECONDS = 60;
const DEFAULT_VERIFY_LIMIT = 60;
// Deployment knob (the benchmark raises it); lib/env.ts is the place for it in the long run.
const ZLimit = z.coerce.number().int().min(1).max(1_000_000_000);

function verifyLimit(): number {
  const parsed = ZLimit.safeParse(process.env.VERIFY_RATE_LIMIT_PER_MINUTE);
  return parsed.success ? parsed.data : DEFAULT_VERIFY_LIMIT;
}

export type { TRateLimitResult } from "@/lib/rate-limit/rate-limit.server";

export async function checkVerifyRateLimit(ip: string): Promise<TRateLimitResult> {
  return consumeRateLimit({ key: `verify:${ip.slice(0, 100) || "unknown"}`, limit: verifyLimit(), windowSeconds: VERIFY_WINDOW_SECONDS });
}

export async function assertVerifyRateLimit(ip: string): Promise<void> {
  const result = await checkVerifyRateLimit(ip);
  if (!result.allowed) {
    throw new AppError("RATE_LIMITED", `Too many certificate lookups from your network. Try again in ${result.retryAfterSeconds} seconds.`, {
      retryAfterSeconds: result.retryAfterSeconds,
    });
  }
}
