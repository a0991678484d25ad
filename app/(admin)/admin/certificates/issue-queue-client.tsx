"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { callApi } from "@/components/api/call-api";
import { Button, Table } from "@/components/ui";
import type { TQueueRow } from "@/lib/certificates/list-certificate-queue.server";
import type { startIssueBatch } from "@/lib/certificates/start-issue-batch.server";
import type { TIssueResult } from "@/lib/certificates/issue-certificate.server";
import { NoticeLine, type TNotice } from "./notice-line";
import { useUrlWith } from "./use-url-with";

// The queue of waiting certificate requests, with selection and "Issue selected". The route handler
// checks the session and role itself; this only sends ids and shows the answer.

/** The server's row, with the request time already printed in the admin's zone. */
type TQueueRowView = Omit<TQueueRow, "requestedAt"> & { requestedOn: string };

/** POST /api/admin/certificates/issue: one id is issued at once, more start a batch. */
type TIssueAnswer = Partial<TIssueResult> & Partial<Awaited<ReturnType<typeof startIssueBatch>>>;

export function IssueQueue({ rows, matchingIds, total, capped }: { rows: TQueueRowView[]; matchingIds: string[]; total: number; capped: boolean }) {
  const router = useRouter();
  const urlWith = useUrlWith();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<TNotice | null>(null);
  const [, startTransition] = useTransition();
  const headerBox = useRef<HTMLInputElement>(null);

  const selectable = rows.filter((r) => !r.blocker && !r.inRunningBatch).map((r) => r.requestId);
  const selectedOnPage = selectable.filter((id) => selected.has(id)).length;
  const allMatchingSelected = matchingIds.length > 0 && matchingIds.every((id) => selected.has(id));

  useEffect(() => {
    if (headerBox.current) headerBox.current.indeterminate = selectedOnPage > 0 && selectedOnPage < selectable.length;
  }, [selectedOnPage, selectable.length]);

  function toggle(id: string, on: boolean) {
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  function togglePage(on: boolean) {
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of selectable) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }

  async function issue() {
    const requestIds = [...selected];
    if (requestIds.length === 0) return;
    setBusy(true);
    setMessage(null);
    const result = await callApi<TIssueAnswer>("/api/admin/certificates/issue", { body: { requestIds } });
    setBusy(false);
    if (!result.ok) {
      setMessage({ tone: "error", text: result.message });
      return;
    }
    setSelected(new Set());
    if (result.data.batchId) {
      const skipped = result.data.skipped ? ` ${result.data.skipped} selected request${result.data.skipped === 1 ? " was" : "s were"} no longer waiting and left out.` : "";
      setMessage({ tone: "ok", text: `Issuing ${result.data.total} certificates.${skipped}` });
      router.replace(urlWith({ batch: result.data.batchId }), { scroll: false });
      return;
    }
    setMessage({ tone: "ok", text: result.data.created ? `Issued certificate ${result.data.certificate?.code}.` : `Already issued as ${result.data.certificate?.code}.` });
    startTransition(() => router.refresh());
  }

  if (rows.length === 0) return null;
  return (
    <div>
      <div className="flex flex-wrap items-center gap-3 rounded-t-lg border border-b-0 border-slate-200 bg-slate-50 px-3 py-2 text-sm dark:border-slate-800 dark:bg-slate-900">
        <p aria-live="polite" className="font-medium">
          {selected.size === 0 ? "None selected" : `${selected.size} selected`}
        </p>
        {total > rows.length && !allMatchingSelected && (
          <Button variant="secondary" size="sm" onClick={() => setSelected(new Set(matchingIds))}>
            Select all {matchingIds.length} matching the filters{capped ? " (the oldest 1,000)" : ""}
          </Button>
        )}
        {selected.size > 0 && (
          <Button variant="secondary" size="sm" onClick={() => setSelected(new Set())}>
            Clear selection
          </Button>
        )}
        <Button className="ml-auto" disabled={busy || selected.size === 0} onClick={issue}>
          {busy ? "Starting…" : `Issue selected${selected.size ? ` (${selected.size})` : ""}`}
        </Button>
      </div>
      <NoticeLine notice={message} />
      <Table
        id="queue"
        layout="scroll"
        minWidthClass="min-w-[52rem]"
        captionHidden
        caption="Certificate requests waiting to be issued, oldest first"
        className="rounded-b-lg border border-slate-200 dark:border-slate-800"
      >
        <thead className="bg-slate-50 text-slate-700 dark:bg-slate-900 dark:text-slate-300">
          <tr>
            <th scope="col" className="w-10 px-3 py-2">
              <input
                ref={headerBox}
                type="checkbox"
                className="h-4 w-4"
                aria-label="Select every request on this page"
                disabled={selectable.length === 0}
                checked={selectable.length > 0 && selectedOnPage === selectable.length}
                onChange={(e) => togglePage(e.target.checked)}
              />
            </th>
            <th scope="col" className="px-3 py-2">
              Trainer
            </th>
            <th scope="col" className="px-3 py-2">
              Body · number
            </th>
            <th scope="col" className="px-3 py-2">
              Course
            </th>
            <th scope="col" className="px-3 py-2">
              Credit
            </th>
            <th scope="col" className="px-3 py-2">
              Score
            </th>
            <th scope="col" className="px-3 py-2">
              Earned
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const disabled = !!r.blocker || r.inRunningBatch;
            return (
              <tr key={r.requestId} className="border-t border-slate-100 align-top dark:border-slate-800">
                <td className="px-3 py-2">
                  <input
                    type="checkbox"
                    className="h-4 w-4"
                    aria-label={`Select ${r.trainerName}, ${r.courseTitle}`}
                    disabled={disabled}
                    checked={selected.has(r.requestId)}
                    onChange={(e) => toggle(r.requestId, e.target.checked)}
                  />
                </td>
                <th scope="row" className="px-3 py-2 font-medium">
                  {r.trainerName}
                  <span className="block break-all text-xs font-normal text-slate-600 dark:text-slate-400">{r.email}</span>
                  {r.blocker && <span className="mt-1 block text-xs font-medium text-amber-800 dark:text-amber-300">Cannot issue: {r.blocker}</span>}
                  {r.inRunningBatch && <span className="mt-1 block text-xs font-medium text-brand-800 dark:text-brand-100">Being issued now</span>}
                </th>
                <td className="px-3 py-2">
                  {r.certifyingBody ?? "—"}
                  <span className="block font-mono text-xs">{r.certificationNumber ?? "—"}</span>
                </td>
                <td className="px-3 py-2">{r.courseTitle}</td>
                <td className="px-3 py-2">{r.credit ?? "—"}</td>
                <td className="px-3 py-2">{r.scorePercent === null ? "—" : `${r.scorePercent}%`}</td>
                <td className="whitespace-nowrap px-3 py-2">{r.requestedOn}</td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </div>
  );
}
