import { ImageResponse } from "next/og";
import { OG_SIZE, OgCard } from "@/components/og/og-card";
import { findCourse, loadLiveCourses } from "@/lib/content/load-content";
import { ogFontFamily, prepareOgText } from "@/lib/og/og-fonts.server";

// The course's Open Graph / Twitter card, prerendered with the course page (identical for
// everyone, changes only when the content does, i.e. with a new build).
export const dynamic = "force-static";
export const dynamicParams = false;
export const size = OG_SIZE;
export const contentType = "image/png";
export const alt = "Backbone CE course";

export function generateStaticParams() {
  return loadLiveCourses().map((c) => ({ course: c.slug }));
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export default async function Image({ params }: { params: Promise<{ course: string }> }) {
  const course = findCourse((await params).course);
  if (!course) return new Response("No such course", { status: 404 });
  const lessons = course.lessons.length;
  const { text, fonts } = prepareOgText({
    title: clip(course.frontmatter.title, 90),
    summary: clip(course.frontmatter.summary, 110),
    eyebrow: `Course · ${lessons} lesson${lessons === 1 ? "" : "s"}`,
  });
  return new ImageResponse(<OgCard fontFamily={ogFontFamily(fonts)} eyebrow={text.eyebrow} title={text.title} lines={[text.summary]} />, { ...OG_SIZE, fonts });
}
