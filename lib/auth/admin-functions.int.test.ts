import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createUser } from "@/prisma/seed-helpers";

// Every admin function refuses a trainer by itself (lib/auth/assert-admin.server.ts), whoever
// calls it. The modules below are enumerated: an exported function without a row here, or a new
// lib/admin module, or a new lib module whose functions take an `adminId`, fails this file, so a
// new admin function cannot ship without its refusal being tested.

const ADMIN_MODULES = [
  ...readdirSync(path.resolve("lib/admin"))
    // Raw-SQL helpers (docs/decisions/014) take a database client, not an adminId: the admin
    // function that calls them checks the role first.
    .filter((f) => f.endsWith(".server.ts") && !f.endsWith(".sql.server.ts"))
    .map((f) => `lib/admin/${f}`),
  // One operation per file: every certificate module is enumerated.
  ...readdirSync(path.resolve("lib/certificates"))
    .filter((f) => f.endsWith(".server.ts") && !f.endsWith(".sql.server.ts"))
    .map((f) => `lib/certificates/${f}`),
  "lib/auth/manage-users.server.ts",
  "lib/credits/ledger.server.ts",
  "lib/mail/list-outbox.server.ts",
  "lib/quiz/item-report.server.ts",
  "lib/quiz/regrade.server.ts",
];

type TCall = (trainerId: string) => Promise<unknown>;

// How to call each admin function as the given (trainer) account.
const X = "cmissing0000000000000000";
const CASES: Record<string, TCall> = {
  "audit.listAudit": (id) => import("@/lib/admin/audit.server").then((m) => m.listAudit({ adminId: id, timeZone: "UTC", filters: { page: 1 } } as never)),
  "audit.auditFilterOptions": (id) => import("@/lib/admin/audit.server").then((m) => m.auditFilterOptions({ adminId: id })),
  "audit.streamAuditCsv": (id) => import("@/lib/admin/audit.server").then((m) => m.streamAuditCsv({ adminId: id, timeZone: "UTC", filters: {} } as never)),
  "exports.streamAttemptsCsv": (id) => import("@/lib/admin/exports.server").then((m) => m.streamAttemptsCsv({ adminId: id })),
  "exports.streamLedgerCsvForAdmin": (id) => import("@/lib/admin/exports.server").then((m) => m.streamLedgerCsvForAdmin({ adminId: id })),
  "exports.streamWeeklyCsv": (id) => import("@/lib/admin/exports.server").then((m) => m.streamWeeklyCsv({ adminId: id })),
  "exports.streamAdminExport": (id) => import("@/lib/admin/exports.server").then((m) => m.streamAdminExport({ adminId: id, table: "funnel", params: new URLSearchParams() })),
  "funnel.getCourseFunnels": (id) => import("@/lib/admin/funnel.server").then((m) => m.getCourseFunnels({ adminId: id })),
  "funnel.streamFunnelCsv": (id) => import("@/lib/admin/funnel.server").then((m) => m.streamFunnelCsv({ adminId: id })),
  "provider-records.listProviderRecords": (id) => import("@/lib/admin/provider-records.server").then((m) => m.listProviderRecords({ adminId: id, filters: {} })),
  "provider-records.listRecordCourses": (id) => import("@/lib/admin/provider-records.server").then((m) => m.listRecordCourses({ adminId: id })),
  "provider-records.streamProviderRecordsCsv": (id) => import("@/lib/admin/provider-records.server").then((m) => m.streamProviderRecordsCsv({ adminId: id, filters: {} })),
  "list-users.listUsers": (id) => import("@/lib/admin/list-users.server").then((m) => m.listUsers({ adminId: id })),
  "overview.getOverview": (id) => import("@/lib/admin/overview.server").then((m) => m.getOverview({ adminId: id })),
  "trainers.listTrainers": (id) => import("@/lib/admin/trainers.server").then((m) => m.listTrainers({ adminId: id, sort: "name", dir: "asc", page: 1, pageSize: 25 })),
  "trainers.streamTrainersCsv": (id) => import("@/lib/admin/trainers.server").then((m) => m.streamTrainersCsv({ adminId: id, filters: { sort: "name", dir: "asc" } } as never)),
  "trainers.getTrainerRecord": (id) => import("@/lib/admin/trainers.server").then((m) => m.getTrainerRecord({ adminId: id, userId: id })),
  "trainers.trainerFilterOptions": (id) => import("@/lib/admin/trainers.server").then((m) => m.trainerFilterOptions({ adminId: id })),
  "manage-users.setUserDisabled": (id) => import("@/lib/auth/manage-users.server").then((m) => m.setUserDisabled({ adminId: id, userId: id, disabled: true })),
  "manage-users.changeUserRole": (id) => import("@/lib/auth/manage-users.server").then((m) => m.changeUserRole({ adminId: id, userId: id, role: "ADMIN" })),
  "start-issue-batch.startIssueBatch": (id) => import("@/lib/certificates/start-issue-batch.server").then((m) => m.startIssueBatch({ adminId: id, requestIds: [X] })),
  "get-batch-status.getBatchStatus": (id) => import("@/lib/certificates/get-batch-status.server").then((m) => m.getBatchStatus(X, id)),
  "list-certificate-queue.listCertificateQueue": (id) => import("@/lib/certificates/list-certificate-queue.server").then((m) => m.listCertificateQueue({}, id)),
  "list-course-issue-settings.listCourseIssueSettings": (id) => import("@/lib/certificates/list-course-issue-settings.server").then((m) => m.listCourseIssueSettings(id)),
  "issue-certificate.issueCertificate": (id) => import("@/lib/certificates/issue-certificate.server").then((m) => m.issueCertificate({ requestId: X, adminId: id })),
  "revoke-certificate.revokeCertificate": (id) => import("@/lib/certificates/revoke-certificate.server").then((m) => m.revokeCertificate({ certificateId: X, adminId: id, reason: "a long enough reason" })),
  "reissue-certificate.reissueCertificate": (id) => import("@/lib/certificates/reissue-certificate.server").then((m) => m.reissueCertificate({ certificateId: X, adminId: id })),
  "set-course-auto-issue.setCourseAutoIssue": (id) => import("@/lib/certificates/set-course-auto-issue.server").then((m) => m.setCourseAutoIssue({ courseId: X, enabled: true, adminId: id })),
  "build-certificate-zip.buildCertificateZip": (id) => import("@/lib/certificates/build-certificate-zip.server").then((m) => m.buildCertificateZip(["BKCE-00000-00000-00000-00000-000000"], id)),
  "list-certificates.listCertificates": (id) => import("@/lib/certificates/list-certificates.server").then((m) => m.listCertificates({}, id)),
  "ledger.adjustCredit": (id) => import("@/lib/credits/ledger.server").then((m) => m.adjustCredit({ adminId: id, userId: id, amountHundredths: 100, reason: "a long enough reason" })),
  "list-outbox.listOutbox": (id) => import("@/lib/mail/list-outbox.server").then((m) => m.listOutbox({ adminId: id })),
  "item-report.getItemReport": (id) => import("@/lib/quiz/item-report.server").then((m) => m.getItemReport(X, id)),
  "item-report.listQuizzes": (id) => import("@/lib/quiz/item-report.server").then((m) => m.listQuizzes(id)),
  "regrade.previewRegrade": (id) => import("@/lib/quiz/regrade.server").then((m) => m.previewRegrade("fx-single", id)),
  "regrade.applyRegrade": (id) => import("@/lib/quiz/regrade.server").then((m) => m.applyRegrade({ questionId: "fx-single", adminId: id })),
  "regrade.listRegradeCandidates": (id) => import("@/lib/quiz/regrade.server").then((m) => m.listRegradeCandidates(id)),
};

// Exports of those modules that are not admin data functions, each with the reason.
const NOT_ADMIN: Record<string, string> = {
  "authorize.assertAdmin": "the check itself",
  "funnel.shareOfStarted": "pure arithmetic",
  "overview.passRate": "pure arithmetic",
  "stream-csv.streamCsv": "generic streaming helper; each export checks before building it",
  "assert-certificate-admin.assertCertificateAdmin": "the check itself, inside the caller's transaction",
  "auto-issue-certificate.maybeAutoIssue": "trainer path: issues only when the course is set to auto-issue",
  "certificate-view.toPublicCertificate": "pure mapping",
  "certificate-view.certificatePdfInput": "pure mapping",
  "certificate-view.certificateFileSlug": "pure file naming",
  "find-certificate-for-verification.findCertificateForVerification": "public verify page",
  "get-credential-for-viewer.getCredentialForViewer": "holder or admin, checked by viewer role and ownership",
  "get-jwks.siteJwks": "public JWKS",
  "get-jwks.publishedKey": "public key document",
  "list-user-certificates.listUserCertificates": "the signed-in trainer's own certificates",
  "load-certificate-for-viewer.loadCertificateForViewer": "holder or admin, checked by viewer role and ownership",
  "render-certificate-pdf-for-viewer.renderCertificatePdfForViewer": "holder or admin, checked by viewer role and ownership",
  "run-issue-batch.runIssueBatch": "background worker started after startIssueBatch's check; each issue re-checks the batch's admin",
  "create-signed-certificate.createSignedCertificate": "creates the row inside issue/reissue's checked transaction",
  "site-credentials.issuerId": "public address",
  "site-credentials.achievementUrl": "public address",
  "site-credentials.keyUrl": "public address",
  "site-credentials.statusListUrl": "public address",
  "site-credentials.subjectIdFor": "pure derivation of a credential subject id",
  "site-credentials.siteSigningKey": "the site's key (public part published at /.well-known/jwks.json)",
  "site-credentials.recordSigningKey": "inside issue/reissue's checked transaction",
  "site-credentials.allocateStatusIndex": "inside issue/reissue's checked transaction",
  "site-credentials.signedStatusList": "public status list",
  "site-credentials.issuerProfile": "public issuer profile",
  "site-credentials.achievementDocument": "public achievement document",
  "verify-cache.cachedVerification": "in-process cache of public verify lookups",
  "verify-cache.forgetVerifiedCertificates": "clears that cache after a revoke or reissue",
  "verify-api.answerVerifyApi": "public JSON verify answer (route and scripts/serve.ts)",
  "verify-rate-limit.checkVerifyRateLimit": "public verify rate limit",
  "verify-rate-limit.assertVerifyRateLimit": "public verify rate limit",
  "ledger.getCreditOverview": "the signed-in trainer's own ledger",
  "ledger.listLedger": "the signed-in trainer's own ledger",
  "ledger.streamLedgerCsv": "the signed-in trainer's own ledger",
  "ledger.renderTranscriptPdf": "the signed-in trainer's own transcript",
};

function keyOf(file: string, name: string): string {
  return `${path.basename(file).replace(/\.server\.ts$/, "")}.${name}`;
}

let trainerId = "";
let disabledAdminId = "";
beforeAll(async () => {
  const trainer = await createUser(db, { email: "admin-fns-trainer@example.test", name: "Trainer Tess", password: "unused-password-for-tests" });
  const disabled = await createUser(db, { email: "admin-fns-disabled@example.test", name: "Former Admin", password: "unused-password-for-tests", role: "ADMIN" });
  await db.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
  trainerId = trainer.id;
  disabledAdminId = disabled.id;
});

describe("every admin function checks the role itself", () => {
  test("the list covers every exported function of the admin modules", async () => {
    const found: string[] = [];
    for (const file of ADMIN_MODULES) {
      const mod = (await import(path.resolve(file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) if (typeof value === "function") found.push(keyOf(file, name));
    }
    const listed = new Set([...Object.keys(CASES), ...Object.keys(NOT_ADMIN)]);
    expect(found.filter((k) => !listed.has(k)), "exported admin-module functions without a row in CASES or NOT_ADMIN").toEqual([]);
    expect([...listed].filter((k) => !found.includes(k)), "rows for functions that no longer exist").toEqual([]);
  });

  test("every lib module with a function taking an adminId is in the enumerated list", () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === "generated" ? [] : walk(path.join(dir, e.name))) : [path.join(dir, e.name)]));
    const withAdminId = walk("lib")
      .filter((f) => f.endsWith(".server.ts") && !f.includes("assert-admin"))
      .filter((f) => /export async function \w+\([^)]*\badminId\b/.test(readFileSync(f, "utf8")));
    expect(withAdminId.filter((f) => !ADMIN_MODULES.includes(f))).toEqual([]);
  });

  for (const [name, call] of Object.entries(CASES)) {
    test(`${name} refuses a trainer and a disabled admin`, async () => {
      for (const id of [trainerId, disabledAdminId, ""]) {
        const error = await call(id).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error, `${name} as ${id || "nobody"}`).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe("FORBIDDEN");
      }
    });
  }
});
