import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LessonProgress } from "@/components/learn/lesson-progress-client";
import { MdxContent } from "@/components/mdx/mdx-content";
import { StaticIsland } from "@/components/static/static-island";
import { linkClass } from "@/components/ui";
import { compileLesson } from "@/lib/content/compile-lesson.server";
import { findLesson, loadLiveCourses } from "@/lib/content/load-content";

// Prerendered at build time (MDX compiled once, never per request) and identical for every
// visitor, so a CDN can cache it; completion and resume state come from the client island.
export const dynamic = "force-static";
export const dynamicParams = false;
export const revalidate = false;

export function generateStaticParams() {
  return loadLiveCourses().flatMap((c) => c.lessons.map((l) => ({ course: c.slug, lesson: l.slug })));
}

type TParams = { params: Promise<{ course: string; lesson: string }> };

export async function generateMetadata({ params }: TParams): Promise<Metadata> {
  const { course, lesson } = await params;
  const found = findLesson(course, lesson);
  return found ? { title: `${found.lesson.frontmatter.title} · ${found.course.frontmatter.title}`, description: found.lesson.frontmatter.summary } : {};
}

export default async function LessonPage({ params }: TParams) {
  const { course: courseSlug, lesson: lessonSlug } = await params;
  const found = findLesson(courseSlug, lessonSlug);
  if (!found) notFound();
  const { course, lesson, previous, next, index } = found;
  const compiled = await compileLesson(`${course.slug}/${lesson.slug}/${lesson.hash}`, lesson.body, course.dir);
  const final = course.quizzes.find((q) => q.quiz.kind === "final");
  const check = course.quizzes.find((q) => q.quiz.kind === "lesson-check" && q.quiz.lesson === lesson.slug);
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <LessonProgress
        courseSlug={course.slug}
        lessonSlug={lesson.slug}
        lessonTitle={lesson.frontmatter.title}
        headingIds={compiled.headings.map((h) => h.id)}
        nextHref={next ? `/courses/${course.slug}/${next.slug}` : final ? `/courses/${course.slug}/quiz/${final.slug}` : `/courses/${course.slug}`}
        nextLabel={next ? `Next: ${next.frontmatter.title}` : final ? "Take the final assessment" : "Back to the course"}
      />
      <nav aria-label="Breadcrumb" className="no-print text-sm text-slate-600 dark:text-slate-400">
        <ol className="flex flex-wrap gap-1">
          <li>
            <Link href="/courses" className="hover:underline">
              Courses
            </Link>
            <span aria-hidden="true"> / </span>
          </li>
          <li>
            <Link href={`/courses/${course.slug}`} className="hover:underline">
              {course.frontmatter.title}
            </Link>
          </li>
        </ol>
      </nav>
      {/* Everything below is static HTML, sent once rather than again as hydration data (decision
          005); its links are plain links. The id names this page's content in this build. */}
      <StaticIsland id={`lesson-${course.slug}-${lesson.slug}-${lesson.hash.slice(0, 16)}`} className="mt-4 grid gap-10 lg:grid-cols-[1fr_16rem]">
        <article className="min-w-0">
          <header>
            <p className="text-sm font-medium text-brand-700 dark:text-brand-100">
              Lesson {index + 1} of {course.lessons.length} · {lesson.frontmatter.minutes} min read
            </p>
            <h1 className="mt-2 text-3xl font-bold tracking-tight sm:text-4xl">{lesson.frontmatter.title}</h1>
            <p className="mt-3 text-lg text-slate-700 dark:text-slate-300">{lesson.frontmatter.summary}</p>
            <section aria-labelledby="lesson-objectives" className="mt-6 rounded-lg bg-brand-50 p-5 dark:bg-slate-900">
              <h2 id="lesson-objectives" className="font-semibold">
                In this lesson you will learn to
              </h2>
              <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-700 dark:text-slate-300">
                {lesson.frontmatter.objectives.map((o) => (
                  <li key={o}>{o}</li>
                ))}
              </ul>
            </section>
          </header>
          <div className="prose prose-slate mt-8 max-w-none dark:prose-invert prose-headings:scroll-mt-20 prose-a:text-brand-700 dark:prose-a:text-brand-100">
            <MdxContent code={compiled.code} />
          </div>
          {check && (
            <section aria-labelledby="knowledge-check" className="no-print mt-12 rounded-lg border border-brand-100 bg-brand-50 p-5 dark:border-slate-700 dark:bg-slate-900">
              <h2 id="knowledge-check" className="font-semibold">
                Check your understanding
              </h2>
              <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
                {check.quiz.questions.length} short questions on this lesson, with explanations. Practice only: it does not count toward your credit.
              </p>
              <a href={`/courses/${course.slug}/quiz/${check.slug}`} className={`mt-3 inline-block ${linkClass}`}>
                Knowledge check: {lesson.frontmatter.title}
              </a>
            </section>
          )}
          <nav aria-label="Lessons" className="no-print mt-12 flex flex-col gap-3 border-t border-slate-200 pt-6 sm:flex-row sm:justify-between dark:border-slate-800">
            {previous ? (
              <a href={`/courses/${course.slug}/${previous.slug}`} className="rounded-md border border-slate-300 px-4 py-3 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900" rel="prev">
                <span className="block text-xs text-slate-500 dark:text-slate-400">Previous</span>
                {previous.frontmatter.title}
              </a>
            ) : (
              <span />
            )}
            {next ? (
              <a href={`/courses/${course.slug}/${next.slug}`} className="rounded-md border border-slate-300 px-4 py-3 text-right hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900" rel="next">
                <span className="block text-xs text-slate-500 dark:text-slate-400">Next</span>
                {next.frontmatter.title}
              </a>
            ) : final ? (
              <a href={`/courses/${course.slug}/quiz/${final.slug}`} className="rounded-md bg-brand-700 px-4 py-3 text-right font-medium text-white hover:bg-brand-800">
                <span className="block text-xs text-brand-100">Finished reading?</span>
                {final.quiz.title}
              </a>
            ) : null}
          </nav>
        </article>
        <aside className="no-print hidden lg:block">
          <nav aria-labelledby="toc-title" className="sticky top-6 text-sm">
            <h2 id="toc-title" className="font-semibold">
              On this page
            </h2>
            <ul className="mt-3 space-y-2 border-l border-slate-200 dark:border-slate-800">
              {compiled.headings.map((h) => (
                <li key={h.id} className={h.depth === 3 ? "pl-6" : "pl-3"}>
                  <a href={`#${h.id}`} className="text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white">
                    {h.text}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </aside>
      </StaticIsland>
    </div>
  );
}
