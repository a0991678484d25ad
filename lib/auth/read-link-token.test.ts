import { describe, expect, it } from "vitest";
import { readLinkToken } from "./account-schemas";

const good = "a".repeat(43);

describe("readLinkToken", () => {
  it.each([
    { raw: undefined, token: null, broken: false },
    { raw: "", token: null, broken: false },
    { raw: good, token: good, broken: false },
    { raw: [good, "other"], token: good, broken: false },
    { raw: good.slice(0, 10), token: null, broken: true },
    { raw: `${good}%3D`, token: null, broken: true },
  ])("$raw → token $token, broken $broken", ({ raw, token, broken }) => {
    expect(readLinkToken(raw)).toEqual({ token, broken });
  });
});
