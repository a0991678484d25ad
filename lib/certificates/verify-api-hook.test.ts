import { expect, test } from "vitest";
import { verifyApiCode } from "./verify-api-hook";

// scripts/serve.ts answers only what the route /api/verify/[code] would: one segment after the prefix.
test.each([
  ["/api/verify/BKCE-12345-67890-ABCDE-FGHJK-MNPQRS", "BKCE-12345-67890-ABCDE-FGHJK-MNPQRS"],
  ["/api/verify/not%20a%20code", "not%20a%20code"],
  ["/api/verify/", null],
  ["/api/verify", null],
  ["/api/verify/a/b", null],
  ["/api/verify/a/", null],
  ["/verify/BKCE-12345", null],
  ["/x/api/verify/BKCE-12345", null],
])("%s → %s", (path, code) => expect(verifyApiCode(path)).toBe(code));
