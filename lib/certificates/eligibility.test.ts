import { describe, expect, test } from "vitest";
import { checkCertificateEligibility, INELIGIBLE_TEXT, type TAttemptFacts, type TEligibilityInput } from "@/lib/certificates/eligibility";

const COURSE = "course-1";
const passed: TAttemptFacts = { status: "GRADED", passed: true, scorePercent: 92, quiz: { kind: "FINAL", courseId: COURSE, passMark: 80 } };
const base: TEligibilityInput = { courseId: COURSE, award: { reversed: false, attempt: passed }, completion: { attempt: passed }, certifyingBody: "NFPT", hasCertificationDetails: true };

describe("checkCertificateEligibility", () => {
  test.each<[string, Partial<TEligibilityInput>, string | null]>([
    ["award backed by a passed final", {}, null],
    ["completion only (no approval for the body), passed final", { award: null }, null],
    ["neither award nor completion", { award: null, completion: null }, "NOT_COMPLETED"],
    ["no certifying body recorded", { certifyingBody: null }, "NOT_COMPLETED"],
    ["credit reversed", { award: { reversed: true, attempt: passed } }, "CREDIT_REVERSED"],
    ["reversal wins over a missing attempt", { award: { reversed: true, attempt: null } }, "CREDIT_REVERSED"],
    ["award without an attempt", { award: { reversed: false, attempt: null } }, "NO_PASSED_FINAL"],
    ["award's attempt failed", { award: { reversed: false, attempt: { ...passed, passed: false } } }, "NO_PASSED_FINAL"],
    ["award's attempt not graded yet", { award: { reversed: false, attempt: { ...passed, status: "SUBMITTED" } } }, "NO_PASSED_FINAL"],
    ["award's attempt has no score", { award: { reversed: false, attempt: { ...passed, scorePercent: null } } }, "NO_PASSED_FINAL"],
    ["award's attempt is a lesson quiz", { award: { reversed: false, attempt: { ...passed, quiz: { ...passed.quiz, kind: "LESSON" } } } }, "NO_PASSED_FINAL"],
    ["award's attempt is another course's final", { award: { reversed: false, attempt: { ...passed, quiz: { ...passed.quiz, courseId: "other" } } } }, "NO_PASSED_FINAL"],
    ["award's failed attempt is not rescued by the completion's", { award: { reversed: false, attempt: { ...passed, passed: false } }, completion: { attempt: passed } }, "NO_PASSED_FINAL"],
    ["completion only, no attempt", { award: null, completion: { attempt: null } }, "NO_PASSED_FINAL"],
    ["completion only, failed attempt", { award: null, completion: { attempt: { ...passed, passed: false } } }, "NO_PASSED_FINAL"],
    ["no certification details", { hasCertificationDetails: false }, "NO_CERTIFICATION_DETAILS"],
  ])("%s", (_name, change, reason) => {
    const result = checkCertificateEligibility({ ...base, ...change });
    if (reason === null) expect(result).toEqual({ eligible: true, attempt: passed });
    else expect(result).toEqual({ eligible: false, reason });
  });

  test("every reason has a label and a message", () => {
    for (const text of Object.values(INELIGIBLE_TEXT)) {
      expect(text.label.length).toBeGreaterThan(0);
      expect(text.message.endsWith(".")).toBe(true);
    }
  });
});
