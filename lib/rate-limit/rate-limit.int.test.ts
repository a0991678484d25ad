import { expect, test } from "vitest";
import { AppError } from "@/lib/errors";
import { assertMailRateLimit, consumeRateLimit } from "./rate-limit.server";

test("a fixed window counts every hit atomically, even in parallel, then refuses with a retry time", async () => {
  const results = await Promise.all(Array.from({ length: 25 }, () => consumeRateLimit({ key: "test:parallel", limit: 20, windowSeconds: 60 })));
  expect(results.filter((r) => r.allowed)).toHaveLength(20);
  const refused = results.filter((r) => !r.allowed);
  expect(refused).toHaveLength(5);
  for (const r of refused) if (!r.allowed) expect(r.retryAfterSeconds).toBeGreaterThan(0);
});

test("mail-sending routes are limited per recipient as well as per address", async () => {
  delete process.env.MAIL_RATE_LIMIT_PER_HOUR;
  for (let i = 0; i < 5; i++) await assertMailRateLimit(`10.0.0.${i}`, "victim@example.test");
  const error = await assertMailRateLimit("10.0.0.99", "victim@example.test").catch((e) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(429);
  expect((error as AppError).message).toMatch(/Too many emails requested. Try again in \d+ minutes?/);
  await expect(assertMailRateLimit("10.0.0.99", "someone-else@example.test")).resolves.toBeUndefined();
});
