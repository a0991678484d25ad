import { syncContent } from "@/lib/content/sync-content.server";
import { createPrismaClient } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { adminQuery, databaseUrl, resolveTestServer } from "@/tests/pg-server";
import { createContext } from "./context";
import { describeLoad, load } from "./lib";
import { seedCertificate } from "./sections/verify";

// `BENCH_CPU_PROF=1 npx tsx --conditions=react-server bench/profile-url.ts verify|verify-api|home [seconds]`:
// serves the bench build with a CPU profile and loads one kind of page alone, so the profile
// (bench/summarize-profile.ts) shows that page's cost and nothing else.

const kind = process.argv[2] ?? "verify";
const seconds = Number(process.argv[3] ?? 10);
const pg = await resolveTestServer();
const dbName = `backbone_prof_${process.pid}`;
await adminQuery(pg.adminUrl, `CREATE DATABASE "${dbName}"`);
const url = databaseUrl(pg.adminUrl, dbName);
const db = createPrismaClient(url, { max: 3 });
const ctx = await createContext(db, url);
try {
  await migrateDatabase({ connectionString: url });
  await syncContent(db);
  const base = await ctx.server();
  const code = await seedCertificate(ctx);
  const target = { verify: `/verify/${code}`, "verify-api": `/api/verify/${code}`, home: "/" }[kind] ?? kind;
  await load({ url: `${base}${target}`, duration: 3 });
  console.log(describeLoad(await load({ url: `${base}${target}`, duration: seconds })));
} finally {
  const stopped = await ctx.stop();
  console.log(`peak RSS ${stopped?.peakMb} MB; ${stopped?.split}`);
  await db.$disconnect();
  await adminQuery(pg.adminUrl, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
}
