import { describe, expect, test } from "vitest";
import { decideCourseCredit, describeNoCredit, type TCourseApprovals, ZCourseApproval, ZCourseApprovals } from "./course-approval";

const approvals: TCourseApprovals = {
  NFPT: { status: "approved", approvalNumber: "NFPT-117", credit: 0.25, validFrom: "2026-01-01", validUntil: "2027-12-31" },
  ACE: { status: "pending" },
  NASM: { status: "not-submitted" },
};
const provider = { numbers: { NFPT: "PROV-1" } };
const on = (iso: string) => new Date(iso);

describe("decideCourseCredit", () => {
  test.each([
    ["NFPT inside the approval", "NFPT", "2026-06-01T12:00:00Z", { eligible: true, hundredths: 25, approvalNumber: "NFPT-117", providerNumber: "PROV-1", unit: "CEC" }],
    ["NFPT on the first valid day", "NFPT", "2026-01-01T00:00:00Z", { eligible: true, hundredths: 25 }],
    ["NFPT on the last valid day, late evening UTC", "NFPT", "2027-12-31T23:59:59Z", { eligible: true, hundredths: 25 }],
    ["NFPT the day after it expired", "NFPT", "2028-01-01T00:00:00Z", { eligible: false, reason: "expired", providerNumber: "PROV-1" }],
    ["NFPT before it starts", "NFPT", "2025-12-31T23:59:59Z", { eligible: false, reason: "not-yet-valid" }],
    ["ACE pending", "ACE", "2026-06-01T12:00:00Z", { eligible: false, reason: "pending", unit: "CEC", providerNumber: null }],
    ["NASM not submitted", "NASM", "2026-06-01T12:00:00Z", { eligible: false, reason: "not-submitted", unit: "CEU" }],
    ["OTHER left out counts as not submitted", "OTHER", "2026-06-01T12:00:00Z", { eligible: false, reason: "not-submitted", unit: "CE credits" }],
  ] as const)("%s", (_name, body, at, expected) => {
    expect(decideCourseCredit({ approvals, provider, body, on: on(at) })).toMatchObject(expected);
  });

  test("no approvals at all (a course stored before accreditation existed) gives nothing anywhere", () => {
    for (const body of ["NFPT", "ACE", "NASM", "OTHER"] as const) expect(decideCourseCredit({ approvals: {}, body, on: on("2026-06-01T00:00:00Z") }).eligible).toBe(false);
  });

  test("the sentence for no figure names the body and says to submit the certificate", () => {
    const decision = decideCourseCredit({ approvals, body: "ACE", on: on("2026-06-01T00:00:00Z") });
    if (decision.eligible) throw new Error("expected no credit");
    expect(describeNoCredit(decision, "1.25 contact hours")).toBe(
      "This course is awaiting approval by ACE, so no CEC figure is claimed. It gives 1.25 contact hours; you may submit your certificate to ACE for review.",
    );
  });
});

describe("ZCourseApproval", () => {
  test.each([
    [{ status: "approved", approvalNumber: "A-1", credit: "0.2", validFrom: "2026-01-01", validUntil: "2026-12-31" }, true],
    [{ status: "approved", approvalNumber: "A-1", credit: 0.2, validFrom: new Date("2026-01-01T00:00:00Z"), validUntil: "2026-12-31" }, true],
    [{ status: "approved", approvalNumber: "A-1", credit: 0.2, validFrom: "2026-12-31", validUntil: "2026-01-01" }, false],
    [{ status: "approved", approvalNumber: "A-1", credit: 0, validFrom: "2026-01-01", validUntil: "2026-12-31" }, false],
    [{ status: "approved", approvalNumber: "A-1", credit: 0.125, validFrom: "2026-01-01", validUntil: "2026-12-31" }, false],
    [{ status: "approved", approvalNumber: "A-1", credit: 0.2, validFrom: "2026-02-30", validUntil: "2026-12-31" }, false],
    [{ status: "approved", credit: 0.2, validFrom: "2026-01-01", validUntil: "2026-12-31" }, false],
    [{ status: "pending" }, true],
    [{ status: "not-submitted", note: "Planned for 2027." }, true],
    [{ status: "not-submitted", credit: 0.2 }, false],
    [{ status: "approved-ish" }, false],
  ])("%j valid: %s", (input, ok) => {
    expect(ZCourseApproval.safeParse(input).success).toBe(ok);
  });

  test("unknown bodies are refused", () => {
    expect(ZCourseApprovals.safeParse({ XYZ: { status: "pending" } }).success).toBe(false);
  });

  test("a parsed approval parses again to itself (stored JSON is read with the same schema)", () => {
    const once = ZCourseApprovals.parse({ NFPT: { status: "approved", approvalNumber: "A", credit: 0.2, validFrom: new Date("2026-01-01T00:00:00Z"), validUntil: "2026-12-31" } });
    expect(ZCourseApprovals.parse(JSON.parse(JSON.stringify(once)))).toEqual(once);
  });
});
