import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { describe, expect, test, vi } from "vitest";

// The signing key must be in place before lib/env caches the environment.
const firstKey = await vi.hoisted(async () => {
  const { generateSigningKeyPair } = await import("@/lib/certificates/signing-key");
  const pair = generateSigningKeyPair();
  process.env.SIGNING_KEY_PEM = pair.privateKeyPem;
  return pair;
});

import Ajv2019 from "ajv/dist/2019";
import addFormats from "ajv-formats";
import { decodeJwt, decodeProtectedHeader, importJWK, jwtVerify } from "jose";
import { GET as jwksRoute } from "@/app/.well-known/jwks.json/route";
import { GET as achievementRoute } from "@/app/ob/achievements/[slug]/route";
import { GET as issuerRoute } from "@/app/ob/issuer/route";
import { GET as keyRoute } from "@/app/ob/keys/[kid]/route";
import { GET as statusRoute } from "@/app/ob/status/[list]/route";
import { issueCertificate } from "@/lib/certificates/issue-certificate.server";
import { reissueCertificate } from "@/lib/certificates/reissue-certificate.server";
import { revokeCertificate } from "@/lib/certificates/revoke-certificate.server";
import { generateSigningKeyPair } from "@/lib/certificates/signing-key";
import { db } from "@/lib/db";
import { createUser } from "@/prisma/seed-helpers";

/*
 * The credential as an outside verifier sees it, with tools this app does not use to make it:
 * ajv against 1EdTech's AchievementCredential schema, jose against the key its kid URL resolves to,
 * and a Bitstring Status List check that follows credentialStatus. "Fetching" a URL calls the route
 * handler that serves that path, so the test goes through the same code as an HTTP client.
 */

type THandler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const ROUTES: [RegExp, THandler, string[]][] = [
  [/^\/\.well-known\/jwks\.json$/, jwksRoute as THandler, []],
  [/^\/ob\/issuer$/, issuerRoute as THandler, []],
  [/^\/ob\/achievements\/([^/]+)$/, achievementRoute as THandler, ["slug"]],
  [/^\/ob\/keys\/([^/]+)$/, keyRoute as THandler, ["kid"]],
  [/^\/ob\/status\/([^/]+)$/, statusRoute as THandler, ["list"]],
];

async function get(url: string): Promise<Response> {
  const { pathname, origin } = new URL(url);
  expect(origin).toBe(new URL(process.env.NEXTAUTH_URL ?? "http://localhost:3000").origin);
  for (const [pattern, handler, names] of ROUTES) {
    const match = pattern.exec(pathname);
    if (!match) continue;
    const params = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1])]));
    return handler(new Request(url), { params: Promise.resolve(params) });
  }
  throw new Error(`no route serves ${url}`);
}

/** Resolves a kid URL (with or without fragment) to a key, as a generic verifier would. */
async function keyFor(jwt: string) {
  const { kid } = decodeProtectedHeader(jwt);
  expect(kid).toMatch(/^https?:\/\//);
  const res = await get(kid as string);
  expect(res.status).toBe(200);
  const jwk = await res.json();
  expect(jwk.kid).toBe(kid);
  return importJWK(jwk, "EdDSA");
}

async function independentVerify(jwt: string) {
  return jwtVerify(jwt, await keyFor(jwt), { algorithms: ["EdDSA"], typ: "JWT" });
}

/** A verifier's revocation check: follow credentialStatus, verify the list, read the bit. */
async function isRevoked(credential: Record<string, unknown>): Promise<boolean> {
  const status = credential.credentialStatus as { type: string; statusPurpose: string; statusListIndex: string; statusListCredential: string };
  expect(status).toMatchObject({ type: "BitstringStatusListEntry", statusPurpose: "revocation" });
  const res = await get(status.statusListCredential);
  expect(res.status).toBe(200);
  expect(res.headers.get("cache-control")).toMatch(/max-age=(\d{1,3})\b/);
  const { payload } = await independentVerify(await res.text());
  expect(payload.type).toContain("BitstringStatusListCredential");
  const subject = payload.credentialSubject as { statusPurpose: string; encodedList: string };
  expect(subject.statusPurpose).toBe("revocation");
  const bits = gunzipSync(Buffer.from(subject.encodedList.replace(/^u/, ""), "base64url"));
  expect(bits.length * 8).toBeGreaterThanOrEqual(131_072);
  const index = Number(status.statusListIndex);
  return ((bits[Math.floor(index / 8)] >> (7 - (index % 8))) & 1) === 1;
}

const ajv = new Ajv2019({ strict: false, allErrors: true });
addFormats(ajv);
const validateSchema = ajv.compile(JSON.parse(readFileSync(new URL("./schema/ob_v3p0_achievementcredential_schema.json", import.meta.url), "utf8")));

let n = 0;
async function issued() {
  n++;
  const admin = await createUser(db, { email: `obc-admin-${n}@example.test`, name: `OBC Admin ${n}`, password: "x", role: "ADMIN" }, "h");
  const course = await db.course.create({
    data: { slug: `obc-course-${n}`, title: `Posture Basics ${n}`, summary: "Posture for trainers.", version: "1.0.0", contentHash: "h", contactMinutes: 60 },
    select: { id: true },
  });
  const quiz = await db.quiz.create({ data: { courseId: course.id, slug: "final", kind: "FINAL", title: "Final", passMark: 80, drawCount: 3, contentHash: "q" }, select: { id: true } });
  const trainer = await createUser(
    db,
    { email: `obc-trainer-${n}@example.test`, name: `Nguyễn Thị ${n}`, password: "x", profile: { certifyingBody: "NFPT", certificationNumber: `NFPT-O-${n}`, firstCertifiedOn: "2024-01-01" } },
    "h",
  );
  const at = new Date("2026-05-01T12:00:00.250Z");
  const attempt = await db.quizAttempt.create({
    data: { userId: trainer.id, quizId: quiz.id, number: 1, status: "GRADED", draw: [], scorePercent: 90, passed: true, submittedAt: at, gradedAt: at },
    select: { id: true },
  });
  await db.creditEntry.create({ data: { userId: trainer.id, kind: "AWARD", amountHundredths: 20, certifyingBody: "NFPT", courseId: course.id, awardCourseId: course.id, attemptId: attempt.id, occurredAt: at } });
  const request = await db.certificateRequest.create({ data: { userId: trainer.id, courseId: course.id }, select: { id: true } });
  const { certificate } = await issueCertificate({ requestId: request.id, adminId: admin.id, now: new Date("2026-05-02T09:30:15.678Z") });
  const row = await db.certificate.findUniqueOrThrow({ where: { id: certificate.id }, select: { credentialJwt: true, statusListIndex: true } });
  return { admin, certificate, jwt: row.credentialJwt as string, statusListIndex: row.statusListIndex };
}

describe("Open Badges 3.0 conformance, checked with independent tools", () => {
  test("the credential validates against 1EdTech's AchievementCredential schema and verifies with jose via its kid URL", async () => {
    const { jwt } = await issued();
    const credential = decodeJwt(jwt);
    const valid = validateSchema(credential);
    expect(validateSchema.errors ?? []).toEqual([]);
    expect(valid).toBe(true);

    const header = decodeProtectedHeader(jwt);
    expect(header).toEqual({ alg: "EdDSA", typ: "JWT", kid: expect.stringMatching(/\/ob\/keys\/[A-Za-z0-9_-]{43}$/) });
    const { payload } = await independentVerify(jwt);
    expect(payload.sub).toBe((payload.credentialSubject as { id: string }).id);
    expect(payload.validFrom).toBe("2026-05-02T09:30:15Z");
    expect(payload.nbf).toBe(Date.parse("2026-05-02T09:30:15Z") / 1000);
    expect(payload).not.toHaveProperty("exp");

    // The same key is in the JWKS under the same kid, for verifiers that start there.
    const jwks = await (await get(`${new URL(header.kid as string).origin}/.well-known/jwks.json`)).json();
    expect(jwks.keys.map((k: { kid: string }) => k.kid)).toContain(header.kid);
  });

  test("the issuer Profile and the Achievement are JSON at their ids", async () => {
    const { jwt } = await issued();
    const credential = decodeJwt(jwt) as { issuer: { id: string; name: string }; credentialSubject: { achievement: { id: string; name: string } } };
    const profile = await (await get(credential.issuer.id)).json();
    expect(profile).toMatchObject({ id: credential.issuer.id, type: ["Profile"], name: credential.issuer.name });
    const achievement = await (await get(credential.credentialSubject.achievement.id)).json();
    expect(achievement).toMatchObject({ id: credential.credentialSubject.achievement.id, type: ["Achievement"], name: credential.credentialSubject.achievement.name });
    expect((await get(credential.credentialSubject.achievement.id.replace(/[^/]+$/, "no-such-course"))).status).toBe(404);
  });

  test("after revocation the status list marks the credential's index and a verifier reports it revoked; the reissue is not", async () => {
    const { admin, certificate, jwt, statusListIndex } = await issued();
    const credential = decodeJwt(jwt);
    expect(Number((credential.credentialStatus as { statusListIndex: string }).statusListIndex)).toBe(statusListIndex);
    expect(await isRevoked(credential)).toBe(false);

    await revokeCertificate({ certificateId: certificate.id, adminId: admin.id, reason: "Name misspelled on the certificate" });
    expect(await isRevoked(credential)).toBe(true);
    // Still a validly signed credential: only the status says it no longer counts.
    await expect(independentVerify(jwt)).resolves.toBeTruthy();

    const other = await createUser(db, { email: `obc-admin2-${n}@example.test`, name: "Second Admin", password: "x", role: "ADMIN" }, "h");
    const { certificate: replacement } = await reissueCertificate({ certificateId: certificate.id, adminId: other.id });
    const fresh = await db.certificate.findUniqueOrThrow({ where: { id: replacement.id }, select: { credentialJwt: true, statusListIndex: true } });
    expect(fresh.statusListIndex).not.toBe(statusListIndex);
    expect(await isRevoked(decodeJwt(fresh.credentialJwt as string))).toBe(false);
    expect(await isRevoked(credential)).toBe(true);
  });

  test("after a key rotation old and new credentials verify against the published keys", async () => {
    const before = await issued();
    const oldKid = decodeProtectedHeader(before.jwt).kid;

    const next = generateSigningKeyPair();
    process.env.SIGNING_KEY_PEM = next.privateKeyPem;
    try {
      const after = await issued();
      const newKid = decodeProtectedHeader(after.jwt).kid;
      expect(newKid).not.toBe(oldKid);
      await expect(independentVerify(before.jwt)).resolves.toBeTruthy();
      await expect(independentVerify(after.jwt)).resolves.toBeTruthy();
      const jwks = await (await get(`${new URL(newKid as string).origin}/.well-known/jwks.json`)).json();
      expect(jwks.keys.map((k: { kid: string }) => k.kid).slice(0, 2)).toEqual([newKid, oldKid]);
      // Status lists are signed with the current key.
      expect(decodeProtectedHeader(await (await get(`${new URL(newKid as string).origin}/ob/status/0`)).text()).kid).toBe(newKid);
    } finally {
      process.env.SIGNING_KEY_PEM = firstKey.privateKeyPem;
    }
  });

  test("unknown keys and lists are 404s, a malformed key id 422", async () => {
    const base = "http://localhost:3000";
    expect((await get(`${base}/ob/keys/${"A".repeat(43)}`)).status).toBe(404);
    expect((await get(`${base}/ob/keys/not-a-key`)).status).toBe(422);
    expect((await get(`${base}/ob/status/999999`)).status).toBe(404);
  });
});
