import path from "node:path";
import { snapshotFromDatabase } from "@/lib/content/content-snapshot.server";
import { ContentError, loadCourse } from "@/lib/content/load-content";
import { syncContent } from "@/lib/content/sync-content.server";
import { createPrismaClient } from "@/lib/db/client";
import { runContentCheck } from "./lib/content-check-runner";
import { fail, openDatabase, StartupError } from "./lib/runtime";

// `npm run content:sync`: checks, then mirrors content/ into the database (npm start does this
// too); a course folder that is gone, or says `status: retired`, is retired (decision 010).
// `-- --course <folder>` syncs that one course and leaves every other course as it is.
async function main() {
  const at = process.argv.indexOf("--course");
  const only = at >= 0 ? process.argv[at + 1] : undefined;
  const database = await openDatabase();
  const db = createPrismaClient(database.url, { max: 2 });
  try {
    if (!only) {
      const check = await runContentCheck({ previous: await snapshotFromDatabase(db) });
      if (!check.ok) throw new ContentError(check.lines.join("\n"));
    }
    const r = only ? await syncContent(db, [loadCourse(path.resolve(only))]) : await syncContent(db);
    console.log(
      `synced ${r.courses} course(s), ${r.lessons} lesson(s), ${r.quizzes} quiz(zes); ${r.changed} change(s)` +
        (r.retired.length ? `; retired ${r.retired.join(", ")} (${r.closedAttempts} open attempt(s) closed)` : ""),
    );
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

main().catch((error) => {
  if (error instanceof StartupError || error instanceof ContentError) fail(error.message);
  fail(error instanceof Error ? error.message : String(error));
});
