import { formatCec } from "@/lib/credits/cec-amount";
import { CREDIT_KIND_LABELS, type TLedgerEntry } from "@/lib/credits/ledger-view";

// The ledger export uses the one CSV writer (lib/csv.ts: RFC 4180, formula-injection safe).
export { neutralizeFormula, toCsvField as escapeCsvCell, toCsvRow as toCsvLine } from "@/lib/csv";

export const LEDGER_CSV_HEADER = [
  "Date",
  "Occurred at (UTC)",
  "Kind",
  "Course",
  "Course number",
  "Certifying body",
  "Credits",
  "Score %",
  "Certificate",
  "Certificate status",
  "Reason",
  "Entry ID",
  "Reverses entry ID",
] as const;

export function ledgerCsvCells(entry: TLedgerEntry): (string | number | null)[] {
  return [
    entry.localDate,
    entry.occurredAt.toISOString(),
    CREDIT_KIND_LABELS[entry.kind],
    entry.course?.title ?? null,
    entry.courseNumber,
    entry.certifyingBody,
    formatCec(entry.amountHundredths),
    entry.scorePercent,
    entry.certificate?.code ?? null,
    entry.certificate ? entry.certificate.status.toLowerCase() : null,
    entry.reason,
    entry.id,
    entry.reversesEntryId,
  ];
}
