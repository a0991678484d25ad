import { PrismaPg } from "@prisma/adapter-pg";
import { type Prisma, PrismaClient } from "@/lib/generated/prisma/client";

export type TDb = ReturnType<typeof createPrismaClient>;

/** What a raw-SQL helper (`*.sql.server.ts`, docs/decisions/014) runs on: the app's client or a transaction's. */
export type TSqlClient = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw">;

// One factory for the app (lib/db/index.ts), scripts and tests. The password hash is omitted from
// every query unless a caller asks for it explicitly (sign-in does).
export function createPrismaClient(connectionString: string, options: { max?: number } = {}) {
  const adapter = new PrismaPg({ connectionString, max: options.max ?? 10, connectionTimeoutMillis: 5_000 });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}
