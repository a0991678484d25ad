"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { callApi } from "@/components/api/call-api";
import { Button, linkClass } from "@/components/ui";
import type { TBatchStatus } from "@/lib/certificates/get-batch-status.server";
import { useUrlWith } from "./use-url-with";

// Progress of a bulk issue. The batch id lives in the URL, so a reload keeps showing it; while it
// runs, the status route is polled (and resumes a batch whose runner went quiet).

const POLL_MS = 1000;

export function BatchProgress({ batchId, initial }: { batchId: string; initial: TBatchStatus | null }) {
  const router = useRouter();
  const urlWith = useUrlWith();
  const [batch, setBatch] = useState<TBatchStatus | null>(initial);
  const [error, setError] = useState<string | null>(initial ? null : "That batch could not be found.");
  const refreshed = useRef(initial !== null && initial.status !== "RUNNING");

  useEffect(() => {
    if (initial?.status !== "RUNNING") return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const result = await callApi<{ batch: TBatchStatus }>(`/api/admin/certificates/batches/${encodeURIComponent(batchId)}`);
      if (!live) return;
      if (result.ok) {
        setError(null);
        setBatch(result.data.batch);
        if (result.data.batch.status !== "RUNNING") {
          if (!refreshed.current) {
            refreshed.current = true;
            router.refresh();
          }
          return;
        }
      } else {
        setError(`${result.message} Retrying…`);
      }
      timer = setTimeout(poll, POLL_MS);
    };
    timer = setTimeout(poll, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [batchId, initial, router]);

  const dismiss = () => router.replace(urlWith({ batch: null }), { scroll: false });
  if (!batch) {
    return (
      <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-800 dark:bg-amber-950/40">
        {error}{" "}
        <button type="button" className={linkClass} onClick={dismiss}>
          Dismiss
        </button>
      </div>
    );
  }
  const processed = batch.done + batch.failed;
  const percent = batch.total > 0 ? Math.round((processed * 100) / batch.total) : 100;
  const running = batch.status === "RUNNING";
  return (
    <section aria-labelledby="batch-heading" className="rounded-lg border border-brand-100 bg-brand-50 p-4 dark:border-slate-700 dark:bg-slate-900">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="batch-heading" className="font-semibold">
          {running ? "Issuing certificates…" : batch.status === "FAILED" ? "Bulk issue finished: nothing could be issued" : "Bulk issue finished"}
        </h2>
        {!running && (
          <Button variant="secondary" size="sm" onClick={dismiss}>
            Dismiss
          </Button>
        )}
      </div>
      <div
        role="progressbar"
        aria-label="Certificates processed"
        aria-valuemin={0}
        aria-valuemax={batch.total}
        aria-valuenow={processed}
        aria-valuetext={`${processed} of ${batch.total}`}
        className="mt-3 h-3 w-full overflow-hidden rounded-full bg-white ring-1 ring-brand-100 dark:bg-slate-800 dark:ring-slate-700"
      >
        <div className="h-full rounded-full bg-brand-600 transition-[width] duration-500 motion-reduce:transition-none" style={{ width: `${percent}%` }} />
      </div>
      <p className="mt-2 text-sm">
        {batch.done} of {batch.total} issued{batch.failed ? `, ${batch.failed} could not be issued` : ""} ({percent}%).
        {running && " You can leave this page; issuing continues on the server."}
      </p>
      <p className="sr-only" aria-live="polite">
        {running ? "" : `Bulk issue finished. ${batch.done} issued, ${batch.failed} could not be issued.`}
      </p>
      {error && running && <p className="mt-2 text-sm font-medium text-red-700 dark:text-red-300">{error}</p>}
      {batch.failures.length > 0 && (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer font-medium">Why some could not be issued</summary>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {batch.failures.map((f) => (
              <li key={f.requestId}>
                {f.trainerName ? (
                  <span className="font-medium">
                    {f.trainerName}
                    {f.courseTitle ? ` (${f.courseTitle})` : ""}
                  </span>
                ) : (
                  <span className="font-mono text-xs">{f.requestId}</span>
                )}
                : {f.message}
              </li>
            ))}
          </ul>
          <p className="mt-2 text-slate-600 dark:text-slate-400">These requests are back in the queue below.</p>
        </details>
      )}
    </section>
  );
}
