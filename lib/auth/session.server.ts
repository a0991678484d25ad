import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { selectSessionUser } from "./session.sql.server";
import { decodeSessionToken } from "./session-token";

export type TSessionUser = { id: string; name: string; email: string; role: "TRAINER" | "ADMIN"; timeZone: string };

function sessionCookieName(): string {
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
  const token = await decodeSessionToken({ token: raw, secret: env().NEXTAUTH_SECRET ?? "" }).catch(() => null);
  // A token without its own session id cannot be signed out on its own: not one we issued.
  if (typeof token?.uid !== "string" || typeof token.sv !== "number" || typeof token.sid !== "string") return null;
  return findSessionUser({ userId: token.uid, sessionVersion: token.sv, sessionId: token.sid });
});

/**
 * The database half of getSessionUser, once the token is decoded and checked (bench/scale.ts times
 * it with the dashboard's own reads, as a request to the page runs them).
 */
export async function findSessionUser({ userId, sessionVersion, sessionId }: { userId: string; sessionVersion: number; sessionId: string }): Promise<TSessionUser | null> {
  // Every authenticated request runs this: the user and the revocation check in one statement (decision 020).
  const user = await selectSessionUser(db, { userId, sessionId });
  if (!user || user.disabledAt || user.sessionVersion !== sessionVersion || user.revoked) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role, timeZone: user.timeZone };
}
