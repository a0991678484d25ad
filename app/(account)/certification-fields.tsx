"use client";

import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { BODY_RULES, CERTIFYING_BODIES } from "@/lib/credits/certifying-bodies";

export type TCertificationValues = {
  certifyingBody: string;
  certificationNumber: string;
  firstCertifiedOn: string;
  certificationExpiresOn: string | null;
};

const BODY_OPTIONS = CERTIFYING_BODIES.map((b) => ({ value: b, label: b === "OTHER" ? "Other" : `${b} — ${BODY_RULES[b].name}` }));

// Date inputs only ever hold a whole YYYY-MM-DD date or nothing, so a format error means "incomplete".
const dateError = (message: string | undefined) => (message === "Use the format YYYY-MM-DD." ? "Enter a complete date." : message);

/** Field names match the API's zod paths (certification.*) so server errors land on the right input. */
export function CertificationFields({
  defaults,
  fieldError,
  legend = "Your certification",
}: {
  defaults?: Partial<TCertificationValues>;
  fieldError: (name: string) => string | undefined;
  legend?: string;
}) {
  return (
    <fieldset className="space-y-5">
      <legend className="text-base font-semibold">{legend}</legend>
      <SelectField
        label="Certifying body"
        name="certification.certifyingBody"
        defaultValue={defaults?.certifyingBody ?? "NFPT"}
        options={BODY_OPTIONS}
        error={fieldError("certification.certifyingBody")}
      />
      <TextField
        label="Certification number"
        name="certification.certificationNumber"
        autoComplete="off"
        defaultValue={defaults?.certificationNumber}
        hint="As printed on your certificate, e.g. NFPT-2024-0001."
        error={fieldError("certification.certificationNumber")}
      />
      <div className="grid grid-cols-1 gap-5 sm:grid-cols-2">
        <TextField
          label="Date first certified"
          name="certification.firstCertifiedOn"
          type="date"
          defaultValue={defaults?.firstCertifiedOn}
          hint="Credit earned before this date counts toward no cycle."
          error={dateError(fieldError("certification.firstCertifiedOn"))}
        />
        <TextField
          label="Certification expiry"
          name="certification.certificationExpiresOn"
          type="date"
          optional
          hint="As on your card (or the next renewal date); your cycles end on it."
          defaultValue={defaults?.certificationExpiresOn ?? undefined}
          error={dateError(fieldError("certification.certificationExpiresOn"))}
        />
      </div>
    </fieldset>
  );
}

export function readCertification(data: FormData): TCertificationValues {
  const text = (name: string) => {
    const v = data.get(name);
    return typeof v === "string" ? v.trim() : "";
  };
  return {
    certifyingBody: text("certification.certifyingBody"),
    certificationNumber: text("certification.certificationNumber"),
    firstCertifiedOn: text("certification.firstCertifiedOn"),
    certificationExpiresOn: text("certification.certificationExpiresOn") || null,
  };
}
