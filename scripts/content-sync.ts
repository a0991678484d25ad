import { syncContent } from "@/lib/content/sync-content.server";
import { ContentError } from "@/lib/content/load-content";
import { createPrismaClient } from "@/lib/db/client";
import { fail, openDatabase, StartupError } from "./lib/runtime";

// `npm run content:sync`: mirrors content/ into the database (npm start does this too).
async function main() {
  const database = await openDatabase();
  const db = createPrismaClient(database.url, { max: 2 });
  try {
    const r = await syncContent(db);
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
