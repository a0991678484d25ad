import { z } from "zod";
import { ZCertificationDetails } from "@/lib/auth/account-schemas";
import { ZCalendarDate } from "@/lib/credits/cycle";
import type { TCertificationInput } from "./certification-rules";

// Request bodies of the account's certification, CPR/AED and reminder routes.

export const ZIdParams = z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "is not an id") });

/**
 * The certification forms send the same fields as sign-up (certification.*, with
 * certificationExpiresOn), so one set of inputs and error paths serves every form.
 */
export const ZCertificationBody = z.strictObject({ certification: ZCertificationDetails });
export type TCertificationBody = z.infer<typeof ZCertificationBody>;

export function toCertificationInput(c: TCertificationBody["certification"]): TCertificationInput {
  return { certifyingBody: c.certifyingBody, certificationNumber: c.certificationNumber, firstCertifiedOn: c.firstCertifiedOn, expiresOn: c.certificationExpiresOn ?? null };
}

export const ZCprAedCardBody = z.strictObject({
  provider: z.string().trim().min(2, "Enter who issued the card (e.g. American Red Cross).").max(100, "Use at most 100 characters."),
  expiresOn: ZCalendarDate,
  // The scanned card, base64: at most 2 MB once decoded (checked again on the bytes).
  file: z
    .strictObject({
      name: z.string().trim().min(1).max(120).regex(/^[\w .()-]+$/, "Use letters, digits, spaces, dots, brackets or hyphens in the file name."),
      dataBase64: z.string().max(Math.ceil((2 * 1024 * 1024) / 3) * 4 + 4, "The file is larger than 2 MB.").regex(/^[A-Za-z0-9+/]*={0,2}$/, "The file is not valid base64."),
    })
    .nullish(),
  removeFile: z.boolean().optional(),
});

export const ZRemindersBody = z.strictObject({ off: z.boolean() });
export const ZUnsubscribeQuery = z.strictObject({ token: z.string().min(10).max(300) });
