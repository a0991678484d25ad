import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { AttemptReview } from "@/components/quiz/attempt-review";
import { QuizRunner } from "@/components/quiz/quiz-runner-client";
import { linkClass } from "@/components/ui";
import { getSessionUser } from "@/lib/auth/session.server";
import { AppError } from "@/lib/errors";
import { getAttemptView, getQuizOverview } from "@/lib/quiz/quiz-attempts.server";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Assessment attempt" };

type TParams = { params: Promise<{ course: string; quiz: string; attemptId: string }> };

export default async function AttemptPage({ params }: TParams) {
  const { course, quiz, attemptId } = await params;
  const user = await getSessionUser();
  const here = `/courses/${course}/quiz/${quiz}/attempt/${attemptId}`;
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(here)}`);
  if (!/^[0-9a-f-]{36}$/.test(attemptId)) notFound();
  const view = await getAttemptView({ userId: user.id, attemptId }).catch((e) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const back = `/courses/${course}/quiz/${quiz}`;
  if (view.status === "IN_PROGRESS") {
    return (
      <div className="mx-auto max-w-3xl px-4 py-8">
        <QuizRunner
          attemptId={view.attemptId}
          number={view.number}
          startedAt={view.startedAt}
          deadlineAt={view.deadlineAt}
          questions={view.questions}
          initialResponses={view.responses}
          reviewHref={here}
          requiresAttestation={view.requiresAttestation}
        />
      </div>
    );
  }
  if (view.status === "CLOSED") {
    return (
      <div className="mx-auto max-w-3xl px-4 py-8">
        <h1 className="text-2xl font-bold">Attempt {view.number} was closed</h1>
        <p className="mt-3 text-slate-700 dark:text-slate-300">
          This course has been retired, so the attempt was closed without a grade and earns no credit. Everything you completed before stays on your
          transcript.
        </p>
        <p className="mt-6">
          <Link href="/dashboard" className={linkClass}>
            Back to your dashboard
          </Link>
        </p>
      </div>
    );
  }
  const overview = await getQuizOverview({ userId: user.id, courseSlug: course, quizSlug: quiz });
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <AttemptReview view={view} overview={overview} backHref={back} timeZone={user.timeZone} />
      <p className="mt-10">
        <Link href={back} className={linkClass}>
          Back to the assessment
        </Link>
      </p>
    </div>
  );
}
