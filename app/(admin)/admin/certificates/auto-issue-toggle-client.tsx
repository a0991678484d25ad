"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { callApi } from "@/components/api/call-api";

/** The per-course switch between automatic issuing and manual review. */
export function AutoIssueToggle({ courseId, title, enabled }: { courseId: string; title: string; enabled: boolean }) {
  const router = useRouter();
  const [on, setOn] = useState(enabled);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [, startTransition] = useTransition();

  async function flip() {
    const next = !on;
    setBusy(true);
    setError(null);
    const result = await callApi(`/api/admin/courses/${encodeURIComponent(courseId)}/auto-issue`, { body: { enabled: next } });
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setOn(next);
    startTransition(() => router.refresh());
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <button
        type="button"
        role="switch"
        aria-checked={on}
        aria-label={`Issue certificates automatically for ${title}`}
        disabled={busy}
        onClick={flip}
        className={`relative inline-flex h-7 w-12 shrink-0 items-center rounded-full transition-colors disabled:opacity-60 motion-reduce:transition-none ${on ? "bg-brand-600" : "bg-slate-300 dark:bg-slate-600"}`}
      >
        <span className={`inline-block h-5 w-5 rounded-full bg-white shadow transition-transform motion-reduce:transition-none ${on ? "translate-x-6" : "translate-x-1"}`} />
      </button>
      <span className="text-xs text-slate-600 dark:text-slate-400" aria-hidden="true">
        {on ? "Automatic" : "Manual review"}
      </span>
      {error && (
        <span role="alert" className="max-w-48 text-right text-xs font-medium text-red-700 dark:text-red-300">
          {error}
        </span>
      )}
    </div>
  );
}
