import http from "node:http";
import next from "next";

// The production server: Next's request handler behind a few lines of Node, for two things
// `next start` cannot do. (1) Prerendered course and lesson pages are identical for every visitor,
// so they are marked `public` for CDNs (Next only sends `s-maxage`). (2) The client address is
// appended to x-forwarded-for by us, so rate limits see the real socket address.
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const PUBLIC_PAGE = /^\/courses(?:\/[a-z0-9-]+){0,2}\/?$/;

export function isPublicPage(pathname: string): boolean {
  return PUBLIC_PAGE.test(pathname) && !pathname.split("/").includes("quiz");
}

async function main() {
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    const remote = req.socket.remoteAddress ?? "unknown";
    const prior = req.headers["x-forwarded-for"];
    req.headers["x-forwarded-for"] = prior ? `${Array.isArray(prior) ? prior.join(", ") : prior}, ${remote}` : remote;
    const pathname = (req.url ?? "/").split("?")[0];
    if ((req.method === "GET" || req.method === "HEAD") && isPublicPage(pathname)) {
      const setHeader = res.setHeader.bind(res);
      res.setHeader = (name: string, value: number | string | readonly string[]) => {
        if (name.toLowerCase() === "cache-control" && typeof value === "string" && value.startsWith("s-maxage")) value = `public, ${value}`;
        return setHeader(name, value);
      };
    }
    void handle(req, res);
  });
  server.keepAliveTimeout = 65_000;
  server.listen(port, hostname, () => console.log(`▲ Backbone CE ready on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`));
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
