import { syncContent } from "@/lib/content/sync-content.server";
import { createPrismaClient } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { fail, openDatabase, StartupError } from "@/scripts/lib/runtime";
import { DEMO_ADMIN, DEMO_TRAINER, seedDemoAccounts } from "./seed-helpers";

// `npm run db:seed`: migrate, sync content and create the demo accounts (what `npm start` does on
// its first run in demo mode), for a database you manage yourself.
async function main() {
  const database = await openDatabase();
  const db = createPrismaClient(database.url, { max: 2 });
  try {
    await migrateDatabase({ connectionString: database.url });
    await syncContent(db);
    const { created } = await seedDemoAccounts(db);
    console.log(created ? "demo accounts created:" : "demo accounts already exist:");
    console.log(`  admin    ${DEMO_ADMIN.email}  /  ${DEMO_ADMIN.password}`);
    console.log(`  trainer  ${DEMO_TRAINER.email}  /  ${DEMO_TRAINER.password}`);
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

main().catch((error) => {
  if (error instanceof StartupError) fail(error.message);
  fail(error instanceof Error ? error.message : String(error));
});
