import "server-only";
import type { TDb } from "@/lib/db/client";
import type { TContentSnapshot } from "./content-snapshot";

/** The content as last synced into this database (live courses only). */
export async function snapshotFromDatabase(db: TDb): Promise<TContentSnapshot> {
  const [courses, versions] = await Promise.all([
    db.course.findMany({
      where: { archivedAt: null },
      select: { slug: true, version: true, lessons: { where: { archivedAt: null }, select: { slug: true, contentHash: true } } },
    }),
    db.questionVersion.findMany({ select: { questionId: true, version: true, contentHash: true } }),
  ]);
  return {
    source: "the database",
    courses: new Map(courses.map((c) => [c.slug, { version: c.version, lessons: new Map(c.lessons.map((l) => [l.slug, l.contentHash])) }])),
    questions: new Map(versions.map((v) => [`${v.questionId}@${v.version}`, v.contentHash])),
  };
}
