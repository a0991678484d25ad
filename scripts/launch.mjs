// `node scripts/launch.mjs <script> [args…]`: runs a compiled script (dist/scripts/<script>.mjs).
// Outside production the scripts are compiled first (half a second), so a fresh clone runs
// `npm ci && npm start` with nothing else. In production nothing is compiled or built on the
// fly: `npm run build` does both, and a missing compile is refused with that instruction.
// Plain JavaScript on purpose: it runs before anything is compiled.
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { compileScripts, DIST_SCRIPTS, ENTRIES } from "./compile-scripts.mjs";

const name = process.argv[2] ?? "";
if (!Object.hasOwn(ENTRIES, name)) {
  process.stderr.write(`✖ launch: unknown script "${name}" (one of ${Object.keys(ENTRIES).join(", ")})\n`);
  process.exit(1);
}
const file = path.join(DIST_SCRIPTS, `${name}.mjs`);
const mode = process.env.APP_MODE || (process.env.NODE_ENV === "production" ? "production" : "demo");
if (mode === "production" || process.env.NODE_ENV === "production") {
  if (!existsSync(file)) {
    process.stderr.write(`\n✖ ${path.relative(process.cwd(), file)} is missing: in production nothing is compiled on the fly. Run npm run build (it compiles the scripts and builds the app), then run this again.\n`);
    process.exit(1);
  }
} else await compileScripts();
// The script sees the command line it would have had run directly: `node dist/scripts/<name>.mjs args…`.
process.argv.splice(1, 2, file);
await import(pathToFileURL(file).href);
