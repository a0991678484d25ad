// Compiles the TypeScript scripts that run in production (npm start, the server, the reminder
// scheduler, the operator commands) into dist/scripts/*.mjs with esbuild, so production runs
// plain Node and needs no TypeScript loader (docs/deploy.md). Our code is bundled; packages stay
// in node_modules and are loaded at run time, under the same Node conditions as before
// (`--conditions=react-server` where package.json passes it).
// Plain JavaScript on purpose: it is what turns the TypeScript into something Node runs.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

export const DIST_SCRIPTS = path.resolve("dist/scripts");

/** Entry point (file name without .ts) → what it is for. */
export const ENTRIES = {
  start: "npm start",
  serve: "the production web server npm start runs",
  build: "npm run build: the app's production build",
  reminders: "the reminder scheduler npm start runs; npm run reminders",
  "db-migrate": "npm run db:migrate",
  "admin-create": "npm run admin:create",
  "keys-rotate": "npm run keys:rotate",
  "content-sync": "npm run content:sync",
  "content-check": "npm run content:check",
};

// Packages stay external (bare imports, resolved by Node at run time). Node's ESM loader resolves
// `pkg/sub` only through the package's "exports" map; for a package without one (mdx-bundler's
// `mdx-bundler/client` is a folder) the import is written with the file it means.
const require = createRequire(path.resolve("package.json"));
const packageRoot = (specifier) => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");
const externalPackages = {
  name: "external-packages",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, ({ path: specifier }) => {
      if (specifier.startsWith("@/") || specifier.startsWith("node:")) return undefined;
      const root = packageRoot(specifier);
      if (specifier === root) return { path: specifier, external: true };
      const manifest = path.resolve("node_modules", root, "package.json");
      if (!existsSync(manifest) || JSON.parse(readFileSync(manifest, "utf8")).exports) return { path: specifier, external: true };
      const file = require.resolve(specifier);
      return { path: `${root}/${path.relative(path.resolve("node_modules", root), file).split(path.sep).join("/")}`, external: true };
    });
  },
};

export async function compileScripts() {
  await build({
    entryPoints: Object.keys(ENTRIES).map((name) => ({ in: `scripts/${name}.ts`, out: name })),
    outdir: DIST_SCRIPTS,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Packages resolve from node_modules at run time; "@/…" (tsconfig paths) is our code and bundled.
    plugins: [externalPackages],
    tsconfig: "tsconfig.json",
    logLevel: "warning",
    legalComments: "none",
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const t0 = Date.now();
  await compileScripts();
  console.log(`compiled ${Object.keys(ENTRIES).length} scripts into ${path.relative(process.cwd(), DIST_SCRIPTS)}/ in ${Date.now() - t0} ms`);
}
