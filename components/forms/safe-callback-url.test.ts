import { describe, expect, test } from "vitest";
import { DEFAULT_AFTER_SIGN_IN, safeCallbackUrl } from "./safe-callback-url";

describe("safeCallbackUrl", () => {
  test.each([
    ["/account", "/account"],
    ["/courses/back-care?x=1#top", "/courses/back-care?x=1#top"],
    [null, DEFAULT_AFTER_SIGN_IN],
    ["", DEFAULT_AFTER_SIGN_IN],
    ["https://evil.example/", DEFAULT_AFTER_SIGN_IN],
    ["//evil.example/", DEFAULT_AFTER_SIGN_IN],
    ["/\\evil.example", DEFAULT_AFTER_SIGN_IN],
    ["/%5Cevil", "/%5Cevil"],
    ["javascript:alert(1)", DEFAULT_AFTER_SIGN_IN],
    ["/\tfoo", DEFAULT_AFTER_SIGN_IN],
    ["account", DEFAULT_AFTER_SIGN_IN],
  ])("%s -> %s", (raw, expected) => {
    expect(safeCallbackUrl(raw)).toBe(expected);
  });
});
