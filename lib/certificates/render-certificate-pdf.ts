import {
  type Color,
  degrees,
  fill,
  PDFDocument,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  StandardFonts,
  setCharacterSpacing,
  setFillingRgbColor,
} from "pdf-lib";
import QRCode from "qrcode";
import { z } from "zod";
import { CERTIFICATE_CODE_PATTERN } from "@/lib/certificates/certificate-code";
import { formatLongDate } from "@/lib/format/calendar-date";
import { MUTED, NAVY } from "@/lib/pdf/palette";
import { type TFace, UnicodeText } from "@/lib/pdf/unicode-text";
import { wrapLines, wrapText } from "@/lib/pdf/wrap-text";

/*
 * One-page US Letter landscape certificate (the certifying bodies we serve are US-based and their
 * members print on Letter). Text Windows-1252 can encode uses the standard PDF fonts (nothing to
 * embed: tiny and fast); any other text (a name in Vietnamese, Chinese, Arabic, ...) is drawn
 * exactly as stored with embedded, subset Noto Sans fonts (lib/pdf/unicode-text.ts).
 *
 * The output is deterministic (same input → same bytes): all dates in the document come from
 * the input, never from the clock, so a re-render after a deploy yields an identical file.
 */

const ZIsoDate = z.iso.date();

export const ZCertificatePdfInput = z
  .object({
    code: z.string().regex(CERTIFICATE_CODE_PATTERN, "must be a canonical certificate code"),
    trainerName: z.string().trim().min(1).max(160),
    certificationNumber: z.string().trim().min(1).max(64),
    certifyingBody: z.enum(["NFPT", "ACE", "NASM", "OTHER"]),
    certifyingBodyName: z.string().trim().min(1).max(160),
    courseTitle: z.string().trim().min(1).max(300),
    courseVersion: z.string().trim().min(1).max(40),
    courseNumber: z.string().trim().max(64).nullish(),
    providerNumber: z.string().trim().max(64).nullish(),
    // Set when no figure is claimed for the body (no approval): replaces the credit sentence.
    creditNote: z.string().trim().max(300).nullish(),
    contactHours: z.string().regex(/^\d{1,3}(\.\d{1,2})?$/, 'must look like "2.0"'),
    creditLabel: z.string().trim().min(1).max(40),
    completedOn: ZIsoDate,
    scorePercent: z.number().int().min(0).max(100),
    issuedOn: ZIsoDate,
    issuerName: z.string().trim().min(1).max(80),
    verifyUrl: z.url({ protocol: /^https?$/ }).max(500),
    // Only issued certificates are ever rendered; revoked ones are shown on the verify page only.
    status: z.literal("issued").optional(),
  })
  .refine((input) => input.issuedOn >= input.completedOn, {
    message: "issuedOn cannot be before completedOn",
    path: ["issuedOn"],
  });

export type TCertificatePdfInput = z.input<typeof ZCertificatePdfInput>;

const PAGE_WIDTH = 792;
const PAGE_HEIGHT = 612;
const CENTER_X = PAGE_WIDTH / 2;

const GOLD = rgb(0.72, 0.56, 0.25);
const INK = rgb(0.18, 0.19, 0.22);
const PAPER = rgb(1, 0.992, 0.973);
const WHITE = rgb(1, 1, 1);

// Letter-spacing of the small capitals labels, in em. Kept under a tenth of an em: past that, PDF
// readers (pdf.js, pdftotext) take each gap for a space, and copying "BACKBONE CE" would give
// "B A C K B O N E  C E".
const TRACK = 0.09;

function utcMidnight(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00.000Z`);
}

type TFonts = {
  serif: TFace;
  serifBold: TFace;
  serifItalic: TFace;
  sans: TFace;
  sansBold: TFace;
  mono: TFace;
};

// pdf-lib caches the parsed standard-font metrics (AFM) at module level itself; what remains per
// document is creating six tiny font dictionaries, which has to happen per document anyway.
// `texts` are the strings from the input, so the Unicode fonts they need are embedded up front.
async function embedFonts(doc: PDFDocument, texts: (readonly [string, 400 | 700])[]): Promise<TFonts> {
  const unicode = new UnicodeText(doc);
  await unicode.prepare(texts);
  const [serif, serifBold, serifItalic, sans, sansBold, mono] = await Promise.all([
    doc.embedFont(StandardFonts.TimesRoman),
    doc.embedFont(StandardFonts.TimesRomanBold),
    doc.embedFont(StandardFonts.TimesRomanItalic),
    doc.embedFont(StandardFonts.Helvetica),
    doc.embedFont(StandardFonts.HelveticaBold),
    doc.embedFont(StandardFonts.CourierBold),
  ]);
  return {
    serif: unicode.face(serif, 400),
    serifBold: unicode.face(serifBold, 700),
    serifItalic: unicode.face(serifItalic, 400),
    sans: unicode.face(sans, 400),
    sansBold: unicode.face(sansBold, 700),
    mono: unicode.face(mono, 700),
  };
}

const ELLIPSIS = "…";

function truncateToWidth(font: TFace, text: string, size: number, maxWidth: number): string {
  if (font.widthOfTextAtSize(text, size) <= maxWidth) return text;
  let end = text.length;
  while (end > 0 && font.widthOfTextAtSize(text.slice(0, end).trimEnd() + ELLIPSIS, size) > maxWidth) end--;
  return text.slice(0, end).trimEnd() + ELLIPSIS;
}

/** Largest size ≤ preferred (not below min) at which text fits; the caller truncates if needed. */
function fitSize(font: TFace, text: string, maxWidth: number, preferred: number, min: number): number {
  const width = font.widthOfTextAtSize(text, preferred);
  if (width <= maxWidth) return preferred;
  return Math.max(min, Math.floor(((preferred * maxWidth) / width) * 10) / 10);
}

type TTextStyle = { font: TFace; size: number; color: Color; tracking?: number };

function trackedWidth(text: string, style: TTextStyle): number {
  return style.font.widthOfTextAtSize(text, style.size) + (style.tracking ?? 0) * Math.max(0, text.length - 1);
}

function drawTextAt(page: PDFPage, text: string, x: number, y: number, style: TTextStyle): void {
  if (!style.tracking) {
    style.font.draw(page, text, { x, y, size: style.size, color: style.color });
    return;
  }
  // Character spacing (Tc) is graphics state, so scope it: pdf-lib's drawText does not reset it.
  page.pushOperators(pushGraphicsState(), setCharacterSpacing(style.tracking));
  style.font.draw(page, text, { x, y, size: style.size, color: style.color });
  page.pushOperators(popGraphicsState());
}

function drawCentered(page: PDFPage, text: string, centerX: number, y: number, style: TTextStyle): void {
  drawTextAt(page, text, centerX - trackedWidth(text, style) / 2, y, style);
}

/** Centered single line, shrunk to fit, truncated with an ellipsis as a last resort. */
function drawFitted(page: PDFPage, text: string, centerX: number, y: number, maxWidth: number, style: TTextStyle, minSize: number): number {
  const size = fitSize(style.font, text, maxWidth, style.size, minSize);
  const line = truncateToWidth(style.font, text, size, maxWidth);
  drawCentered(page, line, centerX, y, { ...style, size });
  return style.font.widthOfTextAtSize(line, size);
}

function drawDiamond(page: PDFPage, centerX: number, centerY: number, side: number, color: Color): void {
  // A square rotated 45° about its lower-left corner; offset so the diamond is centered.
  page.drawRectangle({ x: centerX, y: centerY - side / Math.SQRT2, width: side, height: side, rotate: degrees(45), color });
}

function drawFrame(page: PDFPage): void {
  page.drawRectangle({ x: 0, y: 0, width: PAGE_WIDTH, height: PAGE_HEIGHT, color: PAPER });
  page.drawRectangle({ x: 18, y: 18, width: PAGE_WIDTH - 36, height: PAGE_HEIGHT - 36, borderColor: NAVY, borderWidth: 5 });
  page.drawRectangle({ x: 28, y: 28, width: PAGE_WIDTH - 56, height: PAGE_HEIGHT - 56, borderColor: GOLD, borderWidth: 1 });
  for (const [x, y] of [[28, 28], [PAGE_WIDTH - 28, 28], [28, PAGE_HEIGHT - 28], [PAGE_WIDTH - 28, PAGE_HEIGHT - 28]]) {
    drawDiamond(page, x, y, 7, GOLD);
  }
}

/**
 * Draws the QR code as vector squares: crisp at any zoom or print resolution, and far cheaper than
 * rasterizing to PNG and embedding it. Each row's runs of dark modules become one rectangle and
 * all rectangles are filled as a single path, so viewers cannot show hairline seams between
 * neighbouring modules (which separately filled, anti-aliased squares do).
 */
function drawQrCode(page: PDFPage, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const quietZone = 4; // modules of white margin, as the QR spec requires for reliable scanning
  const moduleSize = size / (modules.size + 2 * quietZone);
  const round = (value: number) => Math.round(value * 1000) / 1000;
  page.drawRectangle({ x, y, width: size, height: size, color: WHITE });

  const ops = [pushGraphicsState(), setFillingRgbColor(NAVY.red, NAVY.green, NAVY.blue)];
  const top = y + size - quietZone * moduleSize;
  const left = x + quietZone * moduleSize;
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      ops.push(
        rectangle(
          round(left + start * moduleSize),
          round(top - (row + 1) * moduleSize),
          round((col - start) * moduleSize),
          round(moduleSize),
        ),
      );
    }
  }
  ops.push(fill(), popGraphicsState());
  page.pushOperators(...ops);
}

export async function renderCertificatePdf(input: TCertificatePdfInput): Promise<Uint8Array> {
  const data = ZCertificatePdfInput.parse(input);
  // Control characters would draw as nothing (or break the layout): spaces instead. NFC, so an
  // accent typed as a separate combining mark is drawn with its letter's precomposed glyph.
  const clean = (value: string) => value.normalize("NFC").replace(/[\p{Cc}\u2028\u2029]/gu, " ");
  const text = {
    issuer: clean(data.issuerName),
    name: clean(data.trainerName),
    body: clean(data.certifyingBodyName),
    certificationNumber: clean(data.certificationNumber),
    course: clean(data.courseTitle),
    version: clean(data.courseVersion),
    courseNumber: data.courseNumber ? clean(data.courseNumber) : "",
    credit: clean(data.creditLabel),
    url: data.verifyUrl,
  };

  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedFonts(doc, [
    ...[text.name, text.course, text.credit, text.issuer.toUpperCase()].map((t) => [t, 700] as const),
    ...[text.issuer, text.body, text.certificationNumber, text.version, text.courseNumber, text.url].map((t) => [t, 400] as const),
  ]);
  const page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);

  drawFrame(page);

  // Header
  drawCentered(page, text.issuer.toUpperCase(), CENTER_X, 548, { font: fonts.sansBold, size: 11, color: NAVY, tracking: TRACK * 11 });
  drawCentered(page, "CONTINUING EDUCATION FOR FITNESS PROFESSIONALS", CENTER_X, 533, {
    font: fonts.sans, size: 7.5, color: MUTED, tracking: TRACK * 7.5,
  });
  drawCentered(page, "Certificate of Completion", CENTER_X, 486, { font: fonts.serifBold, size: 40, color: NAVY });
  page.drawLine({ start: { x: CENTER_X - 80, y: 470 }, end: { x: CENTER_X - 8, y: 470 }, thickness: 1, color: GOLD });
  page.drawLine({ start: { x: CENTER_X + 8, y: 470 }, end: { x: CENTER_X + 80, y: 470 }, thickness: 1, color: GOLD });
  drawDiamond(page, CENTER_X, 470, 5, GOLD);

  // Recipient
  drawCentered(page, "This certifies that", CENTER_X, 442, { font: fonts.serifItalic, size: 14, color: INK });
  const nameWidth = drawFitted(page, text.name, CENTER_X, 400, 620, { font: fonts.serifBold, size: 34, color: NAVY }, 16);
  const ruleHalf = Math.min(320, Math.max(150, nameWidth / 2 + 24));
  page.drawLine({ start: { x: CENTER_X - ruleHalf, y: 389 }, end: { x: CENTER_X + ruleHalf, y: 389 }, thickness: 0.75, color: GOLD });
  drawFitted(page, `${text.body}  ·  Certification No. ${text.certificationNumber}`, CENTER_X, 372, 620, {
    font: fonts.sans, size: 10, color: MUTED,
  }, 6.5);

  // Course
  drawCentered(page, "has successfully completed the continuing education course", CENTER_X, 342, {
    font: fonts.serifItalic, size: 14, color: INK,
  });
  drawCourseTitle(page, text.course, fonts.sansBold);
  const courseMeta = [
    `Course version ${text.version}`,
    text.courseNumber ? `Course approval No. ${text.courseNumber}` : "",
    data.providerNumber ? `Provider No. ${data.providerNumber}` : "",
  ]
    .filter(Boolean)
    .join("  ·  ");
  drawFitted(page, courseMeta, CENTER_X, 268, 620, { font: fonts.sans, size: 9.5, color: MUTED }, 6.5);

  // Details row
  const columns: Array<[string, string]> = [
    ["CONTACT HOURS", data.contactHours],
    ["CREDITS", text.credit],
    ["ASSESSMENT SCORE", `${data.scorePercent}%`],
    ["COMPLETED", formatLongDate(data.completedOn)],
    ["ISSUED", formatLongDate(data.issuedOn)],
  ];
  const rowLeft = 96;
  const columnWidth = 120;
  page.drawLine({ start: { x: rowLeft, y: 252 }, end: { x: rowLeft + columnWidth * columns.length, y: 252 }, thickness: 0.75, color: GOLD });
  page.drawLine({ start: { x: rowLeft, y: 198 }, end: { x: rowLeft + columnWidth * columns.length, y: 198 }, thickness: 0.75, color: GOLD });
  columns.forEach(([label, value], index) => {
    const center = rowLeft + columnWidth * index + columnWidth / 2;
    if (index > 0) {
      const x = rowLeft + columnWidth * index;
      page.drawLine({ start: { x, y: 206 }, end: { x, y: 244 }, thickness: 0.5, color: GOLD });
    }
    drawCentered(page, label, center, 232, { font: fonts.sansBold, size: 6.8, color: MUTED, tracking: TRACK * 6.8 });
    drawFitted(page, value, center, 210, columnWidth - 10, { font: fonts.serifBold, size: 14, color: NAVY }, 8);
  });

  // Code and verification (bottom left)
  const blockLeft = 60;
  const blockWidth = 300;
  const label: TTextStyle = { font: fonts.sansBold, size: 6.8, color: MUTED, tracking: TRACK * 6.8 };
  drawTextAt(page, "CERTIFICATE CODE", blockLeft, 162, label);
  drawTextAt(page, data.code, blockLeft, 145, { font: fonts.mono, size: 12.5, color: NAVY });
  drawTextAt(page, "VERIFY AT", blockLeft, 126, label);
  const urlSize = fitSize(fonts.sans, text.url, blockWidth, 9, 7);
  const urlLines = wrapLines(fonts.sans, text.url, urlSize, blockWidth).slice(0, 3);
  urlLines.forEach((line, index) => {
    drawTextAt(page, line, blockLeft, 112 - index * (urlSize + 2), { font: fonts.sans, size: urlSize, color: NAVY });
  });
  const finePrint =
    (data.creditNote
      ? `${data.creditNote} `
      : `Credits are reported for ${text.body}. Acceptance of continuing education credits is determined by the certifying body. `) +
    "Scan the QR code or visit the address above to confirm this certificate and its details.";
  const fineStyle: TTextStyle = { font: fonts.sans, size: 6.8, color: MUTED };
  const fineLines = wrapText(fonts.sans, finePrint, fineStyle.size, blockWidth, { longWords: "fail", maxLines: 4 }) ?? [truncateToWidth(fonts.sans, finePrint, fineStyle.size, blockWidth)];
  const fineTop = 112 - urlLines.length * (urlSize + 2) - 10;
  fineLines.forEach((line, index) => {
    drawTextAt(page, line, blockLeft, fineTop - index * 8.5, fineStyle);
  });

  // Issuer signature block (bottom middle)
  const signatureCenter = 500;
  drawFitted(page, text.issuer, signatureCenter, 130, 200, { font: fonts.serifItalic, size: 20, color: NAVY }, 10);
  page.drawLine({ start: { x: signatureCenter - 90, y: 121 }, end: { x: signatureCenter + 90, y: 121 }, thickness: 0.75, color: INK });
  drawCentered(page, "CONTINUING EDUCATION PROVIDER", signatureCenter, 109, label);

  // QR code (bottom right)
  const qrSize = 104;
  const qrX = PAGE_WIDTH - 44 - qrSize;
  drawQrCode(page, data.verifyUrl, qrX, 56, qrSize);
  drawCentered(page, "SCAN TO VERIFY", qrX + qrSize / 2, 46, { ...label, size: 6, tracking: TRACK * 6 });

  // Metadata: shown by viewers and indexers; the dates are the issue date, not render time.
  const issued = utcMidnight(data.issuedOn);
  doc.setTitle(`Certificate of Completion: ${data.courseTitle}`, { showInWindowTitleBar: true });
  doc.setAuthor(data.issuerName);
  doc.setSubject(`${data.trainerName} completed "${data.courseTitle}" (${data.creditLabel}, ${data.certifyingBodyName}). Certificate ${data.code}.`);
  doc.setKeywords([data.code, "continuing education", data.certifyingBody, data.verifyUrl]);
  doc.setCreator(data.issuerName);
  doc.setProducer(`${data.issuerName} (pdf-lib)`);
  doc.setLanguage("en-US");
  doc.setCreationDate(issued);
  doc.setModificationDate(issued);

  return doc.save();
}

function drawCourseTitle(page: PDFPage, title: string, font: TFace): void {
  const maxWidth = 620;
  const style = { font, color: NAVY };
  for (let size = 20; size >= 14; size -= 1) {
    if (font.widthOfTextAtSize(title, size) <= maxWidth) {
      drawCentered(page, title, CENTER_X, 303, { ...style, size });
      return;
    }
    const lines = wrapText(font, title, size, maxWidth, { longWords: "fail", maxLines: 2 });
    if (lines) {
      const lineHeight = size * 1.2;
      lines.forEach((line, index) => {
        drawCentered(page, line, CENTER_X, 318 - index * lineHeight, { ...style, size });
      });
      return;
    }
  }
  // Longer than two lines at the smallest size: two lines, the second one truncated.
  const size = 14;
  const words = title.split(" ");
  let first = "";
  let rest = words;
  for (let i = 1; i <= words.length; i++) {
    const candidate = words.slice(0, i).join(" ");
    if (font.widthOfTextAtSize(candidate, size) > maxWidth) break;
    first = candidate;
    rest = words.slice(i);
  }
  if (!first) {
    drawCentered(page, truncateToWidth(font, title, size, maxWidth), CENTER_X, 308, { ...style, size });
    return;
  }
  drawCentered(page, first, CENTER_X, 318, { ...style, size });
  drawCentered(page, truncateToWidth(font, rest.join(" "), size, maxWidth), CENTER_X, 318 - size * 1.2, { ...style, size });
}
