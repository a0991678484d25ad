import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { describe, expect, test } from "vitest";
import { listLessonSections } from "@/lib/content/lesson-sections";
import { HIGHLIGHT_START, HIGHLIGHT_STOP, mdxToPlainText, splitLessonSections } from "./split-lesson-sections";

describe("mdxToPlainText", () => {
  test.each([
    ["links keep their text", "See [bringing it together](/courses/back-care/bringing-it-together) later.", "See bringing it together later."],
    ["images keep their alt text", "![A neutral spine](images/spine.svg)", "A neutral spine"],
    ["emphasis and code marks go", "**start lighter** and *move* on `slowly`, _gently_", "start lighter and move on slowly, gently"],
    ["snake_case stays", "the lesson_slug field", "the lesson_slug field"],
    ["list markers and quotes go", "- one\n* two\n1. three\n> quoted", "one two three quoted"],
    ["deeper headings stay as text", "#### Small heading\ntext", "Small heading text"],
    ["component props that show text are kept", '<Callout type="scope" title="Refer, do not treat">\n\nBody.\n\n</Callout>', "Refer, do not treat. Body."],
    ["a caption over a self-closing diagram", '<Figure caption="Stop, ice, rest">\n  <InjuryResponseDiagram />\n</Figure>', "Stop, ice, rest."],
    ["arrays of strings in a multi-line tag", '<ExerciseCard\n  name="Bird dog"\n  cues={["Brace first.", "Reach long"]}\n  minutes={5}\n/>', "Bird dog. Brace first. Reach long."],
    ["configuration props are silent", '<Activity kind="practical" minutes={5} title="Feel a brace">', "Feel a brace."],
    ["a diagram's highlight prop is configuration", '<BalanceTriangleDiagram highlight="strength" />', ""],
    ["a > inside a quoted prop does not end the tag", '<Callout title="a > b">x</Callout>', "a > b. x"],
    ["comments, imports and plain HTML go", 'import X from "y"\n{/* note */}<!-- hidden -->a<br/>b', "a b"],
    ["the highlight markers never come from content", `ice${HIGHLIGHT_START}cold${HIGHLIGHT_STOP}`, "icecold"],
    ["whitespace collapses", "a\n\n  b\tc", "a b c"],
  ])("%s", (_name, source, expected) => {
    expect(mdxToPlainText(source)).toBe(expected);
  });
});

describe("splitLessonSections", () => {
  test("cuts at h2/h3, numbers repeated headings, keeps the intro and skips code fences", () => {
    const body = ["Intro text.", "", "## Standing", "Stand tall.", "### Sitting *tall*", "```", "## Not a heading", "```", "## Standing", "#### Too deep", "More.", "## Empty", "## Last", "End."].join("\n");
    expect(splitLessonSections(body, { title: "Posture", summary: "How to *stand*." })).toEqual([
      { position: 0, heading: "Posture", anchor: null, body: "How to stand. Intro text." },
      { position: 1, heading: "Standing", anchor: "standing", body: "Stand tall." },
      { position: 2, heading: "Sitting tall", anchor: "sitting-tall", body: "Not a heading" },
      { position: 3, heading: "Standing", anchor: "standing-2", body: "Too deep More." },
      { position: 4, heading: "Empty", anchor: "empty", body: "" },
      { position: 5, heading: "Last", anchor: "last", body: "End." },
    ]);
  });

  test("the lesson's top is always section 0, so its title can be found when it opens with a heading", () => {
    expect(splitLessonSections("## Only\ntext", { title: "T" })).toEqual([
      { position: 0, heading: "T", anchor: null, body: "" },
      { position: 1, heading: "Only", anchor: "only", body: "text" },
    ]);
  });

  test("a numbered heading keeps its number (it is not a list item)", () => {
    expect(splitLessonSections("### 2. Apply ice for 20 minutes\nIce.", { title: "T" })[1]).toMatchObject({ heading: "2. Apply ice for 20 minutes", anchor: "2-apply-ice-for-20-minutes" });
  });

  // The anchors must be the ids the lesson page renders, or a result would land at the top.
  const lessonsDir = path.resolve("content/courses/back-care/lessons");
  test.each(readdirSync(lessonsDir).filter((f) => f.endsWith(".mdx")))("anchors of %s are the lesson page's heading ids", (file) => {
    const { content, data } = matter(readFileSync(path.join(lessonsDir, file), "utf8"));
    const sections = splitLessonSections(content, { title: String(data.title), summary: String(data.summary) });
    expect(sections.filter((s) => s.anchor).map((s) => s.anchor)).toEqual(listLessonSections(content).map((s) => s.id));
    expect(sections.every((s) => !/[<>{}]|\]\(/.test(s.body))).toBe(true);
  });
});
