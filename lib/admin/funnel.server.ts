import "server-only";
import { db } from "@/lib/db";
import { assertAdmin } from "./authorize.server";
import type { TCsvValue } from "@/lib/csv";
import { countFunnelStages, type TFunnelCountRow } from "./funnel.sql.server";
import { streamCsv } from "./stream-csv.server";

// How far trainers get through each course: started, each lesson completed, the final assessment
// attempted and passed, credit awarded, certificate issued. Counts are distinct trainer accounts
// (administrators trying a course are left out). A handful of grouped queries, whatever the
// number of trainers: each reads an index or one table once.

export type TFunnelStage = { key: string; label: string; count: number; kind: "start" | "lesson" | "assessment" | "outcome" };
export type TCourseFunnel = { id: string; slug: string; title: string; archived: boolean; stages: TFunnelStage[] };

export async function getCourseFunnels({ adminId }: { adminId: string }): Promise<TCourseFunnel[]> {
  await assertAdmin(adminId);
  const [courses, { started, lessons, finals, awarded, certified }] = await Promise.all([
    db.course.findMany({
      orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { sortOrder: "asc" }, { title: "asc" }],
      select: {
        id: true,
        slug: true,
        title: true,
        archivedAt: true,
        lessons: { where: { archivedAt: null }, orderBy: { sortOrder: "asc" }, select: { id: true, title: true } },
        quizzes: { where: { kind: "FINAL" }, select: { id: true } },
      },
    }),
    countFunnelStages(db),
  ]);
  const map = (rows: TFunnelCountRow[]) => new Map(rows.map((r) => [r.id, r.n]));
  const startedBy = map(started);
  const lessonBy = map(lessons);
  const finalBy = new Map(finals.map((r) => [r.id, r]));
  const awardedBy = map(awarded);
  const certifiedBy = map(certified);

  return courses.map((course) => {
    const stages: TFunnelStage[] = [{ key: "started", label: "Started the course", count: startedBy.get(course.id) ?? 0, kind: "start" }];
    course.lessons.forEach((lesson, i) => {
      stages.push({ key: `lesson-${lesson.id}`, label: `Completed lesson ${i + 1}: ${lesson.title}`, count: lessonBy.get(lesson.id) ?? 0, kind: "lesson" });
    });
    if (course.quizzes.length > 0) {
      const final = finalBy.get(course.id);
      stages.push({ key: "attempted", label: "Attempted the final assessment", count: final?.attempted ?? 0, kind: "assessment" });
      stages.push({ key: "passed", label: "Passed the final assessment", count: final?.passed ?? 0, kind: "assessment" });
    }
    stages.push({ key: "awarded", label: "Credit awarded", count: awardedBy.get(course.id) ?? 0, kind: "outcome" });
    stages.push({ key: "certified", label: "Certificate issued", count: certifiedBy.get(course.id) ?? 0, kind: "outcome" });
    return { id: course.id, slug: course.slug, title: course.title, archived: course.archivedAt !== null, stages };
  });
}

/** A stage as a share of those who started, rounded down to a whole percent (0 when nobody started). */
export function shareOfStarted(stage: TFunnelStage, funnel: TCourseFunnel): number {
  const started = funnel.stages[0]?.count ?? 0;
  return started > 0 ? Math.floor((stage.count * 100) / started) : 0;
}

const FUNNEL_CSV_HEADER = ["Course", "Course slug", "Step", "Stage", "Trainers", "% of started"] as const;

type TFunnelRow = { funnel: TCourseFunnel; stage: TFunnelStage; step: number; key: number };

/** Every course's funnel as CSV, one row per stage. Small (courses × stages), but streamed like every export. */
export async function streamFunnelCsv({ adminId }: { adminId: string }): Promise<ReadableStream<Uint8Array>> {
  const funnels = await getCourseFunnels({ adminId });
  const rows: TFunnelRow[] = funnels.flatMap((funnel) => funnel.stages.map((stage, i) => ({ funnel, stage, step: i + 1, key: 0 })));
  rows.forEach((row, i) => {
    row.key = i;
  });
  return streamCsv<TFunnelRow, number>({
    header: FUNNEL_CSV_HEADER,
    fetchPage: async (after, limit) => rows.slice(after === null ? 0 : after + 1, (after === null ? 0 : after + 1) + limit),
    cursorOf: (row) => row.key,
    toCells: ({ funnel, stage, step }): TCsvValue[] => [funnel.title, funnel.slug, step, stage.label, stage.count, shareOfStarted(stage, funnel)],
  });
}
