import "server-only";
import { assertAdmin } from "@/lib/auth/assert-admin.server";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { escapeLike, readSearchText } from "@/lib/text/safe-text";

const USERS_PAGE_SIZE = 25;

/** One row of the admin user list: exactly what the table shows, nothing else. */
type TAdminUserRow = {
  id: string;
  name: string;
  email: string;
  role: "TRAINER" | "ADMIN";
  certifyingBody: string | null;
  certificationNumber: string | null;
  disabled: boolean;
  verified: boolean;
};

export type TAdminUserList = { rows: TAdminUserRow[]; total: number; page: number; pageCount: number; pageSize: number };

/** Searches name, email and certification number (case-insensitive substring); newest accounts first. */
export async function listUsers({ adminId, q = "", page = 1 }: { adminId: string; q?: string; page?: number }): Promise<TAdminUserList> {
  await assertAdmin(adminId);
  const term = escapeLike(readSearchText(q) ?? "");
  const where: Prisma.UserWhereInput = term
    ? {
        OR: [
          { name: { contains: term, mode: "insensitive" } },
          { email: { contains: term, mode: "insensitive" } },
          { profile: { is: { certificationNumber: { contains: term, mode: "insensitive" } } } },
        ],
      }
    : {};
  const total = await db.user.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  const users = await db.user.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (current - 1) * USERS_PAGE_SIZE,
    take: USERS_PAGE_SIZE,
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      disabledAt: true,
      emailVerifiedAt: true,
      profile: { select: { certifyingBody: true, certificationNumber: true } },
    },
  });
  return {
    rows: users.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      role: u.role,
      certifyingBody: u.profile?.certifyingBody ?? null,
      certificationNumber: u.profile?.certificationNumber ?? null,
      disabled: u.disabledAt !== null,
      verified: u.emailVerifiedAt !== null,
    })),
    total,
    page: current,
    pageCount,
    pageSize: USERS_PAGE_SIZE,
  };
}
