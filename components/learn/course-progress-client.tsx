"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { loadClientSession } from "@/components/site/client-session";
import { callApi } from "@/components/api/call-api";
import { buttonClass } from "@/components/ui/button";
import type { getCourseProgress } from "@/lib/progress/lesson-progress.server";

/** GET /api/progress/course answers with what the server function returns. */
type TCourseProgress = Awaited<ReturnType<typeof getCourseProgress>>;

// The trainer's progress on a static course page: progress bar, resume button, and ticks.
export function CourseProgress({ courseSlug, lessons }: { courseSlug: string; lessons: { slug: string; title: string }[] }) {
  const [data, setData] = useState<TCourseProgress | null | "anonymous" | "loading">("loading");

  useEffect(() => {
    // Guests see the sign-in prompt without a request that would answer 401.
    loadClientSession().then(async (session) => {
      if (!session) {
        setData("anonymous");
        return;
      }
      const r = await callApi<TCourseProgress>(`/api/progress/course?course=${encodeURIComponent(courseSlug)}`);
      if (r.ok) setData(r.data);
      else setData(r.status === 401 ? "anonymous" : null);
    });
  }, [courseSlug]);

  useEffect(() => {
    if (typeof data !== "object" || !data) return;
    for (const slug of data.completedLessons) {
      const badge = document.querySelector(`[data-lesson-badge="${slug}"]`);
      if (badge) {
        badge.textContent = "✓";
        badge.setAttribute("aria-label", "completed");
        badge.classList.add("bg-brand-700", "text-white");
      }
    }
  }, [data]);

  const first = lessons[0];
  return (
    <section aria-labelledby="your-progress" className="rounded-xl border border-slate-200 p-5 dark:border-slate-800">
      <h2 id="your-progress" className="font-semibold">
        Your progress
      </h2>
      {data === "loading" && <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">Loading…</p>}
      {data === null && <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">Progress is unavailable right now.</p>}
      {data === "anonymous" && (
        <>
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">Anyone can read the lessons. Sign in to track progress and earn credit.</p>
          <div className="mt-4 flex flex-wrap gap-2">
            {first && (
              <a href={`/courses/${courseSlug}/${first.slug}`} className={buttonClass()}>
                Start reading
              </a>
            )}
            <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/courses/${courseSlug}`)}`} className={buttonClass({ variant: "secondary" })}>
              Sign in
            </Link>
          </div>
        </>
      )}
      {typeof data === "object" && data && (
        <>
          <div className="mt-3 flex items-baseline justify-between text-sm">
            <span>
              {data.completedLessons.length} of {data.totalLessons} lessons
            </span>
            <span className="font-medium">{Math.round((data.completedLessons.length / Math.max(1, data.totalLessons)) * 100)}%</span>
          </div>
          <div
            className="mt-2 h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
            role="progressbar"
            aria-label="Lessons completed"
            aria-valuemin={0}
            aria-valuemax={data.totalLessons}
            aria-valuenow={data.completedLessons.length}
          >
            <div className="h-full bg-brand-600" style={{ width: `${(data.completedLessons.length / Math.max(1, data.totalLessons)) * 100}%` }} />
          </div>
          {data.credited ? (
            <p className="mt-3 text-sm font-medium text-brand-700 dark:text-brand-100">✓ Passed and credited. See your dashboard.</p>
          ) : data.completed ? (
            <p className="mt-3 text-sm font-medium text-brand-700 dark:text-brand-100">
              ✓ Completed. This course is not approved by your certifying body, so no credit figure is claimed; see your dashboard.
            </p>
          ) : null}
          {/* Lesson pages are static HTML (decision 005): plain links load the cached page. */}
          <a
            href={data.resumeLesson ? `/courses/${courseSlug}/${data.resumeLesson}` : `/courses/${courseSlug}/${first?.slug ?? ""}`}
            className={buttonClass({ className: "mt-4" })}
          >
            {data.completedLessons.length === 0 && !data.resumeLesson ? "Start the course" : data.completedLessons.length === data.totalLessons ? "Review lessons" : "Resume"}
          </a>
        </>
      )}
    </section>
  );
}
