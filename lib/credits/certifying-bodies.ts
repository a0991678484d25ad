import { z } from "zod";

/**
 * Certifying bodies a trainer can hold a certification from. Adding a body means adding it here
 * and giving it a row in BODY_RULES; the compiler then points at every place that must know it.
 */
export const CERTIFYING_BODIES = ["NFPT", "ACE", "NASM", "OTHER"] as const;

export const ZCertifyingBody = z.enum(CERTIFYING_BODIES);
export type TCertifyingBody = z.infer<typeof ZCertifyingBody>;

/** What the body calls its credit; shown next to every amount so trainers see their body's word. */
export type TCreditUnit = "CEC" | "CEU" | "CE credits";

export type TBodyRule = {
  /** Full name, for certificates and settings pages. */
  name: string;
  unit: TCreditUnit;
  /** Credit for one contact hour, in hundredths (0.2 CEC = 20). */
  perContactHourHundredths: number;
  /** Credit a cycle requires, in hundredths. */
  requiredPerCycleHundredths: number;
  /** Cycle length; cycles are anniversaries of the date first certified. */
  cycleMonths: 12 | 24;
  /** The first cycle requires nothing (NFPT: no CECs due in the first certification year). */
  firstCycleExempt: boolean;
  /** A cycle's own surplus counts toward the next cycle, and only that one. */
  carryForward: boolean;
  /** Renewal needs a current CPR/AED certificate (ACE, NASM). */
  requiresCprAed: boolean;
  /**
   * Whether the body credits the same course again (a retake, or a new version of it). No body we
   * model does: a course, in any version, is credited once per certification (ACE says so outright).
   */
  repeatCourseCredit: boolean;
};

/**
 * Sources, the bodies' own public pages (each rule with its page and wording is listed in
 * docs/credit-rules.md): NFPT nfpt.com/continuing-education-credits (2.0 CEC a year, 0.2 per hour),
 * nfpt.com/certification/renew (nothing due in the first year), nfpt.com/continuing-education
 * (surplus applied to the next certification year); ACE's recertification pages on acefitness.org
 * (2.0 CEC per two years, no roll-over, no repeated course, CPR/AED); NASM's recertification pages
 * on nasm.org, read through secondary sources (2.0 CEU per two years, CPR/AED). OTHER is our own default for bodies we do not model: it copies the most common shape
 * (ACE/NASM: 0.1 per hour, 2.0 per two-year cycle, nothing carried over) under a neutral unit name,
 * so a trainer from an unlisted body is never told they met a requirement more generously than
 * the big bodies would.
 */
export const BODY_RULES: Record<TCertifyingBody, TBodyRule> = {
  NFPT: {
    name: "National Federation of Professional Trainers",
    unit: "CEC",
    perContactHourHundredths: 20,
    requiredPerCycleHundredths: 200,
    cycleMonths: 12,
    firstCycleExempt: true,
    carryForward: true,
    requiresCprAed: false,
    repeatCourseCredit: false,
  },
  ACE: {
    name: "American Council on Exercise",
    unit: "CEC",
    perContactHourHundredths: 10,
    requiredPerCycleHundredths: 200,
    cycleMonths: 24,
    firstCycleExempt: false,
    carryForward: false,
    requiresCprAed: true,
    repeatCourseCredit: false,
  },
  NASM: {
    name: "National Academy of Sports Medicine",
    unit: "CEU",
    perContactHourHundredths: 10,
    requiredPerCycleHundredths: 200,
    cycleMonths: 24,
    firstCycleExempt: false,
    carryForward: false,
    requiresCprAed: true,
    repeatCourseCredit: false,
  },
  OTHER: {
    name: "Other certifying body",
    unit: "CE credits",
    perContactHourHundredths: 10,
    requiredPerCycleHundredths: 200,
    cycleMonths: 24,
    firstCycleExempt: false,
    carryForward: false,
    requiresCprAed: false,
    repeatCourseCredit: false,
  },
};
