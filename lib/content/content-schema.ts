import { z } from "zod";
import { ZCourseCreditOverrides } from "@/lib/credits/cec-amount";

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

export const ZCourseFrontmatter = z.strictObject({
  title: z.string().trim().min(3).max(120),
  summary: z.string().trim().min(10).max(400),
  version: z.string().regex(/^\d+\.\d+(\.\d+)?$/, "must look like 1.0.0"),
  order: z.number().int().min(0).default(0),
  contactHours: z.number().positive().max(100),
  objectives: z.array(z.string().trim().min(3).max(300)).min(1).max(12),
  // Per-body values a body approved for this course; others follow the contact-hour rule.
  credits: ZCourseCreditOverrides.default({}),
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
