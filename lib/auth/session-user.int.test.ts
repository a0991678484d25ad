import { describe, expect, test } from "vitest";
import { revokeSession } from "@/lib/auth/revoke-session.server";
import { selectSessionUser } from "@/lib/auth/session.sql.server";
import { db } from "@/lib/db";
import { createUser } from "@/prisma/seed-helpers";

// getSessionUser's one statement (decision 020): the user's row and whether this sign-in was
// revoked, read together; the checks that used two lookups must keep their answers.

let n = 0;
const email = () => `session-${++n}-${Date.now()}@session-user.test`;

describe("selectSessionUser", () => {
  test("reads the user with the session state getSessionUser checks", async () => {
    const user = await createUser(db, { email: email(), name: "Session Reader", password: "a long enough passphrase" });
    const row = await selectSessionUser(db, { userId: user.id, sessionId: "not-revoked" });
    expect(row).toEqual({ id: user.id, name: "Session Reader", email: user.email, role: "TRAINER", sessionVersion: 0, disabledAt: null, timeZone: "UTC", revoked: false });
  });

  test("says when this session was signed out, and only this one", async () => {
    const user = await createUser(db, { email: email(), name: "Signed Out", password: "a long enough passphrase" });
    await revokeSession({ sessionId: `sid-${user.id}`, userId: user.id });
    expect((await selectSessionUser(db, { userId: user.id, sessionId: `sid-${user.id}` }))?.revoked).toBe(true);
    expect((await selectSessionUser(db, { userId: user.id, sessionId: `other-${user.id}` }))?.revoked).toBe(false);
  });

  test("reports a disabled account, a bumped session version and an admin role as stored", async () => {
    const user = await createUser(db, { email: email(), name: "Changed", password: "a long enough passphrase" });
    const disabledAt = new Date("2026-11-01T10:00:00Z");
    await db.user.update({ where: { id: user.id }, data: { disabledAt, sessionVersion: { increment: 2 }, role: "ADMIN" } });
    const row = await selectSessionUser(db, { userId: user.id, sessionId: "x" });
    expect(row).toMatchObject({ disabledAt, sessionVersion: 2, role: "ADMIN" });
  });

  test("is null for an unknown user", async () => {
    expect(await selectSessionUser(db, { userId: "no-such-user", sessionId: "x" })).toBeNull();
  });
});
