import "server-only";
import type { TDb } from "@/lib/db/client";
import { HEADLINE_OPTIONS } from "./highlight";
import { HIGHLIGHT_START, HIGHLIGHT_STOP } from "./split-lesson-sections";

// Raw because this is PostgreSQL full-text search (the raw SQL policy, docs/decisions/014): Prisma has
// no websearch_to_tsquery, ts_rank or ts_headline. The query text travels as a bound parameter;
// websearch_to_tsquery accepts any input (quotes, "or", "-word") without a syntax error.
// Ranked on the generated "search" column (GIN index); retired courses and removed lessons are
// left out. Snippets are made only for the page of rows kept (the inner query limits first).

export type TLessonSearchRow = {
  courseSlug: string;
  courseTitle: string;
  lessonSlug: string;
  lessonTitle: string;
  anchor: string | null;
  /** Heading and snippet with HIGHLIGHT_START / HIGHLIGHT_STOP around matches (lib/search/highlight.ts). */
  headingMarked: string;
  snippetMarked: string;
  rank: number;
  /** How many sections match in all, however many rows were returned. */
  total: number;
};

const HEADING_OPTIONS = `HighlightAll=true, StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}`;

export async function searchLessonSections(db: TDb, { text, courseSlug, limit }: { text: string; courseSlug: string | null; limit: number }): Promise<TLessonSearchRow[]> {
  return db.$queryRaw<TLessonSearchRow[]>`
    SELECT m."courseSlug", m."courseTitle", m."lessonSlug", m."lessonTitle", m.anchor, m.rank, m.total,
      ts_headline('english', m.heading, m.query, ${HEADING_OPTIONS}) AS "headingMarked",
      ts_headline('english', m.body, m.query, ${HEADLINE_OPTIONS}) AS "snippetMarked"
    FROM (
      SELECT c.slug AS "courseSlug", c.title AS "courseTitle", l.slug AS "lessonSlug", l.title AS "lessonTitle",
        s.anchor, s.heading, s.body, q.query,
        ts_rank(s.search, q.query)::float8 AS rank,
        count(*) OVER ()::int AS total,
        c."sortOrder" AS "courseOrder", l."sortOrder" AS "lessonOrder", s.position
      FROM (SELECT websearch_to_tsquery('english', ${text}) AS query) q
      JOIN "LessonSection" s ON s.search @@ q.query
      JOIN "Lesson" l ON l.id = s."lessonId" AND l."archivedAt" IS NULL
      JOIN "Course" c ON c.id = s."courseId" AND c."archivedAt" IS NULL
      WHERE (${courseSlug}::text IS NULL OR c.slug = ${courseSlug}::text)
      ORDER BY rank DESC, c."sortOrder", l."sortOrder", s.position
      LIMIT ${limit}
    ) m
    ORDER BY m.rank DESC, m."courseOrder", m."lessonOrder", m.position`;
}
