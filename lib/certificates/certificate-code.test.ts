import { describe, expect, test } from "vitest";
import {
  CERTIFICATE_CODE_PATTERN,
  generateCertificateCode,
  normalizeCertificateCode,
} from "@/lib/certificates/certificate-code";

const CANONICAL = "BKCE-7K3M9-QXDR2-TBWF8-HN4YC-JZ5PG6";

describe("generateCertificateCode", () => {
  test("has the canonical, readable format", () => {
    const code = generateCertificateCode();
    expect(code).toMatch(CERTIFICATE_CODE_PATTERN);
    expect(code).toHaveLength(35);
    expect(code.split("-").map((group) => group.length)).toEqual([4, 5, 5, 5, 5, 6]);
  });

  test("10,000 codes are all unique and all normalize to themselves", () => {
    const codes = Array.from({ length: 10_000 }, () => generateCertificateCode());
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(normalizeCertificateCode(code)).toBe(code);
    }
  });

  test("every symbol position uses the whole alphabet (all 130 bits are random)", () => {
    // With 4,000 draws the chance that a uniform position misses one of 32 symbols is ~1e-53;
    // a position stuck on fewer symbols would mean lost entropy (e.g. a bit-packing bug).
    const seen = Array.from({ length: 26 }, () => new Set<string>());
    for (let i = 0; i < 4_000; i++) {
      const symbols = generateCertificateCode().slice(5).replaceAll("-", "");
      for (let position = 0; position < symbols.length; position++) seen[position].add(symbols[position]);
    }
    expect(seen.map((set) => set.size)).toEqual(Array(26).fill(32));
  });
});

describe("normalizeCertificateCode", () => {
  test.each([
    ["canonical", CANONICAL, CANONICAL],
    ["lower case", CANONICAL.toLowerCase(), CANONICAL],
    ["no prefix", "7K3M9-QXDR2-TBWF8-HN4YC-JZ5PG6", CANONICAL],
    ["no separators", "BKCE7K3M9QXDR2TBWF8HN4YCJZ5PG6", CANONICAL],
    ["no prefix, no separators", "7k3m9qxdr2tbwf8hn4ycjz5pg6", CANONICAL],
    ["spaces instead of hyphens", "bkce 7k3m9 qxdr2 tbwf8 hn4yc jz5pg6", CANONICAL],
    ["surrounding whitespace", `  \t${CANONICAL}\n `, CANONICAL],
    ["other grouping", "BKCE-7K3M-9QXD-R2TB-WF8H-N4YC-JZ5P-G6", CANONICAL],
    ["en/em dashes and underscores", "BKCE–7K3M9—QXDR2_TBWF8‑HN4YC−JZ5PG6", CANONICAL],
    ["full-width characters", "ＢＫＣＥ－７Ｋ３Ｍ９ＱＸＤＲ２ＴＢＷＦ８ＨＮ４ＹＣＪＺ５ＰＧ６", CANONICAL],
    ["I and L read as 1, O read as 0", "BKCE-IL0O0-00000-00000-00000-000000", "BKCE-11000-00000-00000-00000-000000"],
    ["lower-case confusables", "bkce-il0o0-00000-00000-00000-000000", "BKCE-11000-00000-00000-00000-000000"],
  ])("%s", (_label, input, expected) => {
    expect(normalizeCertificateCode(input)).toBe(expected);
  });

  test.each([
    ["empty", ""],
    ["only separators", " - - "],
    ["one symbol short", "BKCE-7K3M9-QXDR2-TBWF8-HN4YC-JZ5PG"],
    ["one symbol long", "BKCE-7K3M9-QXDR2-TBWF8-HN4YC-JZ5PG67"],
    ["U is not a Crockford symbol", "BKCE-7K3M9-QXDR2-TBWF8-HN4YC-JZ5PGU"],
    ["punctuation inside", "BKCE-7K3M9-QXDR2-TBWF8-HN4YC-JZ5PG!"],
    ["accented letter", "BKCE-7K3M9-QXDR2-TBWF8-HN4YC-JZ5PGÉ"],
    ["wrong prefix", "ABCD-7K3M9-QXDR2-TBWF8-HN4YC-JZ5PG6"],
    ["prefix twice", "BKCE-BKCE-7K3M9-QXDR2-TBWF8-HN4YC-JZ5PG6"],
    ["a URL", "https://example.com/verify/BKCE-7K3M9-QXDR2-TBWF8-HN4YC-JZ5PG6"],
    ["SQL-ish", "' OR 1=1 --"],
    ["very long input", "0".repeat(10_000)],
  ])("%s → null", (_label, input) => {
    expect(normalizeCertificateCode(input)).toBeNull();
  });
});
