import { describe, expect, test } from "vitest";
import { BODY_RULES, CERTIFYING_BODIES, ZCertifyingBody } from "@/lib/credits/certifying-bodies";

describe("BODY_RULES", () => {
  test.each([
    // body, unit, per hour, required, months, first exempt, carry forward
    ["NFPT", "CEC", 20, 200, 12, true, true],
    ["ACE", "CEC", 10, 200, 24, false, false],
    ["NASM", "CEU", 10, 200, 24, false, false],
    ["OTHER", "CE credits", 10, 200, 24, false, false],
  ] as const)("%s: %s, %i/h, %i per %i months, exempt %s, carry %s", (body, unit, perHour, required, months, exempt, carry) => {
    expect(BODY_RULES[body]).toMatchObject({
      unit,
      perContactHourHundredths: perHour,
      requiredPerCycleHundredths: required,
      cycleMonths: months,
      firstCycleExempt: exempt,
      carryForward: carry,
    });
  });

  test.each([
    // body, requires a current CPR/AED card to renew, credits a course again
    ["NFPT", false, false],
    ["ACE", true, false],
    ["NASM", true, false],
    ["OTHER", false, false],
  ] as const)("%s: CPR/AED required %s, repeat course credit %s", (body, cpr, repeat) => {
    expect(BODY_RULES[body]).toMatchObject({ requiresCprAed: cpr, repeatCourseCredit: repeat });
  });

  test("every listed body has integer rules and a full name", () => {
    for (const body of CERTIFYING_BODIES) {
      const rule = BODY_RULES[body];
      expect(rule.name.length).toBeGreaterThan(4);
      expect(Number.isSafeInteger(rule.perContactHourHundredths)).toBe(true);
      expect(Number.isSafeInteger(rule.requiredPerCycleHundredths)).toBe(true);
    }
    expect(Object.keys(BODY_RULES).sort()).toEqual([...CERTIFYING_BODIES].sort());
  });

  test.each([
    ["NFPT", true],
    ["ACE", true],
    ["nfpt", false],
    ["", false],
  ])("ZCertifyingBody accepts %j: %s", (value, ok) => {
    expect(ZCertifyingBody.safeParse(value).success).toBe(ok);
  });
});
