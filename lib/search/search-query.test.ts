import { expect, test } from "vitest";
import { sectionHref, ZLessonSearchQuery } from "./search-query";

test.each([
  ["nothing", {}, { ok: true, value: { q: "", course: null } }],
  ["trimmed and NFC", { q: "  Cafe\u0301 " }, { ok: true, value: { q: "Café", course: null } }],
  ["a course filter", { q: "ice", course: "back-care" }, { ok: true, value: { q: "ice", course: "back-care" } }],
  ["an empty course means all", { q: "ice", course: "" }, { ok: true, value: { q: "ice", course: null } }],
  ["a repeated parameter counts once", { q: ["ice", "heat"] }, { ok: true, value: { q: "ice", course: null } }],
  ["NUL refused", { q: "ice\u0000" }, { ok: false }],
  ["bidi override refused", { q: "\u202Eice" }, { ok: false }],
  ["zero-width space refused", { q: "i\u200Bce" }, { ok: false }],
  ["too long refused", { q: "x".repeat(101) }, { ok: false }],
  ["a course that is no slug refused", { q: "ice", course: "../etc" }, { ok: false }],
] as [string, unknown, { ok: boolean; value?: unknown }][])("%s", (_name, input, expected) => {
  const parsed = ZLessonSearchQuery.safeParse(input);
  expect(parsed.success).toBe(expected.ok);
  if (parsed.success) expect(parsed.data).toEqual(expected.value);
});

test("links land on the section's heading, or the lesson's top", () => {
  expect(sectionHref("back-care", "responding-to-injury", "2-apply-ice-for-20-minutes")).toBe("/courses/back-care/responding-to-injury#2-apply-ice-for-20-minutes");
  expect(sectionHref("back-care", "posture", null)).toBe("/courses/back-care/posture");
});
