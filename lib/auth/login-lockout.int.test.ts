import { describe, expect, test } from "vitest";
import { authOptions, authorizeCredentials, SIGN_IN_FAILED } from "@/lib/auth/auth-options.server";
import { FAILURE_LIMIT } from "@/lib/auth/login-throttle";
import { isSessionRevoked, revokeSession } from "@/lib/auth/revoke-session.server";
import { db } from "@/lib/db";
import { createUser } from "@/prisma/seed-helpers";

// The outside probe's lockout bypass: one burst of parallel wrong passwords used to be checked in
// full because every request read the failure count before any of them wrote one. Each attempt
// now takes its failure slot before its password is checked, so the LoginFailure rows are
// exactly the passwords that were checked.

process.env.NEXTAUTH_SECRET ??= "integration-secret-integration-secret-0123";

let n = 0;
const email = (what: string) => `${what}-${++n}-${Date.now()}@lockout.test`;

async function attempt(address: string, password: string, ip: string): Promise<"ok" | "wrong" | "locked" | string> {
  try {
    await authorizeCredentials({ email: address, password }, { "x-forwarded-for": ip });
    return "ok";
  } catch (error) {
    const message = (error as Error).message;
    if (message === SIGN_IN_FAILED) return "wrong";
    if (/Too many failed sign-in attempts|being checked right now/.test(message)) return "locked";
    return message;
  }
}

describe("login lockout under parallel requests", () => {
  test("100 parallel wrong passwords for one account check at most 10 passwords (counted in the database)", async () => {
    const user = await createUser(db, { email: email("burst"), name: "Burst Target", password: "the right long passphrase" });
    // Each request from its own address: only the per-account lock can stop them.
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => attempt(user.email, `wrong guess ${i}`, `10.0.${Math.floor(i / 250)}.${i % 250}`)));
    const checked = await db.loginFailure.count({ where: { email: user.email } });
    expect(checked).toBeLessThanOrEqual(FAILURE_LIMIT);
    expect(checked).toBe(FAILURE_LIMIT);
    expect(results.filter((r) => r === "wrong")).toHaveLength(checked);
    expect([...new Set(results.filter((r) => r !== "wrong" && r !== "locked"))]).toEqual([]);
    expect(results.filter((r) => r === "locked")).toHaveLength(100 - checked);
    // Locked means locked: the right password is refused too, and checks nothing more.
    expect(await attempt(user.email, "the right long passphrase", "10.9.9.9")).toBe("locked");
    expect(await db.loginFailure.count({ where: { email: user.email } })).toBe(checked);
  });

  test("one address guessing across many accounts is stopped by the per-address lock", async () => {
    const ip = "10.77.0.1";
    const users = await Promise.all(Array.from({ length: 5 }, (_, i) => createUser(db, { email: email(`spray${i}`), name: "Spray Target", password: "the right long passphrase" })));
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(users[i % users.length].email, `wrong ${i}`, ip)));
    expect(await db.loginFailure.count({ where: { ip } })).toBe(FAILURE_LIMIT);
    expect(results.filter((r) => r === "wrong")).toHaveLength(FAILURE_LIMIT);
  });

  test("a right password gives its slot back and clears the account's failures", async () => {
    const user = await createUser(db, { email: email("ok"), name: "Right Person", password: "the right long passphrase" });
    expect(await attempt(user.email, "wrong one", "10.1.1.1")).toBe("wrong");
    expect(await attempt(user.email, "the right long passphrase", "10.1.1.1")).toBe("ok");
    expect(await db.loginFailure.count({ where: { email: user.email } })).toBe(0);
  });

  test("an unverified account with the right password takes no failure slot", async () => {
    const user = await createUser(db, { email: email("unverified"), name: "Not Yet", password: "the right long passphrase", verified: false });
    expect(await attempt(user.email, "the right long passphrase", "10.2.2.2")).toMatch(/verify your email/);
    expect(await db.loginFailure.count({ where: { email: user.email } })).toBe(0);
  });
});

describe("plain sign-out revokes the session", () => {
  test("next-auth's signOut event revokes the token's session id, and the session read then refuses it", async () => {
    const user = await createUser(db, { email: email("signout"), name: "Signing Out", password: "the right long passphrase" });
    const options = authOptions();
    const signedIn = await options.callbacks!.jwt!({ token: { sub: user.id }, user: { id: user.id, role: "TRAINER", sessionVersion: 0, email: user.email, name: user.name }, account: null } as never);
    expect(typeof signedIn.sid).toBe("string");
    // Still valid: a later read of the same token passes.
    await expect(options.callbacks!.jwt!({ token: signedIn } as never)).resolves.toMatchObject({ uid: user.id });
    await options.events!.signOut!({ token: { ...signedIn, exp: Math.floor(Date.now() / 1000) + 3600 } } as never);
    expect(await isSessionRevoked(signedIn.sid as string)).toBe(true);
    await expect(options.callbacks!.jwt!({ token: signedIn } as never)).rejects.toThrow(/revoked/);
    // Another sign-in of the same person is a different session and lives on.
    const other = await options.callbacks!.jwt!({ token: { sub: user.id }, user: { id: user.id, role: "TRAINER", sessionVersion: 0, email: user.email, name: user.name }, account: null } as never);
    await expect(options.callbacks!.jwt!({ token: other } as never)).resolves.toMatchObject({ uid: user.id });
  });

  test("revocation entries of expired tokens are swept on the next sign-out; revoking twice is harmless", async () => {
    await db.revokedSession.create({ data: { id: "expired-session", userId: "u", expiresAt: new Date(Date.now() - 1000) } });
    await revokeSession({ sessionId: "fresh-session", userId: "u" });
    await revokeSession({ sessionId: "fresh-session", userId: "u" });
    expect(await isSessionRevoked("expired-session")).toBe(false);
    expect(await isSessionRevoked("fresh-session")).toBe(true);
  });
});
