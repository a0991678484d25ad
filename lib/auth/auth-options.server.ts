import "server-only";
import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { clearLoginFailures, releaseLoginAttempt, reserveLoginAttempt } from "./login-throttle.server";
import { getDummyHash, verifyPassword } from "./password";
import { clientIp } from "./request-ip";
import { isSessionRevoked, revokeSession } from "./revoke-session.server";
import { SESSION_MAX_AGE } from "./session-constants";
import { decodeSessionToken, encodeSessionToken } from "./session-token";

const ZCredentials = z.object({ email: z.string().trim().toLowerCase().email().max(254), password: z.string().min(1).max(1024) });

// One generic message: it never says whether the email exists.
export const SIGN_IN_FAILED = "Email or password is incorrect.";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string; role: "TRAINER" | "ADMIN" };
  }
  interface User {
    role: "TRAINER" | "ADMIN";
    sessionVersion: number;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: "TRAINER" | "ADMIN";
    sv?: number;
    /** This sign-in's own id: plain sign-out revokes it (RevokedSession), other sessions live on. */
    sid?: string;
  }
}


/**
 * The credentials check. The failure slot is taken before the password is verified (see
 * login-throttle.server.ts), so parallel guesses cannot outrun the lockout; a right password
 * gives the slot back.
 */
export async function authorizeCredentials(credentials: unknown, headers: Record<string, string | undefined>) {
  const parsed = ZCredentials.safeParse(credentials);
  if (!parsed.success) throw new Error(SIGN_IN_FAILED);
  const { email, password } = parsed.data;
  const ip = clientIp(headers["x-forwarded-for"]);
  let slot: bigint;
  try {
    slot = await reserveLoginAttempt(email, ip);
  } catch (error) {
    if (error instanceof AppError) throw new Error(error.message);
    throw error;
  }
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, role: true, sessionVersion: true, disabledAt: true, emailVerifiedAt: true, passwordHash: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), password);
  if (!user || !ok) throw new Error(SIGN_IN_FAILED); // the slot stays: it is this failure
  await releaseLoginAttempt(slot);
  if (user.disabledAt) throw new Error("This account has been disabled. Contact an administrator.");
  if (!user.emailVerifiedAt) throw new Error("Please verify your email first: use the link we sent you (or request a new one below).");
  await clearLoginFailures(email);
  return { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion };
}

export function authOptions(): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
    // next-auth's token format, with the key derived once rather than per call (decision 020).
    jwt: { encode: encodeSessionToken, decode: decodeSessionToken },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    logger: {
      // A revoked session read is expected (sign out everywhere, disabled account): not an error.
      error(code, metadata) {
        if (code !== "JWT_SESSION_ERROR") console.error(`[next-auth] ${code}`, metadata);
      },
      warn(code) {
        if (code !== "DEBUG_ENABLED") console.warn(`[next-auth] ${code}`);
      },
      debug() {},
    },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: (credentials, req) => authorizeCredentials(credentials, (req?.headers ?? {}) as Record<string, string | undefined>),
      }),
    ],
    events: {
      // Plain sign-out ends this session on the server too: a copy of the cookie is refused from
      // now on (getSessionUser checks RevokedSession), not only forgotten by this browser.
      async signOut({ token }) {
        if (token?.sid && token.uid) await revokeSession({ sessionId: token.sid, userId: token.uid, expiresAt: token.exp ? new Date(Number(token.exp) * 1000) : undefined });
      },
    },
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.role = user.role;
          token.sv = user.sessionVersion;
          token.sid = randomUUID();
          return token;
        }
        // Every session read re-checks the account: a bumped session version (sign out
        // everywhere, password change) or a disabled account ends this session now.
        const current = token.uid && token.sid
          ? await db.user.findUnique({ where: { id: token.uid }, select: { sessionVersion: true, disabledAt: true, role: true, name: true } })
          : null;
        if (!current || current.disabledAt || current.sessionVersion !== token.sv) throw new Error("session revoked");
        if (await isSessionRevoked(token.sid as string)) throw new Error("session revoked");
        token.role = current.role;
        token.name = current.name;
        return token;
      },
      async session({ session, token }) {
        session.user = { id: token.uid as string, name: token.name ?? "", email: token.email ?? "", role: token.role ?? "TRAINER" };
        return session;
      },
    },
  };
}
