import type { Metadata } from "next";
import { getBatchStatus } from "@/lib/certificates/get-batch-status.server";
import { listCertificateQueue } from "@/lib/certificates/list-certificate-queue.server";
import { listCertificates } from "@/lib/certificates/list-certificates.server";
import { listCourseIssueSettings } from "@/lib/certificates/list-course-issue-settings.server";
import { parseQueueFilters } from "@/lib/certificates/queue-filters";
import { Button, TextLink } from "@/components/ui";
import { BODY_RULES, CERTIFYING_BODIES } from "@/lib/credits/certifying-bodies";
import { formatShortDate } from "@/lib/format/calendar-date";
import { formatDate } from "@/lib/format/date-time";
import { isId } from "@/lib/ids";
import { firstParam, pageParam, requireAdminPage } from "../admin-page-guard";
import { Pagination } from "../pagination";
import { AutoIssueToggle } from "./auto-issue-toggle-client";
import { BatchProgress } from "./batch-progress-client";
import { CertificatesTable } from "./certificates-table-client";
import { IssueQueue } from "./issue-queue-client";

export const metadata: Metadata = { title: "Certificates · Admin" };
export const dynamic = "force-dynamic";

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-900";

/**
 * The end of each list's filter form: its submit button, the other list's filters and a running
 * batch's progress carried along as hidden fields (so one search never resets the other list), and
 * a Clear link while this list is filtered.
 */
function FilterActions({ label, keep, current, clearHref }: { label: string; keep: string[]; current: Record<string, string>; clearHref: string | null }) {
  return (
    <div className="flex items-end gap-2">
      {keep.map((k) => (current[k] ? <input key={k} type="hidden" name={k} value={current[k]} /> : null))}
      <Button type="submit" size="lg">
        {label}
      </Button>
      {clearHref && (
        <TextLink href={clearHref} className="inline-flex min-h-11 items-center px-2 py-2 text-sm">
          Clear
        </TextLink>
      )}
    </div>
  );
}

export default async function AdminCertificatesPage({ searchParams }: TProps) {
  const admin = await requireAdminPage("/admin/certificates");
  const sp = await searchParams;
  const filters = parseQueueFilters({ course: firstParam(sp.course), body: firstParam(sp.body), q: firstParam(sp.q), page: pageParam(sp.page) });
  const cq = (firstParam(sp.cq) ?? "").trim().slice(0, 100);
  const cstatusParam = firstParam(sp.cstatus);
  const cstatus = cstatusParam === "ISSUED" || cstatusParam === "REVOKED" ? cstatusParam : undefined;
  const batchParam = firstParam(sp.batch);
  const batchId = isId(batchParam) ? batchParam : undefined;

  const [queue, courses, certificates, batch] = await Promise.all([
    listCertificateQueue(filters, admin.id),
    listCourseIssueSettings(admin.id),
    listCertificates({ q: cq || undefined, status: cstatus, page: pageParam(sp.cpage) }, admin.id),
    batchId ? getBatchStatus(batchId, admin.id).catch(() => null) : Promise.resolve(null),
  ]);

  // Links keep every other filter, so paging one list never resets the other.
  const current: Record<string, string> = {};
  for (const key of ["course", "body", "q", "page", "cq", "cstatus", "cpage", "batch"]) {
    const value = firstParam(sp[key]);
    if (value) current[key] = value;
  }
  const hrefWith = (changes: Record<string, string | null>) => {
    const next = { ...current };
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) delete next[k];
      else next[k] = v;
    }
    const query = new URLSearchParams(next).toString();
    return query ? `/admin/certificates?${query}` : "/admin/certificates";
  };
  const queueFiltered = Boolean(filters.courseId || filters.body || filters.q);

  return (
    <div className="space-y-10">
      <header>
        <h1 className="text-2xl font-bold tracking-tight">Certificates</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Credit earned by passing a course waits here until a certificate is issued, unless the course issues automatically.
        </p>
      </header>

      {batchId && <BatchProgress key={batchId} batchId={batchId} initial={batch} />}

      <section aria-labelledby="queue-heading">
        <h2 id="queue-heading" className="text-xl font-semibold">
          Waiting to be issued
        </h2>
        <search>
          <form method="get" action="/admin/certificates" className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_12rem_1fr_auto] lg:items-end">
            <div>
              <label htmlFor="queue-course" className="block text-sm font-medium">
                Course
              </label>
              <select id="queue-course" name="course" defaultValue={filters.courseId ?? ""} className={field}>
                <option value="">All courses</option>
                {courses.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title}
                    {c.archived ? " (retired)" : ""}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="queue-body" className="block text-sm font-medium">
                Certifying body
              </label>
              <select id="queue-body" name="body" defaultValue={filters.body ?? ""} className={field}>
                <option value="">All bodies</option>
                {CERTIFYING_BODIES.map((b) => (
                  <option key={b} value={b}>
                    {b} — {BODY_RULES[b].name}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="queue-q" className="block text-sm font-medium">
                Name, email or certification number
              </label>
              <input id="queue-q" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={100} className={field} />
            </div>
            <FilterActions
              label="Filter"
              keep={["cq", "cstatus", "batch"]}
              current={current}
              clearHref={queueFiltered ? hrefWith({ course: null, body: null, q: null, page: null }) : null}
            />
          </form>
        </search>

        <p className="mt-4 text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
          {queue.total === 0
            ? queueFiltered
              ? "No waiting requests match these filters."
              : "Nothing is waiting: every earned certificate has been issued."
            : `${queue.total} request${queue.total === 1 ? "" : "s"} waiting${queueFiltered ? " match these filters" : ""}, oldest first.`}
        </p>
        {queue.rows.length > 0 && (
          <div className="mt-3">
            <IssueQueue
              rows={queue.rows.map(({ requestedAt, ...r }) => ({ ...r, requestedOn: formatDate(requestedAt, admin.timeZone) }))}
              matchingIds={queue.matchingIds}
              total={queue.total}
              capped={queue.matchingCapped}
            />
          </div>
        )}
        <Pagination page={queue.page} pageCount={queue.pageCount} hrefFor={(p) => hrefWith({ page: p > 1 ? String(p) : null })} label="Waiting request pages" />
      </section>

      <section aria-labelledby="issued-heading">
        <h2 id="issued-heading" className="text-xl font-semibold">
          Issued and revoked
        </h2>
        <search>
          <form method="get" action="/admin/certificates" className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
            <div>
              <label htmlFor="cert-q" className="block text-sm font-medium">
                Name, certification number or code
              </label>
              <input id="cert-q" name="cq" type="search" defaultValue={cq} maxLength={100} className={field} />
            </div>
            <div>
              <label htmlFor="cert-status" className="block text-sm font-medium">
                Status
              </label>
              <select id="cert-status" name="cstatus" defaultValue={cstatus ?? ""} className={field}>
                <option value="">Issued and revoked</option>
                <option value="ISSUED">Issued</option>
                <option value="REVOKED">Revoked</option>
              </select>
            </div>
            <FilterActions
              label="Search"
              keep={["course", "body", "q", "batch"]}
              current={current}
              clearHref={cq || cstatus ? hrefWith({ cq: null, cstatus: null, cpage: null }) : null}
            />
          </form>
        </search>
        <p className="mt-4 text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
          {certificates.total === 0
            ? cq || cstatus
              ? "No certificates match."
              : "No certificates have been issued yet."
            : `${certificates.total} certificate${certificates.total === 1 ? "" : "s"}, newest first.`}
        </p>
        {certificates.rows.length > 0 && (
          <div className="mt-3">
            <CertificatesTable
              rows={certificates.rows.map((c) => ({
                id: c.id,
                code: c.code,
                status: c.status,
                trainerName: c.trainerName,
                certificationNumber: c.certificationNumber,
                courseTitle: c.courseTitle,
                issuedOn: formatShortDate(c.issuedOn),
                revokedOn: c.revokedOn ? formatShortDate(c.revokedOn) : null,
                revocationReason: c.revocationReason,
                replacedByCode: c.replacedByCode,
              }))}
              issuedCodes={certificates.issuedCodes}
            />
          </div>
        )}
        <Pagination
          page={certificates.page}
          pageCount={certificates.pageCount}
          hrefFor={(p) => hrefWith({ cpage: p > 1 ? String(p) : null })}
          label="Certificate pages"
        />
      </section>

      <section aria-labelledby="auto-heading">
        <h2 id="auto-heading" className="text-xl font-semibold">
          Automatic issuing
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          When on, a certificate is issued the moment a trainer earns the course&apos;s credit. Requests already waiting stay in the queue above.
        </p>
        {courses.length === 0 ? (
          <p className="mt-4 rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm dark:border-slate-700">No courses yet.</p>
        ) : (
          <ul className="mt-4 divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
            {courses.map((c) => (
              <li key={c.id} className="flex items-center justify-between gap-4 px-4 py-3">
                <div className="min-w-0">
                  <p className="font-medium">
                    {c.title}
                    {c.archived && <span className="ml-2 text-xs font-normal text-slate-500 dark:text-slate-400">(retired)</span>}
                  </p>
                  <p className="text-sm text-slate-600 dark:text-slate-400">
                    {c.pending === 0 ? "Nothing waiting" : `${c.pending} waiting`}
                    {c.pending > 0 && (
                      <>
                        {" · "}
                        <TextLink href={hrefWith({ course: c.id, page: null })}>
                          Show<span className="sr-only"> waiting requests for {c.title}</span>
                        </TextLink>
                      </>
                    )}
                  </p>
                </div>
                <AutoIssueToggle courseId={c.id} title={c.title} enabled={c.autoIssue} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
