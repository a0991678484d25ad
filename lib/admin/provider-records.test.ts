import { describe, expect, test } from "vitest";
import { PROVIDER_RECORD_CSV_HEADER, providerRecordCells, recordWindow, summarizeEvidence, type TProviderRecord, ZProviderRecordFilters } from "./provider-records";

const record: TProviderRecord = {
  id: "c1",
  trainerName: "Terry Trainer",
  trainerEmail: "terry@example.test",
  certifyingBody: "NFPT",
  certificationNumber: "NFPT-1",
  courseSlug: "back-care",
  courseTitle: "Back Care",
  courseVersion: "1.1.0",
  courseRevision: 3,
  providerNumber: "PROV-1",
  approvalNumber: "APP-1",
  contactMinutes: 75,
  creditHundredths: 25,
  scorePercent: 90,
  attemptNumber: 2,
  attestedAt: new Date("2026-11-29T10:00:00Z"),
  startedAt: new Date("2026-11-28T09:00:00Z"),
  completedAt: new Date("2026-11-29T10:00:00Z"),
  lessons: [
    { slug: "one", observedSeconds: 600, requiredSeconds: 300, completedAt: "2026-11-28T10:00:00Z" },
    { slug: "two", observedSeconds: 90, requiredSeconds: 300, completedAt: null },
  ],
  creditNote: null,
};

describe("provider records", () => {
  test("one cell per header column, with hours, credit and the evidence summary", () => {
    const cells = providerRecordCells(record);
    expect(cells).toHaveLength(PROVIDER_RECORD_CSV_HEADER.length);
    const row = Object.fromEntries(PROVIDER_RECORD_CSV_HEADER.map((h, i) => [h, cells[i]]));
    expect(row).toMatchObject({
      approval_number: "APP-1",
      provider_number: "PROV-1",
      contact_hours: "1.25",
      credit: "0.25",
      credit_unit: "CEC",
      course_revision: 3,
      lessons_completed: 1,
      observed_minutes: "11.5",
      required_minutes: "10.0",
      evidence: "one 10.0/5.0 min; two 1.5/5.0 min (not completed)",
    });
  });

  test("a completion without credit has no approval number and says why", () => {
    const cells = providerRecordCells({ ...record, certifyingBody: "ACE", approvalNumber: null, creditHundredths: 0, creditNote: "no ACE approval valid on 2026-11-29 (not-submitted)" });
    expect(cells[PROVIDER_RECORD_CSV_HEADER.indexOf("credit")]).toBe("0.00");
    expect(cells[PROVIDER_RECORD_CSV_HEADER.indexOf("approval_number")]).toBe("");
    expect(cells.at(-1)).toMatch(/no ACE approval/);
  });

  test.each([
    [{}, true],
    [{ course: "back-care", from: "2026-01-01", to: "2026-12-31" }, true],
    [{ from: "2026-12-31", to: "2026-01-01" }, false],
    [{ from: "2026-02-30" }, false],
    [{ course: "../etc" }, false],
  ])("filters %j valid: %s", (input, ok) => {
    expect(ZProviderRecordFilters.safeParse(input).success).toBe(ok);
  });

  test("the window covers whole UTC days, both ends included", () => {
    expect(recordWindow({ from: "2026-11-01", to: "2026-11-30" })).toEqual({ gte: new Date("2026-11-01T00:00:00Z"), lt: new Date("2026-12-01T00:00:00Z") });
    expect(recordWindow({})).toEqual({});
  });

  test("evidence summary", () => {
    expect(summarizeEvidence([])).toBe("");
  });
});
