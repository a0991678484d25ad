import type { Metadata } from "next";
import Link from "next/link";
import { auditFilterOptions, listAudit, type TAuditRow } from "@/lib/admin/audit.server";
import { buttonClass, linkClass, Table } from "@/components/ui";
import { describeAuditData } from "@/lib/admin/audit-details";
import { auditFiltersToQuery, parseAuditFilters } from "@/lib/admin/audit-filters";
import { formatDateTime } from "@/lib/format/date-time";
import { formatCount } from "@/lib/format/number";
import { firstParam, requireAdminPage } from "../admin-page-guard";
import { Pagination, showingRange } from "../pagination";

export const metadata: Metadata = { title: "Audit log · Admin" };
export const dynamic = "force-dynamic";

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const inputClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-900";
const labelClass = "block text-sm font-medium";

function Details({ data }: { data: Record<string, unknown> }) {
  const lines = describeAuditData(data);
  if (lines.length === 0) return <span className="text-slate-600 dark:text-slate-400">—</span>;
  return (
    <dl className="space-y-1 text-xs">
      {lines.map((line) => (
        <div key={line.label} className="flex flex-wrap gap-x-1">
          <dt className="font-semibold">{line.label}:</dt>
          {line.value !== undefined ? (
            <dd className="[overflow-wrap:anywhere]">{line.value}</dd>
          ) : (
            <dd className="flex flex-wrap items-center gap-1 [overflow-wrap:anywhere]">
              <span className="rounded bg-red-50 px-1 text-red-900 line-through decoration-red-700/60 dark:bg-red-950 dark:text-red-100">
                <span className="sr-only">before </span>
                {line.before}
              </span>
              <span aria-hidden="true">→</span>
              <span className="rounded bg-emerald-50 px-1 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
                <span className="sr-only">, after </span>
                {line.after}
              </span>
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}

function Target({ row }: { row: TAuditRow }) {
  return (
    <>
      <span className="font-mono text-xs">{row.targetType}</span>
      {row.targetId && <span className="block break-all font-mono text-xs text-slate-600 dark:text-slate-400">{row.targetId}</span>}
      {row.subjectUserId && (
        <Link href={`/admin/trainers/${encodeURIComponent(row.subjectUserId)}`} className={`${linkClass} text-xs`}>
          Open user record
        </Link>
      )}
    </>
  );
}

export default async function AdminAuditPage({ searchParams }: TProps) {
  const sp = await searchParams;
  const filters = parseAuditFilters(sp);
  const admin = await requireAdminPage(`/admin/audit${auditFiltersToQuery(filters)}`);
  const [list, options] = await Promise.all([listAudit({ adminId: admin.id, timeZone: admin.timeZone, ...filters }), auditFilterOptions({ adminId: admin.id })]);
  const shown = { ...filters, page: list.page };
  const hrefFor = (page: number) => `/admin/audit${auditFiltersToQuery(shown, { page })}`;
  const filtered = Boolean(filters.action || filters.actor || filters.targetType || filters.targetId || filters.user || filters.from || filters.to);
  const rawActor = firstParam(sp.actor) ?? "";

  return (
    <div>
      <h1 className="text-2xl font-bold tracking-tight">Audit log</h1>
      <p className="mt-1 max-w-2xl text-sm text-slate-600 dark:text-slate-400">
        Every change to accounts, credit and certificates, newest first. Entries are never edited or deleted: the database refuses it. Times are in your time zone (
        {admin.timeZone}).
      </p>

      <search>
        <form method="get" action="/admin/audit" className="mt-4 grid grid-cols-1 gap-3 rounded-xl border border-slate-200 p-4 sm:grid-cols-2 lg:grid-cols-4 dark:border-slate-800">
          <div>
            <label htmlFor="audit-action" className={labelClass}>
              Action
            </label>
            <select id="audit-action" name="action" defaultValue={filters.action ?? ""} className={inputClass}>
              <option value="">Any action</option>
              {options.actions.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="audit-actor" className={labelClass}>
              Actor email
            </label>
            <input id="audit-actor" name="actor" type="search" defaultValue={rawActor} maxLength={254} aria-describedby="audit-actor-hint" className={inputClass} />
            <p id="audit-actor-hint" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
              The whole address or its start.
            </p>
          </div>
          <div>
            <label htmlFor="audit-target-type" className={labelClass}>
              Target type
            </label>
            <select id="audit-target-type" name="targetType" defaultValue={filters.targetType ?? ""} className={inputClass}>
              <option value="">Any target</option>
              {options.targetTypes.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="audit-target-id" className={labelClass}>
              Target ID
            </label>
            <input id="audit-target-id" name="targetId" type="search" defaultValue={filters.targetId ?? ""} maxLength={64} className={inputClass} />
          </div>
          <div>
            <label htmlFor="audit-from" className={labelClass}>
              From
            </label>
            <input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ""} className={inputClass} />
          </div>
          <div>
            <label htmlFor="audit-to" className={labelClass}>
              To (inclusive)
            </label>
            <input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ""} className={inputClass} />
          </div>
          {filters.user && <input type="hidden" name="user" value={filters.user} />}
          <div className="flex items-end gap-3 sm:col-span-2">
            <button type="submit" className={buttonClass({ size: "lg" })}>
              Apply
            </button>
            {filtered && (
              <Link href="/admin/audit" className={`${linkClass} py-2`}>
                Clear filters
              </Link>
            )}
          </div>
        </form>
      </search>

      {filters.user && (
        <p className="mt-3 text-sm">
          Showing entries about or by one user.{" "}
          <Link href={`/admin/trainers/${encodeURIComponent(filters.user)}`} className={linkClass}>
            Open their record
          </Link>{" "}
          ·{" "}
          <Link href={`/admin/audit${auditFiltersToQuery({ ...filters, user: undefined, page: 1 })}`} className={linkClass}>
            Show everyone
          </Link>
        </p>
      )}

      <div className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
        <p className="text-slate-600 dark:text-slate-400" aria-live="polite">
          {list.total === 0
            ? filtered
              ? "No entries match these filters."
              : "Nothing recorded yet."
            : `${showingRange(list)} entr${list.total === 1 ? "y" : "ies"}, newest first.`}
        </p>
        {list.total > 0 && (
          <a href={`/api/admin/export/audit${auditFiltersToQuery({ ...filters, page: 1 })}`} className={linkClass} download>
            Download these {formatCount(list.total)} as CSV
          </a>
        )}
      </div>

      {list.rows.length > 0 && (
        <Table
          id="audit"
          captionHidden
          caption={`Audit log entries, newest first, page ${list.page} of ${list.pageCount}`}
          minWidthClass="sm:min-w-[56rem]"
          className="mt-3 sm:rounded-lg sm:border sm:border-slate-200 sm:dark:border-slate-800"
        >
            <thead className="bg-slate-50 text-slate-700 dark:bg-slate-900 dark:text-slate-300">
              <tr>
                <th scope="col" className="px-3 py-2">
                  When
                </th>
                <th scope="col" className="px-3 py-2">
                  Who
                </th>
                <th scope="col" className="px-3 py-2">
                  Action
                </th>
                <th scope="col" className="px-3 py-2">
                  Target
                </th>
                <th scope="col" className="px-3 py-2">
                  Details
                </th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((row) => (
                <tr key={row.id} className="border-t border-slate-100 align-top dark:border-slate-800">
                  <th scope="row" className="whitespace-nowrap px-3 py-2 font-normal">
                    {formatDateTime(row.createdAt, admin.timeZone)}
                  </th>
                  <td data-label="Who" className="px-3 py-2">
                    {row.actor ? (
                      <>
                        {row.actor.name}
                        <span className="block text-xs text-slate-600 [overflow-wrap:anywhere] dark:text-slate-400">{row.actor.email}</span>
                      </>
                    ) : (
                      "System"
                    )}
                  </td>
                  <td data-label="Action" className="px-3 py-2 font-mono text-xs">{row.action}</td>
                  <td data-label="Target" className="px-3 py-2">
                    <Target row={row} />
                  </td>
                  <td data-label="Details" className="min-w-[16rem] px-3 py-2">
                    <Details data={row.data} />
                  </td>
                </tr>
              ))}
            </tbody>
        </Table>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} hrefFor={hrefFor} label="Audit log pages" />
    </div>
  );
}
