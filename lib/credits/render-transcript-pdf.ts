import { type Color, PDFDocument, type PDFPage, rgb, StandardFonts } from "pdf-lib";
import { formatCec } from "@/lib/credits/cec-amount";
import type { TCertifyingBody } from "@/lib/credits/certifying-bodies";
import type { TCurrentCycleSummary } from "@/lib/credits/cycle";
import { CREDIT_KIND_LABELS, type TLedgerEntry, type TLedgerTotals } from "@/lib/credits/ledger-view";
import { formatLongDate, formatShortDate } from "@/lib/format/calendar-date";
import { MUTED, NAVY } from "@/lib/pdf/palette";
import { type TFace, UnicodeText } from "@/lib/pdf/unicode-text";
import { wrapLines } from "@/lib/pdf/wrap-text";

/*
 * A credit transcript a trainer can send to their certifying body: who they are, their
 * certification, the current cycle's totals and every ledger entry, on US Letter portrait pages
 * with the table header repeated and "Page n of m" on each. Text Windows-1252 can encode uses the
 * standard fonts; anything else (names and course titles in any script) is drawn exactly with
 * embedded, subset Noto Sans (lib/pdf/unicode-text.ts). Pure and deterministic: the generation
 * date comes from the input, never the clock.
 */

export type TTranscriptPdfInput = {
  issuerName: string;
  trainerName: string;
  /** Null for accounts without certification details (e.g. administrators). */
  certification: {
    body: TCertifyingBody;
    bodyName: string;
    unit: string;
    number: string;
    firstCertifiedOn: string;
    firstCycleExempt: boolean;
    carryForward: boolean;
  } | null;
  current: TCurrentCycleSummary | null;
  /** The trainer's other active certifications, one line each (body, number, where they stand). */
  alsoHeld?: readonly string[];
  entries: readonly TLedgerEntry[];
  totals: TLedgerTotals;
  timeZone: string;
  generatedAt: Date;
  /** generatedAt as a calendar date in the trainer's zone. */
  generatedOn: string;
  /** Public site address for verify links, when configured. */
  siteUrl?: string | null;
  /** Completions with no credit figure (no approval for the body), listed after the ledger. */
  withoutCredit?: readonly { title: string; completedOn: string; note: string }[];
};

const PAGE_WIDTH = 612;
const PAGE_HEIGHT = 792;
const MARGIN = 48;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const FOOTER_Y = 30;
const BOTTOM = 56;

const INK = rgb(0.15, 0.16, 0.19);
const RULE = rgb(0.8, 0.82, 0.85);
const BAND = rgb(0.94, 0.96, 0.97);
const WARN = rgb(0.6, 0.25, 0.05);

type TFonts = { regular: TFace; bold: TFace; italic: TFace };

type TColumn = { key: "date" | "course" | "kind" | "amount" | "details"; title: string; width: number; align?: "right" };

const TABLE_SIZE = 8.5;
const LINE_HEIGHT = 10.5;
const CELL_PAD = 4;

// NFC, so a separately typed accent is drawn with its letter; control characters become spaces.
const clean = (text: string) => text.normalize("NFC").replace(/[\p{Cc}\u2028\u2029]/gu, " ").replace(/ {2,}/g, " ").trim();

/** Every string in the input, so the fonts they need are embedded before drawing starts. */
function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(clean(value));
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, out);
  else if (value && typeof value === "object" && !(value instanceof Date)) for (const item of Object.values(value)) stringsIn(item, out);
  return out;
}

class Writer {
  pages: PDFPage[] = [];
  page!: PDFPage;
  y = 0;
  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: TFonts,
  ) {
    this.newPage();
  }
  newPage(): void {
    this.page = this.doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.pages.push(this.page);
    this.y = PAGE_HEIGHT - MARGIN;
  }
  ensure(height: number): boolean {
    if (this.y - height >= BOTTOM) return false;
    this.newPage();
    return true;
  }
  text(text: string, x: number, y: number, font: TFace, size: number, color: Color = INK): void {
    if (text) font.draw(this.page, text, { x, y, size, color });
  }
  rightText(text: string, right: number, y: number, font: TFace, size: number, color: Color = INK): void {
    this.text(text, right - font.widthOfTextAtSize(text, size), y, font, size, color);
  }
  rule(y: number, color: Color = RULE, thickness = 0.75): void {
    this.page.drawLine({ start: { x: MARGIN, y }, end: { x: PAGE_WIDTH - MARGIN, y }, thickness, color });
  }
  /** A paragraph wrapped to the content width, moving the cursor down. */
  paragraph(text: string, font: TFace, size: number, color: Color = INK, indent = 0): void {
    for (const line of wrapLines(font, clean(text), size, CONTENT_WIDTH - indent)) {
      this.ensure(size + 4);
      this.text(line, MARGIN + indent, this.y - size, font, size, color);
      this.y -= size + 4;
    }
  }
}

function detailsFor(entry: TLedgerEntry): string {
  const parts: string[] = [];
  if (entry.reason) parts.push(entry.reason);
  if (entry.scorePercent !== null) parts.push(`Assessment score ${entry.scorePercent}%`);
  if (entry.certificate) {
    parts.push(`Certificate ${entry.certificate.code}${entry.certificate.status === "REVOKED" ? " (revoked)" : ""}`);
  }
  if (entry.reversedOn) parts.push(`Reversed on ${formatShortDate(entry.reversedOn)}`);
  // Sentences joined with ". ", without doubling a full stop a reason already ends with.
  return parts.reduce((text, part) => (text === "" ? part : `${text}${/[.!?]$/.test(text) ? "" : "."} ${part}`), "");
}

export async function renderTranscriptPdfDocument(input: TTranscriptPdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const unicode = new UnicodeText(doc);
  await unicode.prepare(stringsIn(input).flatMap((text) => [text, text.toUpperCase()]));
  const [helvetica, helveticaBold, helveticaOblique] = await Promise.all([
    doc.embedFont(StandardFonts.Helvetica),
    doc.embedFont(StandardFonts.HelveticaBold),
    doc.embedFont(StandardFonts.HelveticaOblique),
  ]);
  const regular = unicode.face(helvetica, 400);
  const bold = unicode.face(helveticaBold, 700);
  const italic = unicode.face(helveticaOblique, 400);
  const fonts = { regular, bold, italic };
  const w = new Writer(doc, fonts);
  const unit = input.certification?.unit ?? "credits";
  const issuer = clean(input.issuerName);
  const name = clean(input.trainerName);

  // Heading
  w.text(issuer.toUpperCase(), MARGIN, w.y - 10, bold, 10, NAVY);
  w.rightText(`Generated ${formatLongDate(input.generatedOn)}`, PAGE_WIDTH - MARGIN, w.y - 10, regular, 9, MUTED);
  w.y -= 38;
  w.text("Continuing Education Transcript", MARGIN, w.y, bold, 20, NAVY);
  w.y -= 12;
  w.rule(w.y, NAVY, 1.25);
  w.y -= 20;

  // Who and which certification
  const facts: Array<[string, string]> = [["Trainer", name]];
  if (input.certification) {
    const c = input.certification;
    facts.push(
      ["Certifying body", clean(`${c.bodyName} (${c.body})`)],
      ["Certification number", clean(c.number)],
      ["First certified", formatLongDate(c.firstCertifiedOn)],
    );
  } else {
    facts.push(["Certification", "No certification details on file"]);
  }
  for (const line of input.alsoHeld ?? []) facts.push(["Also certified", clean(line)]);
  facts.push(["Dates shown in", clean(input.timeZone)]);
  for (const [label, value] of facts) {
    w.text(label, MARGIN, w.y, bold, 9.5, MUTED);
    const lines = wrapLines(regular, value, 10.5, CONTENT_WIDTH - 130);
    lines.forEach((line, i) => {
      w.text(line, MARGIN + 130, w.y - i * 13, regular, 10.5);
    });
    w.y -= 13 * lines.length + 3;
  }
  w.y -= 8;

  // Current cycle
  if (input.current && input.certification) {
    const cur = input.current;
    const counted = cur.earnedHundredths + cur.carriedInHundredths;
    const rows: Array<[string, string]> = [
      ["Cycle", `${formatLongDate(cur.cycle.startsOn)} to ${formatLongDate(cur.cycle.endsOn)} (${cur.daysLeft} day${cur.daysLeft === 1 ? "" : "s"} left)`],
      ["Required this cycle", `${formatCec(cur.requiredHundredths)} ${unit}`],
      ["Earned this cycle", `${formatCec(cur.earnedHundredths)} ${unit}`],
    ];
    if (input.certification.carryForward) rows.push(["Carried forward", `${formatCec(cur.carriedInHundredths)} ${unit}`]);
    rows.push(["Counted toward requirement", `${formatCec(counted)} ${unit}`]);
    rows.push(["Status", cur.met ? "Requirement met" : `${formatCec(cur.remainingHundredths)} ${unit} still needed`]);
    const boxHeight = 26 + rows.length * 13 + (cur.requiredHundredths === 0 && input.certification.firstCycleExempt ? 13 : 0);
    w.page.drawRectangle({ x: MARGIN, y: w.y - boxHeight, width: CONTENT_WIDTH, height: boxHeight, color: BAND });
    w.text("CURRENT CERTIFICATION CYCLE", MARGIN + 10, w.y - 15, bold, 8, NAVY);
    let y = w.y - 30;
    for (const [label, value] of rows) {
      w.text(label, MARGIN + 10, y, regular, 9.5, MUTED);
      w.text(value, MARGIN + 170, y, label === "Status" ? bold : regular, 10, label === "Status" && !cur.met ? WARN : INK);
      y -= 13;
    }
    if (cur.requiredHundredths === 0 && input.certification.firstCycleExempt) {
      w.text(`First certification year: no ${unit}s are required; credit earned now carries forward.`, MARGIN + 10, y, italic, 9, MUTED);
    }
    w.y -= boxHeight + 16;
  }

  // Lifetime totals
  const t = input.totals;
  w.text("ALL ENTRIES", MARGIN, w.y, bold, 8, NAVY);
  w.y -= 14;
  const totalsLine =
    `Awards ${formatCec(t.awardsHundredths)}   ·   Adjustments ${formatCec(t.adjustmentsHundredths)}   ·   ` +
    `Reversals ${formatCec(t.reversalsHundredths)}   ·   Net total ${formatCec(t.netHundredths)} ${unit}`;
  w.paragraph(totalsLine, bold, 10);
  w.y -= 10;

  // Ledger table
  const columns: TColumn[] = [
    { key: "date", title: "Date", width: 66 },
    { key: "course", title: "Course", width: 176 },
    { key: "kind", title: "Kind", width: 62 },
    { key: "amount", title: unit === "credits" ? "Credits" : unit, width: 48, align: "right" },
    { key: "details", title: "Details", width: CONTENT_WIDTH - 66 - 176 - 62 - 48 },
  ];
  const drawHeader = () => {
    w.page.drawRectangle({ x: MARGIN, y: w.y - 16, width: CONTENT_WIDTH, height: 16, color: NAVY });
    let x = MARGIN;
    for (const col of columns) {
      if (col.align === "right") w.rightText(col.title, x + col.width - CELL_PAD, w.y - 11.5, bold, 8.5, rgb(1, 1, 1));
      else w.text(col.title, x + CELL_PAD, w.y - 11.5, bold, 8.5, rgb(1, 1, 1));
      x += col.width;
    }
    w.y -= 16;
  };

  w.ensure(16 + 2 * LINE_HEIGHT + 8);
  drawHeader();
  if (input.entries.length === 0) {
    w.y -= 16;
    w.text("No credit entries yet.", MARGIN + CELL_PAD, w.y, italic, 9.5, MUTED);
    w.y -= 10;
  }
  for (const entry of input.entries) {
    // Each cell is a list of paragraphs; secondary ones (a course number) are drawn muted.
    const cells: Record<TColumn["key"], Array<{ text: string; muted?: boolean }>> = {
      date: [{ text: formatShortDate(entry.localDate) }],
      course: [
        { text: entry.course ? clean(entry.course.title) : entry.kind === "ADJUSTMENT" ? "(general adjustment)" : "-" },
        ...(entry.course && entry.courseNumber ? [{ text: clean(`Course No. ${entry.courseNumber}`), muted: true }] : []),
        ...(entry.course && entry.providerNumber ? [{ text: clean(`Provider No. ${entry.providerNumber}`), muted: true }] : []),
      ],
      kind: [{ text: CREDIT_KIND_LABELS[entry.kind] }],
      amount: [{ text: formatCec(entry.amountHundredths) }],
      details: [{ text: clean(detailsFor(entry)) }],
    };
    const wrapped = columns.map((col) =>
      cells[col.key].flatMap(({ text, muted }) =>
        wrapLines(muted ? italic : regular, text, TABLE_SIZE, col.width - 2 * CELL_PAD).map((line) => ({ line, muted: !!muted })),
      ),
    );
    const rowHeight = Math.max(...wrapped.map((l) => l.length)) * LINE_HEIGHT + 6;
    if (w.ensure(rowHeight)) drawHeader();
    let x = MARGIN;
    columns.forEach((col, i) => {
      wrapped[i].forEach(({ line, muted }, n) => {
        const y = w.y - 3 - TABLE_SIZE - n * LINE_HEIGHT;
        const font = muted ? italic : regular;
        if (col.align === "right") w.rightText(line, x + col.width - CELL_PAD, y, font, TABLE_SIZE);
        else w.text(line, x + CELL_PAD, y, font, TABLE_SIZE, muted ? MUTED : INK);
      });
      x += col.width;
    });
    w.y -= rowHeight;
    w.rule(w.y, RULE, 0.5);
  }

  for (const c of input.withoutCredit ?? []) w.paragraph(clean(`Completed without credit: ${c.title}, ${formatLongDate(c.completedOn)}. ${c.note}`), regular, 8.5, INK);

  // Closing notes
  w.y -= 14;
  const notes = [
    `Every award is recorded when the trainer completes all lessons and passes the course's final assessment; ` +
      "adjustments and reversals are made by an administrator with a recorded reason. Entries are never edited or deleted.",
    input.siteUrl
      ? `Certificates can be checked at ${input.siteUrl.replace(/\/$/, "")}/verify/<certificate code>.`
      : "Certificates can be checked on the issuer's verify page using the certificate code.",
    "Acceptance of continuing education credits is determined by the certifying body.",
  ];
  for (const note of notes) w.paragraph(note, italic, 8.5, MUTED);

  // Footers, now that the page count is known.
  const footer = `${issuer} transcript for ${name} · generated ${formatLongDate(input.generatedOn)}`;
  w.pages.forEach((page, i) => {
    page.drawLine({ start: { x: MARGIN, y: FOOTER_Y + 12 }, end: { x: PAGE_WIDTH - MARGIN, y: FOOTER_Y + 12 }, thickness: 0.5, color: RULE });
    const label = `Page ${i + 1} of ${w.pages.length}`;
    const footerText = wrapLines(regular, footer, 7.5, CONTENT_WIDTH - 80)[0];
    regular.draw(page, footerText, { x: MARGIN, y: FOOTER_Y, size: 7.5, color: MUTED });
    regular.draw(page, label, { x: PAGE_WIDTH - MARGIN - regular.widthOfTextAtSize(label, 7.5), y: FOOTER_Y, size: 7.5, color: MUTED });
  });

  doc.setTitle(`Continuing education transcript: ${input.trainerName}`, { showInWindowTitleBar: true });
  doc.setAuthor(input.issuerName);
  doc.setSubject(`Credit ledger of ${input.trainerName} as of ${input.generatedOn}.`);
  doc.setCreator(input.issuerName);
  doc.setProducer(`${input.issuerName} (pdf-lib)`);
  doc.setLanguage("en-US");
  doc.setCreationDate(input.generatedAt);
  doc.setModificationDate(input.generatedAt);
  return doc.save();
}
