import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { StartAttemptButton } from "@/components/quiz/start-attempt-client";
import { buttonClass, Table, TextLink } from "@/components/ui";
import { getSessionUser } from "@/lib/auth/session.server";
import { findCourse } from "@/lib/content/load-content";
import { AppError } from "@/lib/errors";
import { formatDateTimeWithZone } from "@/lib/format/date-time";
import { getQuizOverview } from "@/lib/quiz/quiz-attempts.server";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Assessment" };

type TParams = { params: Promise<{ course: string; quiz: string }> };

function formatDuration(seconds: number) {
  if (seconds % 3600 === 0) return `${seconds / 3600} hour${seconds === 3600 ? "" : "s"}`;
  return `${Math.round(seconds / 60)} minutes`;
}

export default async function QuizOverviewPage({ params }: TParams) {
  const { course: courseSlug, quiz: quizSlug } = await params;
  const course = findCourse(courseSlug);
  if (!course) notFound();
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/courses/${courseSlug}/quiz/${quizSlug}`)}`);
  const overview = await getQuizOverview({ userId: user.id, courseSlug, quizSlug }).catch((e) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const { quiz } = overview;
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
        <Link href={`/courses/${courseSlug}`} className="hover:underline">
          {course.frontmatter.title}
        </Link>
      </nav>
      <h1 className="mt-3 text-3xl font-bold tracking-tight">{quiz.title}</h1>
      <ul className="mt-6 grid grid-cols-1 gap-3 text-sm sm:grid-cols-2">
        <li className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
          <span className="block text-slate-500 dark:text-slate-400">Questions</span>
          <span className="text-lg font-semibold">{quiz.questions}</span>
        </li>
        <li className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
          <span className="block text-slate-500 dark:text-slate-400">Pass mark</span>
          <span className="text-lg font-semibold">{quiz.passMark}%</span>
        </li>
        <li className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
          <span className="block text-slate-500 dark:text-slate-400">Time limit</span>
          <span className="text-lg font-semibold">{quiz.timeLimitSeconds ? formatDuration(quiz.timeLimitSeconds) : "None"}</span>
        </li>
        <li className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
          <span className="block text-slate-500 dark:text-slate-400">Attempts</span>
          <span className="text-lg font-semibold">
            {quiz.maxAttempts ? `${overview.attemptsLeft} of ${quiz.maxAttempts} left` : "Unlimited"}
            {quiz.cooldownSeconds ? ` · ${formatDuration(quiz.cooldownSeconds)} between attempts` : ""}
          </span>
        </li>
      </ul>
      <p className="mt-6 text-slate-700 dark:text-slate-300">
        Answers save as you go. Questions are drawn from a larger pool, so a retake shows a different set where possible. Your best attempt counts
        {quiz.kind === "FINAL" ? "; pass after completing every lesson to earn the course's credit." : ". This knowledge check is practice: it does not count toward your credit, and its review explains every answer."}
      </p>
      <div className="mt-8">
        {overview.openAttemptId ? (
          <Link href={`/courses/${courseSlug}/quiz/${quizSlug}/attempt/${overview.openAttemptId}`} className={buttonClass({ size: "lg" })}>
            Resume your attempt
          </Link>
        ) : overview.canStart ? (
          <StartAttemptButton courseSlug={courseSlug} quizSlug={quizSlug} label={overview.attempts.length ? "Start a new attempt" : "Start the assessment"} />
        ) : (
          <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
            {overview.retryAt ? (
              <>
                Your next attempt opens at <time dateTime={overview.retryAt}>{formatDateTimeWithZone(overview.retryAt, user.timeZone)}</time>.
              </>
            ) : (
              overview.blockedReason
            )}
          </p>
        )}
      </div>
      <section aria-labelledby="history" className="mt-10">
        <h2 id="history" className="text-xl font-semibold">
          Your attempts
        </h2>
        {overview.attempts.length === 0 ? (
          <p className="mt-3 text-slate-600 dark:text-slate-400">No attempts yet.</p>
        ) : (
          <Table id="attempts" layout="fit" className="mt-3" caption="Your attempts" captionHidden>
            <thead>
              <tr className="border-b border-slate-200 dark:border-slate-800">
                <th scope="col" className="py-2">
                  Attempt
                </th>
                <th scope="col">Status</th>
                <th scope="col">Score</th>
                <th scope="col">
                  <span className="sr-only">Review</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {overview.attempts.map((a) => (
                <tr key={a.id} className="border-b border-slate-100 dark:border-slate-900">
                  <td className="py-2">#{a.number}</td>
                  <td>{a.status === "GRADED" ? (a.passed ? "Passed" : "Not passed") : a.status === "CLOSED" ? "Closed" : "In progress"}</td>
                  <td>{a.scorePercent !== null ? `${a.scorePercent}%` : "—"}</td>
                  <td>
                    <TextLink href={`/courses/${courseSlug}/quiz/${quizSlug}/attempt/${a.id}`}>
                      {a.status === "GRADED" ? "Review" : "Continue"}
                      <span className="sr-only"> attempt {a.number}</span>
                    </TextLink>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
    </div>
  );
}
