import { z } from "zod";
import { ZSlug } from "@/lib/content/content-schema";
import { ZSearchText } from "@/lib/text/safe-text";

// The /search page's query string: `q` under the shared text rule (lib/text/safe-text.ts), and
// an optional course slug to search one course. A repeated parameter counts once (the first).

export const SEARCH_MAX_LENGTH = 100;
export const SEARCH_RESULT_LIMIT = 30;

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

export const ZLessonSearchQuery = z.object({
  q: z.preprocess(first, ZSearchText(SEARCH_MAX_LENGTH).optional()).transform((v) => v ?? ""),
  course: z.preprocess((v) => first(v) || undefined, ZSlug.optional()).transform((v) => v ?? null),
});
export type TLessonSearchQuery = z.infer<typeof ZLessonSearchQuery>;

/** Where a result links: the lesson page, at the section's heading when it has one. */
export function sectionHref(courseSlug: string, lessonSlug: string, anchor: string | null): string {
  return `/courses/${courseSlug}/${lessonSlug}${anchor ? `#${anchor}` : ""}`;
}
