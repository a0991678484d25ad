import { spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { syncContent } from "@/lib/content/sync-content.server";
import { createPrismaClient } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { adminQuery } from "@/tests/pg-server";
import { E2E_BASE_URL, E2E_PORT, E2E_SECRET, e2eAdminUrl, e2eDatabaseUrl } from "@/e2e/e2e-env";
import { sourceStamp } from "./lib/source-stamp";

// Playwright's web server: a fresh database, a production build of the app (with the e2e fixture
// course added through content, not code) served by scripts/serve.ts, as in production.
const DIST = ".next-e2e";

async function main() {
  const name = new URL(e2eDatabaseUrl()).pathname.slice(1);
  await adminQuery(e2eAdminUrl(), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await adminQuery(e2eAdminUrl(), `CREATE DATABASE "${name}"`);
  await migrateDatabase({ connectionString: e2eDatabaseUrl() });

  const { privateKey } = generateKeyPairSync("ed25519");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: e2eDatabaseUrl(),
    NEXT_DIST_DIR: DIST,
    EXTRA_CONTENT_DIR: path.resolve("e2e/fixtures/content"),
    APP_MODE: "demo",
    // Specs act as clients behind one proxy (x-forwarded-for), so throttling tests use their own IP.
    TRUSTED_PROXY_HOPS: "1",
    // Every spec comes from 127.0.0.1; the limit itself is covered by lib/http/rate-limit.int.test.ts.
    MAIL_RATE_LIMIT_PER_HOUR: "1000",
    NEXTAUTH_SECRET: E2E_SECRET,
    NEXTAUTH_URL: E2E_BASE_URL,
    SIGNING_KEY_PEM: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    PORT: String(E2E_PORT),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  process.env.EXTRA_CONTENT_DIR = env.EXTRA_CONTENT_DIR;
  const db = createPrismaClient(e2eDatabaseUrl(), { max: 2 });
  await syncContent(db);
  await db.$disconnect();

  const next = path.resolve("node_modules/next/dist/bin/next");
  const stampFile = path.join(DIST, "backbone-build-stamp");
  const stamp = sourceStamp(["e2e/fixtures"]);
  if (!(existsSync(path.join(DIST, "BUILD_ID")) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp)) {
    const code = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, [next, "build"], { env: { ...env, NODE_ENV: "production" }, stdio: "inherit" });
      child.on("exit", (c) => resolve(c ?? 1));
    });
    if (code !== 0) process.exit(code);
    writeFileSync(stampFile, stamp);
  }
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
    env: { ...env, NODE_ENV: "production", HOSTNAME: "127.0.0.1" },
    stdio: "inherit",
  });
  const stop = () => server.kill("SIGTERM");
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
