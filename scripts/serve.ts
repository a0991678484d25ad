import cluster from "node:cluster";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import next from "next";
import { parseSettings } from "../lib/env";
import { refusedQueryMessage } from "../lib/text/safe-text";
import { THEME_SCRIPT } from "../components/site/theme";
import { findVerifyApi, type TVerifyApiAnswer, verifyApiCode } from "../lib/certificates/verify-api-hook";
import { buildRoutesFrom, chooseCsp, type TBuildRoutes } from "./lib/csp-choice";
import { hasMalformedEscape, MALFORMED_URL_PAGE } from "./lib/malformed-url";

// The production server: Next's request handler behind a few lines of Node, for what Next
// cannot do itself. It changes the request and sets headers before Next sees the response; it
// never wraps Node's response methods.
// (1) The client address is appended to x-forwarded-for here, from the socket, so rate limits and
//     the sign-in lockout see the real address (lib/auth/request-ip.ts, TRUSTED_PROXY_HOPS).
// (2) A URL with a malformed %-escape is answered 400, and a query parameter with NUL, a bidi or
//     a zero-width character 422, for every page and route alike (Next would answer 500, and
//     admin search pages cannot answer 422 themselves): lib/text/safe-text.ts.
// (3) The security headers are set once per response from a list made at start-up. Next's own
//     header rules (next.config.js `headers()`) compile every value containing a colon with
//     path-to-regexp on every request to a path with parameters: measurable on every lesson.
// (4) Pages rendered per request get a per-response CSP nonce (Next reads it from the request's
//     CSP header and puts it on every script it renders); prerendered pages, identical for
//     everyone and cacheable, keep the static policy (docs/decisions/006). Which is which comes
//     from the build's own manifests, read once (scripts/lib/csp-choice.ts).
// (5) GET /api/verify/<code> is answered here, with the function Next's own bundle built for the
//     route (lib/certificates/verify-api-hook.ts, docs/decisions/018): the same rate limit, lookup
//     cache, JSON and headers, without Next's per-request route work, which alone cost as much as
//     the whole answer. Until Next has loaded the route (its first request) Next answers.

const settings = parseSettings();
if (!settings.ok) {
  process.stderr.write(`✖ ${settings.message}\n`);
  process.exit(1);
}
const { PORT: port, HOSTNAME: hostname, WEB_CONCURRENCY: workers, BACKBONE_SOURCE_MAPS } = settings.env;

// Run through tsx (the benchmark, the e2e server), Node's source-map support is on for the whole
// process: it would read and keep the source map of every server chunk Next loads (the Prisma
// query compiler's among them) and map every stack trace through them, over 100 MB of resident
// memory per instance. The compiled server (dist/scripts/serve.mjs) has it off already.
if (BACKBONE_SOURCE_MAPS !== "1") process.setSourceMapsEnabled(false);

/** What the build holds: prerendered paths and every route (Next's manifests in the build folder). */
function readBuildRoutes(distDir: string): TBuildRoutes {
  const read = (name: string) => {
    const file = path.join(distDir, name);
    if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build first`);
    return JSON.parse(readFileSync(file, "utf8"));
  };
  return buildRoutesFrom(read("prerender-manifest.json"), read("routes-manifest.json"));
}

function sendAnswer(req: http.IncomingMessage, res: http.ServerResponse, answer: TVerifyApiAnswer): void {
  if (res.headersSent) return void res.end();
  res.writeHead(answer.status, { ...answer.headers, "Content-Length": Buffer.byteLength(answer.body) });
  res.end(req.method === "HEAD" ? undefined : answer.body);
}

async function main() {
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  // next.config.js is plain JavaScript that Next loads itself; its header list is shared, not copied.
  const config = (await import(pathToFileURL(path.join(process.cwd(), "next.config.js")).href)) as {
    securityHeaders: () => { key: string; value: string }[];
    default: { distDir?: string };
  };
  const security = config.securityHeaders();
  const routes = readBuildRoutes(path.resolve(config.default.distDir ?? ".next"));
  const staticCsp = security.find((h) => h.key === "Content-Security-Policy")?.value ?? "";
  const otherHeaders = security.filter((h) => h.key !== "Content-Security-Policy");
  // The root layout's theme script is written by us, not by Next, so it carries no nonce: it is
  // allowed by its hash (fixed text, the same on every page), or a stored dark choice would be
  // blocked on every per-request page. Only the nonce policy lists it: a hash beside
  // 'unsafe-inline' would switch 'unsafe-inline' off on prerendered pages.
  const themeHash = createHash("sha256").update(THEME_SCRIPT).digest("base64");
  const nonceCsp = (nonce: string) => staticCsp.replace(/script-src [^;]*/, `script-src 'self' 'nonce-${nonce}' 'sha256-${themeHash}'`);

  const server = http.createServer((req, res) => {
    for (const { key, value } of otherHeaders) res.setHeader(key, value);
    const remote = req.socket.remoteAddress ?? "unknown";
    const prior = req.headers["x-forwarded-for"];
    req.headers["x-forwarded-for"] = prior ? `${Array.isArray(prior) ? prior.join(", ") : prior}, ${remote}` : remote;
    const [pathname, query] = (req.url ?? "/").split(/\?(.*)/s);
    if (hasMalformedEscape(pathname)) {
      if (staticCsp) res.setHeader("Content-Security-Policy", staticCsp);
      res.writeHead(400, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
      res.end(req.method === "HEAD" ? undefined : MALFORMED_URL_PAGE);
      return;
    }
    const refused = refusedQueryMessage(query ?? "");
    if (refused) {
      if (staticCsp) res.setHeader("Content-Security-Policy", staticCsp);
      const html = (req.headers.accept ?? "").includes("text/html");
      res.writeHead(422, { "Content-Type": html ? "text/html; charset=utf-8" : "application/json; charset=utf-8", "Cache-Control": "no-store" });
      const esc = (t: string) => t.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
      res.end(html ? `<!doctype html><html lang="en"><title>Not accepted</title><main><h1>Not accepted</h1><p>${esc(refused)}</p><p><a href="${esc(pathname)}">Start again without it</a></p></main></html>` : JSON.stringify({ ok: false, error: { code: "UNPROCESSABLE", message: refused } }));
      return;
    }
    const verifyCode = req.method === "GET" || req.method === "HEAD" ? verifyApiCode(pathname) : null;
    const verifyApi = verifyCode === null ? undefined : findVerifyApi();
    if (verifyCode !== null && verifyApi) {
      // JSON, never a document: the static policy is enough and needs no nonce.
      if (staticCsp) res.setHeader("Content-Security-Policy", staticCsp);
      verifyApi(decodeURIComponent(verifyCode), req.headers["x-forwarded-for"] as string).then(
        (answer) => sendAnswer(req, res, answer),
        (error) => {
          // The answer function turns every error into its 4xx/5xx answer; this is a bug in it.
          console.error(error);
          sendAnswer(req, res, { status: 500, headers: { "Content-Type": "application/json", "Cache-Control": "no-store" }, body: '{"ok":false,"error":{"code":"INTERNAL","message":"Something went wrong on our side. Please try again."}}' });
        },
      );
      return;
    }
    if (staticCsp && chooseCsp(req.method, pathname, routes) === "nonce") {
      const policy = nonceCsp(randomBytes(16).toString("base64"));
      req.headers["content-security-policy"] = policy;
      res.setHeader("Content-Security-Policy", policy);
    } else if (staticCsp) res.setHeader("Content-Security-Policy", staticCsp);
    void handle(req, res);
  });
  server.keepAliveTimeout = 65_000;
  server.listen(port, hostname, () => {
    if (cluster.isPrimary || cluster.worker?.id === 1) console.log(`▲ Backbone CE ready on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

// One worker per core (WEB_CONCURRENCY): instances share nothing but PostgreSQL, so this is the
// same scaling story as several machines behind a load balancer.
// Default 1: on this 2-core class of machine a second worker raised throughput but worsened the
// tail latency (bench: docs/performance.md); set WEB_CONCURRENCY on bigger machines.
if (workers > 1 && cluster.isPrimary) {
  let stopping = false;
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on("exit", (worker, code) => {
    if (stopping) return;
    console.error(`worker ${worker.process.pid} exited (${code}); starting another`);
    cluster.fork();
  });
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.kill("SIGTERM");
    setTimeout(() => process.exit(0), 5_000).unref();
    cluster.on("exit", () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
