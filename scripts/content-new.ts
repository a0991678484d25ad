import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { contentRoots } from "@/lib/content/load-content";
import { scaffoldCourse } from "@/lib/content/scaffold-course";

// `npm run content:new -- <slug> [--title "Course title"]`: scaffolds content/courses/<slug>.
const args = process.argv.slice(2);
const slug = args.find((a) => !a.startsWith("--"));
const titleAt = args.indexOf("--title");
const title = titleAt >= 0 ? args[titleAt + 1] : undefined;
if (!slug) {
  console.error('usage: npm run content:new -- <course-slug> [--title "Course title"]');
  process.exit(1);
}
try {
  const dir = path.join(contentRoots()[0], "courses", slug);
  if (existsSync(dir)) throw new Error(`${dir} already exists`);
  for (const [file, text] of Object.entries(scaffoldCourse(slug, title))) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  console.log(`✔ created ${path.relative(process.cwd(), dir)}/ — edit it (docs/authoring.md), then npm run content:check`);
} catch (error) {
  console.error(`✖ ${(error as Error).message}`);
  process.exit(1);
}
