import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** A hash of everything a production build depends on, so a stale build folder is rebuilt. */
export function sourceStamp(extraDirs: string[] = []): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!/\.test\.tsx?$/.test(entry.name)) hash.update(`${full}:${statSync(full).size}:${statSync(full).mtimeMs}`);
    }
  };
  for (const dir of ["app", "components", "lib", "content", ...extraDirs]) walk(dir);
  for (const file of ["next.config.js", "package-lock.json", "postcss.config.mjs", "tsconfig.json"]) {
    if (existsSync(file)) hash.update(readFileSync(file));
  }
  return hash.digest("hex");
}
