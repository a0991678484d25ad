import { describe, expect, test } from "vitest";
import { POST as forgotPasswordRoute } from "@/app/api/account/forgot-password/route";
import { requestPasswordReset } from "@/lib/auth/account.server";
import { tokenHashStats } from "@/lib/auth/auth-tokens.server";
import { db } from "@/lib/db";
import { drainMailQueue, mailQueueStats } from "@/lib/mail/mail-queue.server";
import { createUser } from "@/prisma/seed-helpers";

// The outside probe timed forgot-password: existing accounts answered 6–10 ms slower than unknown
// addresses. The request path now does the same work for both; this counts that work.

let n = 0;
const email = (what: string) => `${what}-${++n}-${Date.now()}@forgot.test`;

async function workOf(run: () => Promise<unknown>) {
  const hashes = tokenHashStats.hashed;
  const queued = mailQueueStats.queued;
  const tokens = await db.authToken.count();
  const mails = await db.outboxEmail.count();
  await run();
  // Measured before the queue runs: what the request itself did.
  const onRequestPath = { hashes: tokenHashStats.hashed - hashes, queuedMails: mailQueueStats.queued - queued, tokensWritten: (await db.authToken.count()) - tokens, mailsWritten: (await db.outboxEmail.count()) - mails };
  await drainMailQueue();
  const afterQueue = { tokensWritten: (await db.authToken.count()) - tokens, mailsWritten: (await db.outboxEmail.count()) - mails };
  return { onRequestPath, afterQueue };
}

describe("forgot-password does the same work for existing and unknown addresses", () => {
  test("one hash and one queued mail on both paths; nothing written before the response", async () => {
    const existing = await createUser(db, { email: email("known"), name: "Known Person", password: "unused-password-for-tests" });
    const known = await workOf(() => requestPasswordReset(existing.email));
    const unknown = await workOf(() => requestPasswordReset(email("unknown")));
    expect(known.onRequestPath).toEqual({ hashes: 1, queuedMails: 1, tokensWritten: 0, mailsWritten: 0 });
    expect(unknown.onRequestPath).toEqual(known.onRequestPath);
    // Off the request path, only the account gets a token and a mail.
    expect(known.afterQueue).toEqual({ tokensWritten: 1, mailsWritten: 1 });
    expect(unknown.afterQueue).toEqual({ tokensWritten: 0, mailsWritten: 0 });
  });

  test("a disabled account is treated like an unknown address", async () => {
    const disabled = await createUser(db, { email: email("disabled"), name: "Disabled Person", password: "unused-password-for-tests" });
    await db.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    const work = await workOf(() => requestPasswordReset(disabled.email));
    expect(work.onRequestPath).toEqual({ hashes: 1, queuedMails: 1, tokensWritten: 0, mailsWritten: 0 });
    expect(work.afterQueue).toEqual({ tokensWritten: 0, mailsWritten: 0 });
  });

  test("through the route handler: the same answer and the same counted work", async () => {
    const existing = await createUser(db, { email: email("route"), name: "Route Person", password: "unused-password-for-tests" });
    const call = (address: string, ip: string) =>
      forgotPasswordRoute(new Request("http://localhost/api/account/forgot-password", { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": ip }, body: JSON.stringify({ email: address }) }));
    let knownRes: Response | undefined;
    let unknownRes: Response | undefined;
    const known = await workOf(async () => {
      knownRes = await call(existing.email, "10.40.0.1");
    });
    const unknown = await workOf(async () => {
      unknownRes = await call(email("route-unknown"), "10.40.0.2");
    });
    expect(knownRes!.status).toBe(200);
    expect(unknownRes!.status).toBe(200);
    expect(await knownRes!.json()).toEqual(await unknownRes!.json());
    expect(unknown.onRequestPath).toEqual(known.onRequestPath);
  });
});
