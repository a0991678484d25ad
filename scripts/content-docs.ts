import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { mdxComponents } from "@/components/mdx";
import { applyGeneratedSections, renderGeneratedSections } from "@/lib/content/authoring-doc";
import { CONTENT_CHECKS } from "@/lib/content/check-content";

// `npm run content:docs`: regenerates the generated blocks of docs/authoring.md from the zod
// schemas, the component props and the content checks. `-- --check` only reports staleness.
const DOC = path.resolve("docs/authoring.md");

const current = readFileSync(DOC, "utf8");
const next = applyGeneratedSections(
  current,
  renderGeneratedSections({ components: Object.keys(mdxComponents), componentDir: path.resolve("components/mdx"), rules: CONTENT_CHECKS }),
);
if (process.argv.includes("--check")) {
  if (next !== current) {
    console.error("✖ docs/authoring.md is out of date: run npm run content:docs");
    process.exit(1);
  }
  console.log("✔ docs/authoring.md is up to date");
} else if (next !== current) {
  writeFileSync(DOC, next);
  console.log("docs/authoring.md regenerated");
} else console.log("docs/authoring.md already up to date");
