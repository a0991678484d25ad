import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, expect, test } from "vitest";
import { syncContent } from "@/lib/content/sync-content.server";
import { loadAllCourses } from "@/lib/content/load-content";
import { db } from "@/lib/db";
import { searchLessons } from "./search-lessons.server";
import { searchLessonSections } from "./lesson-search.sql.server";

// Real PostgreSQL: the content sync fills the index, and the search finds stemmed words, ranked.

function useContent(dir: string, extra?: string) {
  process.env.CONTENT_DIR = dir;
  if (extra) process.env.EXTRA_CONTENT_DIR = extra;
  else delete process.env.EXTRA_CONTENT_DIR;
  return loadAllCourses({ fresh: true });
}

// A scratch copy of the e2e fixture courses, so a test can edit or retire one like an author.
function scratchFixtures() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "search-content-"));
  cpSync(path.resolve("e2e/fixtures/content"), dir, { recursive: true });
  return dir;
}

const text = (parts: { text: string }[]) => parts.map((p) => p.text).join("");
const marked = (parts: { text: string; highlight: boolean }[]) => parts.filter((p) => p.highlight).map((p) => p.text.toLowerCase());

beforeEach(async () => {
  await syncContent(db, useContent(path.resolve("content"), scratchFixtures()));
});

test("the sync indexes every section of every live lesson, with the page's anchors", async () => {
  const sections = await db.lessonSection.findMany({ where: { lesson: { slug: "responding-to-injury" } }, orderBy: { position: "asc" }, select: { heading: true, anchor: true } });
  expect(sections.map((s) => s.anchor)).toContain("2-apply-ice-for-20-minutes");
  expect(sections.slice(0, 2)).toEqual([
    { heading: "Responding to a Client's Back Injury", anchor: null },
    { heading: "Before anything else: your scope", anchor: "before-anything-else-your-scope" },
  ]);
  // A second sync with nothing changed leaves the same rows.
  const before = await db.lessonSection.count();
  await syncContent(db, loadAllCourses({ fresh: true }));
  expect(await db.lessonSection.count()).toBe(before);
});

test("'ice' finds the injury lesson's ice section first, with the match highlighted and a deep link", async () => {
  const { results, total } = await searchLessons({ q: "ice", course: null });
  expect(total).toBeGreaterThanOrEqual(3);
  expect(results[0]).toMatchObject({ lessonTitle: "Responding to a Client's Back Injury", href: "/courses/back-care/responding-to-injury#2-apply-ice-for-20-minutes" });
  expect(text(results[0].heading)).toBe("2. Apply ice for 20 minutes");
  expect(marked(results[0].heading)).toEqual(["ice"]);
  expect(marked(results[0].snippet).every((w) => w === "ice")).toBe(true);
  // Every result is a section that mentions ice, and ranks never rise down the list.
  const rows = await searchLessonSections(db, { text: "ice", courseSlug: null, limit: 30 });
  expect(rows.map((r) => r.rank)).toEqual([...rows.map((r) => r.rank)].sort((a, b) => b - a));
  expect(rows.every((r) => /\bice\b/i.test(r.snippetMarked + r.headingMarked))).toBe(true);
});

test("words are stemmed: 'icing' finds ice, 'stretches' finds stretching", async () => {
  const icing = await searchLessons({ q: "icing", course: null });
  expect(icing.results[0].href).toBe("/courses/back-care/responding-to-injury#2-apply-ice-for-20-minutes");
  const stretches = await searchLessons({ q: "stretches", course: null });
  expect(stretches.total).toBeGreaterThan(0);
  expect(stretches.results.flatMap((r) => marked([...r.heading, ...r.snippet])).some((w) => w.startsWith("stretch"))).toBe(true);
});

test("a heading match outranks a passing mention in the text; the lesson title is found too", async () => {
  const fixtures = scratchFixtures();
  const lesson = path.join(fixtures, "courses/warm-up-basics/lessons/02-planning-the-sequence.mdx");
  const filler = "Plan the drills, keep the class moving, watch the room and adjust the pace as you go. ".repeat(3);
  writeFileSync(lesson, `${readFileSync(lesson, "utf8")}\n## Long notes\n\n${filler}One zephyrine mention. ${filler}\n\n## Zephyrine drills\n\nShort.\n`);
  await syncContent(db, useContent(path.resolve("content"), fixtures));
  const { results } = await searchLessons({ q: "zephyrine", course: null });
  expect(results.map((r) => r.href)).toEqual(["/courses/warm-up-basics/planning-the-sequence#zephyrine-drills", "/courses/warm-up-basics/planning-the-sequence#long-notes"]);
  const title = await searchLessons({ q: "responding injury", course: null });
  expect(title.results[0]).toMatchObject({ href: "/courses/back-care/responding-to-injury", lessonTitle: "Responding to a Client's Back Injury" });
});

test("the course filter searches one course; a course with no match gives nothing", async () => {
  const all = await searchLessons({ q: "warm", course: null });
  const one = await searchLessons({ q: "warm", course: "warm-up-basics" });
  expect(one.total).toBeGreaterThan(0);
  expect(one.results.every((r) => r.href.startsWith("/courses/warm-up-basics/"))).toBe(true);
  expect(all.total).toBeGreaterThanOrEqual(one.total);
  expect((await searchLessons({ q: "ice", course: "warm-up-basics" })).total).toBe(0);
});

test("search syntax and hostile text never fail: quotes, or, minus, tsquery operators, stop words, markup", async () => {
  for (const q of ['"apply ice"', "ice or heat", "ice -cold", "ice & | ! :* ( )", "the", "<script>alert(1)</script>", "'; DROP TABLE \"Lesson\"; --", "%_\\"]) {
    const found = await searchLessons({ q, course: null });
    expect(found.results.length, q).toBeLessThanOrEqual(30);
  }
  expect((await searchLessons({ q: "the", course: null })).total).toBe(0);
  expect((await searchLessons({ q: '"apply ice"', course: null })).results[0].href).toContain("#2-apply-ice-for-20-minutes");
  expect((await searchLessons({ q: "ice -cold", course: null })).results.map((r) => r.href)).not.toContain("/courses/back-care/responding-to-injury#2-apply-ice-for-20-minutes");
  expect(await db.lesson.count()).toBeGreaterThan(0);
});

test("an edited lesson is found by its new words at once, not its old ones; a retired course drops out", async () => {
  const fixtures = scratchFixtures();
  await syncContent(db, useContent(path.resolve("content"), fixtures));
  expect((await searchLessons({ q: "staircase", course: null })).total).toBeGreaterThan(0);
  const lesson = path.join(fixtures, "courses/warm-up-basics/lessons/02-planning-the-sequence.mdx");
  writeFileSync(lesson, `${readFileSync(lesson, "utf8")}\n## Kettlebell finisher\n\nA zephyrine swing to end on.\n`);
  await syncContent(db, useContent(path.resolve("content"), fixtures));
  const added = await searchLessons({ q: "zephyrine", course: null });
  expect(added.results.map((r) => r.href)).toEqual(["/courses/warm-up-basics/planning-the-sequence#kettlebell-finisher"]);

  const courseFile = path.join(fixtures, "courses/warm-up-basics/course.mdx");
  writeFileSync(courseFile, readFileSync(courseFile, "utf8").replace("order: 90", "order: 90\nstatus: retired"));
  const synced = await syncContent(db, useContent(path.resolve("content"), fixtures));
  expect(synced.retired).toEqual(["warm-up-basics"]);
  expect((await searchLessons({ q: "zephyrine", course: null })).total).toBe(0);
  expect((await searchLessons({ q: "warm", course: "warm-up-basics" })).total).toBe(0);
  expect((await searchLessons({ q: "ice", course: null })).total).toBeGreaterThan(0);
});
