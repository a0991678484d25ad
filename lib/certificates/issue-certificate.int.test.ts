import { unzipSync } from "fflate";
import { describe, expect, test, vi } from "vitest";

// The signing key must be in place before lib/env caches the environment (lib/db reads it on import).
const keys = await vi.hoisted(async () => {
  const { generateSigningKeyPair } = await import("@/lib/certificates/signing-key");
  const pair = generateSigningKeyPair();
  process.env.SIGNING_KEY_PEM = pair.privateKeyPem;
  delete process.env.VERIFY_RATE_LIMIT_PER_MINUTE;
  return pair;
});

import { GET as verifyRoute } from "@/app/api/verify/[code]/route";
import { maybeAutoIssue } from "@/lib/certificates/auto-issue-certificate.server";
import { buildCertificateZip } from "@/lib/certificates/build-certificate-zip.server";
import { generateCertificateCode } from "@/lib/certificates/certificate-code";
import { findCertificateForVerification } from "@/lib/certificates/find-certificate-for-verification.server";
import { getBatchStatus } from "@/lib/certificates/get-batch-status.server";
import { getCredentialForViewer } from "@/lib/certificates/get-credential-for-viewer.server";
import { siteJwks } from "@/lib/certificates/get-jwks.server";
import { issueCertificate } from "@/lib/certificates/issue-certificate.server";
import { listCertificateQueue } from "@/lib/certificates/list-certificate-queue.server";
import { listCertificates } from "@/lib/certificates/list-certificates.server";
import { listCourseIssueSettings } from "@/lib/certificates/list-course-issue-settings.server";
import { verifyOpenBadgeCredential } from "@/lib/certificates/open-badge";
import { reissueCertificate } from "@/lib/certificates/reissue-certificate.server";
import { renderCertificatePdfForViewer } from "@/lib/certificates/render-certificate-pdf-for-viewer.server";
import { revokeCertificate } from "@/lib/certificates/revoke-certificate.server";
import { runIssueBatch } from "@/lib/certificates/run-issue-batch.server";
import { keyIdFor } from "@/lib/certificates/signing-key";
import { startIssueBatch } from "@/lib/certificates/start-issue-batch.server";
import { checkVerifyRateLimit } from "@/lib/certificates/verify-rate-limit.server";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createUser } from "@/prisma/seed-helpers";
import { readPdfText } from "@/tests/read-pdf-text";

let n = 0;
const HASH = "not-a-real-hash";

async function makeAdmin() {
  n++;
  return createUser(db, { email: `cert-admin-${n}@example.test`, name: `Cert Admin ${n}`, password: "unused", role: "ADMIN" }, HASH);
}

async function makeCourse({ autoIssue = false } = {}) {
  n++;
  const course = await db.course.create({
    data: { slug: `cert-course-${n}`, title: `Spinal Health ${n}`, summary: "Back care for trainers.", version: "2.1.0", contentHash: "h", contactMinutes: 120, autoIssue },
    select: { id: true, title: true },
  });
  const quiz = await db.quiz.create({ data: { courseId: course.id, slug: "final", kind: "FINAL", title: "Final", passMark: 80, drawCount: 3, contentHash: "q" }, select: { id: true } });
  return { ...course, quizId: quiz.id };
}

/** A trainer who earned the course's credit: passed attempt, AWARD entry and a PENDING request, as award-course-credit makes them. */
async function earnedRequest(course: { id: string; quizId: string }, { passed = true, name }: { passed?: boolean; name?: string } = {}) {
  n++;
  const trainer = await createUser(
    db,
    {
      email: `cert-trainer-${n}@example.test`,
      name: name ?? `Trainer ${n}`,
      password: "unused",
      profile: { certifyingBody: "NFPT", certificationNumber: `NFPT-C-${n}`, firstCertifiedOn: "2024-01-01" },
    },
    HASH,
  );
  const completedAt = new Date("2025-05-01T12:00:00Z");
  const attempt = await db.quizAttempt.create({
    data: { userId: trainer.id, quizId: course.quizId, number: 1, status: "GRADED", draw: [], scorePercent: 92, passed, submittedAt: completedAt, gradedAt: completedAt },
    select: { id: true },
  });
  const award = await db.creditEntry.create({
    data: { userId: trainer.id, kind: "AWARD", amountHundredths: 40, certifyingBody: "NFPT", courseId: course.id, awardCourseId: course.id, attemptId: attempt.id, occurredAt: completedAt },
    select: { id: true },
  });
  const request = await db.certificateRequest.create({ data: { userId: trainer.id, courseId: course.id }, select: { id: true } });
  return { userId: trainer.id, awardId: award.id, attemptId: attempt.id, requestId: request.id };
}

async function ledger(userId: string) {
  return db.creditEntry.findMany({ where: { userId }, orderBy: [{ occurredAt: "asc" }, { id: "asc" }], select: { id: true, kind: true, amountHundredths: true, reversesEntryId: true, reason: true } });
}
const sum = (rows: { amountHundredths: number }[]) => rows.reduce((s, r) => s + r.amountHundredths, 0);

async function expectAppError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

describe("issue → revoke → reissue", () => {
  test("each step writes the certificate and balanced ledger entries", async () => {
    const admin = await makeAdmin();
    const course = await makeCourse();
    const t = await earnedRequest(course, { name: "Zoë Ödegaard" });

    const issued = await issueCertificate({ requestId: t.requestId, adminId: admin.id });
    expect(issued.created).toBe(true);
    const cert = await db.certificate.findUniqueOrThrow({ where: { id: issued.certificate.id } });
    expect(cert).toMatchObject({
      status: "ISSUED",
      creditEntryId: t.awardId,
      trainerName: "Zoë Ödegaard",
      certifyingBody: "NFPT",
      courseVersion: "2.1.0",
      creditHundredths: 40,
      scorePercent: 92,
      contactMinutes: 120,
      issuedById: admin.id,
      completedAt: new Date("2025-05-01T12:00:00Z"),
    });
    expect(await db.certificateRequest.findUniqueOrThrow({ where: { id: t.requestId } })).toMatchObject({ status: "ISSUED", certificateId: cert.id });
    expect(sum(await ledger(t.userId))).toBe(40);

    // The verify lookup accepts the code as a person types it.
    const typed = cert.code.toLowerCase().replace(/-/g, " ");
    expect(await findCertificateForVerification(typed)).toMatchObject({ code: cert.code, status: "ISSUED", trainerName: "Zoë Ödegaard", credit: "0.40", contactHours: "2.0", completedOn: "2025-05-01" });

    // Revoke: a reason is required; the credit is reversed once.
    await expectAppError(revokeCertificate({ certificateId: cert.id, adminId: admin.id, reason: "no" }), "UNPROCESSABLE");
    const revoked = await revokeCertificate({ certificateId: cert.id, adminId: admin.id, reason: "Name misspelt on the certificate" });
    expect(revoked.reversedHundredths).toBe(40);
    await expectAppError(revokeCertificate({ certificateId: cert.id, adminId: admin.id, reason: "Second attempt at revoking" }), "CONFLICT");
    let entries = await ledger(t.userId);
    expect(entries.map((e) => [e.kind, e.amountHundredths, e.reversesEntryId])).toEqual([
      ["AWARD", 40, null],
      ["REVERSAL", -40, t.awardId],
    ]);
    expect(await findCertificateForVerification(cert.code)).toMatchObject({ status: "REVOKED", revocationReason: "Name misspelt on the certificate" });

    // Reissue picks up the corrected name and re-grants the credit with an ADJUSTMENT.
    await db.user.update({ where: { id: t.userId }, data: { name: "Zoë Ødegaard" } });
    const reissued = await reissueCertificate({ certificateId: cert.id, adminId: admin.id });
    expect(reissued.replacesCode).toBe(cert.code);
    expect(reissued.certificate.code).not.toBe(cert.code);
    expect(reissued.regrantedHundredths).toBe(40);
    const second = await db.certificate.findUniqueOrThrow({ where: { id: reissued.certificate.id }, include: { creditEntry: true } });
    expect(second).toMatchObject({ status: "ISSUED", replacesId: cert.id, trainerName: "Zoë Ødegaard", scorePercent: 92, completedAt: cert.completedAt });
    expect(second.creditEntry).toMatchObject({ kind: "ADJUSTMENT", amountHundredths: 40, reason: `Reissue of ${cert.code}` });
    entries = await ledger(t.userId);
    expect(entries.map((e) => e.kind)).toEqual(["AWARD", "REVERSAL", "ADJUSTMENT"]);
    expect(sum(entries)).toBe(40);
    expect((await db.certificateRequest.findUniqueOrThrow({ where: { id: t.requestId } })).certificateId).toBe(second.id);
    expect(await findCertificateForVerification(cert.code)).toMatchObject({ status: "REVOKED", replacedByCode: second.code });

    // Never twice; only revoked ones; issuing the request again returns the current certificate.
    await expectAppError(reissueCertificate({ certificateId: cert.id, adminId: admin.id }), "CONFLICT");
    await expectAppError(reissueCertificate({ certificateId: second.id, adminId: admin.id }), "CONFLICT");
    expect(await issueCertificate({ requestId: t.requestId, adminId: admin.id })).toMatchObject({ created: false, certificate: { code: second.code } });

    // Revoking the reissue reverses its adjustment: the ledger nets to zero again.
    const again = await revokeCertificate({ certificateId: second.id, adminId: admin.id, reason: "Issued in error, take two" });
    expect(again.reversedHundredths).toBe(40);
    entries = await ledger(t.userId);
    expect(entries.at(-1)).toMatchObject({ kind: "REVERSAL", amountHundredths: -40, reversesEntryId: second.creditEntryId });
    expect(sum(entries)).toBe(0);

    const audit = await db.auditLog.findMany({ where: { targetType: "certificate", targetId: { in: [cert.id, second.id] } }, orderBy: { id: "asc" }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(["certificate.issue", "certificate.revoke", "certificate.reissue", "certificate.revoke"]);
  });

  test("refuses requests without a passed final assessment or with reversed credit, and self-issue", async () => {
    const admin = await makeAdmin();
    const course = await makeCourse();
    const failed = await earnedRequest(course, { passed: false });
    await expectAppError(issueCertificate({ requestId: failed.requestId, adminId: admin.id }), "CONFLICT");

    const reversed = await earnedRequest(course);
    await db.creditEntry.create({ data: { userId: reversed.userId, kind: "REVERSAL", amountHundredths: -40, certifyingBody: "NFPT", courseId: course.id, reversesEntryId: reversed.awardId } });
    await expectAppError(issueCertificate({ requestId: reversed.requestId, adminId: admin.id }), "CONFLICT");

    const trainer = await earnedRequest(course);
    await expectAppError(issueCertificate({ requestId: trainer.requestId, adminId: trainer.userId }), "FORBIDDEN");
    await expectAppError(issueCertificate({ requestId: "no-such-request", adminId: admin.id }), "NOT_FOUND");
    expect(await db.certificate.count({ where: { courseId: course.id } })).toBe(0);
  });

  test("auto-issue runs for courses that have it switched on, with no admin as issuer", async () => {
    const manual = await makeCourse();
    const auto = await makeCourse({ autoIssue: true });
    const a = await earnedRequest(manual);
    const b = await earnedRequest(auto);
    expect(await maybeAutoIssue({ userId: a.userId, courseId: manual.id })).toBeNull();
    const cert = await maybeAutoIssue({ userId: b.userId, courseId: auto.id });
    expect(cert?.status).toBe("ISSUED");
    expect(await db.certificate.findUniqueOrThrow({ where: { id: cert!.id } })).toMatchObject({ issuedById: null, creditEntryId: b.awardId });
    expect((await db.certificateRequest.findUniqueOrThrow({ where: { id: a.requestId } })).status).toBe("PENDING");
  });
});

test("issuing one request from 20 parallel callers yields one certificate", async () => {
  const admin = await makeAdmin();
  const course = await makeCourse();
  const t = await earnedRequest(course);
  const results = await Promise.all(Array.from({ length: 20 }, () => issueCertificate({ requestId: t.requestId, adminId: admin.id })));
  expect(results.filter((r) => r.created)).toHaveLength(1);
  expect(new Set(results.map((r) => r.certificate.code)).size).toBe(1);
  expect(await db.certificate.count({ where: { userId: t.userId } })).toBe(1);
});

describe("bulk issue", () => {
  test("a batch of 50 completes once when run twice concurrently alongside single issues", async () => {
    const admin = await makeAdmin();
    const course = await makeCourse();
    const requests = [];
    for (let i = 0; i < 50; i++) requests.push(await earnedRequest(course));
    const blocked = await earnedRequest(course, { passed: false });
    const ids = [...requests.map((r) => r.requestId), blocked.requestId];

    const { batchId, total, skipped } = await startIssueBatch({ adminId: admin.id, requestIds: [...ids, ids[0]] });
    expect({ total, skipped }).toEqual({ total: 51, skipped: 0 });
    // The same rows cannot be claimed by a second batch while this one runs.
    await expectAppError(startIssueBatch({ adminId: admin.id, requestIds: ids.slice(0, 5) }), "CONFLICT");

    const [runA, runB] = await Promise.all([
      runIssueBatch(batchId),
      runIssueBatch(batchId),
      ...ids.slice(0, 10).map((requestId) => issueCertificate({ requestId, adminId: admin.id }).catch(() => null)),
    ]);
    expect([runA, runB].filter((r) => r.ran)).toHaveLength(1);

    const status = await getBatchStatus(batchId, admin.id);
    expect(status).toMatchObject({ status: "DONE", total: 51, done: 50, failed: 1, stalled: false });
    expect(status.finishedAt).not.toBeNull();
    expect(status.failures).toEqual([{ requestId: blocked.requestId, trainerName: expect.stringMatching(/^Trainer /), courseTitle: course.title, message: expect.stringMatching(/passed final assessment/) }]);
    expect(await db.certificate.count({ where: { courseId: course.id } })).toBe(50);
    const perUser = await db.certificate.groupBy({ by: ["userId"], where: { courseId: course.id }, _count: { _all: true } });
    expect(perUser.every((g) => g._count._all === 1)).toBe(true);
    // The failed request went back to the queue.
    expect(await db.certificateRequest.findUniqueOrThrow({ where: { id: blocked.requestId } })).toMatchObject({ status: "PENDING", batchId: null });
    // A finished batch does nothing when run again.
    expect(await runIssueBatch(batchId)).toEqual({ ran: false, status: null });
  });

  test("a stalled batch is resumed; a live one is left to its runner", async () => {
    const admin = await makeAdmin();
    const course = await makeCourse();
    const requests = [];
    for (let i = 0; i < 8; i++) requests.push(await earnedRequest(course));
    const { batchId } = await startIssueBatch({ adminId: admin.id, requestIds: requests.map((r) => r.requestId) });
    // As if a runner issued three and its instance died a minute ago.
    for (const r of requests.slice(0, 3)) await issueCertificate({ requestId: r.requestId, adminId: admin.id });
    await db.issueBatch.update({ where: { id: batchId }, data: { finishedAt: new Date(Date.now() - 60_000) } });
    expect(await getBatchStatus(batchId, admin.id)).toMatchObject({ status: "RUNNING", stalled: true, done: 3, failed: 0 });

    // A fresh heartbeat means someone is on it.
    await db.issueBatch.update({ where: { id: batchId }, data: { finishedAt: new Date() } });
    expect(await getBatchStatus(batchId, admin.id)).toMatchObject({ stalled: false });
    expect(await runIssueBatch(batchId)).toEqual({ ran: false, status: null });

    await db.issueBatch.update({ where: { id: batchId }, data: { finishedAt: new Date(Date.now() - 60_000) } });
    expect(await runIssueBatch(batchId)).toEqual({ ran: true, status: "DONE" });
    expect(await getBatchStatus(batchId, admin.id)).toMatchObject({ status: "DONE", done: 8, failed: 0 });
    expect(await db.certificate.count({ where: { courseId: course.id } })).toBe(8);
  });
});

describe("credentials and verification", () => {
  test("the stored VC-JWT verifies with the site key and fails when one byte changes", async () => {
    const admin = await makeAdmin();
    const course = await makeCourse();
    const t = await earnedRequest(course);
    const { certificate } = await issueCertificate({ requestId: t.requestId, adminId: admin.id });
    const { credentialJwt } = await db.certificate.findUniqueOrThrow({ where: { id: certificate.id }, select: { credentialJwt: true } });
    const jwt = credentialJwt!;

    const ok = await verifyOpenBadgeCredential(jwt, { publicKeyPem: keys.publicKeyPem });
    expect(ok.valid).toBe(true);
    if (ok.valid) {
      expect(ok.kid).toMatch(new RegExp(`/ob/keys/${keyIdFor(keys.publicKeyPem)}$`));
      expect(ok.credential.id).toMatch(new RegExp(`/verify/${certificate.code}$`));
      expect(ok.credential.credentialSubject.creditsEarned).toBe(0.4);
      expect(ok.credential.credentialSubject.result?.[0]?.value).toBe("92");
    }
    expect((await siteJwks()).keys[0].kid).toMatch(new RegExp(`/ob/keys/${keyIdFor(keys.publicKeyPem)}$`));

    // Flip one character in the payload and one in the signature.
    const [header, payload, signature] = jwt.split(".");
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === "A" ? "B" : "A") + s.slice(i + 1);
    for (const tampered of [`${header}.${flip(payload, 40)}.${signature}`, `${header}.${payload}.${flip(signature, 10)}`]) {
      expect((await verifyOpenBadgeCredential(tampered, { publicKeyPem: keys.publicKeyPem })).valid).toBe(false);
    }
  });

  test("10,000 random well-formed codes find nothing", async () => {
    const codes = Array.from({ length: 10_000 }, () => generateCertificateCode());
    let found = 0;
    for (let i = 0; i < codes.length; i += 500) {
      const results = await Promise.all(codes.slice(i, i + 500).map((code) => findCertificateForVerification(code)));
      found += results.filter(Boolean).length;
    }
    expect(found).toBe(0);
    expect(await findCertificateForVerification("not a code")).toBeNull();
    expect(await findCertificateForVerification("x".repeat(10_000))).toBeNull();
  });

  test("the verify rate limit counts atomically across concurrent requests and answers 429 with Retry-After", async () => {
    const results = await Promise.all(Array.from({ length: 100 }, () => checkVerifyRateLimit("203.0.113.7")));
    expect(results.filter((r) => r.allowed)).toHaveLength(60);
    const refused = results.find((r) => !r.allowed);
    expect(refused && !refused.allowed && refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused && !refused.allowed && refused.retryAfterSeconds).toBeLessThanOrEqual(60);

    // The public JSON route: 404 for unknown codes until the address runs out, then 429.
    const call = (code: string) =>
      verifyRoute(new Request(`http://localhost/api/verify/${code}`, { headers: { "x-forwarded-for": "198.51.100.9" } }), { params: Promise.resolve({ code }) });
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) statuses.push((await call(generateCertificateCode())).status);
    expect(statuses.slice(0, 60).every((s) => s === 404)).toBe(true);
    const limited = await call("BKCE-00000-00000-00000-00000-000000");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });

    // Another address is unaffected; a known code answers with its public details.
    const admin = await makeAdmin();
    const course = await makeCourse();
    const t = await earnedRequest(course);
    const { certificate } = await issueCertificate({ requestId: t.requestId, adminId: admin.id });
    const res = await verifyRoute(new Request(`http://localhost/api/verify/${certificate.code}`, { headers: { "x-forwarded-for": "198.51.100.10" } }), {
      params: Promise.resolve({ code: certificate.code }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, valid: true, certificate: { code: certificate.code, status: "ISSUED", credit: "0.40" } });
  });
});

test("downloads: holder and admins only, never a revoked certificate; ZIP lists what it skipped", async () => {
  const admin = await makeAdmin();
  const course = await makeCourse();
  const holder = await earnedRequest(course, { name: "Dana Holder" });
  const other = await earnedRequest(course);
  const { certificate } = await issueCertificate({ requestId: holder.requestId, adminId: admin.id });
  const { certificate: second } = await issueCertificate({ requestId: other.requestId, adminId: admin.id });

  const pdf = await renderCertificatePdfForViewer({ code: certificate.code, viewer: { id: holder.userId, role: "TRAINER" } });
  const text = await readPdfText(pdf.bytes);
  expect(text).toContain("Dana Holder");
  expect(text).toContain(certificate.code);
  expect(pdf.filename).toMatch(new RegExp(`^${certificate.code}-spinal-health-\\d+\\.pdf$`));
  await expectAppError(renderCertificatePdfForViewer({ code: certificate.code, viewer: { id: other.userId, role: "TRAINER" } }), "NOT_FOUND");
  await expect(renderCertificatePdfForViewer({ code: certificate.code, viewer: { id: admin.id, role: "ADMIN" } })).resolves.toBeTruthy();

  const credential = await getCredentialForViewer({ code: certificate.code, viewer: { id: holder.userId, role: "TRAINER" } });
  expect(credential.credential).toMatchObject({ type: ["VerifiableCredential", "OpenBadgeCredential"] });

  await revokeCertificate({ certificateId: second.id, adminId: admin.id, reason: "Issued to the wrong trainer" });
  await expectAppError(renderCertificatePdfForViewer({ code: second.code, viewer: { id: other.userId, role: "TRAINER" } }), "GONE");

  const zip = await buildCertificateZip([certificate.code, second.code, "garbage", generateCertificateCode()], admin.id);
  expect(zip.included).toBe(1);
  const files = unzipSync(zip.bytes);
  expect(Object.keys(files).sort()).toEqual([`${certificate.code}-dana-holder.pdf`, "SKIPPED.txt"].sort());
  expect(new TextDecoder().decode(files["SKIPPED.txt"])).toMatch(/garbage: not a certificate code[\s\S]*revoked/);
  await expectAppError(buildCertificateZip([second.code], admin.id), "NOT_FOUND");
});

test("admin lists: the queue filters by course, body and name/number, and flags what cannot be issued", async () => {
  const admin = await makeAdmin();
  const course = await makeCourse({ autoIssue: true });
  const other = await makeCourse();
  const a = await earnedRequest(course, { name: "Quinn Filterable" });
  const b = await earnedRequest(course, { passed: false });
  await earnedRequest(other);

  const queue = await listCertificateQueue({ courseId: course.id }, admin.id);
  expect(queue.total).toBe(2);
  expect(queue.matchingIds.sort()).toEqual([a.requestId, b.requestId].sort());
  expect(queue.rows.find((r) => r.requestId === b.requestId)?.blocker).toBe("No passed final assessment");
  expect(queue.rows.find((r) => r.requestId === a.requestId)).toMatchObject({ blocker: null, credit: "0.40", scorePercent: 92, certifyingBody: "NFPT" });
  expect((await listCertificateQueue({ courseId: course.id, q: "quinn filt" }, admin.id)).matchingIds).toEqual([a.requestId]);
  expect((await listCertificateQueue({ courseId: course.id, body: "ACE" }, admin.id)).total).toBe(0);
  expect((await listCourseIssueSettings(admin.id)).find((c) => c.id === course.id)).toMatchObject({ autoIssue: true, pending: 2 });

  const { certificate } = await issueCertificate({ requestId: a.requestId, adminId: admin.id });
  const found = await listCertificates({ q: certificate.code.toLowerCase() }, admin.id);
  expect(found.rows.map((r) => r.code)).toEqual([certificate.code]);
  expect(found.issuedCodes).toEqual([certificate.code]);
  expect((await listCertificates({ q: "Quinn", status: "REVOKED" }, admin.id)).total).toBe(0);
});

test("the queue offers exactly the requests issuing accepts, with issuing's reason for the rest (one eligibility rule)", async () => {
  const admin = await makeAdmin();
  const course = await makeCourse();
  const otherCourse = await makeCourse();
  const ok = await earnedRequest(course);
  const failed = await earnedRequest(course, { passed: false });
  const reversed = await earnedRequest(course);
  await db.creditEntry.create({
    data: { userId: reversed.userId, kind: "REVERSAL", amountHundredths: -40, certifyingBody: "NFPT", courseId: course.id, reversesEntryId: reversed.awardId, reason: "Regraded" },
  });
  // A passed final of another course behind this course's award: the old queue ladder offered it.
  const trainerOf = async (tag: string) =>
    createUser(
      db,
      { email: `cert-rule-${tag}-${++n}@example.test`, name: `Rule ${tag}`, password: "unused", profile: { certifyingBody: "NFPT", certificationNumber: `NFPT-R-${n}`, firstCertifiedOn: "2024-01-01" } },
      HASH,
    );
  const wrong = await trainerOf("wrong-quiz");
  const elsewhere = await db.quizAttempt.create({
    data: { userId: wrong.id, quizId: otherCourse.quizId, number: 1, status: "GRADED", draw: [], scorePercent: 95, passed: true, gradedAt: new Date() },
    select: { id: true },
  });
  await db.creditEntry.create({
    data: { userId: wrong.id, kind: "AWARD", amountHundredths: 40, certifyingBody: "NFPT", courseId: course.id, awardCourseId: course.id, attemptId: elsewhere.id },
  });
  const wrongQuiz = await db.certificateRequest.create({ data: { userId: wrong.id, courseId: course.id }, select: { id: true } });
  // A request with nothing behind it.
  const bare = await trainerOf("bare");
  const nothing = await db.certificateRequest.create({ data: { userId: bare.id, courseId: course.id }, select: { id: true } });

  const expected: [string, string | null][] = [
    [ok.requestId, null],
    [failed.requestId, "No passed final assessment"],
    [reversed.requestId, "Credit reversed"],
    [wrongQuiz.id, "No passed final assessment"],
    [nothing.id, "No credit awarded"],
  ];
  const queue = await listCertificateQueue({ courseId: course.id }, admin.id);
  for (const [requestId, label] of expected) {
    expect(queue.rows.find((r) => r.requestId === requestId)?.blocker, requestId).toBe(label);
    const outcome = await issueCertificate({ requestId, adminId: admin.id }).then(
      () => null,
      (e: unknown) => e,
    );
    if (label === null) expect(outcome).toBeNull();
    else expect(outcome).toMatchObject({ code: "CONFLICT" });
  }
});
