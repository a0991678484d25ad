"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useId, useState, useTransition } from "react";
import { describedBy, FieldShell } from "@/components/forms/field-shell";
import { controlClass } from "@/components/forms/field-styles";
import { FormError, FormNotice } from "@/components/forms/form-error";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { formText, useApiForm } from "@/components/forms/use-api-form";
import { callApi } from "@/components/api/call-api";
import { ConfirmDialog } from "@/components/ui/dialog";
import { MAX_REASON_LENGTH, ZAdjustCreditBody } from "@/lib/credits/ledger-schemas";

type TProps = {
  userId: string;
  name: string;
  disabled: boolean;
  isSelf: boolean;
  /** False for accounts without certification details (they hold no credit) and for oneself. */
  canAdjust: boolean;
  /** "CEC", "CEU" or "CE credits". */
  unit: string;
  courses: { id: string; title: string }[];
};

type TAdjusted = { ok: true; entry: { amount: string } };

/** The actions an admin may take on a trainer: adjust credit with a reason, disable or enable the account. */
export function TrainerActions({ userId, name, disabled, isSelf, canAdjust, unit, courses }: TProps) {
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[2fr_1fr]">
      {canAdjust ? (
        <AdjustCreditForm userId={userId} name={name} unit={unit} courses={courses} />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {isSelf ? "Another administrator must adjust your own credit." : "This account has no certification details, so it holds no credit to adjust."}
        </p>
      )}
      {!isSelf && <AccountStatus userId={userId} name={name} disabled={disabled} />}
    </div>
  );
}

function AdjustCreditForm({ userId, name, unit, courses }: { userId: string; name: string; unit: string; courses: { id: string; title: string }[] }) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [done, setDone] = useState<string | null>(null);
  // Removing credit is confirmed first (entries are append-only: undoing it takes another entry).
  const [removing, setRemoving] = useState<{ amount: string; body: Record<string, string> } | null>(null);
  const form = useApiForm<TAdjusted>({ url: `/api/admin/users/${encodeURIComponent(userId)}/credits`, schema: ZAdjustCreditBody });
  const reasonId = useId();
  const reasonError = form.fieldError("reason");

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    const data = new FormData(event.currentTarget);
    const courseId = formText(data, "courseId");
    const body = { amount: formText(data, "amount"), reason: formText(data, "reason"), ...(courseId ? { courseId } : {}) };
    // Only a valid removal asks first; anything the schema refuses goes straight to the field errors.
    if (body.amount.trim().startsWith("-") && ZAdjustCreditBody.safeParse(body).success) setRemoving({ amount: body.amount.trim().replace(/^-/, ""), body });
    else await record(body);
  }

  async function record(body: Record<string, string>) {
    const result = await form.submit(body);
    if (!result.ok) return;
    const amount = result.data.entry.amount;
    form.formRef.current?.reset();
    setDone(`${amount.startsWith("-") ? "Removed" : "Added"} ${amount.replace(/^-/, "")} ${unit} for ${name}. The entry is in the ledger below and in the audit log.`);
    startTransition(() => router.refresh());
  }

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate aria-labelledby="adjust-heading" className="space-y-4">
      <h3 id="adjust-heading" className="font-semibold">
        Adjust credit
      </h3>
      <FormError message={form.error} />
      {done && <FormNotice>{done}</FormNotice>}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <TextField
          name="amount"
          label={`Amount (${unit})`}
          inputMode="decimal"
          autoComplete="off"
          placeholder="0.50"
          hint="Use a minus sign to remove credit, e.g. -0.20. At most 100.00 at once."
          error={form.fieldError("amount")}
        />
        {courses.length > 0 && (
          <SelectField
            name="courseId"
            label="Course"
            optional
            defaultValue=""
            error={form.fieldError("courseId")}
            options={[{ value: "", label: "Not about a course" }, ...courses.map((c) => ({ value: c.id, label: c.title }))]}
          />
        )}
      </div>
      <FieldShell id={reasonId} label="Reason" hint="Kept with the entry and in the audit log; the trainer sees it on their transcript." error={reasonError}>
        <textarea
          id={reasonId}
          name="reason"
          required
          rows={3}
          maxLength={MAX_REASON_LENGTH}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={describedBy(reasonId, true, reasonError)}
          className={controlClass}
        />
      </FieldShell>
      <SubmitButton pending={form.pending} pendingLabel="Saving…">
        Record adjustment
      </SubmitButton>
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.amount ?? ""} ${unit} from ${name}?`}
        confirmLabel="Remove credit"
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          const body = removing?.body;
          setRemoving(null);
          // The form shows any error by its fields, so the dialog closes first.
          if (body) void record(body);
          return null;
        }}
      >
        <p>The entry is added to the ledger and the audit log and the trainer sees it on their transcript. Ledger entries are never deleted: undoing it takes another adjustment.</p>
      </ConfirmDialog>
    </form>
  );
}

function AccountStatus({ userId, name, disabled }: { userId: string; name: string; disabled: boolean }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [, startTransition] = useTransition();

  const [asking, setAsking] = useState(false);

  async function toggle() {
    setAsking(false);
    setPending(true);
    setError(null);
    const result = await callApi(`/api/admin/users/${encodeURIComponent(userId)}/status`, { body: { disabled: !disabled } });
    if (!result.ok) {
      setPending(false);
      setError(result.message);
      return;
    }
    startTransition(() => {
      router.refresh();
      setPending(false);
    });
  }

  return (
    <section className="space-y-3" aria-labelledby="status-heading">
      <h3 id="status-heading" className="font-semibold">
        Account
      </h3>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        {disabled ? "This account is disabled: the trainer cannot sign in." : "This account is active."}
      </p>
      <FormError message={error} />
      <SubmitButton type="button" variant={disabled ? "primary" : "danger"} pending={pending} pendingLabel="Saving…" onClick={() => (disabled ? void toggle() : setAsking(true))}>
        {disabled ? "Enable account" : "Disable account"}
      </SubmitButton>
      <ConfirmDialog
        open={asking}
        title={`Disable ${name}?`}
        confirmLabel="Disable account"
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          void toggle();
          return null;
        }}
      >
        <p>They are signed out at once and cannot sign in until enabled again.</p>
      </ConfirmDialog>
    </section>
  );
}
