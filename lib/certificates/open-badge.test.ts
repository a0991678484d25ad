import { generateKeyPairSync } from "node:crypto";
import { calculateJwkThumbprint, decodeProtectedHeader, importPKCS8, SignJWT } from "jose";
import { describe, expect, test } from "vitest";
import {
  buildOpenBadgeCredential,
  OB_V3_CONTEXT,
  signOpenBadgeCredential,
  type TOpenBadgeInput,
  VC_V2_CONTEXT,
  verifyOpenBadgeCredential,
  ZOpenBadgeInput,
} from "@/lib/certificates/open-badge";
import { generateSigningKeyPair, keyIdFor, publicJwkFromPem } from "@/lib/certificates/signing-key";

const CODE = "BKCE-7K3M9-QXDR2-TBWF8-HN4YC-JZ5PG6";

const INPUT: TOpenBadgeInput = {
  id: `https://backbone-ce.example/verify/${CODE}`,
  issuer: { id: "https://backbone-ce.example", name: "Backbone CE", url: "https://backbone-ce.example" },
  achievement: {
    id: "https://backbone-ce.example/courses/older-adults-resistance/v/2026.1",
    name: "Programming Resistance Training for Older Adults",
    description: "Assessment and program design for clients over 65.",
    criteriaNarrative: "Complete every lesson and score at least 80% on the final assessment.",
    creditsAvailable: "0.40",
    certifyingBody: "NFPT",
    courseVersion: "2026.1",
  },
  subject: { id: "urn:uuid:6f1d2c3b-4a5e-4f60-8a71-9b8c7d6e5f40", name: "José Núñez", certificationNumber: "NFPT-123456" },
  creditsEarned: "0.40",
  validFrom: "2026-03-04T15:30:00Z",
  result: { scorePercent: 92 },
};

const NOW = new Date("2026-06-01T00:00:00Z");
const KEYS = generateSigningKeyPair();
const THUMBPRINT = keyIdFor(KEYS.publicKeyPem);
// OB 3.0: kid is a URL that dereferences to the public key (served by app/ob/keys/[kid]).
const KID = `https://backbone-ce.example/ob/keys/${THUMBPRINT}`;

function tamper(jwt: string, segment: 0 | 1 | 2): string {
  const parts = jwt.split(".");
  const target = parts[segment];
  // Change a character in the middle: the last character of a base64url segment can carry only
  // padding bits, and changing those may not change the decoded bytes.
  const index = Math.floor(target.length / 2);
  const replacement = target[index] === "A" ? "B" : "A";
  parts[segment] = target.slice(0, index) + replacement + target.slice(index + 1);
  return parts.join(".");
}

describe("buildOpenBadgeCredential", () => {
  const credential = buildOpenBadgeCredential(INPUT);

  test("has the required Open Badges 3.0 structure", () => {
    expect(credential["@context"]).toEqual([VC_V2_CONTEXT, OB_V3_CONTEXT]);
    expect(credential.type).toEqual(["VerifiableCredential", "OpenBadgeCredential"]);
    expect(credential.id).toBe(INPUT.id);
    expect(credential.name).toBe("Programming Resistance Training for Older Adults");
    expect(credential.validFrom).toBe("2026-03-04T15:30:00Z");
    expect(credential.issuer).toEqual({
      id: "https://backbone-ce.example",
      type: ["Profile"],
      name: "Backbone CE",
      url: "https://backbone-ce.example",
    });
    const subject = credential.credentialSubject;
    expect(subject.type).toEqual(["AchievementSubject"]);
    expect(subject.achievement).toMatchObject({
      id: INPUT.achievement.id,
      type: ["Achievement"],
      achievementType: "Course",
      name: INPUT.achievement.name,
      description: INPUT.achievement.description,
      criteria: { narrative: INPUT.achievement.criteriaNarrative },
      creditsAvailable: 0.4,
      version: "2026.1",
      tag: ["NFPT"],
    });
    expect(subject.creditsEarned).toBe(0.4);
    expect(subject.result).toEqual([
      {
        type: ["Result"],
        resultDescription: `${INPUT.achievement.id}#final-assessment`,
        value: "92",
        status: "Completed",
      },
    ]);
    expect(subject.achievement.resultDescription?.[0]).toMatchObject({
      id: `${INPUT.achievement.id}#final-assessment`,
      type: ["ResultDescription"],
      resultType: "Percent",
    });
    expect(subject.identifier).toEqual([
      { type: "IdentityObject", identityHash: "José Núñez", identityType: "name", hashed: false },
      { type: "IdentityObject", identityHash: "NFPT-123456", identityType: "ext:certificationNumber", hashed: false },
    ]);
  });

  test("omits optional parts that were not given", () => {
    const minimal = buildOpenBadgeCredential({
      ...INPUT,
      id: "urn:uuid:0b7e2d5c-8a43-4f7e-9d51-3c1a2b4e6f70",
      subject: { id: "urn:uuid:0b7e2d5c-8a43-4f7e-9d51-3c1a2b4e6f71", name: "Jordan Avery" },
      result: undefined,
    });
    expect(minimal.credentialSubject.result).toBeUndefined();
    expect(minimal.credentialSubject.identifier).toHaveLength(1);
    expect(JSON.parse(JSON.stringify(minimal))).toEqual(minimal); // plain JSON, no undefined values left behind
  });

  test.each<[string, (input: TOpenBadgeInput) => TOpenBadgeInput]>([
    ["credential id not a URI", (i) => ({ ...i, id: "BKCE-123" })],
    ["issuer id not http(s)", (i) => ({ ...i, issuer: { ...i.issuer, id: "ftp://x.example" } })],
    ["credits not a decimal string", (i) => ({ ...i, creditsEarned: "0,4" })],
    ["credits earned above available", (i) => ({ ...i, creditsEarned: "0.50" })],
    ["validFrom without a timezone", (i) => ({ ...i, validFrom: "2026-03-04T15:30:00" })],
    ["score over 100", (i) => ({ ...i, result: { scorePercent: 120 } })],
    ["empty subject name", (i) => ({ ...i, subject: { ...i.subject, name: "  " } })],
    ["subject id missing", (i) => ({ ...i, subject: { name: "Jordan Avery" } as TOpenBadgeInput["subject"] })],
  ])("rejects invalid input: %s", (_label, change) => {
    expect(ZOpenBadgeInput.safeParse(change(INPUT)).success).toBe(false);
    expect(() => buildOpenBadgeCredential(change(INPUT))).toThrow();
  });
});

// OB 3.0 "VC-JWT" proof format rules (spec section 8.2 JSON Web Token Proof Format), one test each.
describe("OB 3.0 VC-JWT header and claim rules", () => {
  const credential = buildOpenBadgeCredential(INPUT);
  const sign = (c = credential, kid = KID) => signOpenBadgeCredential(c, { privateKeyPem: KEYS.privateKeyPem, kid });
  const claims = (jwt: string) => JSON.parse(Buffer.from(jwt.split(".")[1], "base64url").toString("utf8"));
  const key = () => importPKCS8(KEYS.privateKeyPem, "EdDSA");
  const nbf = Date.parse(INPUT.validFrom) / 1000;

  test("typ is JWT", async () => {
    expect(decodeProtectedHeader(await sign()).typ).toBe("JWT");
  });

  test("no cty header", async () => {
    expect(decodeProtectedHeader(await sign())).not.toHaveProperty("cty");
  });

  test("kid is a URL that names the key; a bare key id is refused", async () => {
    expect(decodeProtectedHeader(await sign()).kid).toBe(KID);
    await expect(sign(credential, THUMBPRINT)).rejects.toThrow();
  });

  test("sub is present and is credentialSubject.id", async () => {
    expect(credential.credentialSubject.id).toBe(INPUT.subject.id);
    expect(claims(await sign()).sub).toBe(INPUT.subject.id);
  });

  test("nbf equals validFrom, which carries no milliseconds", async () => {
    const withMillis = buildOpenBadgeCredential({ ...INPUT, validFrom: "2026-03-04T15:30:00.789Z" });
    expect(withMillis.validFrom).toBe("2026-03-04T15:30:00Z");
    expect(claims(await sign(withMillis)).nbf).toBe(nbf);
  });

  test("exp equals validUntil when set, and is absent otherwise", async () => {
    expect(claims(await sign())).not.toHaveProperty("exp");
    const expiring = buildOpenBadgeCredential({ ...INPUT, validUntil: "2028-03-04T15:30:00.5Z" });
    expect(expiring.validUntil).toBe("2028-03-04T15:30:00Z");
    expect(claims(await sign(expiring)).exp).toBe(Date.parse("2028-03-04T15:30:00Z") / 1000);
  });

  test.each<[string, () => Promise<string>, string]>([
    ["typ vc+jwt", async () => new SignJWT(credential).setProtectedHeader({ alg: "EdDSA", typ: "vc+jwt", kid: KID }).setIssuer(INPUT.issuer.id).setSubject(INPUT.subject.id).setNotBefore(nbf).sign(await key()), "wrong-type"],
    ["a cty header", async () => new SignJWT(credential).setProtectedHeader({ alg: "EdDSA", typ: "JWT", cty: "vc", kid: KID }).setIssuer(INPUT.issuer.id).setSubject(INPUT.subject.id).setNotBefore(nbf).sign(await key()), "wrong-type"],
    ["no sub", async () => new SignJWT(credential).setProtectedHeader({ alg: "EdDSA", typ: "JWT", kid: KID }).setIssuer(INPUT.issuer.id).setNotBefore(nbf).sign(await key()), "claims-mismatch"],
    ["nbf off by one second", async () => new SignJWT(credential).setProtectedHeader({ alg: "EdDSA", typ: "JWT", kid: KID }).setIssuer(INPUT.issuer.id).setSubject(INPUT.subject.id).setNotBefore(nbf + 1).sign(await key()), "claims-mismatch"],
    ["exp without validUntil", async () => new SignJWT(credential).setProtectedHeader({ alg: "EdDSA", typ: "JWT", kid: KID }).setIssuer(INPUT.issuer.id).setSubject(INPUT.subject.id).setNotBefore(nbf).setExpirationTime(nbf + 86_400 * 900).sign(await key()), "claims-mismatch"],
  ])("the verifier refuses %s", async (_label, makeJwt, reason) => {
    expect(await verifyOpenBadgeCredential(await makeJwt(), { publicKeyPem: KEYS.publicKeyPem, now: NOW })).toEqual({ valid: false, reason });
  });
});

describe("signOpenBadgeCredential / verifyOpenBadgeCredential", () => {
  const credential = buildOpenBadgeCredential(INPUT);

  test("sign then verify succeeds and returns the same credential", async () => {
    const jwt = await signOpenBadgeCredential(credential, { privateKeyPem: KEYS.privateKeyPem, kid: KID });
    expect(jwt.split(".")).toHaveLength(3);
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: "EdDSA", typ: "JWT", kid: KID });

    const payload = JSON.parse(Buffer.from(jwt.split(".")[1], "base64url").toString("utf8"));
    expect(payload).not.toHaveProperty("vc"); // VC 2.0: the payload is the credential itself
    expect(payload).toMatchObject({ iss: INPUT.issuer.id, sub: INPUT.subject.id, jti: INPUT.id, nbf: Date.parse(INPUT.validFrom) / 1000 });

    const result = await verifyOpenBadgeCredential(jwt, { publicKeyPem: KEYS.publicKeyPem, now: NOW });
    expect(result).toEqual({ valid: true, credential, kid: KID });
  });

  test("signing is deterministic (Ed25519)", async () => {
    const options = { privateKeyPem: KEYS.privateKeyPem, kid: KID };
    expect(await signOpenBadgeCredential(credential, options)).toBe(await signOpenBadgeCredential(credential, options));
  });

  test.each<[string, (jwt: string) => string, string]>([
    ["one byte of the payload changed", (jwt) => tamper(jwt, 1), "bad-signature"],
    ["one byte of the signature changed", (jwt) => tamper(jwt, 2), "bad-signature"],
    ["header changed", (jwt) => tamper(jwt, 0), "malformed"],
    ["signature removed", (jwt) => `${jwt.split(".").slice(0, 2).join(".")}.`, "bad-signature"],
    ["truncated", (jwt) => jwt.slice(0, 40), "malformed"],
    ["empty string", () => "", "malformed"],
    ["not a JWT at all", () => "hello world", "malformed"],
    [
      "payload swapped for another credential",
      (jwt) => {
        const [header, , signature] = jwt.split(".");
        const other = { ...JSON.parse(Buffer.from(jwt.split(".")[1], "base64url").toString()), creditsEarned: 4 };
        return [header, Buffer.from(JSON.stringify(other)).toString("base64url"), signature].join(".");
      },
      "bad-signature",
    ],
  ])("tampering is detected: %s", async (_label, mutate, reason) => {
    const jwt = await signOpenBadgeCredential(credential, { privateKeyPem: KEYS.privateKeyPem, kid: KID });
    const result = await verifyOpenBadgeCredential(mutate(jwt), { publicKeyPem: KEYS.publicKeyPem, now: NOW });
    expect(result).toEqual({ valid: false, reason });
  });

  test("a credential signed by another key is rejected", async () => {
    const other = generateSigningKeyPair();
    // Even claiming our kid does not help: the signature is checked against our key.
    const jwt = await signOpenBadgeCredential(credential, { privateKeyPem: other.privateKeyPem, kid: KID });
    expect(await verifyOpenBadgeCredential(jwt, { publicKeyPem: KEYS.publicKeyPem, now: NOW })).toEqual({
      valid: false,
      reason: "bad-signature",
    });
  });

  test("algorithm confusion: HS256 keyed with our public key is rejected", async () => {
    const secret = new TextEncoder().encode(KEYS.publicKeyPem);
    const jwt = await new SignJWT(credential).setProtectedHeader({ alg: "HS256", typ: "vc+jwt" }).sign(secret);
    expect(await verifyOpenBadgeCredential(jwt, { publicKeyPem: KEYS.publicKeyPem, now: NOW })).toEqual({
      valid: false,
      reason: "unsupported-algorithm",
    });
  });

  test("an unsecured (alg none) token is rejected", async () => {
    const header = Buffer.from(JSON.stringify({ alg: "none", typ: "vc+jwt" })).toString("base64url");
    const body = Buffer.from(JSON.stringify(credential)).toString("base64url");
    const result = await verifyOpenBadgeCredential(`${header}.${body}.`, { publicKeyPem: KEYS.publicKeyPem, now: NOW });
    expect(result.valid).toBe(false);
  });

  test.each<[string, () => Promise<string>, string]>([
    [
      "wrong typ header",
      async () =>
        new SignJWT(credential)
          .setProtectedHeader({ alg: "EdDSA", typ: "at+jwt" })
          .setIssuer(INPUT.issuer.id)
          .setNotBefore(Date.parse(INPUT.validFrom) / 1000)
          .sign(await importPKCS8(KEYS.privateKeyPem, "EdDSA")),
      "wrong-type",
    ],
    [
      "signed payload that is not an OpenBadgeCredential",
      async () =>
        new SignJWT({ hello: "world" })
          .setProtectedHeader({ alg: "EdDSA", typ: "JWT" })
          .sign(await importPKCS8(KEYS.privateKeyPem, "EdDSA")),
      "invalid-credential",
    ],
    [
      "iss claim disagreeing with the credential's issuer",
      async () =>
        new SignJWT(credential)
          .setProtectedHeader({ alg: "EdDSA", typ: "JWT" })
          .setIssuer("https://evil.example")
          .setSubject(INPUT.subject.id)
          .setNotBefore(Date.parse(INPUT.validFrom) / 1000)
          .sign(await importPKCS8(KEYS.privateKeyPem, "EdDSA")),
      "claims-mismatch",
    ],
  ])("validly signed but wrong: %s", async (_label, makeJwt, reason) => {
    expect(await verifyOpenBadgeCredential(await makeJwt(), { publicKeyPem: KEYS.publicKeyPem, now: NOW })).toEqual({
      valid: false,
      reason,
    });
  });

  test("not valid before validFrom", async () => {
    const jwt = await signOpenBadgeCredential(credential, { privateKeyPem: KEYS.privateKeyPem, kid: KID });
    const before = new Date("2026-03-01T00:00:00Z");
    expect(await verifyOpenBadgeCredential(jwt, { publicKeyPem: KEYS.publicKeyPem, now: before })).toEqual({
      valid: false,
      reason: "not-yet-valid",
    });
  });

  test.each([
    ["garbage", "not a key"],
    ["RSA public key", generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "pem" }).toString()],
  ])("a bad public key gives invalid-key, never a throw: %s", async (_label, publicKeyPem) => {
    const jwt = await signOpenBadgeCredential(credential, { privateKeyPem: KEYS.privateKeyPem, kid: KID });
    expect(await verifyOpenBadgeCredential(jwt, { publicKeyPem, now: NOW })).toEqual({ valid: false, reason: "invalid-key" });
  });

  test("never throws, whatever the input", async () => {
    for (const input of [undefined, null, 42, {}, "a.b.c", "..", "x".repeat(200_000)]) {
      const result = await verifyOpenBadgeCredential(input as unknown as string, { publicKeyPem: KEYS.publicKeyPem, now: NOW });
      expect(result.valid).toBe(false);
    }
  });
});

describe("signing keys", () => {
  test("generateSigningKeyPair returns Ed25519 PKCS#8 / SPKI PEM", () => {
    const { privateKeyPem, publicKeyPem } = generateSigningKeyPair();
    expect(privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(generateSigningKeyPair().publicKeyPem).not.toBe(publicKeyPem);
  });

  test("keyIdFor is the RFC 7638 thumbprint, stable, and derivable from the private key", async () => {
    const jwk = publicJwkFromPem(KEYS.publicKeyPem);
    expect(THUMBPRINT).toBe(await calculateJwkThumbprint({ kty: jwk.kty, crv: jwk.crv, x: jwk.x }, "sha256"));
    expect(keyIdFor(KEYS.publicKeyPem)).toBe(THUMBPRINT);
    expect(keyIdFor(KEYS.privateKeyPem)).toBe(THUMBPRINT);
    expect(keyIdFor(generateSigningKeyPair().publicKeyPem)).not.toBe(THUMBPRINT);
  });

  test("publicJwkFromPem gives a JWKS-ready public key and never the private part", () => {
    const jwk = publicJwkFromPem(KEYS.publicKeyPem, "key-2026");
    expect(jwk).toEqual({ kty: "OKP", crv: "Ed25519", x: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), kid: "key-2026", alg: "EdDSA", use: "sig" });
    expect(publicJwkFromPem(KEYS.privateKeyPem)).not.toHaveProperty("d");
    expect(publicJwkFromPem(KEYS.publicKeyPem).kid).toBe(THUMBPRINT);
  });

  test.each([
    ["garbage", "not a pem"],
    ["RSA key", generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "pem" }).toString()],
  ])("rejects non-Ed25519 keys: %s", (_label, pem) => {
    expect(() => keyIdFor(pem)).toThrow();
    expect(() => publicJwkFromPem(pem)).toThrow();
  });
});
