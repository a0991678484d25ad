import { describe, expect, test } from "vitest";
import { describeNotification, notificationMail } from "./notification-content";

describe("describeNotification", () => {
  test.each([
    [
      { kind: "CERTIFICATE_ISSUED", courseTitle: "Back Care", code: "BKCE-1" },
      { title: "Your certificate for Back Care is ready", href: "/certificates", body: /Certificate BKCE-1 has been issued/ },
    ],
    [
      { kind: "CERTIFICATE_REVOKED", courseTitle: "Back Care", code: "BKCE-1", reason: "Duplicate enrolment" },
      { title: "Your certificate for Back Care was revoked", href: "/transcript", body: /BKCE-1 is no longer valid.*Reason given: Duplicate enrolment/ },
    ],
    [
      { kind: "CERTIFICATE_REISSUED", courseTitle: "Back Care", code: "BKCE-2", previousCode: "BKCE-1" },
      { title: "Your certificate for Back Care was reissued", href: "/certificates", body: /BKCE-2, replaces BKCE-1/ },
    ],
    [
      { kind: "CREDIT_ADJUSTED", amountHundredths: 25, unit: "CEC", reason: "Workshop" },
      { title: "Your credit was adjusted by +0.25 CEC", href: "/transcript", body: /Reason given: Workshop/ },
    ],
    [
      { kind: "CREDIT_ADJUSTED", amountHundredths: -10, unit: "CEU", reason: "Typo" },
      { title: "Your credit was adjusted by -0.10 CEU", href: "/transcript", body: /-0.10 CEU/ },
    ],
  ] as const)("%#: %o", (input, expected) => {
    const c = describeNotification(input);
    expect(c.title).toBe(expected.title);
    expect(c.href).toBe(expected.href);
    expect(c.body).toMatch(expected.body);
  });

  test("the mail links to the page and to the settings", () => {
    const mail = notificationMail({ title: "T", body: "B", href: "/certificates" }, { siteUrl: (p) => `https://example.test${p}` });
    expect(mail.subject).toBe("T");
    expect(mail.text).toContain("https://example.test/certificates");
    expect(mail.text).toContain("https://example.test/notifications");
  });
});
