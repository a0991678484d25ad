import { expect, test } from "vitest";
import { hasMalformedEscape } from "./malformed-url";

test.each([
  ["/verify/BKCE-%ZZ", true],
  ["/courses/%ZZ", true],
  ["/api/certificates/%ZZ/pdf", true],
  ["/verify/%", true],
  ["/verify/%E0%A4%A", true], // truncated UTF-8 sequence
  ["/verify/%C3%28", true], // invalid UTF-8
  ["/verify/BKCE-7K3M9", false],
  ["/verify/bkce%2000000", false],
  ["/courses/caf%C3%A9", false],
  ["/", false],
])("hasMalformedEscape(%s) is %s", (pathname, expected) => {
  expect(hasMalformedEscape(pathname)).toBe(expected);
});
