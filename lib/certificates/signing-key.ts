import { createHash, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";

/*
 * Ed25519 keys for signing Open Badges credentials. Stored as PEM (PKCS#8 private, SPKI public)
 * because that is what environment variables and secret stores handle best, and both Node and
 * jose import it directly. All helpers are synchronous (node:crypto), so they can run at module
 * init or in a route handler without awaiting.
 */

export type TSigningKeyPair = { privateKeyPem: string; publicKeyPem: string };

/** A public key as published in the issuer's JWKS (RFC 7517 / RFC 8037 OKP). */
export type TPublicJwk = {
  kty: "OKP";
  crv: "Ed25519";
  x: string;
  kid: string;
  alg: "EdDSA";
  use: "sig";
};

export function generateSigningKeyPair(): TSigningKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519", {
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}

// Accepts a private key PEM too (the public half is derived), so a server holding only the
// private key can still compute its kid and JWKS entry.
function ed25519PublicKey(pem: string): KeyObject {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== "ed25519") {
    throw new Error(`Expected an Ed25519 key, got ${key.asymmetricKeyType ?? "unknown"}`);
  }
  return key;
}

function publicX(pem: string): string {
  const jwk = ed25519PublicKey(pem).export({ format: "jwk" });
  if (typeof jwk.x !== "string") throw new Error("Ed25519 key has no public component");
  return jwk.x;
}

/**
 * RFC 7638 JWK thumbprint (SHA-256, base64url): a kid derived from the key itself, so it never
 * needs storing, cannot drift from the key, and changes automatically when the key is rotated.
 */
export function keyIdFor(publicKeyPem: string): string {
  // Required members only, lexicographic order, no whitespace: the canonical form RFC 7638 hashes.
  const canonical = JSON.stringify({ crv: "Ed25519", kty: "OKP", x: publicX(publicKeyPem) });
  return createHash("sha256").update(canonical).digest("base64url");
}

export function publicJwkFromPem(publicKeyPem: string, kid: string = keyIdFor(publicKeyPem)): TPublicJwk {
  return { kty: "OKP", crv: "Ed25519", x: publicX(publicKeyPem), kid, alg: "EdDSA", use: "sig" };
}
