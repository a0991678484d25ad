import type { Metadata } from "next";
import { Button, linkClass, Table, TextLink } from "@/components/ui";
import { readProviderRecordFilters, summarizeEvidence, ZProviderRecordFilters } from "@/lib/admin/provider-records";
import { listProviderRecords, listRecordCourses, PROVIDER_RECORDS_PAGE_SIZE } from "@/lib/admin/provider-records.server";
import { formatCec } from "@/lib/credits/cec-amount";
import { BODY_RULES } from "@/lib/credits/certifying-bodies";
import { formatDateTime } from "@/lib/format/date-time";
import { formatCount } from "@/lib/format/number";
import { requireAdminPage } from "../admin-page-guard";

export const metadata: Metadata = { title: "Provider records · Admin" };
export const dynamic = "force-dynamic";

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const inputClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-900";
const labelClass = "block text-sm font-medium";

export default async function ProviderRecordsPage({ searchParams }: TProps) {
  const sp = await searchParams;
  const parsed = ZProviderRecordFilters.safeParse(readProviderRecordFilters(sp));
  const filters = parsed.success ? parsed.data : {};
  const query = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === "string")).toString();
  const admin = await requireAdminPage(`/admin/records${query ? `?${query}` : ""}`);
  const [list, courses] = await Promise.all([listProviderRecords({ adminId: admin.id, filters }), listRecordCourses({ adminId: admin.id })]);

  return (
    <div>
      <h1 className="text-2xl font-bold tracking-tight">Provider records</h1>
      <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
        Every course completion with what a certifying body&apos;s audit asks for: the trainer and their certification, the course revision and its approval,
        contact hours, credit, score, the attestation, dates, and the time observed on each lesson. Records are written when a course is completed and are
        never edited or deleted (see the README for how long they are kept). Dates are whole days in UTC.
      </p>

      <search>
        <form method="get" action="/admin/records" className="mt-4 grid gap-3 rounded-xl border border-slate-200 p-4 sm:grid-cols-2 lg:grid-cols-4 dark:border-slate-800">
          <div>
            <label htmlFor="records-course" className={labelClass}>
              Course
            </label>
            <select id="records-course" name="course" defaultValue={filters.course ?? ""} className={inputClass}>
              <option value="">Every course</option>
              {courses.map((c) => (
                <option key={c.slug} value={c.slug}>
                  {c.title}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="records-from" className={labelClass}>
              Completed from
            </label>
            <input id="records-from" name="from" type="date" defaultValue={filters.from ?? ""} className={inputClass} />
          </div>
          <div>
            <label htmlFor="records-to" className={labelClass}>
              To (inclusive)
            </label>
            <input id="records-to" name="to" type="date" defaultValue={filters.to ?? ""} className={inputClass} />
          </div>
          <div className="flex items-end gap-3">
            <Button type="submit" size="lg">
              Apply
            </Button>
            {query && (
              <TextLink href="/admin/records" className="py-2">
                Clear
              </TextLink>
            )}
          </div>
        </form>
      </search>
      {!parsed.success && (
        <p role="alert" className="mt-3 text-sm text-red-800 dark:text-red-200">
          Those filters are not valid ({parsed.error.issues[0]?.message}); showing every record.
        </p>
      )}

      <div className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
        <p className="text-slate-600 dark:text-slate-400" aria-live="polite">
          {list.total === 0
            ? "No completions match."
            : `${formatCount(list.total)} completion${list.total === 1 ? "" : "s"}, oldest first${list.total > PROVIDER_RECORDS_PAGE_SIZE ? `; the first ${PROVIDER_RECORDS_PAGE_SIZE} are shown, the CSV has them all` : ""}.`}
        </p>
        {list.total > 0 && (
          <a href={`/api/admin/provider-records${query ? `?${query}` : ""}`} className={linkClass} download>
            Download these {formatCount(list.total)} as CSV
          </a>
        )}
      </div>

      {list.rows.length > 0 && (
        <Table id="records" className="mt-3 sm:rounded-xl sm:border sm:border-slate-200 sm:dark:border-slate-800" caption="Course completions with their evidence" captionHidden>
            <thead className="bg-slate-50 text-slate-700 dark:bg-slate-900 dark:text-slate-300">
              <tr>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Trainer
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Course
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Approval
                </th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">
                  Hours · credit
                </th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">
                  Score
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Dates
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Evidence
                </th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((r) => (
                <tr key={r.id} className="border-t border-slate-200 align-top dark:border-slate-800">
                  <td data-label="Trainer" className="px-3 py-2">
                    {r.trainerName}
                    <span className="block text-xs text-slate-600 dark:text-slate-400">
                      {r.certifyingBody ?? "no body"} {r.certificationNumber ?? ""}
                    </span>
                  </td>
                  <td data-label="Course" className="px-3 py-2">
                    {r.courseTitle}
                    <span className="block text-xs text-slate-600 dark:text-slate-400">
                      version {r.courseVersion} · revision {r.courseRevision}
                    </span>
                  </td>
                  <td data-label="Approval" className="px-3 py-2">
                    {r.approvalNumber ?? "None"}
                    {r.providerNumber && <span className="block text-xs text-slate-600 dark:text-slate-400">Provider {r.providerNumber}</span>}
                  </td>
                  <td data-label="Hours · credit" className="px-3 py-2 text-right">
                    {(r.contactMinutes / 60).toFixed(2)} h
                    <span className="block text-xs">
                      {r.creditHundredths > 0 && r.certifyingBody ? `${formatCec(r.creditHundredths)} ${BODY_RULES[r.certifyingBody].unit}` : "no figure"}
                    </span>
                  </td>
                  <td data-label="Score" className="px-3 py-2 text-right">{r.scorePercent === null ? "—" : `${r.scorePercent}%`}</td>
                  <td data-label="Dates" className="px-3 py-2 text-xs">
                    Started {formatDateTime(r.startedAt, "UTC")}
                    <br />
                    Completed {formatDateTime(r.completedAt, "UTC")}
                    <br />
                    {r.attestedAt ? `Attested ${formatDateTime(r.attestedAt, "UTC")}` : "Not attested"}
                  </td>
                  <td data-label="Evidence" className="px-3 py-2 text-xs">
                    {r.attemptNumber !== null && <>Attempt {r.attemptNumber}. </>}
                    {summarizeEvidence(r.lessons)}
                    {r.creditNote && <span className="block text-slate-600 dark:text-slate-400">{r.creditNote}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
        </Table>
      )}
    </div>
  );
}
