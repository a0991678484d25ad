import { z } from "zod";
import { ZCourseApprovals, ZCourseProvider, ZIsoDate } from "@/lib/credits/course-approval";

// Frontmatter of content/courses/<slug>/course.mdx and lessons/NN-<slug>.mdx. Authors see these
// messages from `npm run content:check`, so they say what to write.

export const ZSlug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be kebab-case (lowercase letters, digits, hyphens)")
  .max(80);

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

export const COURSE_LEVELS = ["introductory", "intermediate", "advanced"] as const;

/** Default share of a lesson's estimated time a trainer must be observed on before completing it. */
export const DEFAULT_MIN_OBSERVED_SHARE = 0.5;

function ZAccreditationFields() {
  return z.strictObject({
    provider: ZCourseProvider,
    // Per certifying body; a body left out is "not submitted" and earns no figure.
    approvals: ZCourseApprovals.default({}),
    authors: z.array(ZPerson).min(1).max(10),
    reviewers: z.array(ZPerson).max(10).default([]),
    published: ZIsoDate,
    lastReviewed: ZIsoDate,
    audience: z.string().trim().min(3).max(300),
    level: z.enum(COURSE_LEVELS),
    prerequisites: z.array(z.string().trim().min(3).max(300)).max(10).default([]),
    references: z.array(ZReference).max(30).default([]),
    disclaimer: z.string().trim().min(20).max(1_500),
    minObservedShare: z.number().min(0).max(1).default(DEFAULT_MIN_OBSERVED_SHARE),
  });
}

/** The course-level accreditation block as stored on Course and CourseRevision (parse to read it). */
export const ZCourseAccreditation = ZAccreditationFields();
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
