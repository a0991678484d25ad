"use client";

import { type FormEvent, useId, useState } from "react";
import { callApi } from "@/components/api/call-api";
import { Button } from "@/components/ui";
import { Dialog } from "@/components/ui/dialog";
import type { TAdminCertificateRow } from "@/lib/certificates/list-certificates.server";

// Revoking asks for a reason (shown publicly on the verify page), so it is a small form in the
// site's one Dialog rather than a plain ConfirmDialog; same look, focus trap and Escape.

type TRevokable = Pick<TAdminCertificateRow, "id" | "code" | "trainerName" | "courseTitle">;

export function RevokeDialog({ certificate, onClose }: { certificate: TRevokable | null; onClose: (revokedCode: string | null) => void }) {
  return (
    <Dialog open={certificate !== null} onClose={() => onClose(null)} title="Revoke certificate">
      {/* Mounted afresh on every opening, so the reason and error start empty. */}
      {certificate && <RevokeForm certificate={certificate} onClose={onClose} />}
    </Dialog>
  );
}

function RevokeForm({ certificate, onClose }: { certificate: TRevokable; onClose: (revokedCode: string | null) => void }) {
  const id = useId();
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
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
    <form onSubmit={submit}>
      <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
        <span className="font-mono">{certificate.code}</span> for {certificate.trainerName} ({certificate.courseTitle}). The verify page will show it as revoked with your
        reason, and the trainer&apos;s credit for it is reversed. This cannot be undone, but a revoked certificate can be reissued.
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
        <p id={`${id}-error`} role="alert" className="mt-2 text-sm font-medium text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      <div className="mt-5 flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={() => onClose(null)} disabled={busy}>
          Cancel
        </Button>
        <Button type="submit" variant="danger" disabled={busy}>
          {busy ? "Revoking…" : "Revoke certificate"}
        </Button>
      </div>
    </form>
  );
}
