"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { callApi } from "@/components/api/call-api";
import { FormError } from "@/components/forms/form-error";
import { SubmitButton } from "@/components/forms/submit-button";
import { useApiForm } from "@/components/forms/use-api-form";
import { Badge, linkClass } from "@/components/ui";
import { ConfirmDialog } from "@/components/ui/dialog";
import { ZCertificationBody } from "@/lib/certifications/certification-schemas";
import { formatLongDate } from "@/lib/format/calendar-date";
import type { TCertificationRow } from "@/lib/certifications/certifications.server";
import { BODY_RULES } from "@/lib/credits/certifying-bodies";
import { CertificationFields, readCertification } from "../certification-fields";

/** The server's row with the retirement time reduced to a flag (a Date does not cross to the client). */
type TCertificationItem = Omit<TCertificationRow, "retiredAt"> & { retired: boolean };


/** Every certification the trainer holds: edit, retire, add another. */
export function Certifications({ items }: { items: TCertificationItem[] }) {
  const [adding, setAdding] = useState(false);
  const active = items.filter((i) => !i.retired);
  const retired = items.filter((i) => i.retired);
  return (
    <div className="space-y-4">
      {active.length === 0 && <p className="text-sm text-slate-700 dark:text-slate-300">No active certification yet.</p>}
      <ul className="space-y-4">
        {active.map((item) => (
          <CertificationItem key={item.id} item={item} />
        ))}
      </ul>
      {adding ? (
        <AddCertification onDone={() => setAdding(false)} />
      ) : (
        <button type="button" onClick={() => setAdding(true)} className={linkClass}>
          Add a certification
        </button>
      )}
      {retired.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer">Retired certifications ({retired.length})</summary>
          <ul className="mt-2 space-y-1">
            {retired.map((r) => (
              <li key={r.id}>
                {r.certifyingBody} · {r.certificationNumber} (credit earned under it stays on your transcript)
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function CertificationItem({ item }: { item: TCertificationItem }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [asking, setAsking] = useState(false);
  const edit = useApiForm({ url: `/api/account/certifications/${item.id}`, method: "PATCH", schema: ZCertificationBody });
  const name = `${item.certifyingBody} certification ${item.certificationNumber}`;

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const result = await edit.submit({ certification: readCertification(new FormData(e.currentTarget)) });
    if (result.ok) {
      setEditing(false);
      router.refresh();
    }
  }

  // Runs from the confirm dialog: an error stays in the dialog, success closes it.
  async function retire(): Promise<string | null> {
    const result = await callApi(`/api/account/certifications/${item.id}/retire`, { body: { confirm: true } });
    if (!result.ok) return result.message;
    setAsking(false);
    router.refresh();
    return null;
  }

  return (
    <li className="rounded-lg border border-slate-200 p-4 dark:border-slate-700" aria-label={name}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="font-semibold">
            {item.certifyingBody === "OTHER" ? "Other body" : `${item.certifyingBody} — ${BODY_RULES[item.certifyingBody].name}`}
            {item.primary && (
              <Badge tone="info" className="ml-2">
                Primary
              </Badge>
            )}
          </p>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            No. {item.certificationNumber} · first certified {formatLongDate(item.firstCertifiedOn)}
            {item.expiresOn ? ` · expires ${formatLongDate(item.expiresOn)}` : " · no expiry given (cycles are anniversaries)"}
          </p>
        </div>
        {!editing && (
          <div className="flex gap-3 text-sm">
            <button type="button" onClick={() => setEditing(true)} className={linkClass}>
              Edit<span className="sr-only"> {name}</span>
            </button>
            <button type="button" onClick={() => setAsking(true)} className="font-medium text-red-700 underline underline-offset-2 hover:no-underline dark:text-red-300">
              Retire<span className="sr-only"> {name}</span>
            </button>
          </div>
        )}
      </div>
      <ConfirmDialog open={asking} title={`Retire ${name}?`} confirmLabel="Retire certification" busyLabel="Retiring…" onCancel={() => setAsking(false)} onConfirm={retire}>
        <p>Credit earned under it stays on your transcript, but it earns no new credit and gets no reminders.</p>
      </ConfirmDialog>
      {editing && (
        <form ref={edit.formRef} noValidate onSubmit={onSubmit} className="mt-4 space-y-5">
          <FormError message={edit.error} />
          <CertificationFields
            legend={`Edit ${item.certifyingBody} certification`}
            defaults={{ certifyingBody: item.certifyingBody, certificationNumber: item.certificationNumber, firstCertifiedOn: item.firstCertifiedOn, certificationExpiresOn: item.expiresOn }}
            fieldError={edit.fieldError}
          />
          <div className="flex gap-3">
            <SubmitButton pending={edit.pending} pendingLabel="Saving…">
              Save certification
            </SubmitButton>
            <SubmitButton type="button" variant="secondary" pending={false} pendingLabel="" onClick={() => setEditing(false)}>
              Cancel
            </SubmitButton>
          </div>
        </form>
      )}
    </li>
  );
}

function AddCertification({ onDone }: { onDone: () => void }) {
  const router = useRouter();
  const form = useApiForm({ url: "/api/account/certifications", schema: ZCertificationBody });

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const result = await form.submit({ certification: readCertification(new FormData(e.currentTarget)) });
    if (result.ok) {
      onDone();
      router.refresh();
    }
  }

  return (
    <form ref={form.formRef} noValidate onSubmit={onSubmit} className="space-y-5 rounded-lg border border-dashed border-slate-300 p-4 dark:border-slate-600">
      <FormError message={form.error} />
      <CertificationFields legend="Add a certification" defaults={{ certifyingBody: "ACE" }} fieldError={form.fieldError} />
      <div className="flex gap-3">
        <SubmitButton pending={form.pending} pendingLabel="Adding…">
          Add certification
        </SubmitButton>
        <SubmitButton type="button" variant="secondary" pending={false} pendingLabel="" onClick={onDone}>
          Cancel
        </SubmitButton>
      </div>
    </form>
  );
}
