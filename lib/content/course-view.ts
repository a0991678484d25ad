import { computeCourseCredit, formatCec } from "@/lib/credits/cec-amount";
import { BODY_RULES, CERTIFYING_BODIES, type TCertifyingBody } from "@/lib/credits/certifying-bodies";
import type { TCourseSource } from "./load-content";

// What course pages show: plain data, never a quiz's questions or keys.

export type TCourseCreditView = { body: TCertifyingBody; bodyName: string; unit: string; hundredths: number; label: string; courseNumber: string | null };

export type TQuizSummary = {
  slug: string;
  title: string;
  kind: "final" | "lesson-check";
  lesson: string | null;
  questions: number;
  passMark: number;
  timeLimitMinutes: number | null;
  maxAttempts: number | null;
  cooldownMinutes: number;
};

export type TCourseView = {
  slug: string;
  title: string;
  summary: string;
  version: string;
  objectives: string[];
  contactMinutes: number;
  contactHoursLabel: string;
  credits: TCourseCreditView[];
  lessons: { slug: string; title: string; summary: string; minutes: number; objectives: string[]; order: number }[];
  finalQuiz: TQuizSummary | null;
  lessonChecks: TQuizSummary[];
};

export function courseCredits(course: Pick<TCourseSource, "contactMinutes"> & { frontmatter: { credits: TCourseSource["frontmatter"]["credits"] } }): TCourseCreditView[] {
  return CERTIFYING_BODIES.map((body) => {
    const credit = computeCourseCredit({ body, contactMinutes: course.contactMinutes, override: course.frontmatter.credits[body] });
    return {
      body,
      bodyName: BODY_RULES[body].name,
      unit: credit.unit,
      hundredths: credit.hundredths,
      label: `${formatCec(credit.hundredths)} ${credit.unit}`,
      courseNumber: credit.courseNumber,
    };
  });
}

export function formatHours(minutes: number): string {
  const hours = minutes / 60;
  return `${Number.isInteger(hours) ? hours.toFixed(1) : hours.toFixed(2).replace(/0$/, "")} contact hour${hours === 1 ? "" : "s"}`;
}

export function toCourseView(course: TCourseSource): TCourseView {
  const quizzes: TQuizSummary[] = course.quizzes.map(({ slug, quiz }) => ({
    slug,
    title: quiz.title,
    kind: quiz.kind,
    lesson: quiz.lesson ?? null,
    questions: quiz.draw ?? quiz.questions.length,
    passMark: quiz.passMark,
    timeLimitMinutes: quiz.timeLimitMinutes ?? null,
    maxAttempts: quiz.maxAttempts ?? null,
    cooldownMinutes: quiz.cooldownMinutes ?? 0,
  }));
  return {
    slug: course.slug,
    title: course.frontmatter.title,
    summary: course.frontmatter.summary,
    version: course.frontmatter.version,
    objectives: course.frontmatter.objectives,
    contactMinutes: course.contactMinutes,
    contactHoursLabel: formatHours(course.contactMinutes),
    credits: courseCredits(course),
    lessons: course.lessons.map((l) => ({
      slug: l.slug,
      title: l.frontmatter.title,
      summary: l.frontmatter.summary,
      minutes: l.frontmatter.minutes,
      objectives: l.frontmatter.objectives,
      order: l.order,
    })),
    finalQuiz: quizzes.find((q) => q.kind === "final") ?? null,
    lessonChecks: quizzes.filter((q) => q.kind === "lesson-check"),
  };
}
