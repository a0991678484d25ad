import { MigrationError, migrateDatabase } from "@/lib/db/migrate";
import { fail, openDatabase, StartupError } from "./lib/runtime";

// `npm run db:migrate`: applies pending migrations offline (see docs/decisions/001-offline-migrations.md).
async function main() {
  const database = await openDatabase();
  try {
    const { applied } = await migrateDatabase({ connectionString: database.url, log: (l) => console.log(l) });
    console.log(applied.length ? `applied ${applied.length} migration(s)` : "database is up to date");
  } finally {
    await database.stop();
  }
}

main().catch((error) => {
  if (error instanceof StartupError || error instanceof MigrationError) fail(error.message);
  fail(error instanceof Error ? error.message : String(error));
});
