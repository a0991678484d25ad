import { defineConfig } from "prisma/config";

// Prisma 7 reads the connection from here (for CLI commands that need one, e.g. `migrate deploy`
// where the engine can be downloaded). The app itself migrates with scripts/db-migrate.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/backbone" },
});
