import { describe, expect, test } from "vitest";
import { buildRoutesFrom, chooseCsp } from "./csp-choice";

// Shaped like Next's own manifests (prerender-manifest.json, routes-manifest.json).
const routes = buildRoutesFrom(
  { routes: { "/": {}, "/_not-found": {}, "/courses": {}, "/courses/back-care": {}, "/sign-up": {}, "/forgot-password": {} } },
  {
    staticRoutes: [{ page: "/" }, { page: "/sign-in" }, { page: "/sign-up" }, { page: "/dashboard" }, { page: "/api/health" }, { page: "/verify" }],
    dynamicRoutes: [
      { regex: "^/verify/([^/]+?)(?:/)?$" },
      { regex: "^/courses/([^/]+?)/quiz/([^/]+?)(?:/)?$" },
      { regex: "^/courses/([^/]+?)/([^/]+?)(?:/)?$" },
    ],
  },
);

describe("chooseCsp", () => {
  test.each([
    ["GET", "/", "static"],
    ["GET", "/sign-up", "static"],
    ["GET", "/sign-up/", "static"],
    ["GET", "/courses/back-care", "static"],
    ["GET", "/courses/back-care/a-lesson-built-on-first-request", "static"],
    ["GET", "/sign-in", "nonce"],
    ["HEAD", "/dashboard", "nonce"],
    ["GET", "/dashboard/", "nonce"],
    ["GET", "/verify/ABCD-1234", "nonce"],
    ["GET", "/courses/back-care/quiz/final", "nonce"],
    ["GET", "/no-such-page", "static"],
    ["GET", "/_next/static/chunks/app.js", "static"],
    ["POST", "/sign-in", "static"],
  ])("%s %s → %s", (method, pathname, expected) => {
    expect(chooseCsp(method, pathname, routes)).toBe(expected);
  });
});
