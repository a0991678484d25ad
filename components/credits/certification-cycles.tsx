import Link from "next/link";
import { cardClass } from "@/components/ui";
import { formatCec } from "@/lib/credits/cec-amount";
import type { TCertificationSummary } from "@/lib/credits/ledger.server";
import { cycleProgress } from "@/lib/credits/ledger-view";
import { formatLongDate } from "@/lib/format/calendar-date";

// One card per active certification: its own cycle, its own credit, and whether the CPR/AED card
// blocks renewing it. Credit counts only toward the certification it was earned under.


export function CertificationCycles({ certifications }: { certifications: TCertificationSummary[] }) {
  return (
    <section aria-labelledby="certifications-heading" className="mt-8">
      <h2 id="certifications-heading" className="text-lg font-semibold">
        Your certifications
      </h2>
      <ul className="mt-3 grid gap-4 md:grid-cols-2">
        {certifications.map(({ profile, summary, cprAed }) => {
          const current = summary.current;
          const { countedHundredths } = cycleProgress(current);
          const label = `${profile.body} certification ${profile.certificationNumber}`;
          return (
            <li key={profile.certificationId} className={cardClass} aria-label={label}>
              <p className="font-semibold">
                {profile.body} <span className="font-normal text-slate-600 dark:text-slate-400">· No. {profile.certificationNumber}</span>
              </p>
              <p className="mt-1 text-sm">
                Cycle {formatLongDate(current.cycle.startsOn)} – {formatLongDate(current.cycle.endsOn)} · {current.daysLeft} {current.daysLeft === 1 ? "day" : "days"} left
              </p>
              <p className="mt-2 text-sm">
                <strong>
                  {formatCec(countedHundredths)} of {formatCec(current.requiredHundredths)} {profile.unit}
                </strong>{" "}
                {current.met ? "— requirement met." : `— ${formatCec(current.remainingHundredths)} ${profile.unit} still needed.`}
              </p>
              {cprAed.kind !== "not-required" && (
                <p className={`mt-2 text-sm ${cprAed.kind === "ok" ? "" : "font-medium text-amber-800 dark:text-amber-200"}`}>
                  {cprAed.kind === "ok" && `CPR/AED card valid until ${formatLongDate(cprAed.expiresOn)}.`}
                  {cprAed.kind === "missing" && (
                    <>
                      Renewal blocked: {profile.body} requires a current CPR/AED certificate, and none is recorded.{" "}
                      <Link href="/account#cpr-heading" className="underline">
                        Add your card
                      </Link>
                    </>
                  )}
                  {cprAed.kind === "expired" && `Renewal blocked: your CPR/AED card expired on ${formatLongDate(cprAed.expiresOn)}.`}
                  {cprAed.kind === "expires-before-renewal" &&
                    `Renewal blocked unless renewed: your CPR/AED card expires on ${formatLongDate(cprAed.expiresOn)}, before this cycle ends.`}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
