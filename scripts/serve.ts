import cluster from "node:cluster";
import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import next from "next";
import { hasMalformedEscape, MALFORMED_URL_PAGE } from "./lib/malformed-url";
import { THEME_SCRIPT } from "../components/site/theme";
import { refusedQueryMessage } from "../lib/text/safe-text";

// The production server: Next's request handler behind a few lines of Node, for two things
// `next start` cannot do. (1) Prerendered course and lesson pages are identical for every visitor,
// so they are marked `public` for CDNs (Next only sends `s-maxage`). (2) The client address is
// appended to x-forwarded-for by us, so rate limits see the real socket address. (3) The security
// headers are set here once per response rather than by Next's per-request header rules (see
// next.config.js).
const port = Number(process.env.PORT ?? 3000);

// tsx (which runs this file) turns on source-map support for the whole process, so Node would
// read and keep the source map of every server chunk Next loads (143 files, the Prisma query
// compiler's among them) and map every stack trace through them: over 100 MB of resident memory
// per instance and slower errors, for stack traces of minified bundles. This file's own frames
// are all that is lost. (docs/performance.md, peak server memory)
if (!process.env.BACKBONE_SOURCE_MAPS) process.setSourceMapsEnabled(false);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const PUBLIC_PAGE = /^\/courses(?:\/[a-z0-9-]+){0,2}\/?$/;

export function isPublicPage(pathname: string): boolean {
  return PUBLIC_PAGE.test(pathname) && !pathname.split("/").includes("quiz");
}

// Next keeps each prerendered page in memory as one JS string and sends it with
// `res.end(string)`, which encodes the whole page to UTF-8 again on every response. The encoded
// bytes of the last few large bodies are kept instead, keyed by the string itself: the lookup
// costs at most one comparison of the text, far less than encoding it. Bounded (least
// recently used goes first), so one-off dynamic bodies cannot grow it. Responses Next compresses
// (the client sent Accept-Encoding) reach us as gzip Buffers and are not affected; in production
// a CDN or proxy in front compresses and caches these pages.
const encodedBodies = new Map<string, Buffer>();
function utf8Of(text: string): Buffer {
  let bytes = encodedBodies.get(text);
  if (bytes) encodedBodies.delete(text);
  else {
    bytes = Buffer.from(text, "utf8");
    if (encodedBodies.size >= 64) encodedBodies.delete(encodedBodies.keys().next().value as string);
  }
  encodedBodies.set(text, bytes);
  return bytes;
}

async function main() {
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  // next.config.js is plain JavaScript that Next loads itself; its header list is shared, not copied.
  const config = (await import("../next.config.js" as string)) as { securityHeaders: () => { key: string; value: string }[] };
  const security = config.securityHeaders();
  const staticCsp = security.find((h) => h.key === "Content-Security-Policy")?.value ?? "";
  // The root layout's theme script is written by us, not by Next, so it carries no nonce: it is
  // allowed by its hash (fixed text, the same on every page), or a stored dark choice would be
  // blocked on every per-request page. Only the nonce policy lists it: a hash beside
  // 'unsafe-inline' would switch 'unsafe-inline' off on prerendered pages.
  const themeHash = createHash("sha256").update(THEME_SCRIPT).digest("base64");
  const nonceCsp = (nonce: string) => staticCsp.replace(/script-src [^;]*/, `script-src 'self' 'nonce-${nonce}' 'sha256-${themeHash}'`);
  const server = http.createServer((req, res) => {
    for (const { key, value } of security) res.setHeader(key, value);
    const remote = req.socket.remoteAddress ?? "unknown";
    const prior = req.headers["x-forwarded-for"];
    req.headers["x-forwarded-for"] = prior ? `${Array.isArray(prior) ? prior.join(", ") : prior}, ${remote}` : remote;
    const [pathname, query] = (req.url ?? "/").split(/\?(.*)/s);
    if (hasMalformedEscape(pathname)) {
      res.writeHead(400, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
      res.end(req.method === "HEAD" ? undefined : MALFORMED_URL_PAGE);
      return;
    }
    // (4) A query parameter with NUL, a bidi or a zero-width character is refused here for every
    // page and route alike (admin search pages cannot answer 422 themselves): lib/text/safe-text.ts.
    const refused = refusedQueryMessage(query ?? "");
    if (refused) {
      const html = (req.headers.accept ?? "").includes("text/html");
      res.writeHead(422, { "Content-Type": html ? "text/html; charset=utf-8" : "application/json; charset=utf-8", "Cache-Control": "no-store" });
      const esc = (t: string) => t.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
      res.end(html ? `<!doctype html><html lang="en"><title>Not accepted</title><main><h1>Not accepted</h1><p>${esc(refused)}</p><p><a href="${esc(pathname)}">Start again without it</a></p></main></html>` : JSON.stringify({ ok: false, error: { code: "UNPROCESSABLE", message: refused } }));
      return;
    }
    if ((req.method === "GET" || req.method === "HEAD") && isPublicPage(pathname)) {
      const setHeader = res.setHeader.bind(res);
      res.setHeader = (name: string, value: number | string | readonly string[]) => {
        if (name.toLowerCase() === "cache-control" && typeof value === "string" && value.startsWith("s-maxage")) value = `public, ${value}`;
        return setHeader(name, value);
      };
    }
    // (5) Scripts on pages rendered per request carry a nonce instead of 'unsafe-inline': Next
    // reads it from the request's CSP header and puts it on every script it renders. Prerendered
    // pages (identical for everyone, CDN-cached) cannot carry one and keep the static policy; the
    // choice is made when the headers go out, from Next's own x-nextjs-prerender header
    // (docs/decisions/006).
    if (staticCsp && (req.method === "GET" || req.method === "HEAD") && !isPublicPage(pathname) && !pathname.startsWith("/_next/")) {
      const nonce = randomBytes(16).toString("base64");
      const policy = nonceCsp(nonce);
      req.headers["content-security-policy"] = policy;
      const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => http.ServerResponse;
      res.writeHead = ((...args: unknown[]) => {
        if (!res.getHeader("x-nextjs-prerender")) res.setHeader("Content-Security-Policy", policy);
        return writeHead(...args);
      }) as typeof res.writeHead;
    }
    const end = res.end.bind(res) as (...args: unknown[]) => http.ServerResponse;
    res.end = ((chunk?: unknown, ...rest: unknown[]) =>
      end(typeof chunk === "string" && chunk.length > 4096 && typeof rest[0] !== "string" ? utf8Of(chunk) : chunk, ...rest)) as typeof res.end;
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
const workers = Math.max(1, Number(process.env.WEB_CONCURRENCY ?? 1));
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
