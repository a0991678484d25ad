import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { generateSigningKeyPair, keyIdFor } from "@/lib/certificates/signing-key";
import { rotateLocalSigningKey } from "./keys-rotate";

test("rotateLocalSigningKey replaces only the signing key in secrets.json", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "keys-rotate-"));
  const file = path.join(dir, "secrets.json");
  const old = generateSigningKeyPair();
  writeFileSync(file, JSON.stringify({ nextauthSecret: "s".repeat(43), pgPassword: "p", signingKeyPem: old.privateKeyPem }));

  const result = rotateLocalSigningKey(file);
  const secrets = JSON.parse(readFileSync(file, "utf8"));
  expect(result.previousKid).toBe(keyIdFor(old.publicKeyPem));
  expect(result.kid).not.toBe(result.previousKid);
  expect(keyIdFor(secrets.signingKeyPem)).toBe(result.kid);
  expect(secrets).toMatchObject({ nextauthSecret: "s".repeat(43), pgPassword: "p" });
  expect(statSync(file).mode & 0o777).toBe(0o600);
});

test("rotateLocalSigningKey explains a missing secrets file", () => {
  expect(() => rotateLocalSigningKey(path.join(tmpdir(), "no-such-dir-xyz", "secrets.json"))).toThrow(/npm start/);
});
