import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, test } from "vitest";

// The contact-hours rule end to end: `npm run content:check` over a fixture course whose only
// lesson claims 60 minutes for 300 words must fail, naming the file and both figures.
test("content:check fails on a lesson that claims 60 minutes for 300 words", () => {
  const fixture = path.resolve("tests/fixtures/over-claimed-content");
  const run = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/content-check.ts"], {
    encoding: "utf8",
    env: { ...process.env, CONTENT_DIR: fixture, EXTRA_CONTENT_DIR: "" },
    timeout: 120_000,
  });
  expect(run.status).toBe(1);
  const lessonFile = path.join(fixture, "courses/over-claimed/lessons/01-only-lesson.mdx");
  const line = run.stderr.split("\n").find((l) => l.includes(lessonFile) && l.includes("declares"));
  expect(line).toBeDefined();
  expect(line).toContain("declares 60 minutes");
  expect(line).toContain("estimated learning time is 1.5 minutes");
  expect(line).toContain("300 words at 200 words a minute");
}, 150_000);
