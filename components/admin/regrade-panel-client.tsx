"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/components/api/call-api";

type TChange = { attemptId: string; trainer: string; fromVersion: number; oldScore: number; newScore: number; oldPassed: boolean; newPassed: boolean; effects: string[] };
type TPlan = { questionId: string; toVersion: number; affectedAnswers: number; changes: TChange[] };

// Dry run first, then apply: the admin sees every changed outcome and its credit/certificate effects.
export function RegradePanel({ questionId, label }: { questionId: string; label: string }) {
  const router = useRouter();
  const [plan, setPlan] = useState<TPlan | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const url = `/api/admin/questions/${questionId}/regrade`;
  async function preview() {
    setBusy(true);
    const r = await callApi<TPlan>(url);
    setBusy(false);
    if (r.ok) setPlan(r.data);
    else setMessage(r.message);
  }
  async function apply() {
    setBusy(true);
    const r = await callApi<TPlan>(url, { body: { confirm: true } });
    setBusy(false);
    if (r.ok) {
      // The refreshed page no longer lists this question, so the outcome travels in the URL.
      router.replace(`/admin/quizzes?regraded=${encodeURIComponent(questionId)}&answers=${r.data.affectedAnswers}&changed=${r.data.changes.length}`);
      router.refresh();
    } else setMessage(r.message);
  }
  return (
    <div className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="text-sm font-medium">{label}</span>
        <button type="button" onClick={preview} disabled={busy} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700">
          {busy && !plan ? "Working…" : "Preview regrade"}
        </button>
      </div>
      {message && (
        <p role="status" className="mt-2 text-sm">
          {message}
        </p>
      )}
      {plan && (
        <div className="mt-3 text-sm">
          <p>
            {plan.affectedAnswers} answers would be regraded against version {plan.toVersion}; {plan.changes.length} attempt score(s) change.
          </p>
          {plan.changes.length > 0 && (
            <table className="mt-2 w-full text-left">
              <caption className="sr-only">Attempts whose outcome changes</caption>
              <thead>
                <tr>
                  <th scope="col">Trainer</th>
                  <th scope="col">Score</th>
                  <th scope="col">Result</th>
                  <th scope="col">Effects</th>
                </tr>
              </thead>
              <tbody>
                {plan.changes.map((c) => (
                  <tr key={c.attemptId} className="border-t border-slate-100 dark:border-slate-900">
                    <td>{c.trainer}</td>
                    <td>
                      {c.oldScore}% → {c.newScore}%
                    </td>
                    <td>{c.oldPassed === c.newPassed ? (c.newPassed ? "passed" : "not passed") : c.newPassed ? "now passes" : "now fails"}</td>
                    <td>{c.effects.join("; ") || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <button type="button" onClick={apply} disabled={busy} className="mt-3 rounded-md bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
            Apply regrade
          </button>
        </div>
      )}
    </div>
  );
}
