import { describe, expect, test } from "vitest";
import { POST as signUpRoute } from "@/app/api/account/sign-up/route";
import type { TSignUp } from "@/lib/auth/account-schemas";
import {
  changePassword,
  requestPasswordReset,
  resendVerification,
  resetPassword,
  signOutEverywhere,
  signUpTrainer,
  updateProfile,
  verifyEmail,
} from "@/lib/auth/account.server";
import { changeUserRole, setUserDisabled } from "@/lib/auth/manage-users.server";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { drainMailQueue } from "@/lib/mail/mail-queue.server";
import { AppError } from "@/lib/errors";
import { createUser } from "@/prisma/seed-helpers";

// Account flows against a real database: what each one writes, what it mails, and that every
// link works once and not after it expires.

let n = 0;
const uniqueEmail = (what: string) => `${what}-${++n}-${Date.now()}@example.test`;

function signUpInput(email: string, overrides: Partial<TSignUp> = {}): TSignUp {
  return {
    name: "Sam Spine",
    email,
    password: "a long enough phrase 2026",
    timeZone: "America/Chicago",
    certification: { certifyingBody: "NFPT", certificationNumber: "NFPT-1234", firstCertifiedOn: "2023-04-01", certificationExpiresOn: null },
    ...overrides,
  };
}

async function mailsTo(email: string) {
  return db.outboxEmail.findMany({ where: { to: email }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { subject: true, text: true } });
}

/** The token from the newest mail to `email` whose link goes to `path`. */
async function tokenFromMail(email: string, path: "/verify-email" | "/reset-password"): Promise<string> {
  const mails = await mailsTo(email);
  for (const mail of mails.reverse()) {
    const match = mail.text.match(new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`));
    if (match) return match[1];
  }
  throw new Error(`no ${path} link mailed to ${email}`);
}

async function expectAppError(promise: Promise<unknown>, code: AppError["code"], message?: RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (message) expect((error as AppError).message).toMatch(message);
}

const user = (id: string) =>
  db.user.findUniqueOrThrow({ where: { id }, select: { sessionVersion: true, emailVerifiedAt: true, disabledAt: true, role: true, passwordHash: true } });

async function trainerWithPassword(password = "the old long password 1") {
  return createUser(db, { email: uniqueEmail("trainer"), name: "Tess Trainer", password, profile: { certificationNumber: "NFPT-9", firstCertifiedOn: "2022-01-01" } });
}

describe("signUpTrainer", () => {
  test("creates the user, profile, verification token and audit entry, then mails the link", async () => {
    const email = uniqueEmail("signup");
    const { userId } = await signUpTrainer(signUpInput(email));

    const row = await db.user.findUniqueOrThrow({
      where: { id: userId },
      select: { email: true, role: true, timeZone: true, emailVerifiedAt: true, profile: { select: { certifyingBody: true, certificationNumber: true, firstCertifiedOn: true, certificationExpiresOn: true } } },
    });
    expect(row).toMatchObject({ email, role: "TRAINER", timeZone: "America/Chicago", emailVerifiedAt: null });
    expect(row.profile).toEqual({ certifyingBody: "NFPT", certificationNumber: "NFPT-1234", firstCertifiedOn: new Date("2023-04-01T00:00:00Z"), certificationExpiresOn: null });
    expect(await db.authToken.count({ where: { userId, kind: "VERIFY_EMAIL", usedAt: null } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "user.sign-up", targetId: userId, actorId: userId } })).toBe(1);

    const mails = await mailsTo(email);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toMatch(/confirm your email/i);
    // Only a hash of the token is stored; the mailed token is the only copy.
    const token = await tokenFromMail(email, "/verify-email");
    expect(await db.authToken.count({ where: { tokenHash: token } })).toBe(0);
  });

  test("is one transaction: a failure while issuing the token leaves no user, profile, audit entry or mail", async () => {
    const email = uniqueEmail("atomic");
    const auditsBefore = await db.auditLog.count({ where: { action: "user.sign-up" } });
    await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION test_fail_token() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'token insert refused by test'; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER test_fail_token BEFORE INSERT ON "AuthToken" FOR EACH ROW EXECUTE FUNCTION test_fail_token()`);
    try {
      await expect(signUpTrainer(signUpInput(email))).rejects.toThrow(/token insert refused/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER test_fail_token ON "AuthToken"`);
    }
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect(await db.trainerProfile.count({ where: { user: { email } } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "user.sign-up" } })).toBe(auditsBefore);
    expect(await mailsTo(email)).toHaveLength(0);
  });

  test("a duplicate email gets the same answer, creates nothing, and tells the owner by mail", async () => {
    const email = uniqueEmail("dup");
    const first = await signUpRoute(jsonRequest("/api/account/sign-up", signUpInput(email)));
    const usersBefore = await db.user.count();
    const second = await signUpRoute(jsonRequest("/api/account/sign-up", signUpInput(email.toUpperCase(), { name: "Someone Else" })));

    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual(await first.json());
    expect(await db.user.count()).toBe(usersBefore);

    const mails = await mailsTo(email);
    expect(mails.map((m) => m.subject)).toEqual(["Confirm your email for Backbone CE", "Someone tried to sign up with your email"]);
    expect(mails[1].text).toContain("/forgot-password");
    expect(mails[1].text).not.toMatch(/token=/);
    expect(await db.authToken.count({ where: { user: { email } } })).toBe(1);
  });

  test("invalid input is refused with field errors before anything is written", async () => {
    const email = uniqueEmail("invalid");
    const res = await signUpRoute(jsonRequest("/api/account/sign-up", { ...signUpInput(email), password: "short" }));
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { fields: Record<string, string> } };
    expect(body.error.fields.password).toMatch(/12 characters/);
    expect(await db.user.count({ where: { email } })).toBe(0);
  });
});

function jsonRequest(path: string, body: unknown): Request {
  return new Request(`http://localhost:3000${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

describe("email verification", () => {
  test("a token verifies once; a second use is refused", async () => {
    const email = uniqueEmail("verify");
    const { userId } = await signUpTrainer(signUpInput(email));
    const token = await tokenFromMail(email, "/verify-email");

    await verifyEmail(token);
    expect((await user(userId)).emailVerifiedAt).toBeInstanceOf(Date);
    expect(await db.auditLog.count({ where: { action: "user.verify-email", targetId: userId } })).toBe(1);
    await expectAppError(verifyEmail(token), "GONE", /already been used/);
  });

  test("an expired token is refused and verifies nothing", async () => {
    const email = uniqueEmail("expired");
    const { userId } = await signUpTrainer(signUpInput(email));
    const token = await tokenFromMail(email, "/verify-email");
    await db.authToken.updateMany({ where: { userId }, data: { expiresAt: new Date(Date.now() - 1000) } });

    await expectAppError(verifyEmail(token), "GONE", /expired/);
    expect((await user(userId)).emailVerifiedAt).toBeNull();
  });

  test("an unknown token, or a reset token used to verify, is not valid", async () => {
    await expectAppError(verifyEmail("x".repeat(43)), "BAD_REQUEST", /not valid/);
    const trainer = await trainerWithPassword();
    await requestPasswordReset(trainer.email);
    await drainMailQueue();
    const resetToken = await tokenFromMail(trainer.email, "/reset-password");
    await expectAppError(verifyEmail(resetToken), "BAD_REQUEST", /not valid/);
  });

  test("resending replaces the older link; verified and unknown addresses get no mail", async () => {
    const email = uniqueEmail("resend");
    await signUpTrainer(signUpInput(email));
    const oldToken = await tokenFromMail(email, "/verify-email");
    await resendVerification(email);
    const newToken = await tokenFromMail(email, "/verify-email");
    expect(newToken).not.toBe(oldToken);
    await expectAppError(verifyEmail(oldToken), "GONE");
    await verifyEmail(newToken);

    const before = (await mailsTo(email)).length;
    await resendVerification(email);
    expect(await mailsTo(email)).toHaveLength(before);
    const nobody = uniqueEmail("nobody");
    await resendVerification(nobody);
    expect(await mailsTo(nobody)).toHaveLength(0);
  });
});

describe("password reset and change", () => {
  test("reset sets the new password, bumps the session version, verifies the email and clears sign-in failures", async () => {
    const trainer = await trainerWithPassword();
    await db.user.update({ where: { id: trainer.id }, data: { emailVerifiedAt: null } });
    await db.loginFailure.createMany({ data: [{ email: trainer.email, ip: "10.0.0.1" }, { email: trainer.email, ip: "10.0.0.2" }] });
    const before = await user(trainer.id);

    await requestPasswordReset(trainer.email);

    await drainMailQueue();
    const token = await tokenFromMail(trainer.email, "/reset-password");
    await resetPassword(token, "a brand new long password");

    const after = await user(trainer.id);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(after.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await verifyPassword(after.passwordHash, "a brand new long password")).toBe(true);
    expect(await verifyPassword(after.passwordHash, "the old long password 1")).toBe(false);
    expect(await db.loginFailure.count({ where: { email: trainer.email } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "user.reset-password", targetId: trainer.id } })).toBe(1);

    await expectAppError(resetPassword(token, "yet another long password"), "GONE", /already been used/);
    expect((await user(trainer.id)).sessionVersion).toBe(after.sessionVersion);
  });

  test("an expired reset link is refused and changes nothing", async () => {
    const trainer = await trainerWithPassword();
    await requestPasswordReset(trainer.email);
    await drainMailQueue();
    const token = await tokenFromMail(trainer.email, "/reset-password");
    await db.authToken.updateMany({ where: { userId: trainer.id, kind: "RESET_PASSWORD" }, data: { expiresAt: new Date(Date.now() - 1) } });
    const before = await user(trainer.id);

    await expectAppError(resetPassword(token, "a brand new long password"), "GONE", /expired/);
    expect(await user(trainer.id)).toEqual(before);
  });

  test("no reset mail for unknown or disabled accounts", async () => {
    const nobody = uniqueEmail("nobody");
    await requestPasswordReset(nobody);
    await drainMailQueue();
    expect(await mailsTo(nobody)).toHaveLength(0);

    const trainer = await trainerWithPassword();
    await db.user.update({ where: { id: trainer.id }, data: { disabledAt: new Date() } });
    await requestPasswordReset(trainer.email);
    await drainMailQueue();
    expect(await mailsTo(trainer.email)).toHaveLength(0);
  });

  test("change password needs the current one and ends other sessions", async () => {
    const trainer = await trainerWithPassword();
    const before = await user(trainer.id);
    const wrong = await changePassword(trainer.id, "not my password", "a brand new long password").catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(AppError);
    expect((wrong as AppError).details.fields).toEqual({ currentPassword: "Not correct." });
    expect((await user(trainer.id)).sessionVersion).toBe(before.sessionVersion);

    await changePassword(trainer.id, "the old long password 1", "a brand new long password");
    const after = await user(trainer.id);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await verifyPassword(after.passwordHash, "a brand new long password")).toBe(true);
  });

  test("sign out everywhere bumps the session version each time", async () => {
    const trainer = await trainerWithPassword();
    const before = (await user(trainer.id)).sessionVersion;
    await signOutEverywhere(trainer.id);
    await signOutEverywhere(trainer.id);
    expect((await user(trainer.id)).sessionVersion).toBe(before + 2);
    expect(await db.auditLog.count({ where: { action: "user.sign-out-everywhere", targetId: trainer.id } })).toBe(2);
  });
});

describe("updateProfile", () => {
  test("updates the name, time zone and certification, creating the profile when missing", async () => {
    const admin = await createUser(db, { email: uniqueEmail("noprofile"), name: "No Profile", password: "x" }, "not-a-real-hash");
    await updateProfile(admin.id, {
      name: "Now Profiled",
      timeZone: "Europe/London",
      certification: { certifyingBody: "ACE", certificationNumber: "ACE-77", firstCertifiedOn: "2020-02-29", certificationExpiresOn: "2026-02-28" },
    });
    const row = await db.user.findUniqueOrThrow({ where: { id: admin.id }, select: { name: true, timeZone: true, profile: { select: { certifyingBody: true, certificationNumber: true, certificationExpiresOn: true } } } });
    expect(row).toEqual({ name: "Now Profiled", timeZone: "Europe/London", profile: { certifyingBody: "ACE", certificationNumber: "ACE-77", certificationExpiresOn: new Date("2026-02-28T00:00:00Z") } });

    await updateProfile(admin.id, {
      name: "Now Profiled",
      timeZone: "Europe/London",
      certification: { certifyingBody: "ACE", certificationNumber: "ACE-78", firstCertifiedOn: "2020-02-29", certificationExpiresOn: null },
    });
    const updated = await db.trainerProfile.findUniqueOrThrow({ where: { userId: admin.id }, select: { certificationNumber: true, certificationExpiresOn: true } });
    expect(updated).toEqual({ certificationNumber: "ACE-78", certificationExpiresOn: null });
    expect(await db.auditLog.count({ where: { action: "user.update-profile", targetId: admin.id } })).toBe(2);
  });
});

describe("manage users: the last active administrator", () => {
  async function admin(label: string) {
    return createUser(db, { email: uniqueEmail(label), name: `Admin ${label}`, password: "x", role: "ADMIN" }, "not-a-real-hash");
  }

  // Each test starts from a known set of admins: every other admin in this database is disabled.
  async function onlyAdmins(...ids: string[]) {
    await db.user.updateMany({ where: { role: "ADMIN", id: { notIn: ids } }, data: { disabledAt: new Date() } });
  }

  test("the only active admin can be neither disabled nor demoted", async () => {
    const a = await admin("solo");
    await onlyAdmins(a.id);
    await expectAppError(setUserDisabled({ adminId: a.id, userId: a.id, disabled: true }), "CONFLICT", /last active administrator/);
    await expectAppError(changeUserRole({ adminId: a.id, userId: a.id, role: "TRAINER" }), "CONFLICT", /last active administrator/);
    expect(await user(a.id)).toMatchObject({ role: "ADMIN", disabledAt: null });
  });

  test("with two admins one may go, then the other is the last; a disabled admin does not count", async () => {
    const a = await admin("pair-a");
    const b = await admin("pair-b");
    await onlyAdmins(a.id, b.id);
    const before = (await user(b.id)).sessionVersion;

    await changeUserRole({ adminId: a.id, userId: b.id, role: "TRAINER" });
    expect(await user(b.id)).toMatchObject({ role: "TRAINER", sessionVersion: before + 1 });
    await expectAppError(setUserDisabled({ adminId: a.id, userId: a.id, disabled: true }), "CONFLICT");

    await changeUserRole({ adminId: a.id, userId: b.id, role: "ADMIN" });
    await setUserDisabled({ adminId: a.id, userId: b.id, disabled: true });
    expect((await user(b.id)).disabledAt).toBeInstanceOf(Date);
    await expectAppError(changeUserRole({ adminId: a.id, userId: a.id, role: "TRAINER" }), "CONFLICT");

    // A disabled admin may be demoted or re-enabled freely.
    await setUserDisabled({ adminId: a.id, userId: b.id, disabled: false });
    expect(await user(b.id)).toMatchObject({ disabledAt: null, role: "ADMIN" });
    expect(await db.auditLog.count({ where: { targetId: b.id, action: { in: ["user.change-role", "user.disable", "user.enable"] } } })).toBe(4);
  });

  test("disabling ends the user's sessions; trainers can be disabled and enabled", async () => {
    const a = await admin("actor");
    const trainer = await trainerWithPassword();
    const before = (await user(trainer.id)).sessionVersion;
    await setUserDisabled({ adminId: a.id, userId: trainer.id, disabled: true });
    expect(await user(trainer.id)).toMatchObject({ sessionVersion: before + 1 });
    await setUserDisabled({ adminId: a.id, userId: trainer.id, disabled: false });
    expect((await user(trainer.id)).disabledAt).toBeNull();
    await expectAppError(setUserDisabled({ adminId: a.id, userId: "no-such-user", disabled: true }), "NOT_FOUND");
  });

  test("two admins disabling each other at the same moment: exactly one succeeds", async () => {
    const a = await admin("race-a");
    const b = await admin("race-b");
    await onlyAdmins(a.id, b.id);
    const results = await Promise.allSettled([
      setUserDisabled({ adminId: a.id, userId: b.id, disabled: true }),
      setUserDisabled({ adminId: b.id, userId: a.id, disabled: true }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(AppError);
    // CONFLICT when the loser passed the admin check before the winner committed (last admin);
    // FORBIDDEN when it started after: it is no longer an active admin.
    expect(["CONFLICT", "FORBIDDEN"]).toContain((rejected.reason as AppError).code);
    expect(await db.user.count({ where: { id: { in: [a.id, b.id] }, disabledAt: null } })).toBe(1);
  });
});
