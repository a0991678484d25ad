import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionToken, encodeSessionToken } from "./session-token";

// The session cookie must stay next-auth 4.24's format: cookies issued by next-auth's own
// encode (before decision 020) keep working, and ours are readable by next-auth's decode.

const secret = "test-secret-for-session-token-compatibility-0123456789";
const claims = { uid: "user-1", sid: "session-1", sv: 3, role: "TRAINER" as const, name: "Ana Trainer", email: "ana@example.test" };

function protectedHeader(token: string) {
  return JSON.parse(Buffer.from(token.split(".")[0], "base64url").toString("utf8"));
}

describe("session token (next-auth 4.24 format, key derived once)", () => {
  it("decodes a token made by next-auth's own encode", async () => {
    const token = await encode({ token: claims, secret, maxAge: 600 });
    const payload = await decodeSessionToken({ token, secret });
    expect(payload).toMatchObject(claims);
    expect(payload).toEqual(await decode({ token, secret }));
  });

  it("makes tokens next-auth's own decode reads, with the same header and claims", async () => {
    const before = Math.floor(Date.now() / 1000);
    const token = await encodeSessionToken({ token: claims, secret, maxAge: 600 });
    const payload = await decode({ token, secret });
    expect(payload).toMatchObject(claims);
    expect(payload?.iat).toBeGreaterThanOrEqual(before);
    expect(payload?.exp).toBe((payload?.iat as number) + 600);
    expect(payload?.jti).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const theirs = await encode({ token: claims, secret, maxAge: 600 });
    expect(protectedHeader(token)).toEqual(protectedHeader(theirs));
    expect(token.split(".")).toHaveLength(5);
    expect(token.split(".")[1]).toBe(""); // "dir": no encrypted key, as next-auth's
  });

  it("agrees with next-auth when a salt is given", async () => {
    const token = await encode({ token: claims, secret, salt: "authjs.session-token" });
    expect(await decodeSessionToken({ token, secret, salt: "authjs.session-token" })).toMatchObject(claims);
    await expect(decodeSessionToken({ token, secret })).rejects.toThrow();
    const ours = await encodeSessionToken({ token: claims, secret, salt: "authjs.session-token" });
    expect(await decode({ token: ours, secret, salt: "authjs.session-token" })).toMatchObject(claims);
  });

  it("refuses a token under another secret, an altered token and an expired one", async () => {
    const token = await encodeSessionToken({ token: claims, secret });
    await expect(decodeSessionToken({ token, secret: `${secret}-other` })).rejects.toThrow();
    const parts = token.split(".");
    const cipher = Buffer.from(parts[3], "base64url");
    cipher[0] ^= 1;
    parts[3] = cipher.toString("base64url");
    await expect(decodeSessionToken({ token: parts.join("."), secret })).rejects.toThrow();
    // Past exp by more than next-auth's 15 s tolerance.
    const expired = await encode({ token: claims, secret, maxAge: -60 });
    await expect(decodeSessionToken({ token: expired, secret })).rejects.toThrow();
    await expect(decode({ token: expired, secret })).rejects.toThrow();
  });

  it("refuses what jose's jwtDecrypt refuses: another header, a token not yet valid, a malformed token", async () => {
    const token = await encodeSessionToken({ token: claims, secret });
    const parts = token.split(".");
    const otherHeader = [Buffer.from('{"alg":"dir","enc":"A128GCM"}').toString("base64url"), ...parts.slice(1)].join(".");
    await expect(decodeSessionToken({ token: otherHeader, secret })).rejects.toThrow();
    await expect(decode({ token: otherHeader, secret })).rejects.toThrow();
    const notYet = await encodeSessionToken({ token: { ...claims, nbf: Math.floor(Date.now() / 1000) + 3600 }, secret });
    await expect(decodeSessionToken({ token: notYet, secret })).rejects.toThrow();
    await expect(decode({ token: notYet, secret })).rejects.toThrow();
    await expect(decodeSessionToken({ token: parts.slice(0, 4).join("."), secret })).rejects.toThrow();
    await expect(decodeSessionToken({ token: "not a token", secret })).rejects.toThrow();
  });

  it("answers null for no token, like next-auth", async () => {
    expect(await decodeSessionToken({ token: undefined, secret })).toBeNull();
    expect(await decodeSessionToken({ token: "", secret })).toBeNull();
  });
});
