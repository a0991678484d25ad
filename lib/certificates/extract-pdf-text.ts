import { unzlibSync } from "fflate";
import { PDFArray, PDFDocument, PDFName, PDFRawStream, type PDFObject } from "pdf-lib";
import { decodeWinAnsiByte } from "@/lib/certificates/win-ansi";

/*
 * Test/e2e helper: the visible text of a PDF, one line per text block, so tests can assert on what
 * a person would read rather than on bytes. Deliberately small: it understands what our renderer
 * (and most simple generators) emit: FlateDecode or unfiltered content streams, Tj/TJ/'/" with
 * literal or hex strings, and single-byte WinAnsi-encoded fonts (the 14 standard fonts). It does
 * not handle CID/Type0 fonts (would need each font's ToUnicode CMap), XObject forms or images.
 */

function streamBytes(stream: PDFRawStream): Uint8Array {
  const filter = stream.dict.get(PDFName.of("Filter"));
  const filters =
    filter === undefined ? [] : filter instanceof PDFArray ? filter.asArray().map(String) : [String(filter)];
  let bytes = stream.contents;
  for (const name of filters) {
    if (name !== "/FlateDecode") throw new Error(`extractPdfText: unsupported stream filter ${name}`);
    bytes = unzlibSync(bytes);
  }
  return bytes;
}

function pageContentStreams(doc: PDFDocument, contents: PDFObject | undefined): PDFRawStream[] {
  if (contents === undefined) return [];
  const resolved = doc.context.lookup(contents);
  if (resolved instanceof PDFRawStream) return [resolved];
  if (resolved instanceof PDFArray) {
    return resolved.asArray().flatMap((item) => pageContentStreams(doc, item));
  }
  return [];
}

type TToken =
  | { kind: "string"; bytes: number[] }
  | { kind: "number"; value: number }
  | { kind: "operator"; name: string }
  | { kind: "arrayStart" }
  | { kind: "arrayEnd" }
  | { kind: "other" };

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

function isRegular(byte: number): boolean {
  return !WHITESPACE.has(byte) && !DELIMITERS.has(byte);
}

function* tokenize(bytes: Uint8Array): Generator<TToken> {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const byte = bytes[i];
    if (WHITESPACE.has(byte)) {
      i++;
    } else if (byte === 0x25 /* % comment */) {
      while (i < n && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++;
    } else if (byte === 0x28 /* ( literal string */) {
      const out: number[] = [];
      let depth = 1;
      i++;
      while (i < n && depth > 0) {
        const c = bytes[i++];
        if (c === 0x5c /* backslash */) {
          const e = bytes[i++];
          const simple: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };
          if (e in simple) out.push(simple[e]);
          else if (e >= 0x30 && e <= 0x37) {
            let octal = e - 0x30;
            for (let k = 0; k < 2 && bytes[i] >= 0x30 && bytes[i] <= 0x37; k++) octal = octal * 8 + (bytes[i++] - 0x30);
            out.push(octal & 0xff);
          } else if (e === 0x0d) {
            if (bytes[i] === 0x0a) i++; // escaped line break: continuation, no character
          } else if (e !== 0x0a) out.push(e);
        } else if (c === 0x28) {
          depth++;
          out.push(c);
        } else if (c === 0x29) {
          depth--;
          if (depth > 0) out.push(c);
        } else out.push(c);
      }
      yield { kind: "string", bytes: out };
    } else if (byte === 0x3c && bytes[i + 1] === 0x3c) {
      i += 2; // dictionary start (marked-content properties); contents are tokenized and ignored
      yield { kind: "other" };
    } else if (byte === 0x3e && bytes[i + 1] === 0x3e) {
      i += 2;
      yield { kind: "other" };
    } else if (byte === 0x3c /* < hex string */) {
      i++;
      let hex = "";
      while (i < n && bytes[i] !== 0x3e) {
        if (!WHITESPACE.has(bytes[i])) hex += String.fromCharCode(bytes[i]);
        i++;
      }
      i++;
      if (hex.length % 2 === 1) hex += "0";
      const out: number[] = [];
      for (let k = 0; k < hex.length; k += 2) out.push(Number.parseInt(hex.slice(k, k + 2), 16));
      yield { kind: "string", bytes: out };
    } else if (byte === 0x5b) {
      i++;
      yield { kind: "arrayStart" };
    } else if (byte === 0x5d) {
      i++;
      yield { kind: "arrayEnd" };
    } else if (byte === 0x2f /* name */) {
      i++;
      while (i < n && isRegular(bytes[i])) i++;
      yield { kind: "other" };
    } else if (DELIMITERS.has(byte)) {
      i++; // stray delimiter ({ } >): skip
    } else {
      const start = i;
      while (i < n && isRegular(bytes[i])) i++;
      const word = String.fromCharCode(...bytes.subarray(start, i));
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) {
        yield { kind: "number", value: Number(word) };
      } else if (word === "BI") {
        // Inline image: skip its binary data up to the EI operator.
        while (i < n && !(bytes[i] === 0x45 && bytes[i + 1] === 0x49 && WHITESPACE.has(bytes[i - 1]) && (i + 2 >= n || !isRegular(bytes[i + 2])))) i++;
        i += 2;
      } else {
        yield { kind: "operator", name: word };
      }
    }
  }
}

function decodeBytes(bytes: number[]): string {
  return bytes.map(decodeWinAnsiByte).join("");
}

// In a TJ array, a displacement this far left (in thousandths of an em) is a word gap, not kerning.
const TJ_SPACE_THRESHOLD = -200;

type TOperand = TToken | TToken[];

function isString(operand: TOperand | undefined): operand is Extract<TToken, { kind: "string" }> {
  return operand !== undefined && !Array.isArray(operand) && operand.kind === "string";
}

function extractStreamText(bytes: Uint8Array): string {
  let out = "";
  let operands: TOperand[] = [];
  let array: TToken[] | null = null;
  for (const token of tokenize(bytes)) {
    if (token.kind === "arrayStart") {
      array = [];
    } else if (token.kind === "arrayEnd") {
      if (array) operands.push(array);
      array = null;
    } else if (array) {
      array.push(token);
    } else if (token.kind !== "operator") {
      operands.push(token);
    } else {
      const last = operands[operands.length - 1];
      switch (token.name) {
        case "Tj":
          if (isString(last)) out += decodeBytes(last.bytes);
          break;
        case "'":
        case '"':
          out += "\n";
          if (isString(last)) out += decodeBytes(last.bytes);
          break;
        case "TJ":
          if (Array.isArray(last)) {
            for (const item of last) {
              if (item.kind === "string") out += decodeBytes(item.bytes);
              else if (item.kind === "number" && item.value <= TJ_SPACE_THRESHOLD) out += " ";
            }
          }
          break;
        case "ET":
        case "T*":
        case "Tm":
          out += "\n";
          break;
        case "Td":
        case "TD":
          // Only a vertical move starts a new line; horizontal moves continue the current one.
          if (!Array.isArray(last) && last?.kind === "number" && last.value !== 0) out += "\n";
          break;
      }
      operands = [];
    }
  }
  return out;
}

/** Text of every page, one line per text line; pages are separated by a line holding "\f". */
export async function extractPdfText(bytes: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const pages: string[] = [];
  for (const page of doc.getPages()) {
    const contents = page.node.get(PDFName.of("Contents"));
    const text = pageContentStreams(doc, contents)
      .map((stream) => extractStreamText(streamBytes(stream)))
      .join("\n");
    pages.push(
      text
        .split("\n")
        .map((line) => line.replace(/\s+/g, " ").trim())
        .filter(Boolean)
        .join("\n"),
    );
  }
  return pages.join("\n\f\n");
}
