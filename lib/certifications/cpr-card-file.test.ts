import { describe, expect, test } from "vitest";
import { checkCardFile, MAX_CARD_BYTES } from "@/lib/certifications/cpr-card-file";

const bytes = (...values: number[]) => new Uint8Array(values);

describe("checkCardFile", () => {
  test.each([
    ["a PDF", bytes(0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37), "application/pdf"],
    ["a PNG", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), "image/png"],
    ["a JPEG", bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), "image/jpeg"],
    ["HTML named .pdf", new TextEncoder().encode("<html><script>alert(1)</script>"), null],
    ["a GIF", new TextEncoder().encode("GIF89a..."), null],
    ["a truncated PNG signature", bytes(0x89, 0x50, 0x4e), null],
    ["an empty file", bytes(), null],
  ])("%s → %s", (_name, input, type) => {
    const result = checkCardFile(input);
    expect(result.ok ? result.type : null).toBe(type);
  });

  test("a file over 2 MB is refused even with a valid signature", () => {
    const big = new Uint8Array(MAX_CARD_BYTES + 1);
    big.set([0x25, 0x50, 0x44, 0x46, 0x2d]);
    expect(checkCardFile(big)).toEqual({ ok: false, message: "The file is larger than 2 MB." });
    expect(checkCardFile(big.subarray(0, MAX_CARD_BYTES)).ok).toBe(true);
  });
});
