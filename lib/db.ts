import "server-only";
import { createPrismaClient, type TDb } from "@/lib/db/client";
import { env } from "@/lib/env";

// One Prisma client per process, kept on globalThis so dev-mode module reloads reuse it.
const globalForDb = globalThis as unknown as { __backboneDb?: TDb };

export const db: TDb = globalForDb.__backboneDb ?? createPrismaClient(env().DATABASE_URL);
globalForDb.__backboneDb = db;
