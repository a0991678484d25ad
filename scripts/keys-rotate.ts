import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { generateSigningKeyPair, keyIdFor } from "@/lib/certificates/signing-key";

// `npm run keys:rotate`: a new Ed25519 key for signing Open Badges credentials.
// - Demo (the key lives in .data/secrets.json): replaces it there; restart `npm start` to use it.
// - Production (SIGNING_KEY_PEM comes from the environment): prints the new private key, to be
//   put into SIGNING_KEY_PEM by whoever manages the secrets, then restart.
// Earlier keys need no keeping: every key that signed a credential was recorded (public half) in
// the SigningKey table when it signed, and the JWKS keeps publishing it (docs/decisions/009).

export type TRotation = { previousKid: string | null; kid: string };

/** Replaces the signing key in a secrets.json written by `npm start`; returns both key ids. */
export function rotateLocalSigningKey(file: string): TRotation {
  if (!existsSync(file)) throw new Error(`${file} does not exist: run \`npm start\` once first, or set SIGNING_KEY_PEM yourself`);
  const secrets = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  const previous = typeof secrets.signingKeyPem === "string" ? secrets.signingKeyPem : null;
  const next = generateSigningKeyPair();
  writeFileSync(file, `${JSON.stringify({ ...secrets, signingKeyPem: next.privateKeyPem }, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600); // mode above applies only to a new file
  return { previousKid: previous ? keyIdFor(previous) : null, kid: keyIdFor(next.publicKeyPem) };
}

function main() {
  if (process.env.SIGNING_KEY_PEM) {
    const next = generateSigningKeyPair();
    process.stdout.write(
      `SIGNING_KEY_PEM comes from the environment. Set it to this new key and restart:\n\n${next.privateKeyPem}\n` +
        `new key id ${keyIdFor(next.publicKeyPem)}; the current key (${keyIdFor(process.env.SIGNING_KEY_PEM)}) stays published.\n`,
    );
    return;
  }
  const file = path.join(path.resolve(process.env.BACKBONE_DATA_DIR ?? ".data"), "secrets.json");
  const { previousKid, kid } = rotateLocalSigningKey(file);
  process.stdout.write(`New signing key ${kid} written to ${file}${previousKid ? ` (was ${previousKid}, which stays published)` : ""}. Restart \`npm start\` to use it.\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`\n✖ ${(error as Error).message}\n`);
    process.exit(1);
  }
}
