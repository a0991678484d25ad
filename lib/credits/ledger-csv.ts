import { formatCec } from "@/lib/credits/cec-amount";
import { CREDIT_KIND_LABELS, type TLedgerEntry } from "@/lib/credits/ledger-view";

// CSV for the credit ledger: RFC 4180 (CRLF line ends, fields quoted when they hold a comma,
// quote or line break, quotes doubled) and safe to open in a spreadsheet.
//
// Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with = + - @
// (or a tab / carriage return, which some apps skip before looking) as a formula. Reasons and
// course titles are typed by people, so such cells get a leading single quote, which makes the
// spreadsheet show the text as text. Plain signed decimals ("-0.20") are left alone: they are not
// formulas, and quoting them would turn every negative adjustment into text.

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

export function neutralizeFormula(text: string): string {
  if (!FORMULA_START.test(text) || PLAIN_NUMBER.test(text)) return text;
  return `'${text}`;
}

/** One CSV field: formula-neutralized, then quoted if needed. null/undefined is an empty field. */
export function escapeCsvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = neutralizeFormula(String(value));
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record, CRLF-terminated. */
export function toCsvLine(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(escapeCsvCell).join(",")}\r\n`;
}

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
