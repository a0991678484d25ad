import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Prisma, TokenKind } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";

// Single-use, expiring tokens for email verification and password reset. Only a sha256 of the
// token is stored; the token itself exists only in the email.

const TOKEN_TTL_MS: Record<TokenKind, number> = { VERIFY_EMAIL: 48 * 3600_000, RESET_PASSWORD: 3600_000 };

/** Token hashes computed since start (an operational counter; the equal-work test compares deltas). */
export const tokenHashStats = { hashed: 0 };

function hashToken(token: string): string {
  tokenHashStats.hashed += 1;
  return createHash("sha256").update(token).digest("hex");
}

/** A fresh token and its hash (the hash is what is stored). */
export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

/** Stores a token made with newToken; a new link replaces older unused ones of the same kind. */
export async function storeToken(tx: Prisma.TransactionClient, userId: string, kind: TokenKind, tokenHash: string): Promise<void> {
  await tx.authToken.updateMany({ where: { userId, kind, usedAt: null }, data: { usedAt: new Date() } });
  await tx.authToken.create({ data: { userId, kind, tokenHash, expiresAt: new Date(Date.now() + TOKEN_TTL_MS[kind]) } });
}

export async function issueToken(tx: Prisma.TransactionClient, userId: string, kind: TokenKind): Promise<string> {
  const { token, tokenHash } = newToken();
  await storeToken(tx, userId, kind, tokenHash);
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
