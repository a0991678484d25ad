import { formatCec, parseCecAmount } from "@/lib/credits/cec-amount";
import { BODY_RULES, CERTIFYING_BODIES, type TCertifyingBody } from "@/lib/credits/certifying-bodies";
import type { TApprovalStatus, TCourseApprovals, TCourseProvider } from "@/lib/credits/course-approval";
import { pickAccreditation, type TCourseAccreditation } from "./content-schema";
import { FIGURE_MINUTES, QUIZ_ITEM_MINUTES, READING_WORDS_PER_MINUTE } from "./estimate-learning-time";
import type { TCourseSource } from "./load-content";

// What course pages show: plain data, never a quiz's questions or keys.

export type TCourseCreditView = {
  body: TCertifyingBody;
  bodyName: string;
  unit: string;
  status: TApprovalStatus;
  /** The approved credit; null when the body has not approved the course (no figure is claimed). */
  hundredths: number | null;
  label: string;
  courseNumber: string | null;
  providerNumber: string | null;
  validFrom: string | null;
  validUntil: string | null;
  note: string | null;
};

const STATUS_LABELS: Record<TApprovalStatus, string> = { approved: "Approved", pending: "Approval pending", "not-submitted": "Not submitted" };

type TQuizSummary = {
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

type TLessonTimeView = { slug: string; title: string; declared: number; estimated: number; words: number; figures: number; activityMinutes: number; quizItems: number };

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
  accreditation: Omit<TCourseAccreditation, "approvals" | "provider"> & { provider: TCourseProvider };
  /** "How we count hours": the estimate behind each lesson's declared minutes. */
  timeMethod: { wordsPerMinute: number; figureMinutes: number; quizItemMinutes: number; lessons: TLessonTimeView[] };
};

/**
 * Each body's approval as the course states it. The page is the same for everyone and built ahead
 * of time, so it shows the approval and its dates; whether a completion falls inside them is
 * decided at completion (decideCourseCredit).
 */
function courseCredits(course: { frontmatter: { approvals: TCourseApprovals; provider: TCourseProvider } }): TCourseCreditView[] {
  return CERTIFYING_BODIES.map((body) => {
    const approval = course.frontmatter.approvals[body] ?? { status: "not-submitted" as const };
    const unit = BODY_RULES[body].unit;
    const base = { body, bodyName: BODY_RULES[body].name, unit, status: approval.status, providerNumber: course.frontmatter.provider.numbers[body] ?? null, note: approval.note ?? null };
    if (approval.status !== "approved") {
      return { ...base, hundredths: null, label: `${STATUS_LABELS[approval.status]}: no figure claimed`, courseNumber: null, validFrom: null, validUntil: null };
    }
    const hundredths = parseCecAmount(approval.credit);
    return { ...base, hundredths, label: `${formatCec(hundredths)} ${unit}`, courseNumber: approval.approvalNumber, validFrom: approval.validFrom, validUntil: approval.validUntil };
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
    accreditation: (({ approvals: _approvals, ...rest }) => rest)(pickAccreditation(course.frontmatter)),
    timeMethod: {
      wordsPerMinute: READING_WORDS_PER_MINUTE,
      figureMinutes: FIGURE_MINUTES,
      quizItemMinutes: QUIZ_ITEM_MINUTES,
      lessons: course.lessons.map((l) => ({
        slug: l.slug,
        title: l.frontmatter.title,
        declared: l.frontmatter.minutes,
        estimated: Math.round(l.estimate.minutes * 10) / 10,
        words: l.estimate.words,
        figures: l.estimate.figures,
        activityMinutes: l.estimate.activityMinutes,
        quizItems: Math.round(l.estimate.quizItems * 10) / 10,
      })),
    },
  };
}
