// Heading ids of a lesson, without compiling it: the same ids the lesson page gives its h2/h3
// (compile-lesson.server.ts), so a quiz question can name the section to revisit and
// content:check can prove that section exists.

export function slugifyHeading(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[’']/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "section"
  );
}

export type TLessonSection = { id: string; title: string };

// Markdown inside a heading: links keep their text; emphasis and code marks go.
function plainHeading(raw: string): string {
  return raw
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`]/g, "")
    .trim();
}

/** Every `##` / `###` heading of an MDX body, in order, with the id the page gives it. */
export function listLessonSections(body: string): TLessonSection[] {
  const used = new Map<string, number>();
  const sections: TLessonSection[] = [];
  let fenced = false;
  for (const line of body.split("\n")) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    const m = fenced ? null : /^(#{2,3})\s+(.+?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const title = plainHeading(m[2]);
    const base = slugifyHeading(title);
    const n = used.get(base) ?? 0;
    used.set(base, n + 1);
    sections.push({ id: n ? `${base}-${n + 1}` : base, title });
  }
  return sections;
}
