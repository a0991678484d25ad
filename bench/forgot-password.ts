import { randomUUID } from "node:crypto";
import type { createPrismaClient } from "@/lib/db/client";
import { createUser } from "@/prisma/seed-helpers";
import { median } from "./lib";

// Forgot-password timing, the way the outside probe measured it: pairs of requests, one for an
// existing account and one for an unknown address, alternating which goes first, over HTTP. The
// two medians should match (issue 13: the request path does the same work for both).

export async function benchForgotPassword(db: ReturnType<typeof createPrismaClient>, base: string, pairs = 50) {
  const known = await Promise.all(
    Array.from({ length: pairs }, (_, i) => createUser(db, { email: `bench-forgot-${i}-${randomUUID().slice(0, 8)}@example.test`, name: "Forgot Bench", password: "x" }, "unused-hash")),
  );
  const post = async (email: string) => {
    const t0 = performance.now();
    const res = await fetch(`${base}/api/account/forgot-password`, { method: "POST", headers: { "content-type": "application/json", origin: base }, body: JSON.stringify({ email }) });
    await res.text();
    if (res.status !== 200) throw new Error(`forgot-password answered ${res.status}`);
    return performance.now() - t0;
  };
  for (let i = 0; i < 5; i++) await post(`warm-${i}-${randomUUID()}@example.test`); // warm the route
  const knownMs: number[] = [];
  const unknownMs: number[] = [];
  for (let i = 0; i < pairs; i++) {
    const unknown = `bench-nobody-${randomUUID()}@example.test`;
    if (i % 2 === 0) {
      knownMs.push(await post(known[i].email));
      unknownMs.push(await post(unknown));
    } else {
      unknownMs.push(await post(unknown));
      knownMs.push(await post(known[i].email));
    }
  }
  return { knownMedianMs: median(knownMs), unknownMedianMs: median(unknownMs) };
}
