import "server-only";
import { db } from "@/lib/db";
import { SESSION_MAX_AGE } from "./session-constants";

// Plain sign-out revokes the one session it ends: its id (the JWT's `sid`) goes into
// RevokedSession until the token would have expired anyway, and getSessionUser refuses it. A
// deny list rather than a table of live sessions: a sign-in writes nothing, a request reads one
// primary-key lookup, and the list only holds sessions signed out before their 30 days.

export async function revokeSession({ sessionId, userId, expiresAt }: { sessionId: string; userId: string; expiresAt?: Date }): Promise<void> {
  const now = new Date();
  await db.$transaction([
    db.revokedSession.upsert({
      where: { id: sessionId },
      create: { id: sessionId, userId, expiresAt: expiresAt ?? new Date(now.getTime() + SESSION_MAX_AGE * 1000) },
      update: {},
    }),
    // Entries of tokens that have expired by now prove nothing: keep the list short.
    db.revokedSession.deleteMany({ where: { expiresAt: { lt: now } } }),
  ]);
}

export async function isSessionRevoked(sessionId: string): Promise<boolean> {
  return (await db.revokedSession.findUnique({ where: { id: sessionId }, select: { id: true } })) !== null;
}
