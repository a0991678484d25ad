import { formatCec } from "@/lib/credits/cec-amount";

// What each kind of notice says, in the bell and in the mail. Pure, so it is table-tested; the
// server module stores and delivers what this returns.

export const NOTIFICATION_KINDS = ["CERTIFICATE_ISSUED", "CERTIFICATE_REVOKED", "CERTIFICATE_REISSUED", "CREDIT_ADJUSTED"] as const;
export type TNotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<TNotificationKind, string> = {
  CERTIFICATE_ISSUED: "A certificate is issued to me",
  CERTIFICATE_REVOKED: "A certificate of mine is revoked",
  CERTIFICATE_REISSUED: "A certificate of mine is reissued",
  CREDIT_ADJUSTED: "An administrator adjusts my credit",
};

export type TNotificationInput =
  | { kind: "CERTIFICATE_ISSUED"; courseTitle: string; code: string }
  | { kind: "CERTIFICATE_REVOKED"; courseTitle: string; code: string; reason: string }
  | { kind: "CERTIFICATE_REISSUED"; courseTitle: string; code: string; previousCode: string }
  | { kind: "CREDIT_ADJUSTED"; amountHundredths: number; unit: string; reason: string };

export type TNotificationContent = { title: string; body: string; href: string };

export function describeNotification(input: TNotificationInput): TNotificationContent {
  switch (input.kind) {
    case "CERTIFICATE_ISSUED":
      return {
        title: `Your certificate for ${input.courseTitle} is ready`,
        body: `Certificate ${input.code} has been issued. Download it or share its verification link from your certificates page.`,
        href: "/certificates",
      };
    case "CERTIFICATE_REVOKED":
      return {
        title: `Your certificate for ${input.courseTitle} was revoked`,
        body: `Certificate ${input.code} is no longer valid and its credit was reversed. Reason given: ${input.reason}`,
        href: "/transcript",
      };
    case "CERTIFICATE_REISSUED":
      return {
        title: `Your certificate for ${input.courseTitle} was reissued`,
        body: `A new certificate, ${input.code}, replaces ${input.previousCode}, and the course's credit is on your record again.`,
        href: "/certificates",
      };
    case "CREDIT_ADJUSTED": {
      const sign = input.amountHundredths > 0 ? "+" : "";
      return {
        title: `Your credit was adjusted by ${sign}${formatCec(input.amountHundredths)} ${input.unit}`,
        body: `An administrator recorded an adjustment of ${sign}${formatCec(input.amountHundredths)} ${input.unit}. Reason given: ${input.reason}`,
        href: "/transcript",
      };
    }
  }
}

/** The mail for a notice: the same words, plus a link to where it points and how to stop these mails. */
export function notificationMail(content: TNotificationContent, { siteUrl }: { siteUrl: (path: string) => string }): { subject: string; text: string } {
  return {
    subject: content.title,
    text: `${content.body}\n\n${siteUrl(content.href)}\n\nYou get this mail because of your notification settings: ${siteUrl("/notifications")}\n`,
  };
}
