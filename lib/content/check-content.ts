import { checkActivities, checkDeclaredMinutes } from "./estimate-learning-time";
import type { TCourseSource } from "./load-content";

// Static checks over loaded courses that zod cannot express: components a lesson uses must be on
// the allow-list, internal links must resolve, and each lesson needs takeaways and a visual.

const TAG = /<([A-Z][A-Za-z0-9]*)\b/g;
const LINK = /\]\((\/courses\/[^)\s#]+)(?:#[^)\s]*)?\)/g;
const VISUALS = /<(Figure|[A-Z][A-Za-z0-9]*Diagram)\b/;

export function checkCourses(courses: TCourseSource[], allowedComponents: readonly string[]): string[] {
  const problems: string[] = [];
  const allowed = new Set(allowedComponents);
  const paths = new Set<string>();
  for (const c of courses) {
    paths.add(`/courses/${c.slug}`);
    for (const l of c.lessons) paths.add(`/courses/${c.slug}/${l.slug}`);
    for (const q of c.quizzes) paths.add(`/courses/${c.slug}/quiz/${q.slug}`);
  }
  for (const c of courses) {
    const sources = [{ file: `${c.dir}/course.mdx`, body: c.intro, lesson: false }, ...c.lessons.map((l) => ({ file: l.file, body: l.body, lesson: true }))];
    for (const { file, body, lesson } of sources) {
      for (const m of body.matchAll(TAG)) {
        if (!allowed.has(m[1])) problems.push(`${file}: <${m[1]}> is not an allowed lesson component (allowed: ${[...allowed].join(", ")})`);
      }
      for (const m of body.matchAll(LINK)) {
        if (!paths.has(m[1].replace(/\/$/, ""))) problems.push(`${file}: broken internal link ${m[1]}`);
      }
      if (/^\s*(import|export)\s/m.test(body)) problems.push(`${file}: lessons may not import or export; use the allowed components`);
      if (lesson && !body.includes("<KeyTakeaways")) problems.push(`${file}: a lesson ends with <KeyTakeaways>`);
      if (lesson && !VISUALS.test(body)) problems.push(`${file}: a lesson needs at least one visual (<Figure> or a diagram)`);
    }
    // Contact hours a body can audit: no lesson may claim much more time than it holds.
    for (const l of c.lessons) {
      problems.push(...checkActivities(l.file, l.body));
      const overClaim = checkDeclaredMinutes(l.file, l.frontmatter.minutes, l.estimate);
      if (overClaim) problems.push(overClaim);
    }
    const final = c.quizzes.find((q) => q.quiz.kind === "final");
    if (final) {
      const covered = new Set(final.quiz.questions.map((q) => q.lesson));
      for (const l of c.lessons) if (!covered.has(l.slug)) problems.push(`${final.file}: no question covers lesson "${l.slug}"`);
    }
  }
  return problems;
}
