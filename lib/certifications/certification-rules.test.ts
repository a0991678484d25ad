import { describe, expect, test } from "vitest";
import { cprAedStatus, isCprAedBlocker, pickPrimary, planCourseAwards, type TPriorAward, ZCertificationInput } from "@/lib/certifications/certification-rules";
import type { TCertifyingBody } from "@/lib/credits/certifying-bodies";

// A course approved for NFPT at 0.40 and for ACE and NASM at 0.20 each; no approval for OTHER
// (the amount a body gives is decideCourseCredit's business, lib/credits/course-approval.ts).
const APPROVED: Record<TCertifyingBody, number> = { NFPT: 40, ACE: 20, NASM: 20, OTHER: 0 };
const creditFor = (body: TCertifyingBody) => ({ hundredths: APPROVED[body], courseNumber: APPROVED[body] ? `${body}-APPROVED-1` : null });
const nfpt = { id: "c-nfpt", body: "NFPT" as const, retired: false };
const ace = { id: "c-ace", body: "ACE" as const, retired: false };

describe("planCourseAwards", () => {
  test.each<[string, { id: string; body: TCertifyingBody; retired: boolean }[], TPriorAward[], [string, number][]]>([
    ["one certification: one award", [nfpt], [], [["c-nfpt", 40]]],
    ["a dual-certified trainer: both bodies, each at its own amount", [nfpt, ace], [], [["c-nfpt", 40], ["c-ace", 20]]],
    ["a retired certification earns nothing", [nfpt, { ...ace, retired: true }], [], [["c-nfpt", 40]]],
    ["once, ever, per certification", [nfpt, ace], [{ certificationId: "c-nfpt", body: "NFPT", courseId: "course-1" }], [["c-ace", 20]]],
    [
      "ACE refuses a second version of a course (same course id), even on a new ACE certification",
      [nfpt, { id: "c-ace-2", body: "ACE", retired: false }],
      [{ certificationId: "c-ace-old", body: "ACE", courseId: "course-1" }],
      [["c-nfpt", 40]],
    ],
    ["another course's award does not count", [ace], [{ certificationId: "c-ace", body: "ACE", courseId: "course-2" }], [["c-ace", 20]]],
    ["no certifications: nothing", [], [], []],
  ])("%s", (_name, certifications, priorAwards, expected) => {
    const planned = planCourseAwards({ certifications, priorAwards, courseId: "course-1", creditFor });
    expect(planned.map((p) => [p.certificationId, p.hundredths])).toEqual(expected);
  });

  test("a body whose credit for the course is zero gets no award", () => {
    const planned = planCourseAwards({ certifications: [nfpt, ace], priorAwards: [], courseId: "course-1", creditFor: (b) => ({ hundredths: b === "ACE" ? 0 : 40, courseNumber: null }) });
    expect(planned.map((p) => p.body)).toEqual(["NFPT"]);
  });
});

describe("cprAedStatus", () => {
  test.each<[TCertifyingBody, string | null, string, string]>([
    ["NFPT", null, "2026-06-30", "not-required"],
    ["ACE", null, "2026-06-30", "missing"],
    ["NASM", null, "2026-06-30", "missing"],
    ["ACE", "2026-01-31", "2026-06-30", "expired"], // today is 2026-02-01
    ["ACE", "2026-02-01", "2026-06-30", "expires-before-renewal"], // last valid day today
    ["ACE", "2026-06-30", "2026-06-30", "expires-before-renewal"],
    ["ACE", "2026-07-01", "2026-06-30", "ok"],
  ])("%s, card expiring %s, cycle ending %s: %s", (body, expiresOn, cycleEndsOn, kind) => {
    const status = cprAedStatus({ body, card: expiresOn ? { expiresOn } : null, today: "2026-02-01", cycleEndsOn });
    expect(status.kind).toBe(kind);
    expect(isCprAedBlocker(status)).toBe(kind !== "ok" && kind !== "not-required");
  });
});

describe("ZCertificationInput", () => {
  test.each([
    [{ certifyingBody: "ACE", certificationNumber: "ACE-123", firstCertifiedOn: "2024-03-15", expiresOn: "2026-03-31" }, true],
    [{ certifyingBody: "ACE", certificationNumber: "ACE-123", firstCertifiedOn: "2024-03-15", expiresOn: null }, true],
    [{ certifyingBody: "ACE", certificationNumber: "ACE-123", firstCertifiedOn: "2024-03-15", expiresOn: "2024-03-15" }, false],
    [{ certifyingBody: "ACE", certificationNumber: "ACE-123", firstCertifiedOn: "2023-02-29" }, false],
    [{ certifyingBody: "XYZ", certificationNumber: "ACE-123", firstCertifiedOn: "2024-03-15" }, false],
    [{ certifyingBody: "ACE", certificationNumber: "<b>", firstCertifiedOn: "2024-03-15" }, false],
  ])("%j valid: %s", (input, ok) => {
    expect(ZCertificationInput.safeParse(input).success).toBe(ok);
  });
});

describe("pickPrimary", () => {
  const row = (id: string, created: string, retired = false) => ({ id, createdAt: new Date(created), retiredAt: retired ? new Date(created) : null });
  test.each([
    [[row("b", "2025-01-01"), row("a", "2024-01-01")], "a"],
    [[row("b", "2025-01-01"), row("a", "2024-01-01", true)], "b"],
    [[row("a", "2024-01-01", true)], null],
  ])("%#", (rows, expected) => {
    expect(pickPrimary(rows)?.id ?? null).toBe(expected);
  });
});
