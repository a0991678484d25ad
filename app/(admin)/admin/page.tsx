import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { cardClass, linkClass } from "@/components/ui";
import { getOverview, passRate } from "@/lib/admin/overview.server";
import { formatCec } from "@/lib/credits/cec-amount";
import { formatShortDate } from "@/lib/format/calendar-date";
import { formatCount } from "@/lib/format/number";
import { requireAdminPage } from "./admin-page-guard";
import { WeeklyBarChart } from "./weekly-bar-chart";

export const metadata: Metadata = { title: "Overview · Admin" };
export const dynamic = "force-dynamic";

const PRIMARY_FILL = "fill-brand-600 dark:fill-brand-100";
const SECONDARY_FILL = "fill-slate-300 dark:fill-slate-600";

function Stat({ label, value, detail, children }: { label: string; value: string; detail?: string; children?: ReactNode }) {
  return (
    <div className={cardClass}>
      <dt className="text-sm text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="mt-1 text-2xl font-bold tabular-nums">{value}</dd>
      {detail && <dd className="mt-1 text-sm text-slate-600 dark:text-slate-400">{detail}</dd>}
      {children && <dd className="mt-2 text-sm">{children}</dd>}
    </div>
  );
}

function shortWeek(iso: string): string {
  return formatShortDate(iso).replace(/, \d{4}$/, "");
}

export default async function AdminOverviewPage() {
  const admin = await requireAdminPage("/admin");
  const overview = await getOverview({ adminId: admin.id });
  const { totals, weeks, activeDays } = overview;
  const labels = weeks.map((w) => shortWeek(w.weekStart));
  const rowLabels = weeks.map((w) => `Week of ${formatShortDate(w.weekStart)}`);
  const sum = (pick: (w: (typeof weeks)[number]) => number) => weeks.reduce((n, w) => n + pick(w), 0);
  const span = `the last ${weeks.length} weeks (weeks start Monday, UTC; the latest is still in progress)`;
  const rate = passRate(totals.passed, totals.attempts);
  const recentRate = passRate(totals.passedRecent, totals.attemptsRecent);

  return (
    <div className="space-y-10">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">Overview</h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Figures marked “recent” cover the last {activeDays} days.</p>
        </div>
        <a href="/api/admin/export/weekly" className={linkClass} download>
          Download weekly figures (CSV)
        </a>
      </header>

      <section aria-labelledby="totals-heading">
        <h2 id="totals-heading" className="sr-only">
          Totals
        </h2>
        <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <Stat
            label={`Active trainers (${activeDays} days)`}
            value={formatCount(totals.activeTrainersRecent)}
            detail={`of ${formatCount(totals.trainers)} enabled trainer accounts; ${formatCount(totals.newTrainersRecent)} joined recently`}
          />
          <Stat label="Lessons completed" value={formatCount(totals.lessonsCompleted)} detail={`${formatCount(totals.lessonsCompletedRecent)} recently`} />
          <Stat
            label="Final assessment attempts"
            value={formatCount(totals.attempts)}
            detail={`Pass rate ${rate === null ? "—" : `${rate}%`} overall; ${formatCount(totals.attemptsRecent)} recent attempts, ${recentRate === null ? "—" : `${recentRate}%`} passed`}
          />
          <Stat label="Credit awarded" value={formatCec(totals.creditsAwardedHundredths)} detail={`${formatCec(totals.creditsAwardedRecentHundredths)} recently (course awards, all bodies)`} />
          <Stat label="Certificates issued" value={formatCount(totals.certificatesIssued)} detail={`${formatCount(totals.certificatesIssuedRecent)} recently`} />
          <Stat label="Certificate queue" value={formatCount(totals.certificateQueue)} detail="requests waiting to be issued">
            <Link href="/admin/certificates" className={linkClass}>
              Open the certificate queue
            </Link>
          </Stat>
        </dl>
      </section>

      <section aria-labelledby="trends-heading">
        <h2 id="trends-heading" className="text-xl font-semibold">
          Week by week
        </h2>
        <div className="mt-4 grid grid-cols-1 gap-4 lg:grid-cols-2">
          <WeeklyBarChart
            id="chart-active"
            title="Active trainers per week"
            summary={`Trainers who opened a lesson or started an assessment, per week over ${span}. This week so far: ${formatCount(weeks.at(-1)?.activeTrainers ?? 0)}.`}
            labels={labels}
            rowLabels={rowLabels}
            series={[{ key: "active", label: "Active trainers", values: weeks.map((w) => w.activeTrainers), fill: PRIMARY_FILL }]}
          />
          <WeeklyBarChart
            id="chart-lessons"
            title="Lessons completed per week"
            summary={`${formatCount(sum((w) => w.lessonsCompleted))} lessons completed over ${span}.`}
            labels={labels}
            rowLabels={rowLabels}
            series={[{ key: "lessons", label: "Lessons completed", values: weeks.map((w) => w.lessonsCompleted), fill: PRIMARY_FILL }]}
          />
          <WeeklyBarChart
            id="chart-attempts"
            title="Final assessment attempts per week"
            summary={`${formatCount(sum((w) => w.attempts))} graded attempts over ${span}, of which ${formatCount(sum((w) => w.passed))} passed (${passRate(sum((w) => w.passed), sum((w) => w.attempts)) ?? "—"}%). Bars stack passed attempts under attempts that did not pass.`}
            labels={labels}
            rowLabels={rowLabels}
            series={[
              { key: "passed", label: "Passed", values: weeks.map((w) => w.passed), fill: PRIMARY_FILL },
              { key: "failed", label: "Not passed", values: weeks.map((w) => w.attempts - w.passed), fill: SECONDARY_FILL },
            ]}
            extraColumns={[{ label: "Pass rate", value: (i) => (weeks[i].attempts > 0 ? `${passRate(weeks[i].passed, weeks[i].attempts)}%` : "—") }]}
          />
          <WeeklyBarChart
            id="chart-credits"
            title="Credit awarded per week"
            summary={`${formatCec(sum((w) => w.creditsAwardedHundredths))} credits awarded for completed courses over ${span}.`}
            labels={labels}
            rowLabels={rowLabels}
            series={[{ key: "credits", label: "Credit awarded", values: weeks.map((w) => w.creditsAwardedHundredths), fill: PRIMARY_FILL }]}
            formatValue={formatCec}
          />
          <WeeklyBarChart
            id="chart-certificates"
            title="Certificates issued per week"
            summary={`${formatCount(sum((w) => w.certificatesIssued))} certificates issued over ${span}.`}
            labels={labels}
            rowLabels={rowLabels}
            series={[{ key: "certificates", label: "Certificates issued", values: weeks.map((w) => w.certificatesIssued), fill: PRIMARY_FILL }]}
          />
          <WeeklyBarChart
            id="chart-joined"
            title="New trainer accounts per week"
            summary={`${formatCount(sum((w) => w.newTrainers))} trainers joined over ${span}.`}
            labels={labels}
            rowLabels={rowLabels}
            series={[{ key: "joined", label: "New trainers", values: weeks.map((w) => w.newTrainers), fill: PRIMARY_FILL }]}
          />
        </div>
      </section>

      <section aria-labelledby="more-heading">
        <h2 id="more-heading" className="text-xl font-semibold">
          More
        </h2>
        <ul className="mt-3 grid grid-cols-1 gap-2 text-sm sm:grid-cols-2">
          <li>
            <Link href="/admin/trainers" className={linkClass}>
              Trainers
            </Link>
            : search by name, email or certification number; filter by body, cycle and course status.
          </li>
          <li>
            <Link href="/admin/courses" className={linkClass}>
              Courses
            </Link>
            : how far trainers get through each course.
          </li>
          <li>
            <Link href="/admin/quizzes" className={linkClass}>
              Quizzes
            </Link>
            : item analysis and regrading.
          </li>
          <li>
            <Link href="/admin/audit" className={linkClass}>
              Audit log
            </Link>
            : who did what, and when.
          </li>
        </ul>
      </section>
    </div>
  );
}
