import { z } from "zod";

// Every row id the app accepts from an address, a form or a query string: cuid()s and the readable
// ids seeds and tests use (letters, digits, "_" and "-", at most 64). Checked before any query, so a
// malformed id is a 4xx or a 404, never a database error.
export const ZId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be an id");

/** Route params of the form /…/[id]/… */
export const ZIdParams = z.object({ id: ZId });

export function isId(value: unknown): value is string {
  return ZId.safeParse(value).success;
}
