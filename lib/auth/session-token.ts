import { createDecipheriv, hkdf } from "node:crypto";
import { EncryptJWT, type JWTPayload } from "jose";

// next-auth 4.24's session token (a JWE: alg "dir", enc "A256GCM", key derived from the secret
// with HKDF-SHA256), byte for byte, but with the key derived once per secret and salt instead of
// on every call: next-auth's own encode/decode run HKDF each time, which cost ~4 % of the app
// server's CPU on the submit route (docs/decisions/020). Cookies issued before this change decode
// here, and tokens encoded here decode with next-auth's own `decode` (session-token.test.ts).

const DEFAULT_MAX_AGE = 30 * 24 * 60 * 60;
// Clock skew next-auth tolerates when it checks exp.
const CLOCK_TOLERANCE_SECONDS = 15;

const keys = new Map<string, Promise<Uint8Array>>();

/** The AES key next-auth derives from a secret (and salt), computed once per pair per process. */
function encryptionKey(secret: string, salt: string): Promise<Uint8Array> {
  const id = `${salt}\u0000${secret}`;
  let key = keys.get(id);
  if (!key) {
    key = new Promise<Uint8Array>((resolve, reject) => {
      const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`;
      hkdf("sha256", secret, salt, info, 32, (error, derived) => (error ? reject(error) : resolve(new Uint8Array(derived))));
    });
    // A failed derivation is not cached: the next call tries again.
    key.catch(() => keys.delete(id));
    keys.set(id, key);
  }
  return key;
}

type TEncodeParams = { token?: JWTPayload; secret: string | Buffer; maxAge?: number; salt?: string };
type TDecodeParams = { token?: string; secret: string | Buffer; salt?: string };

/** next-auth's `encode`: the payload plus iat, exp (now + maxAge) and a random jti, encrypted. */
export async function encodeSessionToken({ token = {}, secret, maxAge = DEFAULT_MAX_AGE, salt = "" }: TEncodeParams): Promise<string> {
  const now = (Date.now() / 1000) | 0;
  return new EncryptJWT(token)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt()
    .setExpirationTime(now + maxAge)
    .setJti(crypto.randomUUID())
    .encrypt(await encryptionKey(String(secret), salt));
}

const HEADER_DIR_A256GCM = /^\{"alg":"dir","enc":"A256GCM"\}$|^\{"enc":"A256GCM","alg":"dir"\}$/;

function invalid(): never {
  throw new Error("invalid session token");
}

/**
 * next-auth's `decode`: the payload, or a rejection when the token is forged, altered or expired.
 * Decrypted with node:crypto's AES-GCM rather than jose, whose WebCrypto path cost more per call
 * than the key derivation saved; the checks are jwtDecrypt's for this token: the header names
 * exactly "dir" and A256GCM (nothing else, no compression, no critical extensions), no encrypted
 * key, a 96-bit IV and 128-bit tag over the protected header, and exp, nbf and iat as jose checks
 * them with next-auth's 15-second tolerance.
 */
export async function decodeSessionToken({ token, secret, salt = "" }: TDecodeParams): Promise<JWTPayload | null> {
  if (!token) return null;
  const parts = token.split(".");
  if (parts.length !== 5 || parts[1] !== "") invalid();
  const [header64, , iv64, cipher64, tag64] = parts;
  if (!HEADER_DIR_A256GCM.test(Buffer.from(header64, "base64url").toString("utf8"))) invalid();
  const iv = Buffer.from(iv64, "base64url");
  const tag = Buffer.from(tag64, "base64url");
  if (iv.length !== 12 || tag.length !== 16) invalid();
  const decipher = createDecipheriv("aes-256-gcm", await encryptionKey(String(secret), salt), iv, { authTagLength: 16 });
  decipher.setAAD(Buffer.from(header64, "ascii"));
  decipher.setAuthTag(tag);
  const plain = Buffer.concat([decipher.update(Buffer.from(cipher64, "base64url")), decipher.final()]);
  const payload: unknown = JSON.parse(plain.toString("utf8"));
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) invalid();
  const claims = payload as JWTPayload;
  const now = Math.floor(Date.now() / 1000);
  for (const claim of ["exp", "nbf", "iat"] as const) if (claims[claim] !== undefined && typeof claims[claim] !== "number") invalid();
  if (claims.exp !== undefined && claims.exp <= now - CLOCK_TOLERANCE_SECONDS) invalid();
  if (claims.nbf !== undefined && claims.nbf > now + CLOCK_TOLERANCE_SECONDS) invalid();
  return claims;
}
