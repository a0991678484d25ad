import { describe, expect, test } from "vitest";
import { changesSince, compareVersions, courseUpdate, versionAt } from "./course-lifecycle";

describe("compareVersions", () => {
  test.each([
    ["1.0.0", "1.0.0", 0],
    ["1.0", "1.0.0", 0],
    ["1.1.0", "1.0.9", 1],
    ["1.10.0", "1.9.0", 1],
    ["2.0", "10.0", -1],
  ])("%s vs %s = %i", (a, b, expected) => expect(compareVersions(a, b)).toBe(expected));
});

const d = (day: number) => new Date(Date.UTC(2026, 0, day));
const revisions = [
  { version: "1.0.0", createdAt: d(1) },
  { version: "1.1.0", createdAt: d(10) },
  { version: "1.2.0", createdAt: d(20) },
];

describe("versionAt", () => {
  test.each([
    [d(5), "1.0.0"],
    [d(10), "1.1.0"],
    [d(25), "1.2.0"],
    // Completed before the first recorded revision (older databases): the first one.
    [new Date(Date.UTC(2025, 0, 1)), "1.0.0"],
  ])("at %s → %s", (at, expected) => expect(versionAt(revisions, at)).toBe(expected));
  test("no revisions → null", () => expect(versionAt([], d(1))).toBeNull());
});

describe("changesSince and courseUpdate", () => {
  const changelog = [
    { version: "1.2.0", changes: ["New lesson on breathing."] },
    { version: "1.1.0", changes: ["Clearer posture figure."] },
    { version: "1.0.0", changes: ["First release."] },
  ];
  test("lists entries after the completed version, newest first", () => {
    expect(changesSince(changelog, "1.0.0", "1.2.0").map((e) => e.version)).toEqual(["1.2.0", "1.1.0"]);
    expect(changesSince(changelog, "1.1.0", "1.1.0")).toEqual([]);
    expect(changesSince("not a changelog", "1.0.0", "2.0.0")).toEqual([]);
  });
  test.each([
    [d(5), "1.2.0", "1.0.0", 2],
    [d(15), "1.2.0", "1.1.0", 1],
    [d(25), "1.2.0", null, 0],
  ])("completed %s, current %s → completed version %s with %i change(s)", (completedAt, currentVersion, completed, count) => {
    const update = courseUpdate({ slug: "c", title: "C", currentVersion, changelog, revisions, completedAt });
    expect(update?.completedVersion ?? null).toBe(completed);
    expect(update?.changes.length ?? 0).toBe(count);
  });
});
