import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CertificationCycles } from "@/components/credits/certification-cycles";
import { CompletionsWithoutCredit } from "@/components/credits/completions-without-credit";
import { CreditChart } from "@/components/credits/credit-chart";
import { Badge, buttonClass, cardClass, linkClass } from "@/components/ui";
import { getSessionUser } from "@/lib/auth/session.server";
import { formatCec } from "@/lib/credits/cec-amount";
import { listCompletedCourses, type TCompletedCourse } from "@/lib/credits/completed-courses.server";
import { cycleSeries } from "@/lib/credits/credit-chart-geometry";
import { addCalendarDays } from "@/lib/credits/cycle";
import { getCreditOverview, type TCreditOverview, type TCreditProfile } from "@/lib/credits/ledger.server";
import { cycleProgress } from "@/lib/credits/ledger-view";
import { formatLongDate } from "@/lib/format/calendar-date";
import { formatDate } from "@/lib/format/date-time";
import { TranscriptDownloads } from "@/components/credits/transcript-downloads";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dashboard" };

const card = cardClass;
const buttonPrimary = buttonClass();
const buttonSecondary = buttonClass({ variant: "secondary" });

export default async function DashboardPage() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=/dashboard");
  const [overview, completed] = await Promise.all([getCreditOverview({ userId: user.id, now: new Date() }), listCompletedCourses({ userId: user.id })]);

  if (!overview.profile || !overview.summary) {
    return (
      <div className="mx-auto max-w-3xl px-4 py-12">
        <h1 className="text-3xl font-bold tracking-tight">Dashboard</h1>
        {user.role === "ADMIN" ? (
          <div className={`${card} mt-6`}>
            <p className="text-slate-700 dark:text-slate-300">
              Hi {user.name}. Your administrator account has no certification details, so there are no credits to track here.
            </p>
            <Link href="/admin" className={`${buttonPrimary} mt-4`}>
              Go to the admin area
            </Link>
          </div>
        ) : (
          <div className={`${card} mt-6`}>
            <p className="text-slate-700 dark:text-slate-300">
              Add your certifying body, certification number and the date you were first certified, and we will track your
              continuing-education cycle here.
            </p>
            <Link href="/account" className={`${buttonPrimary} mt-4`}>
              Add certification details
            </Link>
          </div>
        )}
      </div>
    );
  }

  const { profile, summary } = overview;
  const current = summary.current;
  const isEmpty = overview.entryCount === 0 && overview.inProgress.length === 0 && overview.withoutCredit.length === 0;

  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm font-medium text-brand-700 dark:text-brand-100">
            {profile.bodyName} · Certification No. {profile.certificationNumber}
          </p>
          <h1 className="mt-1 text-3xl font-bold tracking-tight">Your continuing education</h1>
        </div>
        <nav aria-label="Credit records" className="flex flex-wrap gap-2">
          <Link href="/transcript" className={buttonSecondary}>
            View transcript
          </Link>
          <Link href="/certificates" className={buttonSecondary}>
            Certificates
          </Link>
          <TranscriptDownloads />
        </nav>
      </header>


      {current.warning && (
        <section
          aria-labelledby="deadline-heading"
          className="mt-8 rounded-xl border-l-4 border-amber-500 bg-amber-50 p-5 text-amber-950 dark:border-amber-400 dark:bg-amber-950/40 dark:text-amber-100"
        >
          <h2 id="deadline-heading" className="text-lg font-semibold">
            <span aria-hidden="true">⚠ </span>Your cycle ends in {current.daysLeft} {current.daysLeft === 1 ? "day" : "days"}
          </h2>
          <p className="mt-1">
            You still need <strong>{formatCec(current.remainingHundredths)} {profile.unit}</strong> by {formatLongDate(current.cycle.endsOn)} to meet
            your {profile.body} requirement.
          </p>
          <Link href="/courses" className="mt-3 inline-block font-medium underline underline-offset-2 hover:no-underline">
            Find a course to finish in time
          </Link>
        </section>
      )}

      <section aria-labelledby="cycle-heading" className="mt-8 grid grid-cols-1 gap-6 lg:grid-cols-3">
        <h2 id="cycle-heading" className="sr-only">
          Current certification cycle
        </h2>
        <CycleCard overview={overview} profile={profile} />
        <ProgressCard profile={profile} current={current} />
      </section>

      <RuleNote profile={profile} current={current} />
      <CourseUpdates updates={overview.updates} />

      {/* Every certification's own cycle, when there is more than one or a CPR/AED card matters. */}
      {(overview.certifications.length > 1 || overview.certifications.some((c) => c.cprAed.kind !== "not-required")) && (
        <CertificationCycles certifications={overview.certifications} />
      )}

      <CompletionsWithoutCredit items={overview.withoutCredit} className="mt-6" />

      {isEmpty ? (
        <section aria-labelledby="start-heading" className={`${card} mt-8 text-center`}>
          <h2 id="start-heading" className="text-xl font-semibold">
            No courses started yet
          </h2>
          <p className="mx-auto mt-2 max-w-xl text-slate-700 dark:text-slate-300">
            Read a course&apos;s lessons and pass its final assessment to earn {profile.unit} credit and a verifiable certificate.
          </p>
          <Link href="/courses" className={`${buttonPrimary} mt-5`}>
            Browse courses
          </Link>
        </section>
      ) : (
        <div className="mt-8 grid grid-cols-1 gap-6 lg:grid-cols-5">
          <section aria-labelledby="chart-heading" className={`${card} lg:col-span-3`}>
            <h2 id="chart-heading" className="text-lg font-semibold">
              Credit this cycle
            </h2>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
              {formatLongDate(current.cycle.startsOn)} to {formatLongDate(current.cycle.endsOn)}
              {current.requiredHundredths > 0 ? `, against the ${formatCec(current.requiredHundredths)} ${profile.unit} required` : ""}. Everything on your
              ledger: {formatCec(overview.totalHundredths)} {profile.unit}.
            </p>
            <div className="mt-4">
              <CreditChart
                points={cycleSeries(overview.series, { startsOn: current.cycle.startsOn, endsOn: current.cycle.endsOn, carriedInHundredths: current.carriedInHundredths })}
                endDate={overview.today}
                unit={profile.unit}
                id="dashboard-chart"
                title={`Credit this cycle (${profile.unit})`}
                cycle={{
                  startsOn: current.cycle.startsOn,
                  endsOn: current.cycle.endsOn,
                  carriedInHundredths: current.carriedInHundredths,
                  requiredHundredths: current.requiredHundredths,
                }}
                emptyText="No credit yet this cycle. Finish a course to start the line."
              />
            </div>
          </section>
          <InProgress overview={overview} />
        </div>
      )}

      {completed.length > 0 && <CompletedCourses courses={completed} unit={profile.unit} timeZone={overview.timeZone} />}
    </div>
  );
}

function CycleCard({ overview, profile }: { overview: TCreditOverview; profile: TCreditProfile }) {
  const current = overview.summary!.current;
  const years = profile.rule.cycleMonths / 12;
  return (
    <div className={card}>
      <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Current cycle</h3>
      <p className="mt-2 text-2xl font-bold">
        {current.daysLeft} {current.daysLeft === 1 ? "day" : "days"} left
      </p>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {years === 1 ? `Certification year ${current.cycle.index + 1}` : `Cycle ${current.cycle.index + 1} since you were certified`}
      </p>
      <dl className="mt-4 space-y-2 text-sm">
        <div className="flex justify-between gap-4">
          <dt className="text-slate-600 dark:text-slate-400">Started</dt>
          <dd className="font-medium">{formatLongDate(current.cycle.startsOn)}</dd>
        </div>
        <div className="flex justify-between gap-4">
          <dt className="text-slate-600 dark:text-slate-400">Ends</dt>
          <dd className="font-medium">{formatLongDate(current.cycle.endsOn)}</dd>
        </div>
        <div className="flex justify-between gap-4">
          <dt className="text-slate-600 dark:text-slate-400">Cycle length</dt>
          <dd className="font-medium">
            {years} {years === 1 ? "year" : "years"}
          </dd>
        </div>
      </dl>
    </div>
  );
}

function ProgressCard({ profile, current }: { profile: TCreditProfile; current: NonNullable<TCreditOverview["summary"]>["current"] }) {
  const { countedHundredths, percent } = cycleProgress(current);
  const required = current.requiredHundredths;
  const valueText = `${formatCec(countedHundredths)} of ${formatCec(required)} ${profile.unit} (${percent}%)`;
  return (
    <div className={`${card} lg:col-span-2`}>
      <h3 id="progress-label" className="text-sm font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
        {required > 0 ? `Progress toward ${formatCec(required)} ${profile.unit}` : "Credit this cycle"}
      </h3>
      {required > 0 ? (
        <>
          <p className="mt-2 text-2xl font-bold">
            {formatCec(countedHundredths)} <span className="text-base font-medium text-slate-600 dark:text-slate-400">of {formatCec(required)} {profile.unit}</span>
          </p>
          <div
            role="progressbar"
            aria-labelledby="progress-label"
            aria-valuemin={0}
            aria-valuemax={required / 100}
            aria-valuenow={Math.min(Math.max(countedHundredths, 0), required) / 100}
            aria-valuetext={valueText}
            className="mt-3 h-3 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
          >
            <div
              className={`h-full rounded-full ${current.met ? "bg-brand-600" : current.warning ? "bg-amber-500" : "bg-brand-600"}`}
              style={{ width: `${percent}%` }}
            />
          </div>
          <p className="mt-2 text-sm font-medium">
            {current.met ? (
              <span className="text-brand-700 dark:text-brand-100">Requirement met for this cycle.</span>
            ) : (
              <span>
                {formatCec(current.remainingHundredths)} {profile.unit} still needed by {formatLongDate(current.cycle.endsOn)}.
              </span>
            )}
          </p>
        </>
      ) : (
        <p className="mt-2 text-2xl font-bold">
          {formatCec(countedHundredths)} <span className="text-base font-medium text-slate-600 dark:text-slate-400">{profile.unit} earned, none required</span>
        </p>
      )}
      <dl className="mt-5 grid grid-cols-2 gap-4 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-slate-600 dark:text-slate-400">Earned this cycle</dt>
          <dd className="mt-1 text-lg font-semibold">{formatCec(current.earnedHundredths)}</dd>
        </div>
        <div>
          <dt className="text-slate-600 dark:text-slate-400">Carried forward</dt>
          <dd className="mt-1 text-lg font-semibold">{profile.rule.carryForward ? formatCec(current.carriedInHundredths) : "No carry-over"}</dd>
        </div>
        <div>
          <dt className="text-slate-600 dark:text-slate-400">Required</dt>
          <dd className="mt-1 text-lg font-semibold">{formatCec(required)}</dd>
        </div>
        <div>
          <dt className="text-slate-600 dark:text-slate-400">Still needed</dt>
          <dd className="mt-1 text-lg font-semibold">{formatCec(current.remainingHundredths)}</dd>
        </div>
      </dl>
    </div>
  );
}

function RuleNote({ profile, current }: { profile: TCreditProfile; current: NonNullable<TCreditOverview["summary"]>["current"] }) {
  const rule = profile.rule;
  const required = `${formatCec(rule.requiredPerCycleHundredths)} ${profile.unit}`;
  const period = rule.cycleMonths === 12 ? "each certification year" : `every ${rule.cycleMonths / 12} years`;
  const firstYear = rule.firstCycleExempt && current.cycle.index === 0;
  return (
    <section aria-labelledby="rules-heading" className="mt-6 rounded-xl bg-brand-50 p-5 text-sm text-slate-800 dark:bg-slate-900 dark:text-slate-200">
      <h2 id="rules-heading" className="font-semibold">
        How {profile.body} counts your credit
      </h2>
      {firstYear ? (
        <p className="mt-1">
          This is your first {profile.body} certification year, so <strong>no {profile.unit}s are due</strong> until{" "}
          {formatLongDate(current.cycle.endsOn)}. Everything you earn now counts toward your next year (and only that one), which starts{" "}
          {formatLongDate(addCalendarDays(current.cycle.endsOn, 1))} and requires {required}.
        </p>
      ) : (
        <p className="mt-1">
          {profile.body} requires {required} {period}
          {rule.firstCycleExempt ? " (none in your first year)" : ""}.{" "}
          {rule.carryForward
            ? "Credit you earn beyond a year's requirement counts toward the next year only, not the years after."
            : "Credit does not carry over from one cycle to the next."}
        </p>
      )}
      {(profile.body === "ACE" || profile.body === "NASM") && (
        <p className="mt-1">{profile.body} also requires a current CPR/AED certificate to recertify; record yours on your account page.</p>
      )}
      {profile.body === "OTHER" && (
        <p className="mt-1">We apply a common default for bodies we do not model; check your certifying body&apos;s own rules.</p>
      )}
    </section>
  );
}

function CourseUpdates({ updates }: { updates: TCreditOverview["updates"] }) {
  if (updates.length === 0) return null;
  return (
    <section aria-labelledby="updates-heading" className={`${card} mt-6`}>
      <h2 id="updates-heading" className="text-lg font-semibold">
        Updated since you completed it
      </h2>
      <ul className="mt-3 space-y-4">
        {updates.map((u) => (
          <li key={u.slug}>
            <p>
              {/* A plain link: course pages are static HTML (decision 005). */}
              <a href={`/courses/${u.slug}`} className={linkClass}>
                {u.title}
              </a>{" "}
              <span className="text-sm text-slate-600 dark:text-slate-400">
                you completed version {u.completedVersion}; it is now version {u.currentVersion}
              </span>
            </p>
            {u.changes.length > 0 && (
              <ul className="mt-1 list-disc pl-5 text-sm text-slate-700 dark:text-slate-300">
                {u.changes.flatMap((entry) => entry.changes.map((change) => <li key={`${entry.version}:${change}`}>{`${entry.version}: ${change}`}</li>))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function CompletedCourses({ courses, unit, timeZone }: { courses: TCompletedCourse[]; unit: string; timeZone: string }) {
  return (
    <section aria-labelledby="completed-heading" className={`${card} mt-8`}>
      <h2 id="completed-heading" className="text-lg font-semibold">
        Completed courses
      </h2>
      <ul className="mt-4 divide-y divide-slate-200 dark:divide-slate-800">
        {courses.map((c) => (
          <li key={c.slug} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <div className="min-w-0">
              <Link href={`/courses/${c.slug}`} className="font-medium hover:underline">
                {c.title}
              </Link>
              <p className="text-sm text-slate-600 dark:text-slate-400">
                {formatCec(c.amountHundredths)} {unit} awarded {formatDate(c.awardedAt, timeZone)}
                {c.reversed ? " · credit reversed" : ""}
              </p>
            </div>
            <div className="flex flex-wrap items-center gap-2">
              {c.certificate ? (
                <>
                  <Badge tone={c.certificate.status === "ISSUED" ? "ok" : "danger"}>{c.certificate.status === "ISSUED" ? "Certificate issued" : "Certificate revoked"}</Badge>
                  {c.certificate.status === "ISSUED" && (
                    <a href={`/api/certificates/${c.certificate.code}/pdf`} download className={buttonClass({ variant: "secondary", size: "sm" })}>
                      PDF<span className="sr-only"> certificate for {c.title}</span>
                    </a>
                  )}
                  <Link href={`/verify/${c.certificate.code}`} className={buttonClass({ variant: "secondary", size: "sm" })}>
                    Verify<span className="sr-only"> certificate for {c.title}</span>
                  </Link>
                </>
              ) : (
                <Badge tone="warn">Certificate being prepared</Badge>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function InProgress({ overview }: { overview: TCreditOverview }) {
  return (
    <section aria-labelledby="in-progress-heading" className={`${card} lg:col-span-2`}>
      <h2 id="in-progress-heading" className="text-lg font-semibold">
        Courses in progress
      </h2>
      {overview.inProgress.length === 0 ? (
        <div className="mt-3 text-sm text-slate-700 dark:text-slate-300">
          <p>Nothing in progress right now.</p>
          <Link href="/courses" className={`mt-2 inline-block ${linkClass}`}>
            Start another course
          </Link>
        </div>
      ) : (
        <ul className="mt-4 space-y-5">
          {overview.inProgress.map((course) => {
            const percent = course.totalLessons ? Math.round((course.completedLessons / course.totalLessons) * 100) : 0;
            const href = course.resumeLessonSlug ? `/courses/${course.slug}/${course.resumeLessonSlug}` : `/courses/${course.slug}`;
            return (
              <li key={course.slug}>
                <p className="font-medium">{course.title}</p>
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  {course.completedLessons} of {course.totalLessons} lessons complete
                </p>
                <div aria-hidden="true" className="mt-2 h-2 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800">
                  <div className="h-full rounded-full bg-brand-600" style={{ width: `${percent}%` }} />
                </div>
                {course.retired ? (
                  // Its pages are gone (decision 010); the progress stays visible, without a dead link.
                  <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
                    <span className="font-medium">Retired</span>: this course is no longer offered.
                  </p>
                ) : (
                  // A plain link: lesson pages are static HTML (decision 005).
                  <a
                    href={href}
                    className={`mt-2 inline-block text-sm ${linkClass}`}
                  >
                    {course.resumeLessonSlug ? "Resume" : "Take the final assessment"}
                    <span className="sr-only">: {course.title}</span>
                  </a>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
