import "server-only";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { toCertificationInput } from "@/lib/certifications/certification-schemas";
import { addCertificationTx, savePrimaryCertificationTx } from "@/lib/certifications/certifications.server";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { enqueueMailJob } from "@/lib/mail/mail-queue.server";
import { siteUrl } from "@/lib/config/site-url.server";
import { sendMail } from "@/lib/mail/send-mail.server";
import type { TProfileUpdate, TSignUp } from "./account-schemas";
import { consumeToken, issueToken, newToken, storeToken } from "./auth-tokens.server";
import { hashPassword, verifyPassword } from "./password";

// Account flows. Each writes its rows (and audit entry) in one transaction; mail is sent after
// the commit so a mail failure never leaves half an account behind.

async function mailVerification(email: string, name: string, token: string) {
  const link = siteUrl(`/verify-email?token=${token}`);
  await sendMail(db, {
    to: email,
    subject: "Confirm your email for Backbone CE",
    text: `Hello ${name},\n\nConfirm your email address to start earning CEC credits:\n${link}\n\nThe link works once and expires in 48 hours.`,
  });
}

export async function signUpTrainer(input: TSignUp): Promise<{ userId: string }> {
  const passwordHash = await hashPassword(input.password);
  let created: { id: string; token: string } | null = null;
  try {
    created = await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          passwordHash,
          timeZone: input.timeZone,
          role: "TRAINER",
        },
        select: { id: true },
      });
      // Sign-up asks for one certification; the account page manages all of them.
      await addCertificationTx(tx, user.id, toCertificationInput(input.certification));
      await recordAudit(tx, { actorId: user.id, action: "user.sign-up", targetType: "user", targetId: user.id, data: { certifyingBody: input.certification.certifyingBody } });
      return { id: user.id, token: await issueToken(tx, user.id, "VERIFY_EMAIL") };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      // Do not reveal that the address has an account: tell its owner by mail instead.
      const existing = await db.user.findUnique({ where: { email: input.email }, select: { name: true } });
      if (existing) {
        await sendMail(db, {
          to: input.email,
          subject: "Someone tried to sign up with your email",
          text: `Hello ${existing.name},\n\nSomeone (perhaps you) tried to create a Backbone CE account with this address, which already has one.\nSign in at ${siteUrl("/sign-in")} or reset your password at ${siteUrl("/forgot-password")}.`,
        });
      }
      return { userId: "" };
    }
    throw error;
  }
  await mailVerification(input.email, input.name, created.token);
  return { userId: created.id };
}

export async function resendVerification(email: string): Promise<void> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, emailVerifiedAt: true } });
  if (!user || user.emailVerifiedAt) return; // same answer whether or not the account exists
  const token = await db.$transaction((tx) => issueToken(tx, user.id, "VERIFY_EMAIL"));
  await mailVerification(email, user.name, token);
}

export async function verifyEmail(token: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const userId = await consumeToken(tx, token, "VERIFY_EMAIL");
    await tx.user.update({ where: { id: userId }, data: { emailVerifiedAt: new Date() } });
    await recordAudit(tx, { actorId: userId, action: "user.verify-email", targetType: "user", targetId: userId });
  });
}

/**
 * The same work on the request path whether or not the address has an account, so the response
 * time says nothing about it: one lookup, one token made and hashed, one job queued. Only the job,
 * after the response, stores the token and sends the mail, and only for an enabled account.
 */
export async function requestPasswordReset(email: string): Promise<void> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, disabledAt: true } });
  const account = user && !user.disabledAt ? user : null;
  const { token, tokenHash } = newToken(); // made (and hashed) for unknown addresses too
  enqueueMailJob("password reset", async () => {
    if (!account) return;
    await db.$transaction((tx) => storeToken(tx, account.id, "RESET_PASSWORD", tokenHash));
    await sendMail(db, {
      to: email,
      subject: "Reset your Backbone CE password",
      text: `Hello ${account.name},\n\nChoose a new password here:\n${siteUrl(`/reset-password?token=${token}`)}\n\nThe link works once and expires in one hour. If you did not ask for this, ignore this email.`,
    });
  });
}

export async function resetPassword(token: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const userId = await consumeToken(tx, token, "RESET_PASSWORD");
    // Resetting proves control of the mailbox, so it also verifies the email; old sessions end.
    await tx.user.update({
      where: { id: userId },
      data: { passwordHash, sessionVersion: { increment: 1 }, emailVerifiedAt: new Date() },
    });
    await tx.loginFailure.deleteMany({ where: { email: (await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } })).email } });
    await recordAudit(tx, { actorId: userId, action: "user.reset-password", targetType: "user", targetId: userId });
  });
}

export async function changePassword(userId: string, currentPassword: string, newPassword: string): Promise<void> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError("UNPROCESSABLE", "Your current password is not correct.", { fields: { currentPassword: "Not correct." } });
  }
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, { actorId: userId, action: "user.change-password", targetType: "user", targetId: userId });
  });
}

export async function signOutEverywhere(userId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    await recordAudit(tx, { actorId: userId, action: "user.sign-out-everywhere", targetType: "user", targetId: userId });
  });
}

export async function updateProfile(userId: string, input: TProfileUpdate): Promise<void> {
  const certification = toCertificationInput(input.certification);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { name: input.name, timeZone: input.timeZone } });
    // The profile form edits the primary certification (lib/certifications).
    await savePrimaryCertificationTx(tx, userId, certification);
    await recordAudit(tx, { actorId: userId, action: "user.update-profile", targetType: "user", targetId: userId, data: { ...certification } });
  });
}



export async function getAccount(userId: string) {
  return db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      name: true,
      email: true,
      timeZone: true,
      role: true,
      remindersOffAt: true,
      profile: { select: { certifyingBody: true, certificationNumber: true, firstCertifiedOn: true, certificationExpiresOn: true } },
    },
  });
}
