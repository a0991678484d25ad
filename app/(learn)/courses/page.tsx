import type { Metadata } from "next";
import Link from "next/link";
import { CourseCover } from "@/components/brand/course-cover";
import { buttonClass } from "@/components/ui";
import { toCourseView } from "@/lib/content/course-view";
import { loadLiveCourses } from "@/lib/content/load-content";

export const metadata: Metadata = { title: "Courses" };
export const dynamic = "force-static";

export default function CatalogPage() {
  const courses = loadLiveCourses().map(toCourseView);
  return (
    <div className="mx-auto max-w-6xl px-4 py-12">
      <h1 className="text-3xl font-bold tracking-tight">Courses</h1>
      <p className="mt-2 max-w-2xl text-slate-700 dark:text-slate-300">
        Each course ends with a final assessment. Pass it after reading every lesson to earn its CEC credit and a verifiable certificate.
      </p>
      {courses.length === 0 ? (
        <p className="mt-10 rounded-lg border border-dashed border-slate-300 p-8 text-center text-slate-600 dark:border-slate-700 dark:text-slate-400">
          No courses are published yet. Add a folder under <code>content/courses/</code> to publish one.
        </p>
      ) : (
        <ul className={`mt-10 grid grid-cols-1 gap-6 ${courses.length > 1 ? "md:grid-cols-2" : ""}`}>
          {courses.map((c) => {
            // Only bodies that approved the course have a figure (docs/decisions/007).
            const approved = c.credits.filter((x) => x.hundredths !== null);
            return (
              <li
                key={c.slug}
                className={`flex flex-col overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900 ${courses.length === 1 ? "md:flex-row" : ""}`}
              >
                <CourseCover slug={c.slug} className={courses.length === 1 ? "md:h-full md:w-2/5 md:shrink-0" : ""} />
                <div className="flex flex-1 flex-col p-6">
                <h2 className="text-xl font-semibold">
                  <Link href={`/courses/${c.slug}`} className="hover:underline">
                    {c.title}
                  </Link>
                </h2>
                <p className="mt-2 flex-1 text-slate-700 dark:text-slate-300">{c.summary}</p>
                <dl className="mt-4 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-600 dark:text-slate-400">
                  <div>
                    <dt className="sr-only">Lessons</dt>
                    <dd>{c.lessons.length} lessons</dd>
                  </div>
                  <div>
                    <dt className="sr-only">Contact hours</dt>
                    <dd>{c.contactHoursLabel}</dd>
                  </div>
                  {approved.length > 0 && (
                    <div>
                      <dt className="sr-only">Credit</dt>
                      <dd>{approved.map((x) => `${x.label} (${x.body})`).join(" · ")}</dd>
                    </div>
                  )}
                </dl>
                <Link href={`/courses/${c.slug}`} className={buttonClass({ className: "mt-5 self-start" })}>
                  View course<span className="sr-only">: {c.title}</span>
                </Link>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
