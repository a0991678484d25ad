import { z } from "zod";
import { parseCecAmount } from "@/lib/credits/cec-amount";
import { BODY_RULES, type TCertifyingBody, type TCreditUnit, ZCertifyingBody } from "@/lib/credits/certifying-bodies";

// A course earns a body's credit only through that body's approval of the course: a status, the
// body's course approval number, the credit it approved and the dates the approval is valid.
// Nothing is derived from contact minutes: ACE and NASM give credit only for approved courses,
// and a provider must not claim a figure a body has not approved (docs/decisions/007).

/** A calendar date written as 2026-01-31 (YAML may hand us a Date; both become the string). */
export const ZIsoDate = z.union([z.date(), z.string()]).transform((value, ctx) => {
  const text = value instanceof Date ? (Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10)) : value.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== text) {
    ctx.addIssue({ code: "custom", message: "must be a date written as YYYY-MM-DD" });
    return z.NEVER;
  }
  return text;
});

const ZCec = z.union([z.number(), z.string()]).superRefine((value, ctx) => {
  try {
    if (parseCecAmount(value) <= 0) ctx.addIssue({ code: "custom", message: "an approved credit must be more than 0" });
  } catch (error) {
    ctx.addIssue({ code: "custom", message: (error as Error).message });
  }
});

const ZNote = z.string().trim().min(3).max(400).optional();

const APPROVAL_STATUSES = ["approved", "pending", "not-submitted"] as const;
export type TApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export const ZCourseApproval = z.discriminatedUnion("status", [
  z
    .strictObject({
      status: z.literal("approved"),
      approvalNumber: z.string().trim().min(1).max(60),
      credit: ZCec,
      validFrom: ZIsoDate,
      validUntil: ZIsoDate,
      note: ZNote,
    })
    .refine((a) => a.validFrom <= a.validUntil, { message: "validUntil must not be before validFrom", path: ["validUntil"] }),
  z.strictObject({ status: z.literal("pending"), note: ZNote }),
  z.strictObject({ status: z.literal("not-submitted"), note: ZNote }),
]);

/** Per body; a body left out counts as not submitted. */
export const ZCourseApprovals = z.partialRecord(ZCertifyingBody, ZCourseApproval);
export type TCourseApprovals = z.infer<typeof ZCourseApprovals>;

export const ZCourseProvider = z.strictObject({
  name: z.string().trim().min(2).max(120),
  /** The provider's own number with each body that lists it as a provider. */
  numbers: z.partialRecord(ZCertifyingBody, z.string().trim().min(1).max(60)).default({}),
});
export type TCourseProvider = z.infer<typeof ZCourseProvider>;

type TNoCreditReason = "not-submitted" | "pending" | "not-yet-valid" | "expired";

export type TCreditDecision =
  | { eligible: true; body: TCertifyingBody; unit: TCreditUnit; hundredths: number; approvalNumber: string; providerNumber: string | null; validUntil: string }
  | { eligible: false; body: TCertifyingBody; unit: TCreditUnit; reason: TNoCreditReason; providerNumber: string | null };

/** The UTC calendar day of an instant, as YYYY-MM-DD (approvals are dated in whole days). */
function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/**
 * What a completion on `on` earns for a trainer of `body`. Pure and total, so every caller (the
 * award, the course page, the dashboard, one trainer with several certifications) asks the same
 * question the same way. The validity dates are inclusive.
 */
export function decideCourseCredit({
  approvals,
  provider,
  body,
  on,
}: {
  approvals: TCourseApprovals;
  provider?: Pick<TCourseProvider, "numbers"> | null;
  body: TCertifyingBody;
  on: Date;
}): TCreditDecision {
  const unit = BODY_RULES[body].unit;
  const providerNumber = provider?.numbers[body] ?? null;
  const approval = approvals[body];
  if (!approval || approval.status === "not-submitted") return { eligible: false, body, unit, reason: "not-submitted", providerNumber };
  if (approval.status === "pending") return { eligible: false, body, unit, reason: "pending", providerNumber };
  const day = utcDay(on);
  if (day < approval.validFrom) return { eligible: false, body, unit, reason: "not-yet-valid", providerNumber };
  if (day > approval.validUntil) return { eligible: false, body, unit, reason: "expired", providerNumber };
  return {
    eligible: true,
    body,
    unit,
    hundredths: parseCecAmount(approval.credit),
    approvalNumber: approval.approvalNumber,
    providerNumber,
    validUntil: approval.validUntil,
  };
}

const REASONS: Record<TNoCreditReason, string> = {
  "not-submitted": "has not been submitted to",
  pending: "is awaiting approval by",
  "not-yet-valid": "is not yet approved for this date by",
  expired: "is no longer approved by",
};

/**
 * The sentence shown wherever a figure would be, when there is none: contact hours, and the
 * trainer may ask their body to review the certificate (NFPT, for one, reviews outside learning).
 */
export function describeNoCredit(decision: Extract<TCreditDecision, { eligible: false }>, contactHoursLabel: string): string {
  return `This course ${REASONS[decision.reason]} ${decision.body}, so no ${decision.unit} figure is claimed. It gives ${contactHoursLabel}; you may submit your certificate to ${decision.body} for review.`;
}
