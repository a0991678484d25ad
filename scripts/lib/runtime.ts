import { generateKeyPairSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded";

// Shared by `npm start`, `npm run db:migrate`, `npm run db:seed` and friends: find or start the
// database and explain any problem in one line.

export const DATA_DIR = path.resolve(process.env.BACKBONE_DATA_DIR ?? ".data");

export class StartupError extends Error {
  override name = "StartupError";
}

export function fail(message: string): never {
  process.stderr.write(`\n✖ ${message}\n`);
  process.exit(1);
}

export function step(index: number, total: number, text: string) {
  process.stdout.write(`[${index}/${total}] ${text}\n`);
}

type TLocalSecrets = { nextauthSecret: string; pgPassword: string; signingKeyPem: string };

/** Secrets a newcomer would otherwise have to invent: made once, kept in .data/ (git-ignored). */
export function loadLocalSecrets(): TLocalSecrets {
  const file = path.join(DATA_DIR, "secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as TLocalSecrets;
  mkdirSync(DATA_DIR, { recursive: true });
  const { privateKey } = generateKeyPairSync("ed25519");
  const secrets: TLocalSecrets = {
    nextauthSecret: randomBytes(32).toString("base64url"),
    pgPassword: randomBytes(18).toString("base64url"),
    signingKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  };
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return secrets;
}

export function describeConnectionError(url: string, error: unknown): string {
  let where = "the database";
  try {
    const u = new URL(url);
    where = `PostgreSQL at ${u.hostname}:${u.port || 5432}`;
  } catch {}
  const e = error as { code?: string; message?: string };
  switch (e.code) {
    case "ECONNREFUSED":
      return `cannot reach ${where} (connection refused): start the server or fix DATABASE_URL`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `cannot resolve the host of DATABASE_URL (${where}): check the host name`;
    case "ETIMEDOUT":
      return `${where} did not answer in time: check DATABASE_URL and the network`;
    case "28P01":
    case "28000":
      return `${where} refused the credentials in DATABASE_URL: check the user name and password`;
    case "3D000":
      return `${where} has no such database: create it (createdb) or fix the name in DATABASE_URL`;
    default:
      return `cannot use ${where}: ${e.message ?? String(error)}`;
  }
}

export async function checkConnection(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw new StartupError(describeConnectionError(url, error));
  } finally {
    await client.end().catch(() => {});
  }
}

export type TDatabase = { url: string; embedded: boolean; describe: string; stop: () => Promise<void> };

/** DATABASE_URL when set (nothing is started); otherwise the embedded PostgreSQL in .data/pg. */
export async function openDatabase(log: (line: string) => void = () => {}): Promise<TDatabase> {
  const fromEnv = process.env.DATABASE_URL?.trim();
  if (fromEnv) {
    if (!/^postgres(ql)?:\/\//.test(fromEnv)) {
      throw new StartupError("DATABASE_URL must be a postgresql:// URL, e.g. postgresql://user:pass@host:5432/backbone");
    }
    await checkConnection(fromEnv);
    const u = new URL(fromEnv);
    return { url: fromEnv, embedded: false, describe: `${u.hostname}:${u.port || 5432}${u.pathname}`, stop: async () => {} };
  }
  const secrets = loadLocalSecrets();
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "pg"), password: secrets.pgPassword, log });
  const admin = new pg.Client({ connectionString: embedded.adminUrl });
  await admin.connect();
  try {
    const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'backbone'");
    if (!found.rowCount) await admin.query('CREATE DATABASE "backbone"');
  } finally {
    await admin.end();
  }
  return {
    url: embedded.urlFor("backbone"),
    embedded: true,
    describe: `embedded PostgreSQL on 127.0.0.1:${embedded.port} (data in ${path.relative(process.cwd(), path.join(DATA_DIR, "pg"))})`,
    stop: embedded.stop,
  };
}
