"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/components/api/call-api";
import { buttonClass } from "@/components/ui/button";
import type { startAttempt } from "@/lib/quiz/quiz-attempts.server";

export function StartAttemptButton({ courseSlug, quizSlug, label }: { courseSlug: string; quizSlug: string; label: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function start() {
    setPending(true);
    setError(null);
    const r = await callApi<Awaited<ReturnType<typeof startAttempt>>>("/api/quiz/attempts", { body: { course: courseSlug, quiz: quizSlug } });
    if (r.ok) router.push(`/courses/${courseSlug}/quiz/${quizSlug}/attempt/${r.data.attemptId}`);
    else {
      setPending(false);
      setError(r.message);
    }
  }
  return (
    <div>
      <button type="button" onClick={start} disabled={pending} className={buttonClass({ size: "lg" })}>
        {pending ? "Starting…" : label}
      </button>
      {error && (
        <p role="alert" className="mt-3 text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}
