// The uploaded CPR/AED card: a PDF or an image, told apart by its first bytes (the magic
// numbers), never by the name or the type the browser claims.

export const MAX_CARD_BYTES = 2 * 1024 * 1024;

type TCardFileType = "application/pdf" | "image/png" | "image/jpeg";

const SIGNATURES: { type: TCardFileType; bytes: number[] }[] = [
  { type: "application/pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: "image/jpeg", bytes: [0xff, 0xd8, 0xff] },
];

/** The file's real type, or null when it is none of the accepted ones. */
function detectCardFileType(bytes: Uint8Array): TCardFileType | null {
  for (const { type, bytes: sig } of SIGNATURES) {
    if (bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b)) return type;
  }
  return null;
}

export type TCardFileCheck = { ok: true; type: TCardFileType } | { ok: false; message: string };

export function checkCardFile(bytes: Uint8Array): TCardFileCheck {
  if (bytes.length === 0) return { ok: false, message: "The file is empty." };
  if (bytes.length > MAX_CARD_BYTES) return { ok: false, message: "The file is larger than 2 MB." };
  const type = detectCardFileType(bytes);
  if (!type) return { ok: false, message: "Upload the card as a PDF, PNG or JPEG file." };
  return { ok: true, type };
}
