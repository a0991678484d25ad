import "server-only";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { cache } from "react";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export type TSessionUser = { id: string; name: string; email: string; role: "TRAINER" | "ADMIN"; timeZone: string };

export function sessionCookieName(): string {
  const secure = (env().NEXTAUTH_URL ?? "").startsWith("https://");
  return `${secure ? "__Secure-" : ""}next-auth.session-token`;
}

/**
 * The signed-in user, checked against the database on every request (cached for the request):
 * the token must carry the user's current session version, its session must not have been
 * signed out (RevokedSession), and the account must be enabled.
 * Every page, route handler and action calls this itself; middleware is never trusted.
 */
export const getSessionUser = cache(async (): Promise<TSessionUser | null> => {
  const store = await cookies();
  const raw = store.get(sessionCookieName())?.value;
  if (!raw) return null;
  const token = await decode({ token: raw, secret: env().NEXTAUTH_SECRET ?? "" }).catch(() => null);
  // A token without its own session id cannot be signed out on its own: not one we issued.
  if (!token?.uid || typeof token.sv !== "number" || typeof token.sid !== "string") return null;
  // Every authenticated request runs this: one plain indexed lookup (and a primary-key probe of
  // the sessions ended by plain sign-out), no query planning in the client.
  const rows = await db.$queryRaw<
    { id: string; name: string; email: string; role: "TRAINER" | "ADMIN"; sessionVersion: number; disabledAt: Date | null; timeZone: string; revoked: boolean }[]
  >`SELECT id, name, email, role::text AS role, "sessionVersion", "disabledAt", "timeZone",
       EXISTS (SELECT 1 FROM "RevokedSession" r WHERE r.id = ${token.sid}) AS revoked
     FROM "User" WHERE id = ${token.uid}`;
  const user = rows[0];
  if (!user || user.disabledAt || user.revoked || user.sessionVersion !== token.sv) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role, timeZone: user.timeZone };
});

export async function requireUser(): Promise<TSessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Please sign in to continue.");
  return user;
}

export async function requireAdmin(): Promise<TSessionUser> {
  const user = await requireUser();
  if (user.role !== "ADMIN") throw new AppError("FORBIDDEN", "This is only available to administrators.");
  return user;
}
