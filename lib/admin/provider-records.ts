import { z } from "zod";
import { formatCec } from "@/lib/credits/cec-amount";
import { BODY_RULES, type TCertifyingBody } from "@/lib/credits/certifying-bodies";
import { ZCalendarDate } from "@/lib/credits/cycle";
import type { TCsvValue } from "@/lib/csv";

// Provider records: every course completion with what a certifying body's audit asks for (who,
// which certification, which course revision under which approval, hours, credit, score, dates
// and the evidence behind it). Pure: the page, the CSV and the tests share these rules.

/** ?course=<slug>&from=YYYY-MM-DD&to=YYYY-MM-DD (UTC days, inclusive); all optional. */
export const ZProviderRecordFilters = z
  .object({
    course: z
      .string()
      .regex(/^[a-z0-9-]{1,80}$/, "must be a course slug")
      .optional(),
    from: ZCalendarDate.optional(),
    to: ZCalendarDate.optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "“to” must not be before “from”", path: ["to"] });
export type TProviderRecordFilters = z.infer<typeof ZProviderRecordFilters>;

/** Reads the filters from a query string; empty values count as absent. */
export function readProviderRecordFilters(params: URLSearchParams | Record<string, string | string[] | undefined>): unknown {
  const get = (key: string) => {
    const v = params instanceof URLSearchParams ? params.get(key) : params[key];
    const text = (Array.isArray(v) ? v[0] : v)?.trim();
    return text ? text : undefined;
  };
  return { course: get("course"), from: get("from"), to: get("to") };
}

/** The completion window as instants: from the start of `from` to the end of `to` (UTC). */
export function recordWindow(filters: TProviderRecordFilters): { gte?: Date; lt?: Date } {
  const window: { gte?: Date; lt?: Date } = {};
  if (filters.from) window.gte = new Date(`${filters.from}T00:00:00.000Z`);
  if (filters.to) window.lt = new Date(new Date(`${filters.to}T00:00:00.000Z`).getTime() + 24 * 60 * 60 * 1000);
  return window;
}

export type TLessonEvidenceRow = { slug: string; observedSeconds: number; requiredSeconds: number; completedAt: string | null };

export type TProviderRecord = {
  id: string;
  trainerName: string;
  trainerEmail: string;
  certifyingBody: TCertifyingBody | null;
  certificationNumber: string | null;
  courseSlug: string;
  courseTitle: string;
  courseVersion: string;
  courseRevision: number;
  providerNumber: string | null;
  approvalNumber: string | null;
  contactMinutes: number;
  creditHundredths: number;
  scorePercent: number | null;
  attemptNumber: number | null;
  attestedAt: Date | null;
  startedAt: Date;
  completedAt: Date;
  lessons: TLessonEvidenceRow[];
  creditNote: string | null;
};

export const PROVIDER_RECORD_CSV_HEADER = [
  "completion_id",
  "trainer_name",
  "trainer_email",
  "certifying_body",
  "certification_number",
  "course",
  "course_title",
  "course_version",
  "course_revision",
  "provider_number",
  "approval_number",
  "contact_hours",
  "credit",
  "credit_unit",
  "score_percent",
  "attempt_number",
  "attested_at",
  "started_at",
  "completed_at",
  "lessons_completed",
  "observed_minutes",
  "required_minutes",
  "evidence",
  "credit_note",
] as const;

const minutes = (seconds: number) => (Math.round((seconds / 60) * 10) / 10).toFixed(1);

/** "first-steps 3.0/1.5 min; second-steps …": each lesson's observed and required minutes. */
export function summarizeEvidence(lessons: TLessonEvidenceRow[]): string {
  return lessons.map((l) => `${l.slug} ${minutes(l.observedSeconds)}/${minutes(l.requiredSeconds)} min${l.completedAt ? "" : " (not completed)"}`).join("; ");
}

export function providerRecordCells(r: TProviderRecord): TCsvValue[] {
  const observed = r.lessons.reduce((sum, l) => sum + l.observedSeconds, 0);
  const required = r.lessons.reduce((sum, l) => sum + l.requiredSeconds, 0);
  return [
    r.id,
    r.trainerName,
    r.trainerEmail,
    r.certifyingBody ?? "",
    r.certificationNumber ?? "",
    r.courseSlug,
    r.courseTitle,
    r.courseVersion,
    r.courseRevision,
    r.providerNumber ?? "",
    r.approvalNumber ?? "",
    (r.contactMinutes / 60).toFixed(2),
    formatCec(r.creditHundredths),
    r.certifyingBody ? BODY_RULES[r.certifyingBody].unit : "",
    r.scorePercent,
    r.attemptNumber,
    r.attestedAt,
    r.startedAt,
    r.completedAt,
    r.lessons.filter((l) => l.completedAt).length,
    minutes(observed),
    minutes(required),
    summarizeEvidence(r.lessons),
    r.creditNote ?? "",
  ];
}
