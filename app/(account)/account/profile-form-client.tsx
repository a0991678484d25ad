"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { FormError, FormNotice } from "@/components/forms/form-error";
import { SaveRow } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { TimeZoneSelect } from "@/components/forms/time-zone-select";
import { formText, useApiForm } from "@/components/forms/use-api-form";
import { ZProfileUpdate } from "@/lib/auth/account-schemas";
import { CertificationFields, readCertification, type TCertificationValues } from "../certification-fields";

type TProps = { initial: { name: string; timeZone: string; certification: TCertificationValues | null } };

export function ProfileForm({ initial }: TProps) {
  const router = useRouter();
  const form = useApiForm({ url: "/api/account/profile", method: "PATCH", schema: ZProfileUpdate });
  const [saved, setSaved] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSaved(false);
    const data = new FormData(e.currentTarget);
    const result = await form.submit({ name: formText(data, "name"), timeZone: formText(data, "timeZone"), certification: readCertification(data) });
    if (result.ok) {
      setSaved(true);
      router.refresh();
    }
  }

  return (
    <form ref={form.formRef} noValidate onSubmit={onSubmit} onChange={() => setSaved(false)} className="space-y-5">
      <FormError message={form.error} />
      <TextField label="Full name" name="name" autoComplete="name" defaultValue={initial.name} error={form.fieldError("name")} />
      <TimeZoneSelect name="timeZone" defaultValue={initial.timeZone} error={form.fieldError("timeZone")} />
      {!initial.certification && <FormNotice tone="info">Add your certification so courses can award credit against your cycle.</FormNotice>}
      <CertificationFields defaults={initial.certification ?? undefined} fieldError={form.fieldError} />
      <SaveRow pending={form.pending} saved={saved}>
        Save changes
      </SaveRow>
    </form>
  );
}
