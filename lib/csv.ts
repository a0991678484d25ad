// CSV for the admin exports: RFC 4180 (fields separated by commas, records ended by CRLF, a field
// quoted when it holds a comma, a double quote, CR or LF, quotes inside doubled), and safe to open
// in a spreadsheet. Pure, so the streaming code and the tests share exactly these rules.
//
// Formula injection (OWASP "CSV Injection"): spreadsheets run a cell that starts with = + - @ (or
// a tab or carriage return, which some skip before looking) as a formula. Names, reasons and audit
// data are typed by people, so such text gets a leading single quote and is shown as text. Plain
// signed numbers ("-0.20", "+3") are left alone: they are not formulas, and quoting them would
// turn every negative credit adjustment into text.
//
// Separators: Excel in many European locales splits on ';', and a paste splits on tabs, so a
// field holding ',' ';' or a tab is quoted whatever our separator is ("Probe Ee;=1+2;x" must stay
// one cell: unquoted, a ';'-splitting spreadsheet saw a cell "=1+2").

export type TCsvValue = string | number | bigint | boolean | Date | null | undefined;

const FORMULA_START = /^[=+\-@\t\r\n]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;
const NEEDS_QUOTES = /[",;\t\r\n]/;

/** Prefixes text a spreadsheet would evaluate with a single quote. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

function toText(value: TCsvValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString();
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return String(value);
}

/** One field: formula-neutralized (text only), then quoted when needed. null/undefined is empty. */
export function toCsvField(value: TCsvValue): string {
  const raw = toText(value);
  const text = typeof value === "string" ? neutralizeFormula(raw) : raw;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, CRLF-terminated. */
export function toCsvRow(values: readonly TCsvValue[]): string {
  return `${values.map(toCsvField).join(",")}\r\n`;
}

/**
 * Parses CSV text back into records (RFC 4180, CRLF or LF). For tests and for checking an export
 * end to end; not tuned for large inputs.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      record.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      i += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else if (ch === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += ch;
    i += 1;
  }
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}
