import { snapshotFromDatabase } from "@/lib/content/content-snapshot.server";
import type { TContentSnapshot } from "@/lib/content/content-snapshot";
import { createPrismaClient } from "@/lib/db/client";
import { runContentCheck } from "./lib/content-check-runner";

// `npm run content:check`: every rule of docs/authoring.md, with file, line and rule named. The
// version rules compare with the database in DATABASE_URL when it answers, else with git HEAD.

async function databaseSnapshot(): Promise<TContentSnapshot | undefined> {
  const url = process.env.DATABASE_URL;
  if (!url) return undefined;
  const db = createPrismaClient(url, { max: 1 });
  try {
    return await Promise.race([
      snapshotFromDatabase(db),
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 5_000).unref()),
    ]);
  } catch {
    return undefined; // unreachable or not migrated: fall back to git
  } finally {
    await db.$disconnect().catch(() => {});
  }
}

async function main() {
  const report = await runContentCheck({ previous: await databaseSnapshot() });
  for (const line of report.lines) (report.ok ? console.log : console.error)(line);
  process.exit(report.ok ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
