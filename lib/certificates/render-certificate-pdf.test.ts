import { PDFDocument, PDFName } from "pdf-lib";
import { describe, expect, test } from "vitest";
import { generateCertificateCode } from "@/lib/certificates/certificate-code";
import { readPdfText } from "@/tests/read-pdf-text";
import {
  renderCertificatePdf,
  type TCertificatePdfInput,
  ZCertificatePdfInput,
} from "@/lib/certificates/render-certificate-pdf";

const CODE = "BKCE-7K3M9-QXDR2-TBWF8-HN4YC-JZ5PG6";

const BASE: TCertificatePdfInput = {
  code: CODE,
  trainerName: "Jordan Avery",
  certificationNumber: "NFPT-123456",
  certifyingBody: "NFPT",
  certifyingBodyName: "National Federation of Professional Trainers",
  courseTitle: "Programming Resistance Training for Older Adults",
  courseVersion: "2026.1",
  courseNumber: "BBCE-104",
  contactHours: "2.0",
  creditLabel: "0.40 CEC",
  completedOn: "2026-03-03",
  scorePercent: 92,
  issuedOn: "2026-03-04",
  issuerName: "Backbone CE",
  verifyUrl: `https://backbone-ce.example/verify/${CODE}`,
  status: "issued",
};

// pdf.js ends a line after each drawn text block; join them so assertions can ignore where the
// renderer chose to break a long title.
async function renderText(input: TCertificatePdfInput): Promise<string> {
  return (await readPdfText(await renderCertificatePdf(input))).replace(/\n/g, " ");
}

describe("renderCertificatePdf", () => {
  test("produces a one-page landscape PDF whose text shows every field", async () => {
    const bytes = await renderCertificatePdf(BASE);
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");

    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect([width, height]).toEqual([792, 612]);

    const text = await readPdfText(bytes);
    for (const expected of [
      "Certificate of Completion",
      "Jordan Avery",
      "Programming Resistance Training for Older Adults",
      "0.40 CEC",
      CODE,
      "NFPT-123456",
      "National Federation of Professional Trainers",
      "Course version 2026.1",
      "Course approval No. BBCE-104",
      "2.0",
      "92%",
      "March 3, 2026",
      "March 4, 2026",
      "BACKBONE CE",
      BASE.verifyUrl,
    ]) {
      expect(text).toContain(expected);
    }
  });

  test("sets document metadata (title, author, subject, language), with the issue date as creation date", async () => {
    const doc = await PDFDocument.load(await renderCertificatePdf(BASE), { updateMetadata: false });
    expect(doc.catalog.get(PDFName.of("Lang"))?.toString()).toBe("(en-US)");
    expect(doc.getTitle()).toBe("Certificate of Completion: Programming Resistance Training for Older Adults");
    expect(doc.getAuthor()).toBe("Backbone CE");
    expect(doc.getSubject()).toContain("Jordan Avery");
    expect(doc.getSubject()).toContain(CODE);
    expect(doc.getKeywords()).toContain(CODE);
    expect(doc.getCreationDate()?.toISOString()).toBe("2026-03-04T00:00:00.000Z");
    expect(doc.getModificationDate()?.toISOString()).toBe("2026-03-04T00:00:00.000Z");
  });

  test("is deterministic: the same input gives the same bytes", async () => {
    const [a, b] = await Promise.all([renderCertificatePdf(BASE), renderCertificatePdf(BASE)]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  test.each<[string, Partial<TCertificatePdfInput>, string[]]>([
    ["accented Latin name", { trainerName: "José Núñez" }, ["José Núñez"]],
    ["name outside WinAnsi", { trainerName: "Zoë 李" }, ["Zoë 李"]],
    ["Polish and Romanian letters", { trainerName: "Łukasz Ștefănescu-Wałęsa" }, ["Łukasz Ștefănescu-Wałęsa"]],
    ["decomposed accents", { trainerName: "Nguye\u0302\u0303n" }, ["Nguyễn"]],
    ["emoji with skin tone and zero-width joiner: one ? for the whole emoji", { trainerName: "Sam 💪🏽‍♂️ Lee" }, ["Sam ? Lee"]],
    ["a script no bundled font covers", { trainerName: "สมชาย Lee" }, ["????? Lee"]],
    ["typographic quotes and dashes", { courseTitle: "“Core” Training — Myths & Evidence" }, ["“Core” Training — Myths & Evidence"]],
    ["Greek and Cyrillic title", { courseTitle: "Ωmega Протокол Stretching" }, ["Ωmega Протокол Stretching"]],
    ["no course number", { courseNumber: null }, ["Course version 2026.1"]],
    ["ACE credits", { certifyingBody: "ACE", certifyingBodyName: "American Council on Exercise", creditLabel: "0.20 CEC" }, ["0.20 CEC", "American Council on Exercise"]],
    ["NASM CEUs", { certifyingBody: "NASM", certifyingBodyName: "National Academy of Sports Medicine", creditLabel: "0.2 CEU" }, ["0.2 CEU"]],
  ])("renders %s exactly", async (_label, overrides, expected) => {
    const text = await renderText({ ...BASE, ...overrides });
    for (const fragment of expected) expect(text, text).toContain(fragment);
  });

  test("fits a very long name and course title on the page", async () => {
    const longTitle = "Evidence-Based Strategies for Periodized Strength, Power and Hypertrophy Programming in Recreational and Competitive Masters Athletes Returning After Extended Training Breaks";
    const text = await renderText({
      ...BASE,
      trainerName: "Maximiliana Alexandra Konstantinopoulou-Vanderbilt de la Cruz y Fernández",
      courseTitle: longTitle,
    });
    expect(text).toContain("Maximiliana Alexandra");
    expect(text).toContain("Evidence-Based Strategies");
    // A two-line title is fine; what must not happen is text silently running off the page.
    const doc = await PDFDocument.load(await renderCertificatePdf({ ...BASE, courseTitle: longTitle }));
    expect(doc.getPageCount()).toBe(1);
  });

  test.each<[string, Partial<TCertificatePdfInput>]>([
    ["non-canonical code", { code: "bkce-7k3m9-qxdr2-tbwf8-hn4yc-jz5pg6" }],
    ["relative verify URL", { verifyUrl: "/verify/x" }],
    ["javascript: verify URL", { verifyUrl: "javascript:alert(1)" }],
    ["impossible date", { completedOn: "2026-02-30" }],
    ["issued before completion", { completedOn: "2026-03-05", issuedOn: "2026-03-04" }],
    ["score over 100", { scorePercent: 101 }],
    ["fractional score", { scorePercent: 91.5 }],
    ["contact hours not a number", { contactHours: "two" }],
    ["unknown certifying body", { certifyingBody: "XYZ" as never }],
    ["blank name", { trainerName: "   " }],
    ["revoked status", { status: "revoked" as never }],
  ])("rejects invalid input: %s", async (_label, overrides) => {
    expect(ZCertificatePdfInput.safeParse({ ...BASE, ...overrides }).success).toBe(false);
    await expect(renderCertificatePdf({ ...BASE, ...overrides })).rejects.toThrow();
  });

  test("is fast: median render time over 20 certificates", async () => {
    await renderCertificatePdf(BASE); // warm-up (module init, JIT)
    const timings: number[] = [];
    for (let i = 0; i < 20; i++) {
      const code = generateCertificateCode();
      const start = performance.now();
      await renderCertificatePdf({ ...BASE, code, verifyUrl: `https://backbone-ce.example/verify/${code}` });
      timings.push(performance.now() - start);
    }
    timings.sort((a, b) => a - b);
    const median = (timings[9] + timings[10]) / 2;
    console.info(`renderCertificatePdf median ${median.toFixed(1)} ms (min ${timings[0].toFixed(1)}, max ${timings[19].toFixed(1)})`);
    // Target is < 150 ms; the bound is generous so a loaded CI machine does not flake.
    expect(median).toBeLessThan(1000);
  });
});
