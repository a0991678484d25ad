import type { Metadata } from "next";
import Link from "next/link";
import { Card, linkClass, Table } from "@/components/ui";
import { getCourseFunnels, shareOfStarted, type TFunnelStage } from "@/lib/admin/funnel.server";
import { formatCount } from "@/lib/format/number";
import { requireAdminPage } from "../admin-page-guard";

export const metadata: Metadata = { title: "Courses · Admin" };
export const dynamic = "force-dynamic";

const BAR_FILL: Record<TFunnelStage["kind"], string> = {
  start: "bg-brand-700 dark:bg-brand-100",
  lesson: "bg-brand-600 dark:bg-brand-100",
  assessment: "bg-brand-800 dark:bg-brand-50",
  outcome: "bg-amber-600 dark:bg-amber-300",
};

export default async function AdminCoursesPage() {
  const admin = await requireAdminPage("/admin/courses");
  const funnels = await getCourseFunnels({ adminId: admin.id });

  return (
    <div className="space-y-8">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">Courses</h1>
          <p className="mt-1 max-w-2xl text-sm text-slate-600 dark:text-slate-400">
            How far trainers get through each course: each bar counts the trainer accounts that reached that step, as a share of those who started. For how each
            question performs, see{" "}
            <Link href="/admin/quizzes" className={linkClass}>
              item analysis
            </Link>
            .
          </p>
        </div>
        <a href="/api/admin/export/funnel" className={linkClass} download>
          Download all funnels (CSV)
        </a>
      </header>

      {funnels.length === 0 && <p className="text-slate-600 dark:text-slate-400">No courses yet. Sync the content to add them.</p>}

      {funnels.map((funnel) => {
        const started = funnel.stages[0]?.count ?? 0;
        const headingId = `funnel-${funnel.slug}`;
        return (
          <Card key={funnel.id} aria-labelledby={headingId}>
            <h2 id={headingId} className="text-lg font-semibold">
              {funnel.title}
              {funnel.archived && " "}
              {funnel.archived && <span className="ml-2 text-sm font-normal text-slate-600 dark:text-slate-400">(retired)</span>}
            </h2>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
              {formatCount(started)} trainer{started === 1 ? "" : "s"} started; {formatCount(funnel.stages.at(-1)?.count ?? 0)} hold a certificate.
            </p>
            {/* The bars are a picture of the table beside them: hidden from screen readers, which read the table. */}
            <Table id={`${headingId}-table`} layout="fit" className="mt-4" caption={`Completion funnel for ${funnel.title}: trainers reaching each step`} captionHidden>
                <thead className="text-slate-700 dark:text-slate-300">
                  <tr className="border-b border-slate-200 dark:border-slate-800">
                    <th scope="col" className="py-2 pr-3 font-medium">
                      Step
                    </th>
                    <th scope="col" className="hidden w-2/5 py-2 pr-3 font-medium sm:table-cell">
                      <span className="sr-only">Bar</span>
                    </th>
                    <th scope="col" className="py-2 pr-3 text-right font-medium">
                      Trainers
                    </th>
                    <th scope="col" className="py-2 text-right font-medium">
                      % of started
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {funnel.stages.map((stage) => {
                    const share = shareOfStarted(stage, funnel);
                    return (
                      <tr key={stage.key} className="border-b border-slate-100 dark:border-slate-800">
                        <th scope="row" className="py-1.5 pr-3 font-normal">
                          {stage.label}
                        </th>
                        <td className="hidden py-1.5 pr-3 sm:table-cell">
                          <div aria-hidden="true" className="h-3 w-full rounded bg-slate-100 dark:bg-slate-800">
                            <div className={`h-3 rounded ${BAR_FILL[stage.kind]}`} style={{ width: `${started > 0 ? Math.max(stage.count > 0 ? 1 : 0, share) : 0}%` }} />
                          </div>
                        </td>
                        <td className="py-1.5 pr-3 text-right tabular-nums">{formatCount(stage.count)}</td>
                        <td className="py-1.5 text-right tabular-nums">{started > 0 ? `${share}%` : "—"}</td>
                      </tr>
                    );
                  })}
                </tbody>
            </Table>
          </Card>
        );
      })}
    </div>
  );
}
