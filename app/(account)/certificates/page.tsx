import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Badge, buttonClass, linkClass } from "@/components/ui";
import { getSessionUser } from "@/lib/auth/session.server";
import { listUserCertificates, type THeldCertificate } from "@/lib/certificates/list-user-certificates.server";
import { linkedInAddToProfileUrl } from "@/lib/certificates/share-links";
import { formatLongDate } from "@/lib/format/calendar-date";
import { siteUrl } from "@/lib/config/site-url.server";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Certificates" };

const button = buttonClass({ variant: "secondary" });

function CertificateCard({ c }: { c: THeldCertificate }) {
  const revoked = c.status === "REVOKED";
  const linkedIn = linkedInAddToProfileUrl({ name: c.courseTitle, organizationName: c.issuer, issuedOn: c.issuedOn, credentialId: c.code, verifyUrl: siteUrl(`/verify/${c.code}`) });
  const headingId = `cert-${c.code}`;
  return (
    <li>
      <article
        aria-labelledby={headingId}
        className={`rounded-xl border p-5 shadow-sm ${revoked ? "border-red-200 bg-red-50/40 dark:border-red-900 dark:bg-red-950/20" : "border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"}`}
      >
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <h2 id={headingId} className="text-lg font-semibold">
              {c.courseTitle}
            </h2>
            <p className="text-sm text-slate-600 dark:text-slate-400">Version {c.courseVersion}</p>
          </div>
          <Badge tone={revoked ? "danger" : "ok"}>{revoked ? "Revoked" : "Valid"}</Badge>
        </div>
        <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-slate-600 dark:text-slate-400">Credit</dt>
            <dd className="font-medium">{c.creditClaimed ? `${c.credit} ${c.creditUnit}` : `None claimed (submit to ${c.certifyingBody} for review)`}</dd>
          </div>
          <div>
            <dt className="text-slate-600 dark:text-slate-400">Score</dt>
            <dd className="font-medium">{c.scorePercent}%</dd>
          </div>
          <div>
            <dt className="text-slate-600 dark:text-slate-400">Completed</dt>
            <dd className="font-medium">{formatLongDate(c.completedOn)}</dd>
          </div>
          <div>
            <dt className="text-slate-600 dark:text-slate-400">Issued</dt>
            <dd className="font-medium">{formatLongDate(c.issuedOn)}</dd>
          </div>
          <div className="col-span-2 sm:col-span-4">
            <dt className="text-slate-600 dark:text-slate-400">Code</dt>
            <dd className="break-all font-mono">{c.code}</dd>
          </div>
        </dl>
        {revoked && (
          <div className="mt-4 rounded-md bg-red-100/70 p-3 text-sm text-red-950 dark:bg-red-950/60 dark:text-red-100">
            <p>
              Revoked{c.revokedOn ? ` on ${formatLongDate(c.revokedOn)}` : ""}
              {c.revocationReason ? `: ${c.revocationReason}` : "."}
            </p>
            {c.replacedByCode && <p className="mt-1">Replaced by certificate {c.replacedByCode}, listed on this page.</p>}
          </div>
        )}
        <div className="mt-4 flex flex-wrap gap-2">
          {!revoked && (
            <>
              <a href={`/api/certificates/${c.code}/pdf`} download className={button}>
                Download PDF<span className="sr-only"> for {c.courseTitle}</span>
              </a>
              {c.hasCredential && (
                <a href={`/api/certificates/${c.code}/credential`} download className={button}>
                  Download Open Badge<span className="sr-only"> for {c.courseTitle}</span>
                </a>
              )}
              <a href={linkedIn} target="_blank" rel="noopener noreferrer" className={button}>
                Add to LinkedIn profile<span className="sr-only"> ({c.courseTitle}, opens LinkedIn in a new tab)</span>
              </a>
            </>
          )}
          <Link href={`/verify/${c.code}`} className={button}>
            Verify page<span className="sr-only"> for {c.courseTitle}</span>
          </Link>
        </div>
      </article>
    </li>
  );
}

export default async function CertificatesPage() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=/certificates");
  const { certificates, pending } = await listUserCertificates(user.id);

  return (
    <div className="mx-auto max-w-4xl px-4 py-10">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
        <Link href="/dashboard" className="hover:underline">
          Dashboard
        </Link>
      </nav>
      <h1 className="mt-3 text-3xl font-bold tracking-tight">Certificates</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        Send the PDF to your certifying body or employer; anyone can confirm it on its verify page. The Open Badge is the same certificate as a
        signed Open Badges 3.0 credential for digital wallets; &ldquo;Add to LinkedIn profile&rdquo; opens LinkedIn with the certification filled in.
      </p>

      {pending.length > 0 && (
        <section aria-labelledby="pending-heading" className="mt-8 rounded-xl border border-brand-100 bg-brand-50 p-5 dark:border-slate-700 dark:bg-slate-900">
          <h2 id="pending-heading" className="font-semibold">
            Being prepared
          </h2>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">Your credit is recorded; an administrator issues the certificate shortly.</p>
          <ul className="mt-3 list-disc space-y-1 pl-5 text-sm">
            {pending.map((p) => (
              <li key={`${p.courseTitle}-${p.requestedAt}`}>{p.courseTitle}</li>
            ))}
          </ul>
        </section>
      )}

      {certificates.length === 0 ? (
        pending.length === 0 && (
          <div className="mt-8 rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
            <p className="font-medium">No certificates yet.</p>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
              Finish every lesson of a course and pass its final assessment to earn credit and a certificate.
            </p>
            <Link href="/courses" className={`${linkClass} mt-3 inline-block`}>
              Browse courses
            </Link>
          </div>
        )
      ) : (
        <ul className="mt-8 space-y-4">
          {certificates.map((c) => (
            <CertificateCard key={c.code} c={c} />
          ))}
        </ul>
      )}
    </div>
  );
}
