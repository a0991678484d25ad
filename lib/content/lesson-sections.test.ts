import { expect, test } from "vitest";
import { listLessonSections, slugifyHeading } from "./lesson-sections";

test("slugifyHeading matches the ids lesson pages give their headings", () => {
  expect(slugifyHeading("The two-day decision: refer if the pain lasts")).toBe("the-two-day-decision-refer-if-the-pain-lasts");
  expect(slugifyHeading("2. Apply ice for 20 minutes")).toBe("2-apply-ice-for-20-minutes");
  expect(slugifyHeading("Observe, don't diagnose")).toBe("observe-dont-diagnose");
  expect(slugifyHeading("!!!")).toBe("section");
});

test("listLessonSections reads h2 and h3 headings, numbers repeats and skips code fences", () => {
  const body = ["# Title", "## Standing", "text", "### Sitting *tall*", "```", "## Not a heading", "```", "## Standing", "#### Too deep", "## [Linked](/x) heading"].join("\n");
  expect(listLessonSections(body)).toEqual([
    { id: "standing", title: "Standing" },
    { id: "sitting-tall", title: "Sitting tall" },
    { id: "standing-2", title: "Standing" },
    { id: "linked-heading", title: "Linked heading" },
  ]);
});
