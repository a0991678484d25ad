"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { type FormEvent, useEffect, useId, useRef, useState, useTransition } from "react";
import { callApi } from "@/components/learn/use-api";
import { Table } from "@/components/ui";
import { ConfirmDialog } from "@/components/ui/dialog";

// Interactive parts of /admin/certificates. Every action goes through an admin route handler that
// checks the session and role itself; these components only send ids and show the answers.

const buttonPrimary =
  "inline-flex min-h-10 items-center justify-center rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:cursor-not-allowed disabled:opacity-60 dark:bg-brand-600 dark:hover:bg-brand-700";
const buttonSecondary =
  "inline-flex min-h-9 items-center justify-center rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-60 dark:border-slate-600 dark:hover:bg-slate-800";
const buttonDanger =
  "inline-flex min-h-10 items-center justify-center rounded-md bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800 disabled:cursor-not-allowed disabled:opacity-60";
const errorText = "text-sm font-medium text-red-700 dark:text-red-300";

function useUrlWith() {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  return (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(searchParams.toString());
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    const query = next.toString();
    return query ? `${pathname}?${query}` : pathname;
  };
}

// ---------------------------------------------------------------------------------------------
// Queue of waiting requests

export type TQueueRowView = {
  requestId: string;
  requestedOn: string;
  trainerName: string;
  email: string;
  certifyingBody: string | null;
  certificationNumber: string | null;
  courseTitle: string;
  credit: string | null;
  scorePercent: number | null;
  blocker: string | null;
  inRunningBatch: boolean;
};

export function IssueQueue({ rows, matchingIds, total, capped }: { rows: TQueueRowView[]; matchingIds: string[]; total: number; capped: boolean }) {
  const router = useRouter();
  const urlWith = useUrlWith();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
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
    const result = await callApi<{ batchId?: string; total?: number; skipped?: number; certificate?: { code: string }; created?: boolean }>(
      "/api/admin/certificates/issue",
      { body: { requestIds } },
    );
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
          <button type="button" className={buttonSecondary} onClick={() => setSelected(new Set(matchingIds))}>
            Select all {matchingIds.length} matching the filters{capped ? " (the oldest 1,000)" : ""}
          </button>
        )}
        {selected.size > 0 && (
          <button type="button" className={buttonSecondary} onClick={() => setSelected(new Set())}>
            Clear selection
          </button>
        )}
        <button type="button" className={`${buttonPrimary} ml-auto`} disabled={busy || selected.size === 0} onClick={issue}>
          {busy ? "Starting…" : `Issue selected${selected.size ? ` (${selected.size})` : ""}`}
        </button>
      </div>
      {message && (
        <p role={message.tone === "error" ? "alert" : "status"} className={`border-x border-slate-200 px-3 py-2 text-sm dark:border-slate-800 ${message.tone === "error" ? errorText : "text-brand-800 dark:text-brand-100"}`}>
          {message.text}
        </p>
      )}
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
              <th scope="col" className="px-3 py-2">Trainer</th>
              <th scope="col" className="px-3 py-2">Body · number</th>
              <th scope="col" className="px-3 py-2">Course</th>
              <th scope="col" className="px-3 py-2">Credit</th>
              <th scope="col" className="px-3 py-2">Score</th>
              <th scope="col" className="px-3 py-2">Earned</th>
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

// ---------------------------------------------------------------------------------------------
// Progress of a bulk issue (the batch id lives in the URL, so a reload keeps showing it)

export type TBatchView = {
  id: string;
  status: "RUNNING" | "DONE" | "FAILED";
  total: number;
  done: number;
  failed: number;
  failures: { requestId: string; trainerName: string | null; courseTitle: string | null; message: string }[];
};

const POLL_MS = 1000;

export function BatchProgress({ batchId, initial }: { batchId: string; initial: TBatchView | null }) {
  const router = useRouter();
  const urlWith = useUrlWith();
  const [batch, setBatch] = useState<TBatchView | null>(initial);
  const [error, setError] = useState<string | null>(initial ? null : "That batch could not be found.");
  const refreshed = useRef(initial !== null && initial.status !== "RUNNING");

  useEffect(() => {
    if (initial?.status !== "RUNNING") return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const result = await callApi<{ batch: TBatchView }>(`/api/admin/certificates/batches/${encodeURIComponent(batchId)}`);
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
        <button type="button" className="font-medium underline" onClick={dismiss}>
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
          <button type="button" className={buttonSecondary} onClick={dismiss}>
            Dismiss
          </button>
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
      {error && running && <p className={`mt-2 ${errorText}`}>{error}</p>}
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

// ---------------------------------------------------------------------------------------------
// Issued and revoked certificates

export type TCertificateRowView = {
  id: string;
  code: string;
  status: "ISSUED" | "REVOKED";
  trainerName: string;
  certificationNumber: string;
  courseTitle: string;
  issuedOn: string;
  revokedOn: string | null;
  revocationReason: string | null;
  replacedByCode: string | null;
};

async function downloadZip(codes: string[]): Promise<string | null> {
  try {
    const res = await fetch("/api/admin/certificates/zip", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ codes }) });
    if (!res.ok) {
      const json = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      return json?.error?.message ?? `Download failed (${res.status}).`;
    }
    const blob = await res.blob();
    const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? "certificates.zip";
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return null;
  } catch {
    return "You appear to be offline. Check your connection and try again.";
  }
}

export function CertificatesTable({ rows, issuedCodes }: { rows: TCertificateRowView[]; issuedCodes: string[] }) {
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [zipBusy, setZipBusy] = useState(false);
  const [notice, setNotice] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [revoking, setRevoking] = useState<TCertificateRowView | null>(null);
  const [reissuing, setReissuing] = useState<string | null>(null);
  const [confirmReissue, setConfirmReissue] = useState<TCertificateRowView | null>(null);
  const [, startTransition] = useTransition();

  const issuedOnPage = rows.filter((r) => r.status === "ISSUED").map((r) => r.code);
  const allOnPage = issuedOnPage.length > 0 && issuedOnPage.every((c) => selected.has(c));

  async function zip(codes: string[]) {
    setZipBusy(true);
    setNotice(null);
    const problem = await downloadZip(codes);
    setZipBusy(false);
    if (problem) setNotice({ tone: "error", text: problem });
  }

  // Runs from the confirm dialog; an error stays in the dialog, success closes it.
  async function reissue(row: TCertificateRowView): Promise<string | null> {
    setReissuing(row.id);
    setNotice(null);
    const result = await callApi<{ certificate: { code: string } }>(`/api/admin/certificates/${encodeURIComponent(row.id)}/reissue`, { body: {} });
    setReissuing(null);
    if (!result.ok) return result.message;
    setConfirmReissue(null);
    setNotice({ tone: "ok", text: `Reissued as ${result.data.certificate.code}.` });
    startTransition(() => router.refresh());
    return null;
  }

  return (
    <div>
      <div className="flex flex-wrap items-center gap-2 rounded-t-lg border border-b-0 border-slate-200 bg-slate-50 px-3 py-2 text-sm dark:border-slate-800 dark:bg-slate-900">
        <button type="button" className={buttonSecondary} disabled={zipBusy || selected.size === 0} onClick={() => zip([...selected])}>
          {zipBusy ? "Preparing ZIP…" : `Download selected as ZIP${selected.size ? ` (${selected.size})` : ""}`}
        </button>
        {issuedCodes.length > 0 && (
          <button type="button" className={buttonSecondary} disabled={zipBusy} onClick={() => zip(issuedCodes)}>
            Download all {issuedCodes.length} issued matching{issuedCodes.length >= 500 ? " (newest 500)" : ""} as ZIP
          </button>
        )}
      </div>
      {notice && (
        <p role={notice.tone === "error" ? "alert" : "status"} className={`border-x border-slate-200 px-3 py-2 text-sm dark:border-slate-800 ${notice.tone === "error" ? errorText : "text-brand-800 dark:text-brand-100"}`}>
          {notice.text}
        </p>
      )}
      <Table
        id="certs"
        layout="scroll"
        minWidthClass="min-w-[56rem]"
        captionHidden
        caption="Certificates, newest first"
        className="rounded-b-lg border border-slate-200 dark:border-slate-800"
      >
          <thead className="bg-slate-50 text-slate-700 dark:bg-slate-900 dark:text-slate-300">
            <tr>
              <th scope="col" className="w-10 px-3 py-2">
                <input
                  type="checkbox"
                  className="h-4 w-4"
                  aria-label="Select every issued certificate on this page"
                  disabled={issuedOnPage.length === 0}
                  checked={allOnPage}
                  onChange={(e) =>
                    setSelected((prev) => {
                      const next = new Set(prev);
                      for (const c of issuedOnPage) {
                        if (e.target.checked) next.add(c);
                        else next.delete(c);
                      }
                      return next;
                    })
                  }
                />
              </th>
              <th scope="col" className="px-3 py-2">Trainer</th>
              <th scope="col" className="px-3 py-2">Course</th>
              <th scope="col" className="px-3 py-2">Code</th>
              <th scope="col" className="px-3 py-2">Issued</th>
              <th scope="col" className="px-3 py-2">Status</th>
              <th scope="col" className="px-3 py-2">Actions</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-t border-slate-100 align-top dark:border-slate-800">
                <td className="px-3 py-2">
                  <input
                    type="checkbox"
                    className="h-4 w-4"
                    aria-label={`Select certificate ${r.code}`}
                    disabled={r.status !== "ISSUED"}
                    checked={selected.has(r.code)}
                    onChange={(e) =>
                      setSelected((prev) => {
                        const next = new Set(prev);
                        if (e.target.checked) next.add(r.code);
                        else next.delete(r.code);
                        return next;
                      })
                    }
                  />
                </td>
                <th scope="row" className="px-3 py-2 font-medium">
                  {r.trainerName}
                  <span className="block font-mono text-xs font-normal">{r.certificationNumber}</span>
                </th>
                <td className="px-3 py-2">{r.courseTitle}</td>
                <td className="px-3 py-2">
                  <Link href={`/verify/${r.code}`} className="break-all font-mono text-xs text-brand-700 underline underline-offset-2 hover:no-underline dark:text-brand-100">
                    {r.code}
                  </Link>
                </td>
                <td className="whitespace-nowrap px-3 py-2">{r.issuedOn}</td>
                <td className="px-3 py-2">
                  {r.status === "ISSUED" ? (
                    <span className="inline-block rounded bg-green-50 px-2 py-0.5 text-xs font-medium text-green-800 dark:bg-green-950 dark:text-green-200">Issued</span>
                  ) : (
                    <>
                      <span className="inline-block rounded bg-red-100 px-2 py-0.5 text-xs font-medium text-red-800 dark:bg-red-950 dark:text-red-200">Revoked</span>
                      <span className="mt-1 block max-w-64 text-xs text-slate-600 dark:text-slate-400">
                        {r.revokedOn}
                        {r.revocationReason ? `: ${r.revocationReason}` : ""}
                      </span>
                      {r.replacedByCode && <span className="mt-1 block break-all text-xs">Replaced by {r.replacedByCode}</span>}
                    </>
                  )}
                </td>
                <td className="px-3 py-2">
                  <div className="flex flex-wrap gap-2">
                    {r.status === "ISSUED" ? (
                      <>
                        <a href={`/api/certificates/${r.code}/pdf`} download className={buttonSecondary}>
                          PDF<span className="sr-only"> of {r.code}</span>
                        </a>
                        <button type="button" className={buttonSecondary} onClick={() => setRevoking(r)}>
                          Revoke<span className="sr-only"> {r.code}</span>
                        </button>
                      </>
                    ) : (
                      !r.replacedByCode && (
                        <button type="button" className={buttonSecondary} disabled={reissuing !== null} onClick={() => setConfirmReissue(r)}>
                          {reissuing === r.id ? "Reissuing…" : "Reissue"}
                          <span className="sr-only"> {r.code}</span>
                        </button>
                      )
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
      </Table>
      <ConfirmDialog
        open={confirmReissue !== null}
        title="Reissue certificate"
        confirmLabel="Reissue certificate"
        busyLabel="Reissuing…"
        tone="primary"
        onCancel={() => setConfirmReissue(null)}
        onConfirm={() => (confirmReissue ? reissue(confirmReissue) : null)}
      >
        <p>
          <span className="font-mono">{confirmReissue?.code}</span> for {confirmReissue?.trainerName} ({confirmReissue?.courseTitle}). A new certificate with a new
          code is issued and the credit is granted again; the revoked one stays revoked.
        </p>
      </ConfirmDialog>
      <RevokeDialog
        certificate={revoking}
        onClose={(revokedCode) => {
          setRevoking(null);
          if (revokedCode) {
            setSelected((prev) => {
              const next = new Set(prev);
              next.delete(revokedCode);
              return next;
            });
            setNotice({ tone: "ok", text: `Revoked ${revokedCode}; its credit was reversed.` });
            startTransition(() => router.refresh());
          }
        }}
      />
    </div>
  );
}

function RevokeDialog({ certificate, onClose }: { certificate: TCertificateRowView | null; onClose: (revokedCode: string | null) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (certificate && !el.open) {
      setReason("");
      setError(null);
      el.showModal();
    } else if (!certificate && el.open) el.close();
  }, [certificate]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!certificate) return;
    if (reason.trim().length < 5) {
      setError("Give a reason of at least 5 characters.");
      return;
    }
    setBusy(true);
    setError(null);
    const result = await callApi(`/api/admin/certificates/${encodeURIComponent(certificate.id)}/revoke`, { body: { reason: reason.trim() } });
    setBusy(false);
    if (!result.ok) {
      setError(result.fields?.reason ?? result.message);
      return;
    }
    onClose(certificate.code);
  }

  return (
    <dialog
      ref={dialog}
      aria-labelledby={`${id}-title`}
      onClose={() => certificate && onClose(null)}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      {certificate && (
        <form onSubmit={submit} className="p-6">
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            Revoke certificate
          </h2>
          <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
            <span className="font-mono">{certificate.code}</span> for {certificate.trainerName} ({certificate.courseTitle}). The verify page will show it as revoked with
            your reason, and the trainer&apos;s credit for it is reversed. This cannot be undone, but a revoked certificate can be reissued.
          </p>
          <label htmlFor={`${id}-reason`} className="mt-4 block text-sm font-medium">
            Reason (shown publicly)
          </label>
          <textarea
            id={`${id}-reason`}
            required
            minLength={5}
            maxLength={500}
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-950"
          />
          {error && (
            <p id={`${id}-error`} role="alert" className={`mt-2 ${errorText}`}>
              {error}
            </p>
          )}
          <div className="mt-5 flex flex-wrap justify-end gap-2">
            <button type="button" className={`${buttonSecondary} min-h-10 px-4 text-sm`} onClick={() => onClose(null)} disabled={busy}>
              Cancel
            </button>
            <button type="submit" className={buttonDanger} disabled={busy}>
              {busy ? "Revoking…" : "Revoke certificate"}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}

// ---------------------------------------------------------------------------------------------
// Per-course automatic issuing

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
