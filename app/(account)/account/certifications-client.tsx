"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { SubmitButton } from "@/components/forms/submit-button";
import { useApiForm } from "@/components/forms/use-api-form";
import { ZCertificationBody } from "@/lib/certifications/certification-schemas";
import { BODY_RULES, type TCertifyingBody } from "@/lib/credits/certifying-bodies";
import { formatLongDate } from "@/lib/format/calendar-date";
import { CertificationFields, readCertification } from "../certification-fields";

export type TCertificationItem = {
  id: string;
  certifyingBody: TCertifyingBody;
  certificationNumber: string;
  firstCertifiedOn: string;
  expiresOn: string | null;
  retired: boolean;
  primary: boolean;
};


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
        <button type="button" onClick={() => setAdding(true)} className="font-medium text-brand-700 underline underline-offset-2 hover:no-underline dark:text-brand-100">
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
  const edit = useApiForm({ url: `/api/account/certifications/${item.id}`, method: "PATCH", schema: ZCertificationBody });
  const retire = useApiForm({ url: `/api/account/certifications/${item.id}/retire` });
  const name = `${item.certifyingBody} certification ${item.certificationNumber}`;

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const result = await edit.submit({ certification: readCertification(new FormData(e.currentTarget)) });
    if (result.ok) {
      setEditing(false);
      router.refresh();
    }
  }

  async function onRetire() {
    if (!window.confirm(`Retire ${name}? Credit earned under it stays on your transcript, but it earns no new credit and gets no reminders.`)) return;
    const result = await retire.submit({ confirm: true });
    if (result.ok) router.refresh();
  }

  return (
    <li className="rounded-lg border border-slate-200 p-4 dark:border-slate-700" aria-label={name}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="font-semibold">
            {item.certifyingBody === "OTHER" ? "Other body" : `${item.certifyingBody} — ${BODY_RULES[item.certifyingBody].name}`}
            {item.primary && <span className="ml-2 rounded bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-800 dark:bg-slate-800 dark:text-brand-100">Primary</span>}
          </p>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            No. {item.certificationNumber} · first certified {formatLongDate(item.firstCertifiedOn)}
            {item.expiresOn ? ` · expires ${formatLongDate(item.expiresOn)}` : " · no expiry given (cycles are anniversaries)"}
          </p>
        </div>
        {!editing && (
          <div className="flex gap-3 text-sm">
            <button type="button" onClick={() => setEditing(true)} className="font-medium text-brand-700 underline underline-offset-2 dark:text-brand-100">
              Edit<span className="sr-only"> {name}</span>
            </button>
            <button type="button" onClick={onRetire} disabled={retire.pending} className="font-medium text-red-700 underline underline-offset-2 dark:text-red-300">
              Retire<span className="sr-only"> {name}</span>
            </button>
          </div>
        )}
      </div>
      <FormError message={retire.error} />
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
