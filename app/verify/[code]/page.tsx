import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { cache, type ReactNode } from "react";
import { linkClass } from "@/components/ui";
import { clientIp } from "@/lib/auth/request-ip";
import { canonicalCode } from "@/lib/certificates/certificate-code";
import type { TPublicCertificate } from "@/lib/certificates/certificate-view.server";
import { findCertificateForVerification } from "@/lib/certificates/find-certificate-for-verification.server";
import { checkVerifyRateLimit } from "@/lib/certificates/verify-rate-limit.server";
import { formatLongDate } from "@/lib/format/calendar-date";
import { siteUrl } from "@/lib/config/site-url.server";

// The public page a certificate's QR code and verify link point to. It shows every detail printed
// on the certificate, because a PDF can be edited: whoever checks compares this page with the paper.
export const dynamic = "force-dynamic";

type TProps = { params: Promise<{ code: string }> };

// Shared by generateMetadata and the page within one request: one rate-limit token, one lookup.
const limitFor = cache(async () => checkVerifyRateLimit(clientIp((await headers()).get("x-forwarded-for"))));
const lookup = cache(findCertificateForVerification);

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const canonical = canonicalCode((await params).code);
  // Certificates name people: keep them out of search engines.
  const base: Metadata = {
    title: canonical ? `Certificate ${canonical}` : "Certificate not found",
    robots: { index: false, follow: false },
  };
  if (!canonical || !(await limitFor()).allowed) return base;
  const c = await lookup(canonical);
  if (!c) return base;
  // Open Graph, so a link the trainer shares previews with what it certifies and its status.
  const title = `${c.status === "REVOKED" ? "Revoked certificate" : "Verified certificate"}: ${c.courseTitle}`;
  const description = `${c.issuer} certificate awarded to ${c.trainerName} (${c.credit} ${c.creditUnit}, ${c.certifyingBodyName}), issued ${formatLongDate(c.issuedOn)}.`;
  const url = siteUrl(`/verify/${c.code}`);
  return {
    ...base,
    description,
    alternates: { canonical: url },
    openGraph: { type: "website", siteName: c.issuer, title, description, url },
    // og:image / twitter:image: opengraph-image.tsx and twitter-image.tsx beside this page.
    twitter: { card: "summary_large_image", title, description },
  };
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-3 sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="break-words sm:col-span-2">{children}</dd>
    </div>
  );
}

function Details({ c }: { c: TPublicCertificate }) {
  return (
    <dl className="divide-y divide-slate-200 dark:divide-slate-800">
      <Detail label="Awarded to">
        <span className="text-lg font-semibold">{c.trainerName}</span>
      </Detail>
      <Detail label="Certifying body">
        {c.certifyingBodyName} ({c.certifyingBody})
      </Detail>
      <Detail label="Certification number">
        <span className="font-mono">{c.certificationNumber}</span>
      </Detail>
      <Detail label="Course">
        {c.courseTitle} <span className="text-slate-600 dark:text-slate-400">(version {c.courseVersion})</span>
      </Detail>
      {c.courseNumber && (
        <Detail label="Course approval number">
          <span className="font-mono">{c.courseNumber}</span>
        </Detail>
      )}
      <Detail label="Contact hours">{c.contactHours}</Detail>
      {c.providerNumber && (
        <Detail label="Provider number">
          <span className="font-mono">{c.providerNumber}</span>
        </Detail>
      )}
      <Detail label="Credit">
        {c.creditClaimed ? `${c.credit} ${c.creditUnit}` : `None claimed: the course held no ${c.certifyingBody} approval; the certificate may be submitted to ${c.certifyingBody} for review`}
      </Detail>
      <Detail label="Final assessment score">{c.scorePercent}%</Detail>
      <Detail label="Completed">{formatLongDate(c.completedOn)}</Detail>
      <Detail label="Issued">
        {formatLongDate(c.issuedOn)} by {c.issuer}
      </Detail>
      <Detail label="Certificate code">
        <span className="font-mono text-sm">{c.code}</span>
      </Detail>
      {c.replacesCode && (
        <Detail label="Replaces">
          <Link href={`/verify/${c.replacesCode}`} className={`font-mono text-sm ${linkClass}`}>
            {c.replacesCode}
          </Link>{" "}
          (revoked)
        </Detail>
      )}
    </dl>
  );
}

export default async function CertificatePage({ params }: TProps) {
  const { code } = await params;
  const canonical = canonicalCode(code);
  if (!canonical) notFound();
  if (canonical !== code) redirect(`/verify/${canonical}`);

  const limit = await limitFor();
  if (!limit.allowed) {
    return (
      <div className="mx-auto max-w-2xl px-4 py-12">
        <div role="alert" className="rounded-xl border border-amber-300 bg-amber-50 p-6 dark:border-amber-800 dark:bg-amber-950/40">
          <h1 className="text-2xl font-bold tracking-tight text-amber-950 dark:text-amber-100">Too many lookups</h1>
          <p className="mt-2 text-amber-950 dark:text-amber-100">
            Your network has checked a lot of certificates in the last minute. Please try again in {limit.retryAfterSeconds} seconds.
          </p>
        </div>
      </div>
    );
  }

  const certificate = await lookup(canonical);
  if (!certificate) notFound();
  const revoked = certificate.status === "REVOKED";

  return (
    <div className="mx-auto max-w-3xl px-4 py-12">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
        <Link href="/verify" className="hover:underline">
          Verify a certificate
        </Link>
      </nav>

      {revoked ? (
        <section
          aria-labelledby="status-heading"
          className="mt-4 rounded-xl border-2 border-red-600 bg-red-50 p-6 text-red-950 dark:border-red-500 dark:bg-red-950/50 dark:text-red-50"
        >
          <div className="flex items-start gap-3">
            <svg aria-hidden="true" viewBox="0 0 24 24" className="mt-1 h-7 w-7 shrink-0 text-red-700 dark:text-red-300" fill="none" stroke="currentColor" strokeWidth="2.5">
              <circle cx="12" cy="12" r="10" />
              <path d="M15 9l-6 6M9 9l6 6" strokeLinecap="round" />
            </svg>
            <div>
              <h1 id="status-heading" className="text-2xl font-bold tracking-tight">
                This certificate was revoked
              </h1>
              <p className="mt-2">
                Revoked{certificate.revokedOn ? ` on ${formatLongDate(certificate.revokedOn)}` : ""}. It is no longer valid and its credit has been withdrawn.
              </p>
              {certificate.revocationReason && (
                <p className="mt-2">
                  <span className="font-semibold">Reason:</span> {certificate.revocationReason}
                </p>
              )}
              {certificate.replacedByCode && (
                <p className="mt-2">
                  It was replaced by certificate{" "}
                  <Link href={`/verify/${certificate.replacedByCode}`} className="font-mono font-semibold underline underline-offset-2 hover:no-underline">
                    {certificate.replacedByCode}
                  </Link>
                  .
                </p>
              )}
            </div>
          </div>
        </section>
      ) : (
        <section
          aria-labelledby="status-heading"
          className="mt-4 rounded-xl border-2 border-green-600 bg-green-50 p-6 text-green-950 dark:border-green-500 dark:bg-green-950/50 dark:text-green-50"
        >
          <div className="flex items-start gap-3">
            <svg aria-hidden="true" viewBox="0 0 24 24" className="mt-1 h-7 w-7 shrink-0 text-green-700 dark:text-green-300" fill="none" stroke="currentColor" strokeWidth="2.5">
              <circle cx="12" cy="12" r="10" />
              <path d="M7.5 12.5l3 3 6-6.5" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            <div>
              <h1 id="status-heading" className="text-2xl font-bold tracking-tight">
                Valid certificate
              </h1>
              <p className="mt-2">
                {certificate.issuer} issued this certificate to {certificate.trainerName} on {formatLongDate(certificate.issuedOn)}. Compare every detail below
                with the document you were given: if anything differs, the document has been altered.
              </p>
            </div>
          </div>
        </section>
      )}

      <section aria-labelledby="details-heading" className="mt-8 rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <h2 id="details-heading" className="text-lg font-semibold">
          {revoked ? "What the revoked certificate stated" : "Certificate details"}
        </h2>
        <div className="mt-2">
          <Details c={certificate} />
        </div>
      </section>

      <p className="mt-6 text-sm text-slate-600 dark:text-slate-400">
        The same details are available as JSON at{" "}
        <a href={`/api/verify/${certificate.code}`} className={`font-mono ${linkClass}`}>
          /api/verify/{certificate.code}
        </a>
        .
      </p>
    </div>
  );
}
