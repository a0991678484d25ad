import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CompletionsWithoutCredit } from "@/components/credits/completions-without-credit";
import { Badge, linkClass, type TBadgeTone, Table } from "@/components/ui";
import { getSessionUser } from "@/lib/auth/session.server";
import { formatCec } from "@/lib/credits/cec-amount";
import { getCreditOverview, listLedger } from "@/lib/credits/ledger.server";
import { CREDIT_KIND_LABELS, ledgerTotals, type TLedgerEntry } from "@/lib/credits/ledger-view";
import { formatLongDate, formatShortDate } from "@/lib/format/calendar-date";
import { TranscriptDownloads } from "@/components/credits/transcript-downloads";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Transcript" };


const KIND_TONES: Record<TLedgerEntry["kind"], TBadgeTone> = { AWARD: "info", ADJUSTMENT: "muted", REVERSAL: "danger" };

export default async function TranscriptPage() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=/transcript");
  const now = new Date();
  const [overview, entries] = await Promise.all([getCreditOverview({ userId: user.id, now }), listLedger({ userId: user.id })]);
  const profile = overview.profile;
  const unit = profile?.unit ?? "credits";
  const totals = ledgerTotals(entries);
  const dateOf = new Map(entries.map((e) => [e.id, e.localDate]));

  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <nav aria-label="Breadcrumb" className="no-print text-sm text-slate-600 dark:text-slate-400">
        <Link href="/dashboard" className="hover:underline">
          Dashboard
        </Link>
      </nav>
      <header className="mt-3 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">Transcript</h1>
          <p className="mt-1 text-slate-700 dark:text-slate-300">
            {overview.name}
            {profile ? ` · ${profile.bodyName} · Certification No. ${profile.certificationNumber}` : ""}
          </p>
        </div>
        <div className="no-print flex flex-wrap gap-2">
          <TranscriptDownloads />
        </div>
      </header>

      <section aria-labelledby="totals-heading" className="mt-8">
        <h2 id="totals-heading" className="sr-only">
          Totals
        </h2>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          {[
            ["Awards", totals.awardsHundredths],
            ["Adjustments", totals.adjustmentsHundredths],
            ["Reversals", totals.reversalsHundredths],
            ["Net total", totals.netHundredths],
          ].map(([label, value]) => (
            <div key={label} className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
              <dt className="text-sm text-slate-600 dark:text-slate-400">{label}</dt>
              <dd className="mt-1 text-xl font-semibold">
                {formatCec(value as number)} <span className="text-sm font-medium text-slate-600 dark:text-slate-400">{unit}</span>
              </dd>
            </div>
          ))}
        </dl>
        {/* One line per certification: each counts only the credit earned under it. */}
        {overview.certifications.map(({ profile: p, summary: { current } }) => (
          <p key={p.certificationId} className="mt-4 text-sm text-slate-700 dark:text-slate-300">
            {overview.certifications.length > 1 ? `${p.body} (No. ${p.certificationNumber}): current` : "Current"} cycle {formatLongDate(current.cycle.startsOn)} to{" "}
            {formatLongDate(current.cycle.endsOn)}: {formatCec(current.earnedHundredths + current.carriedInHundredths)} of {formatCec(current.requiredHundredths)} {p.unit} counted
            {current.met ? " (requirement met)." : `, ${formatCec(current.remainingHundredths)} still needed.`}
          </p>
        ))}
      </section>

      <CompletionsWithoutCredit items={overview.withoutCredit} className="mt-8" />

      {entries.length === 0 ? (
        <div className="mt-8 rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
          <p className="font-medium">No credit entries yet.</p>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Credit appears here when you finish a course and pass its final assessment.</p>
          <Link href="/courses" className={`${linkClass} mt-3 inline-block`}>
            Browse courses
          </Link>
        </div>
      ) : (
        <Table
          id="ledger"
          minWidthClass="sm:min-w-[56rem]"
          className="mt-8 sm:rounded-xl sm:border sm:border-slate-200 sm:dark:border-slate-800 print:mt-4"
          caption={
            <>
              Every credit entry, oldest first
              <span className="block text-sm font-normal text-slate-600 dark:text-slate-400">Dates are in your time zone ({overview.timeZone}).</span>
            </>
          }
        >
            <thead className="border-b border-slate-200 text-slate-600 dark:border-slate-800 dark:text-slate-400">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">
                  Date
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  Course
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  Score
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  Kind
                </th>
                <th scope="col" className="px-4 py-3 text-right font-medium">
                  {unit}
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  Reason
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  Certificate
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {entries.map((entry) => (
                <tr key={entry.id} className="align-top">
                  <td data-label="Date" className="whitespace-nowrap px-4 py-3">
                    <time dateTime={entry.occurredAt.toISOString()}>{formatShortDate(entry.localDate)}</time>
                  </td>
                  <td data-label="Course" className="px-4 py-3">
                    {entry.course ? (
                      <>
                        {entry.course.retired ? (
                          // No link: a retired course has no pages (decision 010); the record stays.
                          <span>
                            {entry.course.title} <span className="text-xs font-medium text-slate-600 dark:text-slate-400">(retired)</span>
                          </span>
                        ) : (
                          // A plain link: course pages are static HTML, not client-routed (decision 005).
                          <a href={`/courses/${entry.course.slug}`} className="hover:underline">
                            {entry.course.title}
                          </a>
                        )}
                        {entry.courseNumber && <span className="block text-xs text-slate-600 dark:text-slate-400">Course approval No. {entry.courseNumber}</span>}
                        {entry.providerNumber && <span className="block text-xs text-slate-600 dark:text-slate-400">Provider No. {entry.providerNumber}</span>}
                      </>
                    ) : (
                      <span className="text-slate-500 dark:text-slate-400">General</span>
                    )}
                  </td>
                  <td data-label="Score" className="px-4 py-3">{entry.scorePercent !== null ? `${entry.scorePercent}%` : <span className="sr-only">None</span>}</td>
                  <td data-label="Kind" className="px-4 py-3">
                    <Badge tone={KIND_TONES[entry.kind]}>{CREDIT_KIND_LABELS[entry.kind]}</Badge>
                    {entry.reversedOn && <span className="mt-1 block text-xs text-slate-600 dark:text-slate-400">Reversed {formatShortDate(entry.reversedOn)}</span>}
                    {entry.reversesEntryId && dateOf.get(entry.reversesEntryId) && (
                      <span className="mt-1 block text-xs text-slate-600 dark:text-slate-400">
                        Reverses the entry of {formatShortDate(dateOf.get(entry.reversesEntryId)!)}
                      </span>
                    )}
                  </td>
                  <td data-label={unit} className="whitespace-nowrap px-4 py-3 text-right font-mono tabular-nums">
                    {formatCec(entry.amountHundredths)}
                  </td>
                  <td data-label="Reason" className="max-w-xs px-4 py-3 break-words">{entry.reason ?? <span className="sr-only">None</span>}</td>
                  <td data-label="Certificate" className="px-4 py-3">
                    {entry.certificate ? (
                      <div>
                        <span className="block font-mono text-xs [overflow-wrap:anywhere]">{entry.certificate.code}</span>
                        {entry.certificate.status === "REVOKED" && (
                          <span className="block text-xs font-medium text-rose-700 dark:text-rose-300">Revoked</span>
                        )}
                        <span className="no-print mt-1 flex flex-wrap gap-x-3 text-xs">
                          <Link href={`/verify/${entry.certificate.code}`} className={linkClass}>
                            Verify<span className="sr-only"> certificate {entry.certificate.code}</span>
                          </Link>
                          {entry.certificate.status === "ISSUED" && (
                            <a href={`/api/certificates/${entry.certificate.code}/pdf`} download className={linkClass}>
                              PDF<span className="sr-only"> of certificate {entry.certificate.code}</span>
                            </a>
                          )}
                        </span>
                      </div>
                    ) : entry.kind === "AWARD" ? (
                      <span className="text-xs text-slate-600 dark:text-slate-400">Not issued yet</span>
                    ) : (
                      <span className="sr-only">None</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot className="border-t-2 border-slate-200 font-semibold dark:border-slate-700">
              <tr>
                <th scope="row" colSpan={4} className="px-4 py-3 text-left">
                  Net total ({totals.count} {totals.count === 1 ? "entry" : "entries"})
                </th>
                <td data-label={`Net ${unit}`} className="whitespace-nowrap px-4 py-3 text-right font-mono tabular-nums">
                  {formatCec(totals.netHundredths)}
                </td>
                <td colSpan={2} className="print:hidden" />
              </tr>
            </tfoot>
        </Table>
      )}
    </div>
  );
}
