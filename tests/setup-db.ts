import { afterAll, inject } from "vitest";
import { createTestDatabase } from "./pg-server";

// Each integration test file gets its own database, copied from the migrated template and
// dropped afterwards. DATABASE_URL is set before the file imports lib/db.
const database = await createTestDatabase(inject("pgAdminUrl"), { template: inject("pgTemplate") });
process.env.DATABASE_URL = database.url;

afterAll(async () => {
  const g = globalThis as unknown as { __backboneDb?: { $disconnect: () => Promise<void> } };
  await g.__backboneDb?.$disconnect();
  g.__backboneDb = undefined;
  await database.drop();
});
