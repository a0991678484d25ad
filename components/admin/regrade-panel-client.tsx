"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/components/api/call-api";
import { Button, Table } from "@/components/ui";
import { ConfirmDialog } from "@/components/ui/dialog";
import type { TRegradePlan } from "@/lib/quiz/regrade.server";

// Dry run first, then apply: the admin sees every changed outcome and its credit/certificate effects,
// and confirms once more (scores, credit and certificates change and cannot be put back).
export function RegradePanel({ questionId, label }: { questionId: string; label: string }) {
  const router = useRouter();
  const [plan, setPlan] = useState<TRegradePlan | null>(null);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const url = `/api/admin/questions/${questionId}/regrade`;
  async function preview() {
    setBusy(true);
    const r = await callApi<TRegradePlan>(url);
    setBusy(false);
    if (r.ok) setPlan(r.data);
    else setMessage(r.message);
  }
  // Runs from the confirm dialog: an error stays in the dialog, success leaves the page.
  async function apply(): Promise<string | null> {
    setBusy(true);
    const r = await callApi<TRegradePlan>(url, { body: { confirm: true } });
    setBusy(false);
    if (!r.ok) return r.message;
    setAsking(false);
    // The refreshed page no longer lists this question, so the outcome travels in the URL.
    router.replace(`/admin/quizzes?regraded=${encodeURIComponent(questionId)}&answers=${r.data.affectedAnswers}&changed=${r.data.changes.length}`);
    router.refresh();
    return null;
  }
  return (
    <div className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="text-sm font-medium">{label}</span>
        <Button variant="secondary" size="sm" onClick={preview} disabled={busy}>
          {busy && !plan ? "Working…" : "Preview regrade"}
        </Button>
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
            <Table id={`regrade-${questionId}`} className="mt-2" caption="Attempts whose outcome changes" captionHidden>
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
                    <td data-label="Trainer">{c.trainer}</td>
                    <td data-label="Score">
                      {c.oldScore}% → {c.newScore}%
                    </td>
                    <td data-label="Result">{c.oldPassed === c.newPassed ? (c.newPassed ? "passed" : "not passed") : c.newPassed ? "now passes" : "now fails"}</td>
                    <td data-label="Effects">{c.effects.join("; ") || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          <Button className="mt-3" onClick={() => setAsking(true)} disabled={busy}>
            Apply regrade
          </Button>
          <ConfirmDialog
            open={asking}
            title="Apply this regrade?"
            confirmLabel="Apply regrade"
            busyLabel="Applying…"
            onCancel={() => setAsking(false)}
            onConfirm={apply}
          >
            <p>
              {plan.affectedAnswers} answers are regraded against version {plan.toVersion}
              {plan.changes.length > 0 ? `, and ${plan.changes.length} attempt score(s) change with the credit and certificate effects listed` : ""}. This cannot be
              undone.
            </p>
          </ConfirmDialog>
        </div>
      )}
    </div>
  );
}
