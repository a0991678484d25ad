import "server-only";
import type { TSqlClient } from "@/lib/db/client";

// Raw because every authenticated request runs this and it must be one round trip: the user's
// row and whether this sign-in was revoked (RevokedSession has no relation to User that Prisma
// could join), where two findUnique calls cost two (decision 020).

export type TSessionUserRow = {
  id: string;
  name: string;
  email: string;
  role: "TRAINER" | "ADMIN";
  sessionVersion: number;
  disabledAt: Date | null;
  timeZone: string;
  revoked: boolean;
};

/** The user a session token names, with whether its session id was signed out; null when there is no such user. */
export async function selectSessionUser(client: TSqlClient, { userId, sessionId }: { userId: string; sessionId: string }): Promise<TSessionUserRow | null> {
  const rows = await client.$queryRaw<TSessionUserRow[]>`
    SELECT u.id, u.name, u.email, u.role::text AS role, u."sessionVersion", u."disabledAt", u."timeZone",
           EXISTS (SELECT 1 FROM "RevokedSession" r WHERE r.id = ${sessionId}) AS revoked
    FROM "User" u
    WHERE u.id = ${userId}`;
  return rows[0] ?? null;
}
