import { PDFDocument, } from "pdf-lib";
import { describe, expect, test } from "vitest";
import type { TCurrentCycleSummary } from "@/lib/credits/cycle";
import { ledgerTotals, type TLedgerEntry } from "@/lib/credits/ledger-view";
import { renderTranscriptPdfDocument, type TTranscriptPdfInput } from "@/lib/credits/render-transcript-pdf";
import { readPdfText } from "@/tests/read-pdf-text";

function entry(i: number, overrides: Partial<TLedgerEntry> = {}): TLedgerEntry {
  return {
    id: `e${i}`,
    occurredAt: new Date(Date.UTC(2025, 0, 1 + i)),
    localDate: new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10),
    kind: "AWARD",
    amountHundredths: 40,
    certifyingBody: "NFPT",
    course: { slug: `c${i}`, title: `Course number ${i}` },
    courseNumber: null,
    reason: null,
    scorePercent: 90,
    certificate: null,
    reversesEntryId: null,
    reversedOn: null,
    ...overrides,
  };
}

const current: TCurrentCycleSummary = {
  cycle: {
    index: 1,
    startsOn: "2025-03-01",
    endsOn: "2026-02-28",
    startsAt: new Date("2025-03-01T00:00:00Z"),
    endsAt: new Date("2026-03-01T00:00:00Z"),
    requiredHundredths: 200,
  },
  earnedHundredths: 120,
  carriedInHundredths: 40,
  requiredHundredths: 200,
  remainingHundredths: 40,
  daysLeft: 30,
  met: false,
  warning: true,
};

function input(entries: TLedgerEntry[], overrides: Partial<TTranscriptPdfInput> = {}): TTranscriptPdfInput {
  return {
    issuerName: "Backbone CE",
    trainerName: "Zoë Łukasz 李",
    certification: {
      body: "NFPT",
      bodyName: "National Federation of Professional Trainers",
      unit: "CEC",
      number: "NFPT-2024-0001",
      firstCertifiedOn: "2024-03-01",
      firstCycleExempt: true,
      carryForward: true,
    },
    current,
    entries,
    totals: ledgerTotals(entries),
    timeZone: "America/Los_Angeles",
    generatedAt: new Date("2026-01-29T18:00:00Z"),
    generatedOn: "2026-01-29",
    siteUrl: "https://ce.example.com",
    ...overrides,
  };
}

describe("renderTranscriptPdfDocument", () => {
  test("shows the trainer, certification, cycle totals and each entry", async () => {
    const entries = [
      entry(1, { courseNumber: "NFPT-2024-117", certificate: { code: "BCE-ABCD-EFGH", status: "ISSUED" } }),
      entry(2, { kind: "ADJUSTMENT", amountHundredths: -20, course: null, scorePercent: null, reason: "Duplicate “award” removed…" }),
    ];
    const text = await readPdfText(await renderTranscriptPdfDocument(input(entries)));
    expect(text).toContain("Continuing Education Transcript");
    expect(text).toContain("Trainer Zoë Łukasz 李"); // the stored name exactly
    expect(text).toContain("transcript for Zoë Łukasz 李 ·");
    expect(text).toContain("National Federation of Professional Trainers (NFPT)");
    expect(text).toContain("NFPT-2024-0001");
    expect(text).toContain("March 1, 2025 to February 28, 2026 (30 days left)");
    expect(text).toContain("0.40 CEC still needed");
    expect(text).toContain("Net total 0.20 CEC");
    expect(text).toContain("Course No. NFPT-2024-117");
    expect(text).toContain("Assessment score 90%. Certificate");
    expect(text).toContain("BCE-ABCD-EFGH");
    expect(text).toContain("Duplicate “award” removed…");
    expect(text).toContain("-0.20");
    expect(text).toContain("Page 1 of 1");
    expect(text).toContain("https://ce.example.com/verify/");
  });

  test("a long ledger flows onto more pages, each with the table header and page count", async () => {
    const entries = Array.from({ length: 90 }, (_, i) => entry(i, { reason: i % 3 === 0 ? "A long reason that wraps onto several lines ".repeat(3) : null }));
    const bytes = await renderTranscriptPdfDocument(input(entries));
    const doc = await PDFDocument.load(bytes);
    const pages = doc.getPageCount();
    expect(pages).toBeGreaterThan(2);
    const text = await readPdfText(bytes);
    const pageTexts = text.split("\n\f\n");
    expect(pageTexts).toHaveLength(pages);
    pageTexts.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pages}`);
      expect(page).toContain("Details");
    });
    for (let i = 0; i < 90; i++) expect(text).toContain(`Course number ${i}`);
  });

  test("an account without certification details and no entries", async () => {
    const text = await readPdfText(
      await renderTranscriptPdfDocument(input([], { certification: null, current: null, trainerName: "Avery Admin" })),
    );
    expect(text).toContain("No certification details on file");
    expect(text).toContain("No credit entries yet.");
    expect(text).toContain("Net total 0.00 credits");
  });

  test("lists the trainer's other certifications", async () => {
    const text = await readPdfText(await renderTranscriptPdfDocument(input([entry(1)], { alsoHeld: ["American Council on Exercise (ACE) No. ACE-77: cycle March 15, 2024 to March 31, 2026, 0.20 of 2.00 CEC"] })));
    expect(text).toContain("Also certified");
    // The line wraps in the value column; words stay in order.
    expect(text.replace(/\s+/g, " ")).toContain("ACE-77: cycle March 15, 2024 to March 31, 2026, 0.20 of 2.00 CEC");
  });

  test("is deterministic", async () => {
    const a = await renderTranscriptPdfDocument(input([entry(1)]));
    const b = await renderTranscriptPdfDocument(input([entry(1)]));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
