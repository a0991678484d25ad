import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { mdxComponents } from "@/components/mdx";
import { applyGeneratedSections, renderGeneratedSections } from "./authoring-doc";
import { CONTENT_CHECKS } from "./check-content";

// docs/authoring.md cannot drift from the schemas, components and checks it documents.
test("docs/authoring.md is up to date with the schemas (run npm run content:docs)", () => {
  const doc = readFileSync(path.resolve("docs/authoring.md"), "utf8");
  const sections = renderGeneratedSections({ components: Object.keys(mdxComponents), componentDir: path.resolve("components/mdx"), rules: CONTENT_CHECKS });
  expect(applyGeneratedSections(doc, sections)).toBe(doc);
  // Every generated block is present in the document.
  for (const name of Object.keys(sections)) expect(doc).toContain(`<!-- generated:${name} -->`);
});

test("a generated block shows every field of the schema, including later additions", () => {
  const sections = renderGeneratedSections({ components: ["Figure"], componentDir: path.resolve("components/mdx"), rules: [] });
  for (const field of ["title", "summary", "version", "contactHours", "objectives", "provider", "approvals", "authors", "disclaimer", "status", "changelog"]) {
    expect(sections["course-fields"]).toContain(`| \`${field}\` |`);
  }
  expect(sections.components).toContain("`caption`: `string`");
  expect(() => applyGeneratedSections("<!-- generated:nope -->\n<!-- /generated:nope -->", sections)).toThrow(/nothing renders/);
});
