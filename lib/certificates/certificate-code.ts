import { randomBytes } from "node:crypto";

/**
 * Certificate codes are the public handle of a certificate (printed on the PDF, typed into the
 * verify page, embedded in the QR URL). They are bearer-style identifiers: anyone holding one can
 * look the certificate up, so they must be unguessable and must not reveal anything about other
 * codes. Hence 130 bits of pure CSPRNG output, no counters, timestamps or user data.
 *
 * Canonical form: `BKCE-XXXXX-XXXXX-XXXXX-XXXXX-XXXXXX`
 *   - 26 Crockford base32 symbols = exactly 130 bits (every symbol carries a full 5 bits);
 *   - grouped 5-5-5-5-6 so a human can read it back without losing their place;
 *   - the `BKCE` prefix says where the code comes from and is optional when typed.
 */

const CERTIFICATE_CODE_PREFIX = "BKCE";

// Crockford's alphabet leaves out I, L, O and U: the first three are read as 1 and 0 when
// normalizing, U is simply invalid (it was excluded to avoid accidental obscenities).
const CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const SYMBOL_COUNT = 26;
const RANDOM_BITS = SYMBOL_COUNT * 5; // 130
const GROUP_SIZES = [5, 5, 5, 5, 6] as const;

/** Matches only the canonical form produced by `generateCertificateCode`. */
export const CERTIFICATE_CODE_PATTERN = /^BKCE-[0-9A-HJKMNP-TV-Z]{5}(?:-[0-9A-HJKMNP-TV-Z]{5}){3}-[0-9A-HJKMNP-TV-Z]{6}$/;

const SYMBOLS_ONLY = /^[0-9A-HJKMNP-TV-Z]{26}$/;
// Whitespace plus every dash a phone keyboard or word processor may substitute for "-".
const SEPARATORS = /[\s\-_\u2010-\u2015\u2212\u00AD\u200B\u2060\uFEFF]+/g;
// Anything longer is not a mistyped code; refusing early keeps the work per request bounded.
const MAX_INPUT_LENGTH = 120;

function formatSymbols(symbols: string): string {
  const groups: string[] = [CERTIFICATE_CODE_PREFIX];
  let offset = 0;
  for (const size of GROUP_SIZES) {
    groups.push(symbols.slice(offset, offset + size));
    offset += size;
  }
  return groups.join("-");
}

export function generateCertificateCode(): string {
  // 17 bytes = 136 bits; we use the first 130 so each symbol is uniformly distributed.
  const bytes = randomBytes(Math.ceil(RANDOM_BITS / 8));
  let symbols = "";
  let buffer = 0;
  let bitsInBuffer = 0;
  let byteIndex = 0;
  while (symbols.length < SYMBOL_COUNT) {
    if (bitsInBuffer < 5) {
      buffer = ((buffer << 8) | bytes[byteIndex++]) & 0xffff;
      bitsInBuffer += 8;
    }
    bitsInBuffer -= 5;
    symbols += CROCKFORD_ALPHABET[(buffer >> bitsInBuffer) & 31];
  }
  return formatSymbols(symbols);
}

/**
 * Turns what a person typed (or a URL segment) into the canonical code, or null when it cannot
 * be a certificate code. Case-insensitive; ignores spaces and dashes; reads I/L as 1 and O as 0;
 * the `BKCE` prefix is optional. Never guesses beyond that: a wrong length or a foreign symbol
 * is null, so the verify page can say "not a valid code" instead of "not found".
 */
export function normalizeCertificateCode(input: string): string | null {
  if (typeof input !== "string" || input.length > MAX_INPUT_LENGTH) return null;
  // NFKC folds full-width letters/digits (common with CJK input methods) to ASCII.
  let compact = input.normalize("NFKC").toUpperCase().replace(SEPARATORS, "");
  if (compact.length === SYMBOL_COUNT + CERTIFICATE_CODE_PREFIX.length && compact.startsWith(CERTIFICATE_CODE_PREFIX)) {
    compact = compact.slice(CERTIFICATE_CODE_PREFIX.length);
  }
  if (compact.length !== SYMBOL_COUNT) return null;
  const symbols = compact.replace(/[IL]/g, "1").replace(/O/g, "0");
  if (!SYMBOLS_ONLY.test(symbols)) return null;
  return formatSymbols(symbols);
}

/**
 * The canonical code for what arrived in an address or a form, or null. Percent-escapes are undone
 * first, so "/verify/bkce%2000000…" (spaces typed into a link) still resolves.
 */
export function canonicalCode(input: string): string | null {
  let text = input;
  if (text.includes("%")) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return null;
    }
  }
  return normalizeCertificateCode(text);
}
