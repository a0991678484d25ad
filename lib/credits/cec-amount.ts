// Credit amounts are integer hundredths everywhere (0.2 CEC = 20): binary floating point cannot
// hold 0.1 or 0.2 exactly, and sums of awards must match what a certifying body audits to the cent.

const DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?$/;
// Twelve integer digits keep every amount far inside Number.MAX_SAFE_INTEGER hundredths.
const MAX_INTEGER_DIGITS = 12;

export type TParseCecOptions = {
  /** Adjustments and reversals may be negative; course values and overrides may not. */
  allowNegative?: boolean;
};

/**
 * Parses a decimal credit amount ("0.4", "2", "-0.20", 0.4) into integer hundredths.
 *
 * Exactness over leniency: more than two decimal places is an error rather than a rounding
 * ("0.125" would silently award or withhold a fraction), except that trailing zeros ("0.400") are
 * exact and accepted. Numbers are read through their shortest decimal form, so 0.1 + 0.2
 * (0.30000000000000004) is rejected instead of becoming 30.
 */
export function parseCecAmount(input: string | number, options: TParseCecOptions = {}): number {
  let text: string;
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new Error(`Credit amount must be a finite number, got ${input}.`);
    text = String(input);
  } else if (typeof input === "string") {
    text = input.trim();
  } else {
    throw new Error(`Credit amount must be a string or a number, got ${typeof input}.`);
  }

  const match = DECIMAL.exec(text);
  const [, sign = "", whole = "", fraction] = match ?? [];
  if (!match || (whole === "" && !fraction) || fraction === "") {
    throw new Error(`Credit amount "${text}" is not a decimal number like 0.4 or 2.00.`);
  }
  const significantFraction = (fraction ?? "").replace(/0+$/, "");
  if (significantFraction.length > 2) {
    throw new Error(`Credit amount "${text}" has more than two decimal places; credits are kept to hundredths.`);
  }
  const wholeDigits = whole.replace(/^0+(?=\d)/, "");
  if (wholeDigits.length > MAX_INTEGER_DIGITS) {
    throw new Error(`Credit amount "${text}" is too large.`);
  }

  const magnitude = Number(wholeDigits || "0") * 100 + Number(significantFraction.padEnd(2, "0"));
  if (magnitude === 0) return 0; // never hand out -0
  if (sign === "-") {
    if (!options.allowNegative) throw new Error(`Credit amount "${text}" must not be negative.`);
    return -magnitude;
  }
  return magnitude;
}

/** Formats hundredths with exactly two decimals: 40 → "0.40", -20 → "-0.20", 200 → "2.00". */
export function formatCec(hundredths: number): string {
  assertHundredths(hundredths, "formatCec");
  const sign = hundredths < 0 ? "-" : "";
  const abs = Math.abs(hundredths);
  const cents = abs % 100;
  // Integer division without a float quotient, so large values cannot round up a whole unit.
  const whole = (abs - cents) / 100;
  return `${sign}${whole}.${String(cents).padStart(2, "0")}`;
}

function assertHundredths(value: number, where: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new Error(`${where}: credit amounts are integer hundredths, got ${value}.`);
  }
}
