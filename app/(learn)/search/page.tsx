import type { Metadata } from "next";
import { LessonSearchForm } from "@/components/learn/lesson-search-form";
import type { THighlightPart } from "@/lib/search/highlight";
import { listSearchableCourses, searchLessons } from "@/lib/search/search-lessons.server";
import { ZLessonSearchQuery } from "@/lib/search/search-query";

// Full-text search over every live lesson, section by section (lib/search). Dynamic: it reads the
// query string and the index the content sync keeps. Public, like the lessons it points to.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Search lessons" };

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Matches come back as pieces of text (lib/search/highlight.ts); React escapes every piece.
function Highlighted({ parts }: { parts: THighlightPart[] }) {
  return parts.map((p, i) =>
    p.highlight ? (
      <mark key={i} className="rounded-sm bg-amber-200 px-0.5 text-slate-950 dark:bg-amber-300">
        {p.text}
      </mark>
    ) : (
      p.text
    ),
  );
}

export default async function SearchPage({ searchParams }: TProps) {
  const { q, course } = await searchParams;
  const parsed = ZLessonSearchQuery.safeParse({ q, course });
  const query = parsed.success ? parsed.data : { q: "", course: null };
  const problem = parsed.success ? null : (parsed.error.issues[0]?.message ?? "That search cannot be run.");
  const [courses, found] = await Promise.all([listSearchableCourses(), searchLessons(query)]);
  const courseTitle = courses.find((c) => c.slug === query.course)?.title;
  const where = courseTitle ? ` in ${courseTitle}` : "";

  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-3xl font-bold tracking-tight">Search lessons</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">Find the section of a lesson that covers a topic: words match their other forms (“icing” finds “ice”).</p>
      <div className="mt-6">
        <LessonSearchForm q={query.q} course={{ choices: courses, selected: query.course }} label="Search for" />
      </div>
      <div role="status" className="mt-6">
        {problem ? (
          <p className="font-medium text-red-700 dark:text-red-300">{problem}</p>
        ) : !query.q ? (
          <p className="text-slate-600 dark:text-slate-400">Type a word or a few words, for example “ice” or “brace the trunk”.</p>
        ) : found.total === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-700 dark:border-slate-700 dark:text-slate-300">
            No sections match “{query.q}”{where}. Try fewer or more general words.
          </p>
        ) : (
          <p className="text-slate-700 dark:text-slate-300">
            {found.total === 1 ? "1 section matches" : `${found.total} sections match`} “{query.q}”{where}
            {found.total > found.results.length ? `; the best ${found.results.length} are shown` : ""}.
          </p>
        )}
      </div>
      {found.results.length > 0 && (
        <ol aria-label="Search results" className="mt-4 space-y-4">
          {found.results.map((r) => (
            <li key={r.href} className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
              {/* A plain link: lesson pages are static HTML (decision 005); the browser scrolls to the heading. */}
              <a href={r.href} className="group block rounded focus-visible:outline-2 focus-visible:outline-offset-4">
                <span className="block text-sm text-slate-600 dark:text-slate-400">
                  {courses.length > 1 ? `${r.courseTitle} · ` : ""}
                  {r.lessonTitle}
                </span>
                <span className="mt-1 block text-lg font-semibold break-words text-brand-700 group-hover:underline dark:text-brand-100">
                  <Highlighted parts={r.heading} />
                </span>
              </a>
              {r.snippet.length > 0 && (
                <p className="mt-2 break-words text-slate-700 dark:text-slate-300">
                  <Highlighted parts={r.snippet} />
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
