import "server-only";
import { db } from "@/lib/db";
import { parseHighlights, type THighlightPart } from "./highlight";
import { searchLessonSections } from "./lesson-search.sql.server";
import { SEARCH_RESULT_LIMIT, sectionHref, type TLessonSearchQuery } from "./search-query";

type TLessonSearchResult = {
  href: string;
  courseTitle: string;
  lessonTitle: string;
  heading: THighlightPart[];
  snippet: THighlightPart[];
};

export type TLessonSearch = { results: TLessonSearchResult[]; total: number };

/** Sections of live lessons matching the query, best first (stemmed English, headings weigh most). */
export async function searchLessons({ q, course }: TLessonSearchQuery): Promise<TLessonSearch> {
  if (!q) return { results: [], total: 0 };
  const rows = await searchLessonSections(db, { text: q, courseSlug: course, limit: SEARCH_RESULT_LIMIT });
  return {
    total: rows[0]?.total ?? 0,
    results: rows.map((r) => ({
      href: sectionHref(r.courseSlug, r.lessonSlug, r.anchor),
      courseTitle: r.courseTitle,
      lessonTitle: r.lessonTitle,
      heading: parseHighlights(r.headingMarked),
      snippet: parseHighlights(r.snippetMarked),
    })),
  };
}

/** The live courses, for the page's course filter. */
export async function listSearchableCourses(): Promise<{ slug: string; title: string }[]> {
  return db.course.findMany({ where: { archivedAt: null }, orderBy: [{ sortOrder: "asc" }, { title: "asc" }], select: { slug: true, title: true } });
}
