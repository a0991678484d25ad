import { z } from "zod";
import { ZCourseApprovals, ZCourseProvider, ZIsoDate } from "@/lib/credits/course-approval";

// Frontmatter of content/courses/<slug>/course.mdx and lessons/NN-<slug>.mdx. Authors see these
// messages from `npm run content:check`, so they say what to write.

export const ZSlug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be kebab-case (lowercase letters, digits, hyphens)")
  .max(80);

export const ZChangelogEntry = z.strictObject({
  version: z.string().regex(/^\d+\.\d+(\.\d+)?$/, "must look like 1.1.0"),
  changes: z.array(z.string().trim().min(3).max(300)).min(1).max(20),
});
export type TChangelogEntry = z.infer<typeof ZChangelogEntry>;

// What a certifying body's reviewer asks of a course (docs/decisions/007): who provides it and
// under which numbers, which body approved it for how much credit and until when, who wrote and
// reviewed it, when, for whom, what it rests on, and its limits. Stored with each course revision.
const ZPerson = z.strictObject({
  name: z.string().trim().min(2).max(120),
  credentials: z.string().trim().min(2).max(200),
});

const ZReference = z.strictObject({
  title: z.string().trim().min(3).max(300),
  author: z.string().trim().min(2).max(200).optional(),
  publisher: z.string().trim().min(2).max(200).optional(),
  year: z.number().int().min(1900).max(2100).optional(),
  url: z.url({ protocol: /^https?$/ }).max(500).optional(),
  note: z.string().trim().min(3).max(400).optional(),
});

const COURSE_LEVELS = ["introductory", "intermediate", "advanced"] as const;

/** Default share of a lesson's estimated time a trainer must be observed on before completing it. */
export const DEFAULT_MIN_OBSERVED_SHARE = 0.5;

function ZAccreditationFields() {
  return z.strictObject({
    provider: ZCourseProvider.describe("Who provides the course: `name`, and `numbers` (the provider number each body gave you, keyed by body). Printed on certificates and transcripts."),
    // Per certifying body; a body left out is "not submitted" and earns no figure.
    approvals: ZCourseApprovals.default({}).describe(
      "Per body: `status` (`approved`, `pending`, `not-submitted`), and for `approved` the `approvalNumber`, the approved `credit`, `validFrom` and `validUntil`. A body earns credit only through an approval valid on the completion date; others see the contact hours and no figure.",
    ),
    authors: z.array(ZPerson).min(1).max(10).describe("Who wrote the course: `name` and `credentials` each."),
    reviewers: z.array(ZPerson).max(10).default([]).describe("Who reviewed it: `name` and `credentials` each."),
    published: ZIsoDate.describe("First published, `YYYY-MM-DD`."),
    lastReviewed: ZIsoDate.describe("Last reviewed for accuracy, `YYYY-MM-DD`; shown on the course page."),
    audience: z.string().trim().min(3).max(300).describe("Who the course is for."),
    level: z.enum(COURSE_LEVELS).describe("How advanced the course is."),
    prerequisites: z.array(z.string().trim().min(3).max(300)).max(10).default([]).describe("What a trainer should know or hold first."),
    references: z.array(ZReference).max(30).default([]).describe("What the course rests on: `title`, and optionally `author`, `publisher`, `year`, `url`, `note`."),
    disclaimer: z.string().trim().min(20).max(1_500).describe("The course's limits (scope of practice, not medical advice); shown on the course page."),
    minObservedShare: z
      .number()
      .min(0)
      .max(1)
      .default(DEFAULT_MIN_OBSERVED_SHARE)
      .describe("Share of a lesson's estimated learning time the server must observe before the lesson can be completed."),
  });
}

/** The course-level accreditation block as stored on Course and CourseRevision (parse to read it). */
const ZCourseAccreditation = ZAccreditationFields();
export type TCourseAccreditation = z.infer<typeof ZCourseAccreditation>;

/** The accreditation fields of a parsed frontmatter, for storing. */
export function pickAccreditation(fm: TCourseFrontmatter): TCourseAccreditation {
  const keys = Object.keys(ZCourseAccreditation.shape) as (keyof TCourseAccreditation)[];
  return Object.fromEntries(keys.map((k) => [k, fm[k]])) as TCourseAccreditation;
}

export const ZCourseFrontmatter = z.strictObject({
  title: z.string().trim().min(3).max(120),
  summary: z.string().trim().min(10).max(400),
  version: z.string().regex(/^\d+\.\d+(\.\d+)?$/, "must look like 1.0.0"),
  order: z.number().int().min(0).default(0),
  contactHours: z.number().positive().max(100),
  objectives: z.array(z.string().trim().min(3).max(300)).min(1).max(12),
  ...ZAccreditationFields().shape,
  // Lifecycle (docs/decisions/010): "retired" closes open attempts and hides the course; every
  // record stays. The changelog is what trainers who completed an earlier version are shown.
  status: z.enum(["active", "retired"]).default("active"),
  changelog: z.array(ZChangelogEntry).max(50).default([]),
});
export type TCourseFrontmatter = z.infer<typeof ZCourseFrontmatter>;

export const ZLessonFrontmatter = z.strictObject({
  title: z.string().trim().min(3).max(120),
  summary: z.string().trim().min(10).max(400),
  minutes: z.number().int().min(1).max(240),
  objectives: z.array(z.string().trim().min(3).max(300)).min(1).max(8),
});
export type TLessonFrontmatter = z.infer<typeof ZLessonFrontmatter>;

/** The accreditation stored on a Course or CourseRevision row; null for rows written before it existed. */
export function readStoredAccreditation(value: unknown): TCourseAccreditation | null {
  const parsed = ZCourseAccreditation.safeParse(value);
  return parsed.success ? parsed.data : null;
}
