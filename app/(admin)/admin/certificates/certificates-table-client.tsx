"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { callApi } from "@/components/api/call-api";
import { Badge, Button, buttonClass, Table, TextLink } from "@/components/ui";
import { ConfirmDialog } from "@/components/ui/dialog";
import type { TReissueResult } from "@/lib/certificates/reissue-certificate.server";
import type { TAdminCertificateRow } from "@/lib/certificates/list-certificates.server";
import { downloadZip } from "./download-zip";
import { NoticeLine, type TNotice } from "./notice-line";
import { RevokeDialog } from "./revoke-dialog-client";

// Issued and revoked certificates: ZIP downloads, revoke (with a reason) and reissue (confirmed).

/** The server's row, only the fields shown; `issuedOn` and `revokedOn` come printed for reading. */
type TCertificateRowView = Pick<
  TAdminCertificateRow,
  "id" | "code" | "status" | "trainerName" | "certificationNumber" | "courseTitle" | "issuedOn" | "revokedOn" | "revocationReason" | "replacedByCode"
>;

export function CertificatesTable({ rows, issuedCodes }: { rows: TCertificateRowView[]; issuedCodes: string[] }) {
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [zipBusy, setZipBusy] = useState(false);
  const [notice, setNotice] = useState<TNotice | null>(null);
  const [revoking, setRevoking] = useState<TCertificateRowView | null>(null);
  const [reissuing, setReissuing] = useState<string | null>(null);
  const [confirmReissue, setConfirmReissue] = useState<TCertificateRowView | null>(null);
  const [, startTransition] = useTransition();

  const issuedOnPage = rows.filter((r) => r.status === "ISSUED").map((r) => r.code);
  const allOnPage = issuedOnPage.length > 0 && issuedOnPage.every((c) => selected.has(c));

  function select(codes: string[], on: boolean) {
    setSelected((prev) => {
      const next = new Set(prev);
      for (const c of codes) {
        if (on) next.add(c);
        else next.delete(c);
      }
      return next;
    });
  }

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
    const result = await callApi<TReissueResult>(`/api/admin/certificates/${encodeURIComponent(row.id)}/reissue`, { body: {} });
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
        <Button variant="secondary" size="sm" disabled={zipBusy || selected.size === 0} onClick={() => zip([...selected])}>
          {zipBusy ? "Preparing ZIP…" : `Download selected as ZIP${selected.size ? ` (${selected.size})` : ""}`}
        </Button>
        {issuedCodes.length > 0 && (
          <Button variant="secondary" size="sm" disabled={zipBusy} onClick={() => zip(issuedCodes)}>
            Download all {issuedCodes.length} issued matching{issuedCodes.length >= 500 ? " (newest 500)" : ""} as ZIP
          </Button>
        )}
      </div>
      <NoticeLine notice={notice} />
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
                onChange={(e) => select(issuedOnPage, e.target.checked)}
              />
            </th>
            <th scope="col" className="px-3 py-2">
              Trainer
            </th>
            <th scope="col" className="px-3 py-2">
              Course
            </th>
            <th scope="col" className="px-3 py-2">
              Code
            </th>
            <th scope="col" className="px-3 py-2">
              Issued
            </th>
            <th scope="col" className="px-3 py-2">
              Status
            </th>
            <th scope="col" className="px-3 py-2">
              Actions
            </th>
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
                  onChange={(e) => select([r.code], e.target.checked)}
                />
              </td>
              <th scope="row" className="px-3 py-2 font-medium">
                {r.trainerName}
                <span className="block font-mono text-xs font-normal">{r.certificationNumber}</span>
              </th>
              <td className="px-3 py-2">{r.courseTitle}</td>
              <td className="px-3 py-2">
                <TextLink href={`/verify/${r.code}`} className="break-all font-mono text-xs font-normal">
                  {r.code}
                </TextLink>
              </td>
              <td className="whitespace-nowrap px-3 py-2">{r.issuedOn}</td>
              <td className="px-3 py-2">
                {r.status === "ISSUED" ? (
                  <Badge tone="ok">Issued</Badge>
                ) : (
                  <>
                    <Badge tone="danger">Revoked</Badge>
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
                      <a href={`/api/certificates/${r.code}/pdf`} download className={buttonClass({ variant: "secondary", size: "sm" })}>
                        PDF<span className="sr-only"> of {r.code}</span>
                      </a>
                      <Button variant="secondary" size="sm" onClick={() => setRevoking(r)}>
                        Revoke<span className="sr-only"> {r.code}</span>
                      </Button>
                    </>
                  ) : (
                    !r.replacedByCode && (
                      <Button variant="secondary" size="sm" disabled={reissuing !== null} onClick={() => setConfirmReissue(r)}>
                        {reissuing === r.id ? "Reissuing…" : "Reissue"}
                        <span className="sr-only"> {r.code}</span>
                      </Button>
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
          <span className="font-mono">{confirmReissue?.code}</span> for {confirmReissue?.trainerName} ({confirmReissue?.courseTitle}). A new certificate with a new code is
          issued and the credit is granted again; the revoked one stays revoked.
        </p>
      </ConfirmDialog>
      <RevokeDialog
        certificate={revoking}
        onClose={(revokedCode) => {
          setRevoking(null);
          if (revokedCode) {
            select([revokedCode], false);
            setNotice({ tone: "ok", text: `Revoked ${revokedCode}; its credit was reversed.` });
            startTransition(() => router.refresh());
          }
        }}
      />
    </div>
  );
}
