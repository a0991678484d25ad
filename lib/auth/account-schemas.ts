import { z } from "zod";
import { ZCertifyingBody } from "@/lib/credits/certifying-bodies";
import { isKnownTimeZone } from "@/lib/format/date-time";
import { ZText } from "@/lib/text/safe-text";
import { ZNewPassword } from "./password-policy";

// Inputs of the account flows, shared by forms (client-side hints) and route handlers (the truth).

export const ZEmail = ZText({ max: 254 }).toLowerCase().email("Enter a valid email address.");
const ZDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use the format YYYY-MM-DD.")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "Not a real date.");

export const ZTimeZone = z
  .string()
  .max(64)
  .refine(isKnownTimeZone, "Unknown time zone.");

export const ZCertificationDetails = z
  .strictObject({
    certifyingBody: ZCertifyingBody.default("NFPT"),
    certificationNumber: ZText({ min: 3, max: 40, minMessage: "Enter your certification number." }).regex(/^[A-Za-z0-9][A-Za-z0-9 ./-]*$/, "Use letters, digits, spaces, dots, slashes or hyphens."),
    firstCertifiedOn: ZDate,
    certificationExpiresOn: ZDate.nullish(),
  })
  .refine((d) => !d.certificationExpiresOn || d.certificationExpiresOn > d.firstCertifiedOn, {
    message: "The expiry date must come after the date first certified.",
    path: ["certificationExpiresOn"],
  });

export const ZSignUp = z.strictObject({
  name: ZText({ min: 2, max: 100, minMessage: "Enter your full name." }),
  email: ZEmail,
  password: ZNewPassword,
  timeZone: ZTimeZone.default("UTC"),
  certification: ZCertificationDetails,
});
export type TSignUp = z.infer<typeof ZSignUp>;

export const ZProfileUpdate = z.strictObject({
  name: ZText({ min: 2, max: 100, minMessage: "Enter your full name." }),
  timeZone: ZTimeZone,
  certification: ZCertificationDetails,
});
export type TProfileUpdate = z.infer<typeof ZProfileUpdate>;

const ZToken = z.string().trim().min(20).max(200).regex(/^[A-Za-z0-9_-]+$/, "This link is malformed.");
export const ZResetPassword = z.strictObject({ token: ZToken, password: ZNewPassword });
export const ZChangePassword = z.strictObject({ currentPassword: z.string().min(1).max(1024), newPassword: ZNewPassword });
export const ZEmailOnly = z.strictObject({ email: ZEmail });
export const ZTokenOnly = z.strictObject({ token: ZToken });

/**
 * The token of an emailed link (reset password, confirm email) as its page reads it: a link cut
 * short by a mail client is caught here, before anything is sent (`broken`).
 */
export function readLinkToken(raw: string | string[] | undefined): { token: string | null; broken: boolean } {
  const given = Array.isArray(raw) ? raw[0] : raw;
  const token = given && ZToken.safeParse(given).success ? given : null;
  return { token, broken: Boolean(given) && !token };
}
