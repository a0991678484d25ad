import "server-only";
import { createPrismaClient, type TDb } from "@/lib/db/client";
import { env } from "@/lib/env";

// The app's one Prisma client, imported as `@/lib/db` (this folder's index): one per process,
// kept on globalThis so dev-mode module reloads reuse it. Scripts and tests build their own from
// ./client.ts; raw SQL goes through the typed helpers in `*.sql.server.ts` files (docs/decisions/014).
const globalForDb = globalThis as unknown as { __backboneDb?: TDb };

export const db: TDb = globalForDb.__backboneDb ?? createPrismaClient(env().DATABASE_URL);
globalForDb.__backboneDb = db;
