import type { Metadata } from "next";
import Link from "next/link";
import { Badge, buttonClass, linkClass, Table } from "@/components/ui";
import {
  COURSE_STATUS_LABELS,
  COURSE_STATUSES,
  CYCLE_STATUS_LABELS,
  CYCLE_STATUSES,
  cycleStatusOf,
  defaultDir,
  parseTrainerFilters,
  SORT_LABELS,
  TRAINER_PAGE_SIZES,
  type TTrainerFilters,
  type TTrainerSort,
  trainerFiltersToQuery,
} from "@/lib/admin/trainer-filters";
import { listTrainers, trainerFilterOptions } from "@/lib/admin/trainers.server";
import { formatCec } from "@/lib/credits/cec-amount";
import { BODY_RULES, CERTIFYING_BODIES } from "@/lib/credits/certifying-bodies";
import { formatShortDate } from "@/lib/format/calendar-date";
import { formatDate } from "@/lib/format/date-time";
import { formatCount } from "@/lib/format/number";
import { requireAdminPage } from "../admin-page-guard";
import { Pagination, showingRange } from "../pagination";

export const metadata: Metadata = { title: "Trainers · Admin" };
export const dynamic = "force-dynamic";

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const selectClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-900";
const labelClass = "block text-sm font-medium";

const STATUS_BADGE = {
  met: { text: "Met", tone: "ok" },
  warning: { text: "Due soon", tone: "warn" },
  behind: { text: "Not met", tone: "muted" },
} as const;

function SortHeader({ sort, filters, className = "" }: { sort: TTrainerSort; filters: TTrainerFilters; className?: string }) {
  const active = filters.sort === sort;
  const dir = active ? (filters.dir === "asc" ? "desc" : "asc") : defaultDir(sort);
  const href = `/admin/trainers${trainerFiltersToQuery(filters, { sort, dir, page: 1 })}`;
  return (
    <th scope="col" aria-sort={active ? (filters.dir === "asc" ? "ascending" : "descending") : undefined} className={`px-3 py-2 ${className}`}>
      <Link href={href} className="inline-flex items-center gap-1 underline-offset-2 hover:underline">
        {SORT_LABELS[sort]}
        {active && <span aria-hidden="true">{filters.dir === "asc" ? "▲" : "▼"}</span>}
        <span className="sr-only">{active ? `, sorted ${filters.dir === "asc" ? "ascending" : "descending"}; select to reverse` : ", select to sort"}</span>
      </Link>
    </th>
  );
}

function Select({ id, name, label, value, options }: { id: string; name: string; label: string; value: string | undefined; options: { value: string; label: string }[] }) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={selectClass}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export default async function AdminTrainersPage({ searchParams }: TProps) {
  const filters = parseTrainerFilters(await searchParams);
  const admin = await requireAdminPage(`/admin/trainers${trainerFiltersToQuery(filters)}`);
  const [list, options] = await Promise.all([listTrainers({ adminId: admin.id, ...filters }), trainerFilterOptions({ adminId: admin.id })]);
  const shown = { ...filters, page: list.page };
  const hrefFor = (page: number) => `/admin/trainers${trainerFiltersToQuery(shown, { page })}`;
  const exportHref = `/api/admin/export/trainers${trainerFiltersToQuery(shown, { page: 1, pageSize: 25 })}`;
  const filtered = Boolean(filters.q || filters.body || filters.cycleStatus || filters.courseStatus || filters.course);

  return (
    <div>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">Trainers</h1>
        <p className="text-sm">
          <Link href="/admin/users" className={linkClass}>
            Manage accounts and roles
          </Link>
        </p>
      </div>

      <search>
        <form method="get" action="/admin/trainers" className="mt-4 grid grid-cols-1 gap-3 rounded-xl border border-slate-200 p-4 sm:grid-cols-2 lg:grid-cols-6 dark:border-slate-800">
          <div className="sm:col-span-2 lg:col-span-3">
            <label htmlFor="trainer-q" className={labelClass}>
              Name, email or certification number
            </label>
            <input
              id="trainer-q"
              name="q"
              type="search"
              defaultValue={filters.q ?? ""}
              maxLength={100}
              aria-describedby="trainer-q-hint"
              className={selectClass}
            />
            <p id="trainer-q-hint" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
              Any part matches, e.g. “NFPT-2019-00042”, “garcia” or “@example.com”.
            </p>
          </div>
          <Select
            id="trainer-body"
            name="body"
            label="Certifying body"
            value={filters.body}
            options={[{ value: "", label: "All bodies" }, ...CERTIFYING_BODIES.map((b) => ({ value: b, label: b === "OTHER" ? "Other" : `${b} (${BODY_RULES[b].name})` }))]}
          />
          <Select
            id="trainer-cycle"
            name="cycle"
            label="Current cycle"
            value={filters.cycleStatus}
            options={[{ value: "", label: "Any" }, ...CYCLE_STATUSES.map((s) => ({ value: s, label: CYCLE_STATUS_LABELS[s] }))]}
          />
          <Select
            id="trainer-size"
            name="size"
            label="Rows per page"
            value={String(filters.pageSize)}
            options={TRAINER_PAGE_SIZES.map((n) => ({ value: String(n), label: String(n) }))}
          />
          <Select
            id="trainer-course-status"
            name="courseStatus"
            label="Course status"
            value={filters.courseStatus}
            options={[{ value: "", label: "Any" }, ...COURSE_STATUSES.map((s) => ({ value: s, label: COURSE_STATUS_LABELS[s] }))]}
          />
          <Select
            id="trainer-course"
            name="course"
            label="In course"
            value={filters.course}
            options={[{ value: "", label: "Any course" }, ...options.courses.map((c) => ({ value: c.id, label: c.title }))]}
          />
          {filters.sort !== "name" && <input type="hidden" name="sort" value={filters.sort} />}
          {filters.dir !== defaultDir(filters.sort) && <input type="hidden" name="dir" value={filters.dir} />}
          <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-4">
            <button type="submit" className={buttonClass({ size: "lg" })}>
              Apply
            </button>
            {filtered && (
              <Link href="/admin/trainers" className={`${linkClass} py-2`}>
                Clear filters
              </Link>
            )}
          </div>
        </form>
      </search>

      <div className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
        <p className="text-slate-600 dark:text-slate-400" aria-live="polite">
          {list.total === 0
            ? filtered
              ? "No trainers match these filters."
              : "No trainers yet."
            : `${showingRange(list)} trainer${list.total === 1 ? "" : "s"}, sorted by ${SORT_LABELS[filters.sort].toLowerCase()} (${filters.dir === "asc" ? "ascending" : "descending"}).`}
        </p>
        {list.total > 0 && (
          <a href={exportHref} className={linkClass} download>
            Download these {formatCount(list.total)} as CSV
          </a>
        )}
      </div>

      {list.rows.length > 0 && (
        <Table
          id="trainers"
          captionHidden
          minWidthClass="sm:min-w-[64rem]"
          caption={`Trainers, sorted by ${SORT_LABELS[filters.sort].toLowerCase()}, page ${list.page} of ${list.pageCount}`}
          className="mt-3 sm:rounded-lg sm:border sm:border-slate-200 sm:dark:border-slate-800"
        >
            <thead className="bg-slate-50 text-slate-700 dark:bg-slate-900 dark:text-slate-300">
              <tr>
                <SortHeader sort="name" filters={filters} />
                <SortHeader sort="email" filters={filters} />
                <SortHeader sort="body" filters={filters} />
                <SortHeader sort="certification" filters={filters} />
                <SortHeader sort="credits" filters={filters} className="text-right" />
                <SortHeader sort="due" filters={filters} />
                <th scope="col" className="px-3 py-2">
                  Status
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  Courses done
                </th>
                <th scope="col" className="px-3 py-2">
                  Last active
                </th>
                <SortHeader sort="joined" filters={filters} />
              </tr>
            </thead>
            <tbody>
              {list.rows.map((t) => {
                const badge = STATUS_BADGE[cycleStatusOf(t.cycle)];
                return (
                  <tr key={t.id} className="border-t border-slate-100 align-top dark:border-slate-800">
                    <th scope="row" className="px-3 py-2 font-medium">
                      <Link href={`/admin/trainers/${t.id}`} className={linkClass}>
                        {t.name}
                      </Link>
                      {t.disabled && <Badge tone="warn" className="ml-2">Disabled</Badge>}
                    </th>
                    <td data-label="Email" className="min-w-[14rem] px-3 py-2 [overflow-wrap:anywhere]">{t.email}</td>
                    <td data-label="Body" className="px-3 py-2">{t.body}</td>
                    <td data-label="Certification" className="whitespace-nowrap px-3 py-2 font-mono text-xs">{t.certificationNumber}</td>
                    <td data-label="Credits this cycle" className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
                      {formatCec(t.cycle.countedHundredths)} / {formatCec(t.cycle.requiredHundredths)}
                    </td>
                    <td data-label="Cycle ends" className="whitespace-nowrap px-3 py-2">
                      {formatShortDate(t.cycle.endsOn)}
                      <span className="block text-xs text-slate-600 dark:text-slate-400">
                        {t.cycle.daysLeft} day{t.cycle.daysLeft === 1 ? "" : "s"} left
                      </span>
                    </td>
                    <td data-label="Status" className="px-3 py-2">
                      <Badge tone={badge.tone}>{badge.text}</Badge>
                    </td>
                    <td data-label="Courses done" className="px-3 py-2 text-right tabular-nums">{t.coursesCompleted}</td>
                    <td data-label="Last active" className="whitespace-nowrap px-3 py-2">{formatDate(t.lastActiveAt, admin.timeZone)}</td>
                    <td data-label="Joined" className="whitespace-nowrap px-3 py-2">{formatDate(t.joinedAt, admin.timeZone)}</td>
                  </tr>
                );
              })}
            </tbody>
        </Table>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} hrefFor={hrefFor} label="Trainer pages" />
    </div>
  );
}
