import "server-only";
import { createHash, createPublicKey } from "node:crypto";
import { importPKCS8, SignJWT } from "jose";
import { VC_JWT_TYPE } from "@/lib/certificates/open-badge";
import { keyIdFor } from "@/lib/certificates/signing-key";
import { buildStatusListCredential, encodeStatusList, STATUS_LIST_SIZE, statusIndexCapacity } from "@/lib/certificates/status-list";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { siteUrl } from "@/lib/config/site-url.server";

/*
 * What a verifier dereferences from a credential (docs/decisions/009): the issuer Profile, the
 * Achievement, the signing key (kid), the JWKS with every key that ever signed, and the revocation
 * status lists. All addresses live under /ob/ on the site (NEXTAUTH_URL).
 */

export const ISSUER_NAME = "Backbone CE";

export const issuerId = () => siteUrl("/ob/issuer");
export const achievementUrl = (courseSlug: string) => siteUrl(`/ob/achievements/${encodeURIComponent(courseSlug)}`);
/** The kid of a credential: dereferences to the public JWK (app/ob/keys/[kid]). */
export const keyUrl = (thumbprint: string) => siteUrl(`/ob/keys/${thumbprint}`);
export const statusListUrl = (list: number) => siteUrl(`/ob/status/${list}`);

/**
 * credentialSubject.id (and the JWT's sub) for a trainer: a urn:uuid derived from the user id, so
 * it is the same on all of one trainer's credentials without exposing the internal id.
 */
export function subjectIdFor(userId: string): string {
  const h = createHash("sha256").update(`backbone-ce/credential-subject/${userId}`).digest();
  h[6] = (h[6] & 0x0f) | 0x80; // UUID version 8 (custom, RFC 9562)
  h[8] = (h[8] & 0x3f) | 0x80; // RFC variant
  const hex = h.subarray(0, 16).toString("hex");
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

// ---------------------------------------------------------------------------------------------
// Keys

export type TSiteSigningKey = { privateKeyPem: string; publicKeyPem: string; thumbprint: string; kid: string };
let cachedKey: { pem: string; base: string; key: TSiteSigningKey } | null = null;

/** The Ed25519 key credentials are signed with now (SIGNING_KEY_PEM); kid is its key URL. */
export function siteSigningKey(): TSiteSigningKey {
  const privateKeyPem = env().SIGNING_KEY_PEM;
  if (!privateKeyPem) throw new Error("SIGNING_KEY_PEM is not set, so certificates cannot be signed.");
  const base = siteUrl("/");
  if (cachedKey?.pem === privateKeyPem && cachedKey.base === base) return cachedKey.key;
  const publicKeyPem = createPublicKey(privateKeyPem).export({ type: "spki", format: "pem" }).toString();
  const thumbprint = keyIdFor(publicKeyPem);
  cachedKey = { pem: privateKeyPem, base, key: { privateKeyPem, publicKeyPem, thumbprint, kid: keyUrl(thumbprint) } };
  return cachedKey.key;
}

/**
 * Remembers the public half of a key that signs something, in the same transaction as what it
 * signed: after a rotation the JWKS still publishes it, so every earlier credential verifies.
 */
export async function recordSigningKey(tx: Prisma.TransactionClient, key: TSiteSigningKey): Promise<void> {
  await tx.signingKey.createMany({ data: [{ kid: key.thumbprint, publicKeyPem: key.publicKeyPem }], skipDuplicates: true });
}

// ---------------------------------------------------------------------------------------------
// Revocation status lists

/**
 * A free global status index for a new certificate, drawn at random (spec: indexes should not
 * reveal issue order). Runs inside the issuing transaction; the unique index on the column is
 * the last word if two issues ever draw the same number at the same moment.
 */
export async function allocateStatusIndex(tx: Prisma.TransactionClient, random: () => number = Math.random): Promise<number> {
  const assigned = await tx.certificate.count({ where: { statusListIndex: { not: null } } });
  const capacity = statusIndexCapacity(assigned);
  for (let round = 0; round < 8; round++) {
    const candidates = Array.from({ length: 16 }, () => Math.floor(random() * capacity));
    const taken = await tx.certificate.findMany({ where: { statusListIndex: { in: candidates } }, select: { statusListIndex: true } });
    const used = new Set(taken.map((t) => t.statusListIndex));
    const free = candidates.find((c) => !used.has(c));
    if (free !== undefined) return free;
  }
  throw new Error("no free status list index found");
}

/**
 * Status list `list` as a signed VC-JWT. Built from the certificates' own status, so the list
 * changes in the very transaction that revokes (nothing separate to keep in step).
 */
export async function signedStatusList(list: number, now = new Date()): Promise<string | null> {
  const total = await db.certificate.count({ where: { statusListIndex: { not: null } } });
  if (list < 0 || list >= statusIndexCapacity(total) / STATUS_LIST_SIZE) return null;
  const from = list * STATUS_LIST_SIZE;
  const revoked = await db.certificate.findMany({
    where: { status: "REVOKED", statusListIndex: { gte: from, lt: from + STATUS_LIST_SIZE } },
    select: { statusListIndex: true },
  });
  const id = statusListUrl(list);
  const credential = buildStatusListCredential({
    id,
    issuerId: issuerId(),
    validFrom: now,
    encodedList: encodeStatusList(revoked.map((r) => (r.statusListIndex as number) - from)),
  });
  // Re-signed on every request with the current key, so no retired key is ever needed for it.
  const key = siteSigningKey();
  return new SignJWT(credential)
    .setProtectedHeader({ alg: "EdDSA", typ: VC_JWT_TYPE, kid: key.kid })
    .setIssuer(credential.issuer)
    .setSubject(credential.credentialSubject.id)
    .setJti(id)
    .setNotBefore(Math.floor(Date.parse(credential.validFrom) / 1000))
    .sign(await importPKCS8(key.privateKeyPem, "EdDSA"));
}

// ---------------------------------------------------------------------------------------------
// Issuer Profile and Achievement documents

export function issuerProfile() {
  return {
    "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
    id: issuerId(),
    type: ["Profile"],
    name: ISSUER_NAME,
    url: siteUrl("/"),
    description: "Continuing education for certified personal trainers.",
  };
}

/** The Achievement a course's credentials name, as JSON at its id; null for an unknown course. */
export async function achievementDocument(courseSlug: string) {
  const course = await db.course.findUnique({ where: { slug: courseSlug }, select: { slug: true, title: true, summary: true, version: true } });
  if (!course) return null;
  return {
    "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
    id: achievementUrl(course.slug),
    type: ["Achievement"],
    achievementType: "Course",
    name: course.title,
    description: course.summary || course.title,
    criteria: { narrative: `Complete every lesson of "${course.title}" and pass its final assessment.` },
    version: course.version,
    creator: { id: issuerId(), type: ["Profile"], name: ISSUER_NAME },
    humanCode: course.slug,
  };
}
