import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CourseAccreditation } from "@/components/learn/course-accreditation";
import { CourseProgress } from "@/components/learn/course-progress-client";
import { LessonSearchForm } from "@/components/learn/lesson-search-form";
import { MdxContent } from "@/components/mdx/mdx-content";
import { linkClass, Table } from "@/components/ui";
import { compileLesson } from "@/lib/content/compile-lesson.server";
import { toCourseView } from "@/lib/content/course-view";
import { findCourse, loadLiveCourses } from "@/lib/content/load-content";

// Prerendered and identical for everyone; the trainer's progress comes from a client island.
export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams() {
  return loadLiveCourses().map((c) => ({ course: c.slug }));
}

export async function generateMetadata({ params }: { params: Promise<{ course: string }> }): Promise<Metadata> {
  const course = findCourse((await params).course);
  if (!course) return {};
  const { title, summary: description } = course.frontmatter;
  // og:image / twitter:image come from opengraph-image.tsx and twitter-image.tsx beside this page.
  return {
    title,
    description,
    alternates: { canonical: `/courses/${course.slug}` },
    openGraph: { type: "website", siteName: "Backbone CE", title, description, url: `/courses/${course.slug}` },
    twitter: { card: "summary_large_image", title, description },
  };
}

export default async function CoursePage({ params }: { params: Promise<{ course: string }> }) {
  const source = findCourse((await params).course);
  if (!source) notFound();
  const course = toCourseView(source);
  const intro = await compileLesson(`${source.slug}/course`, source.intro, source.dir);
  const checkOf = new Map(course.lessonChecks.map((q) => [q.lesson, q]));
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
        <Link href="/courses" className="hover:underline">
          Courses
        </Link>
      </nav>
      <div className="mt-3 grid gap-10 lg:grid-cols-[1fr_20rem]">
        {/* min-w-0: the accreditation table scrolls in its own box instead of widening the page on phones. */}
        <div className="min-w-0">
          <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{course.title}</h1>
          <p className="mt-3 text-lg text-slate-700 dark:text-slate-300">{course.summary}</p>
          <div className="prose prose-slate mt-8 max-w-none dark:prose-invert">
            <MdxContent code={intro.code} />
          </div>
          <section aria-labelledby="objectives" className="mt-10">
            <h2 id="objectives" className="text-2xl font-semibold">
              What you will be able to do
            </h2>
            <ul className="mt-4 list-disc space-y-2 pl-6 text-slate-700 dark:text-slate-300">
              {course.objectives.map((o) => (
                <li key={o}>{o}</li>
              ))}
            </ul>
          </section>
          <div className="mt-10 max-w-xl">
            <LessonSearchForm id="course-search" label="Search this course" course={{ fixed: { slug: course.slug, title: course.title } }} />
          </div>
          <section aria-labelledby="syllabus" className="mt-10">
            <h2 id="syllabus" className="text-2xl font-semibold">
              Syllabus
            </h2>
            <ol className="mt-4 divide-y divide-slate-200 rounded-xl border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
              {course.lessons.map((l, i) => (
                <li key={l.slug} className="flex items-start gap-4 p-4">
                  <span className="mt-0.5 flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-brand-50 text-sm font-semibold text-brand-700 dark:bg-slate-800 dark:text-brand-100" data-lesson-badge={l.slug}>
                    {i + 1}
                  </span>
                  <div className="min-w-0 flex-1">
                    {/* Lesson pages are static HTML (decision 005): a plain link loads the cached page. */}
                    <a href={`/courses/${course.slug}/${l.slug}`} className="font-medium hover:underline">
                      {l.title}
                    </a>
                    <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{l.summary}</p>
                    {checkOf.get(l.slug) && (
                      <p className="mt-1 text-sm">
                        <Link href={`/courses/${course.slug}/quiz/${checkOf.get(l.slug)?.slug}`} className={linkClass}>
                          Knowledge check<span className="sr-only">: {l.title}</span>
                        </Link>{" "}
                        <span className="text-slate-500 dark:text-slate-400">· practice, not graded for credit</span>
                      </p>
                    )}
                  </div>
                  <span className="shrink-0 text-sm text-slate-500 dark:text-slate-400">{l.minutes} min</span>
                </li>
              ))}
              {course.finalQuiz && (
                <li className="flex items-start gap-4 p-4">
                  <span aria-hidden="true" className="mt-0.5 flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-amber-100 text-sm font-semibold text-amber-800">
                    ✓
                  </span>
                  <div className="min-w-0 flex-1">
                    <Link href={`/courses/${course.slug}/quiz/${course.finalQuiz.slug}`} className="font-medium hover:underline">
                      {course.finalQuiz.title}
                    </Link>
                    <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
                      {course.finalQuiz.questions} questions · pass mark {course.finalQuiz.passMark}%
                      {course.finalQuiz.timeLimitMinutes ? ` · ${course.finalQuiz.timeLimitMinutes} minutes` : ""}
                      {course.finalQuiz.maxAttempts ? ` · up to ${course.finalQuiz.maxAttempts} attempts` : ""}
                    </p>
                  </div>
                </li>
              )}
            </ol>
          </section>
          <CourseAccreditation course={course} />
        </div>
        <aside className="space-y-6 lg:sticky lg:top-6 lg:self-start">
          <CourseProgress courseSlug={course.slug} lessons={course.lessons.map((l) => ({ slug: l.slug, title: l.title }))} />
          <section aria-labelledby="credit" className="rounded-xl border border-slate-200 p-5 dark:border-slate-800">
            <h2 id="credit" className="font-semibold">
              Credit
            </h2>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
              {course.contactHoursLabel} · version {course.version}
            </p>
            <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
              Credit only where a body approved the course; see{" "}
              <a href="#accreditation" className="underline">
                accreditation
              </a>{" "}
              and{" "}
              <a href="#how-we-count-hours" className="underline">
                how we count hours
              </a>
              .
            </p>
            <Table id="credit-by-body" layout="fit" className="mt-3" caption="Credit by certifying body" captionHidden>
              <tbody>
                {course.credits.map((c) => (
                  <tr key={c.body} className="border-t border-slate-100 dark:border-slate-800">
                    <th scope="row" className="py-1.5 text-left font-normal" title={c.bodyName}>
                      {c.body === "OTHER" ? "Other bodies" : c.body}
                    </th>
                    <td className="py-1.5 text-right font-medium">
                      {c.hundredths === null ? <span className="font-normal text-slate-600 dark:text-slate-400">No figure claimed</span> : c.label}
                      {c.courseNumber ? <span className="block text-xs font-normal text-slate-600 dark:text-slate-400">Approval no. {c.courseNumber}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </section>
        </aside>
      </div>
    </div>
  );
}
