// Which Content-Security-Policy a response gets, decided from the path before Next runs (the
// server never wraps Node's response to look at what Next sends). Prerendered HTML is the same
// for everyone and cannot carry a per-response nonce, so it keeps the static policy
// ('unsafe-inline'); pages rendered per request get a nonce (docs/decisions/006).

export type TBuildRoutes = {
  /** Paths the build prerendered (Next's prerender-manifest.json `routes`). */
  prerendered: Set<string>;
  /** Every route without parameters (routes-manifest.json `staticRoutes`). */
  staticPages: Set<string>;
  /** Every route with parameters (routes-manifest.json `dynamicRoutes`). */
  dynamicPages: RegExp[];
};

// Lesson and course pages are prerendered, or rendered once on first request and kept
// (generateStaticParams with dynamic params): static, whether or not the build listed them.
const PUBLIC_PAGE = /^\/courses(?:\/[a-z0-9-]+){0,2}\/?$/;

export function isPublicPage(pathname: string): boolean {
  return PUBLIC_PAGE.test(pathname) && !pathname.split("/").includes("quiz");
}

export function buildRoutesFrom(prerenderManifest: { routes?: Record<string, unknown> }, routesManifest: { staticRoutes?: { page: string }[]; dynamicRoutes?: { regex: string }[] }): TBuildRoutes {
  return {
    prerendered: new Set(Object.keys(prerenderManifest.routes ?? {})),
    staticPages: new Set((routesManifest.staticRoutes ?? []).map((r) => r.page)),
    dynamicPages: (routesManifest.dynamicRoutes ?? []).map((r) => new RegExp(r.regex)),
  };
}

/** "nonce" for a GET/HEAD of a page Next renders per request; "static" for everything else. */
export function chooseCsp(method: string | undefined, pathname: string, routes: TBuildRoutes): "nonce" | "static" {
  if (method !== "GET" && method !== "HEAD") return "static";
  if (pathname.startsWith("/_next/") || isPublicPage(pathname)) return "static";
  const path = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
  if (routes.prerendered.has(path)) return "static";
  if (routes.staticPages.has(path) || routes.dynamicPages.some((r) => r.test(path))) return "nonce";
  // No route: Next answers with its prerendered not-found page.
  return "static";
}
