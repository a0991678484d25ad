import { describe, expect, test } from "vitest";
import { escapeCsvCell, LEDGER_CSV_HEADER, ledgerCsvCells, neutralizeFormula, toCsvLine } from "@/lib/credits/ledger-csv";
import type { TLedgerEntry } from "@/lib/credits/ledger-view";

// A strict RFC 4180 reader, so the tests check that what we write reads back to the same cells.
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        cell += c;
        i++;
      }
    } else if (c === '"') {
      if (cell !== "") throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
      i++;
    } else if (c === ",") {
      row.push(cell);
      cell = "";
      i++;
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i += 2;
    } else if (c === "\r" || c === "\n") {
      throw new Error(`bare line break outside quotes at ${i}`);
    } else {
      cell += c;
      i++;
    }
  }
  if (quoted) throw new Error("unterminated quoted field");
  if (cell !== "" || row.length) throw new Error("last record is not CRLF-terminated");
  return rows;
}

describe("escapeCsvCell", () => {
  test.each([
    ["plain text", "Core stability", "Core stability"],
    ["empty string", "", ""],
    ["null", null, ""],
    ["undefined", undefined, ""],
    ["integer", 92, "92"],
    ["comma", "Hips, knees", '"Hips, knees"'],
    ["double quote", 'The "core" course', '"The ""core"" course"'],
    ["only a quote", '"', '""""'],
    ["LF", "line one\nline two", '"line one\nline two"'],
    ["CRLF", "line one\r\nline two", '"line one\r\nline two"'],
    ["leading space kept", "  spaced ", "  spaced "],
    ["unicode kept", "Zoë 李 👍🏽", "Zoë 李 👍🏽"],
    ["apostrophe inside", "trainer's note", "trainer's note"],
  ])("%s", (_name, input, expected) => {
    expect(escapeCsvCell(input)).toBe(expected);
  });
});

describe("formula injection", () => {
  test.each([
    ["=SUM", "=SUM(A1:A9)", "'=SUM(A1:A9)"],
    ["=HYPERLINK", '=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ["plus formula", "+1+1", "'+1+1"],
    ["minus DDE", "-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ["at function", "@SUM(1,2)", `"'@SUM(1,2)"`],
    ["tab first", "\t=1+1", `"'\t=1+1"`],
    ["carriage return first", "\r=1+1", `"'\r=1+1"`],
    ["dash word", "-correction", "'-correction"],
    ["negative decimal left as a number", "-0.20", "-0.20"],
    ["negative integer left as a number", "-2", "-2"],
    ["positive signed decimal left as a number", "+0.50", "+0.50"],
    ["plain decimal", "0.40", "0.40"],
    ["equals later in text is fine", "a=b", "a=b"],
    ["minus later in text is fine", "re-issued", "re-issued"],
  ])("%s", (_name, input, expected) => {
    expect(escapeCsvCell(input)).toBe(expected);
  });

  test("neutralizeFormula never changes text that does not start a formula", () => {
    for (const text of ["Course", "0.40", "", " =1", "'=1"]) expect(neutralizeFormula(text)).toBe(text);
  });
});

describe("toCsvLine", () => {
  test("joins with commas and ends in CRLF", () => {
    expect(toCsvLine(["a", 1, null, "b,c"])).toBe('a,1,,"b,c"\r\n');
  });

  test("hostile cells read back as the same (neutralized) cells", () => {
    const cells = ['He said "hi", then left', "multi\nline", "=cmd|' /C calc'!A0", "@x", "", "-0.20", "plain"];
    const [row] = parseCsv(toCsvLine(cells));
    expect(row).toEqual(['He said "hi", then left', "multi\nline", "'=cmd|' /C calc'!A0", "'@x", "", "-0.20", "plain"]);
  });
});

describe("ledgerCsvCells", () => {
  const award: TLedgerEntry = {
    id: "ent_1",
    occurredAt: new Date("2025-03-05T06:30:00.000Z"),
    localDate: "2025-03-04",
    kind: "AWARD",
    amountHundredths: 40,
    certifyingBody: "NFPT",
    course: { slug: "core", title: "Core, stability & you" },
    courseNumber: "NFPT-2024-117",
    reason: null,
    scorePercent: 92,
    certificate: { code: "BCE-ABCD-EFGH", status: "ISSUED" },
    reversesEntryId: null,
    reversedOn: null,
  };

  test("one cell per header column, ISO dates, decimal amounts", () => {
    const cells = ledgerCsvCells(award);
    expect(cells).toHaveLength(LEDGER_CSV_HEADER.length);
    expect(cells).toEqual([
      "2025-03-04",
      "2025-03-05T06:30:00.000Z",
      "Award",
      "Core, stability & you",
      "NFPT-2024-117",
      "NFPT",
      "0.40",
      92,
      "BCE-ABCD-EFGH",
      "issued",
      null,
      "ent_1",
      null,
    ]);
  });

  test("a negative adjustment with a hostile reason", () => {
    const line = toCsvLine(
      ledgerCsvCells({ ...award, kind: "ADJUSTMENT", amountHundredths: -20, course: null, courseNumber: null, scorePercent: null, certificate: null, reason: "=1+1, oops" }),
    );
    expect(parseCsv(line)[0]).toEqual([
      "2025-03-04", "2025-03-05T06:30:00.000Z", "Adjustment", "", "", "NFPT", "-0.20", "", "", "", "'=1+1, oops", "ent_1", "",
    ]);
  });
});
