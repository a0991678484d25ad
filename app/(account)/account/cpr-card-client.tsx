"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { SaveRow, SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { formText, useApiForm } from "@/components/forms/use-api-form";
import { linkClass } from "@/components/ui";
import type { TCprAedCardView } from "@/lib/certifications/certifications.server";
import { MAX_CARD_BYTES } from "@/lib/certifications/cpr-card-file";

type TCard = Pick<TCprAedCardView, "provider" | "expiresOn" | "fileName"> | null;

/** Reads a File as base64 without the data: prefix. */
async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function CprAedCardForm({ card }: { card: TCard }) {
  const router = useRouter();
  const form = useApiForm({ url: "/api/account/cpr-card", method: "PUT" });
  const [saved, setSaved] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSaved(false);
    const data = new FormData(e.currentTarget);
    const upload = data.get("file");
    let file: { name: string; dataBase64: string } | null = null;
    if (upload instanceof File && upload.size > 0) {
      if (upload.size > MAX_CARD_BYTES) {
        form.setError("The file is larger than 2 MB.");
        return;
      }
      // The server names stored files itself; this only keeps the name readable in the audit log.
      file = { name: upload.name.replace(/[^\w .()-]/g, "_").slice(0, 120) || "card", dataBase64: await toBase64(upload) };
    }
    const result = await form.submit({ provider: formText(data, "provider"), expiresOn: formText(data, "expiresOn"), file });
    if (result.ok) {
      setSaved(true);
      router.refresh();
    }
  }

  return (
    <form ref={form.formRef} noValidate onSubmit={onSubmit} className="space-y-5">
      <FormError message={form.error} />
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField label="CPR/AED provider" name="provider" defaultValue={card?.provider} hint="e.g. American Red Cross" error={form.fieldError("provider")} />
        <TextField label="CPR/AED card expires" name="expiresOn" type="date" defaultValue={card?.expiresOn} error={form.fieldError("expiresOn")} />
      </div>
      <div>
        <label htmlFor="cpr-file" className="block text-sm font-medium">
          Card scan <span className="font-normal text-slate-500 dark:text-slate-400">(optional; PDF, PNG or JPEG, at most 2 MB)</span>
        </label>
        <input id="cpr-file" name="file" type="file" accept="application/pdf,image/png,image/jpeg" className="mt-1 block text-sm" />
        {form.fieldError("file") && <p className="mt-1 text-sm text-red-700 dark:text-red-300">{form.fieldError("file")}</p>}
        {card?.fileName && (
          <p className="mt-1 text-sm">
            On file: <a href="/api/account/cpr-card/file" className={linkClass}>
              download your card
            </a>
          </p>
        )}
      </div>
      <SaveRow pending={form.pending} saved={saved}>
        Save CPR/AED card
      </SaveRow>
    </form>
  );
}

export function ReminderToggle({ off }: { off: boolean }) {
  const router = useRouter();
  const form = useApiForm({ url: "/api/account/reminders", method: "PATCH" });
  return (
    <div className="space-y-3">
      <FormError message={form.error} />
      <p className="text-sm">
        Renewal reminders are <strong>{off ? "off" : "on"}</strong>: mail 90, 30 and 7 days before a cycle ends while credit is short, and before your CPR/AED card
        expires.
      </p>
      <SubmitButton
        type="button"
        variant="secondary"
        pending={form.pending}
        pendingLabel="Saving…"
        onClick={async () => {
          const result = await form.submit({ off: !off });
          if (result.ok) router.refresh();
        }}
      >
        {off ? "Turn reminders on" : "Turn reminders off"}
      </SubmitButton>
    </div>
  );
}
