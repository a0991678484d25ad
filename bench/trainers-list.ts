import { pathToFileURL } from "node:url";
import { parseTrainerFilters, type TTrainerFilters } from "@/lib/admin/trainer-filters";
import { queryTrainers } from "@/lib/admin/trainer-query.sql.server";
import { createPrismaClient, type TDb } from "@/lib/db/client";
import { seedLargeDataSet } from "@/prisma/seed-large";
import { median } from "./lib";

// The admin trainers list against 10,000 seeded trainers: the server-side work behind one page
// view (both queries), timed for three typical requests. `npm run bench` calls these; run this file
// directly (DATABASE_URL set, database seeded with `npm run db:seed:large`) to time just the list.

/** Seeds the large data set into the bench database unless it is there already. */
export async function seedLargeForBench(db: TDb): Promise<void> {
  const result = await seedLargeDataSet(db, { log: () => {} });
  if (!result.skipped) console.log(`seeded ${result.trainers} trainers for the list benchmark in ${(result.ms / 1000).toFixed(1)} s`);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export type TTrainersListBench = { medianMs: number; p95Ms: number; byCase: Record<string, { medianMs: number; p95Ms: number }> };

export async function benchTrainersList(db: TDb, { runs = 30 }: { runs?: number } = {}): Promise<TTrainersListBench> {
  // A real certification number from the data set, as an admin would type it.
  const sample = await db.trainerProfile.findFirst({ where: { user: { role: "TRAINER" } }, orderBy: { userId: "desc" }, select: { certificationNumber: true } });
  if (!sample) throw new Error("No trainers to list: seed the database first (npm run db:seed:large).");
  const cases: Record<string, TTrainerFilters> = {
    "first page": parseTrainerFilters({}),
    "search by certification number": parseTrainerFilters({ q: sample.certificationNumber }),
    "filtered and sorted": parseTrainerFilters({ body: "NFPT", cycle: "behind", sort: "due", page: "3" }),
  };
  // Warm up: connection pool, plan cache, the zone list.
  for (const filters of Object.values(cases)) await queryTrainers(db, filters);

  const all: number[] = [];
  const byCase: TTrainersListBench["byCase"] = {};
  for (const [name, filters] of Object.entries(cases)) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const list = await queryTrainers(db, filters);
      times.push(performance.now() - t0);
      if (name === "search by certification number" && list.rows.length === 0) throw new Error("search by certification number found nobody");
    }
    byCase[name] = { medianMs: median(times), p95Ms: percentile(times, 95) };
    all.push(...times);
  }
  return { medianMs: median(all), p95Ms: percentile(all, 95), byCase };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("Set DATABASE_URL to a database seeded with `npm run db:seed:large`.");
    process.exit(1);
  }
  const db = createPrismaClient(url, { max: 4 });
  const count = await db.user.count({ where: { role: "TRAINER" } });
  const result = await benchTrainersList(db, { runs: Number(process.env.RUNS ?? 30) });
  console.log(`trainers: ${count}`);
  for (const [name, r] of Object.entries(result.byCase)) console.log(`  ${name.padEnd(32)} median ${r.medianMs.toFixed(1)} ms  p95 ${r.p95Ms.toFixed(1)} ms`);
  console.log(`all requests: median ${result.medianMs.toFixed(1)} ms, p95 ${result.p95Ms.toFixed(1)} ms (target: median < 300 ms)`);
  await db.$disconnect();
}
