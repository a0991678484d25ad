import type { TCertifyingBody } from "@/lib/credits/certifying-bodies";

// Plain shapes and helpers shared by the ledger's pages, CSV and PDF. Pure: no database, no clock.

export type TCreditKind = "AWARD" | "ADJUSTMENT" | "REVERSAL";
export type TCertificateStatus = "ISSUED" | "REVOKED";

/** One ledger row as every view of it needs it (page, CSV, PDF). */
export type TLedgerEntry = {
  id: string;
  occurredAt: Date;
  /** occurredAt as a calendar date in the trainer's time zone. */
  localDate: string;
  kind: TCreditKind;
  amountHundredths: number;
  certifyingBody: TCertifyingBody;
  course: { slug: string; title: string; retired?: boolean } | null;
  courseNumber: string | null;
  /** The provider's number with the entry's body, from the completion record. */
  providerNumber?: string | null;
  reason: string | null;
  /** The final-assessment score behind an award. */
  scorePercent: number | null;
  certificate: { code: string; status: TCertificateStatus } | null;
  reversesEntryId: string | null;
  /** Set when a later REVERSAL entry cancels this one. */
  reversedOn: string | null;
};

export const CREDIT_KIND_LABELS: Record<TCreditKind, string> = {
  AWARD: "Award",
  ADJUSTMENT: "Adjustment",
  REVERSAL: "Reversal",
};

export type TLedgerTotals = {
  awardsHundredths: number;
  adjustmentsHundredths: number;
  reversalsHundredths: number;
  netHundredths: number;
  count: number;
};

export function ledgerTotals(entries: readonly Pick<TLedgerEntry, "kind" | "amountHundredths">[]): TLedgerTotals {
  const totals: TLedgerTotals = { awardsHundredths: 0, adjustmentsHundredths: 0, reversalsHundredths: 0, netHundredths: 0, count: 0 };
  for (const entry of entries) {
    if (entry.kind === "AWARD") totals.awardsHundredths += entry.amountHundredths;
    else if (entry.kind === "ADJUSTMENT") totals.adjustmentsHundredths += entry.amountHundredths;
    else totals.reversalsHundredths += entry.amountHundredths;
    totals.netHundredths += entry.amountHundredths;
    totals.count += 1;
  }
  return totals;
}

/**
 * The certificate to show for an entry, given its certificates newest first: a reissue replaces
 * an older document, so the newest issued one wins; a revoked one is shown only when nothing valid
 * remains (so the trainer sees why there is no download).
 */
export function pickCertificate<T extends { status: TCertificateStatus }>(newestFirst: readonly T[]): T | null {
  return newestFirst.find((c) => c.status === "ISSUED") ?? newestFirst[0] ?? null;
}

/** A @db.Date column (midnight UTC) back to its calendar date. */
export function dbDateToIso(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/**
 * Progress toward a cycle's requirement, counting carried-in credit. `percent` is clamped to
 * 0–100 for the bar; a cycle that requires nothing is complete.
 */
export function cycleProgress(current: { earnedHundredths: number; carriedInHundredths: number; requiredHundredths: number }): {
  countedHundredths: number;
  percent: number;
} {
  const counted = current.earnedHundredths + current.carriedInHundredths;
  if (current.requiredHundredths <= 0) return { countedHundredths: counted, percent: 100 };
  const percent = Math.floor((Math.max(0, counted) * 100) / current.requiredHundredths);
  return { countedHundredths: counted, percent: Math.min(100, percent) };
}
