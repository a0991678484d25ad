import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Prisma, TokenKind } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";

// Single-use, expiring tokens for email verification and password reset. Only a sha256 of the
// token is stored; the token itself exists only in the email.

export const TOKEN_TTL_MS: Record<TokenKind, number> = { VERIFY_EMAIL: 48 * 3600_000, RESET_PASSWORD: 3600_000 };

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function issueToken(tx: Prisma.TransactionClient, userId: string, kind: TokenKind): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  // A new link replaces older unused ones of the same kind.
  await tx.authToken.updateMany({ where: { userId, kind, usedAt: null }, data: { usedAt: new Date() } });
  await tx.authToken.create({ data: { userId, kind, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + TOKEN_TTL_MS[kind]) } });
  return token;
}

/** Marks the token used (atomically: a second use fails) and returns its user. */
export async function consumeToken(tx: Prisma.TransactionClient, token: string, kind: TokenKind): Promise<string> {
  const row = await tx.authToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, userId: true, kind: true, usedAt: true, expiresAt: true } });
  const what = kind === "VERIFY_EMAIL" ? "verification" : "reset";
  if (!row || row.kind !== kind) throw new AppError("BAD_REQUEST", `This ${what} link is not valid. Request a new one.`);
  if (row.usedAt) throw new AppError("GONE", `This ${what} link has already been used. Request a new one if you need it.`);
  if (row.expiresAt < new Date()) throw new AppError("GONE", `This ${what} link has expired. Request a new one.`);
  const claimed = await tx.authToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date() } });
  if (claimed.count !== 1) throw new AppError("GONE", `This ${what} link has already been used.`);
  return row.userId;
}
