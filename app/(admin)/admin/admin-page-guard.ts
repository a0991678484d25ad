import "server-only";
import { notFound, redirect } from "next/navigation";
import { getSessionUser, type TSessionUser } from "@/lib/auth/session.server";

/**
 * Every admin page calls this itself (layouts are not re-run on client navigation, and
 * middleware is never trusted): signed out → sign in; signed in but not an admin → 404.
 */
export async function requireAdminPage(path: string): Promise<TSessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  if (user.role !== "ADMIN") notFound();
  return user;
}

export function firstParam(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

export function pageParam(v: string | string[] | undefined): number {
  const n = Number.parseInt(firstParam(v) ?? "1", 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, 100_000) : 1;
}
