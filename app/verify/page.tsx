import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { linkClass } from "@/components/ui";
import { normalizeCertificateCode } from "@/lib/certificates/certificate-code";
import { VerifyCodeRow } from "./verify-code-row";

// One verify page for the whole site. A plain GET form, so it works without JavaScript: the code
// comes back as ?code=…, is normalized (case, spaces, dashes, O/0 and I/1 mix-ups) and the visitor
// lands on /verify/<code>.
export const metadata: Metadata = {
  title: "Verify a certificate",
  description: "Check a Backbone CE certificate: enter the code printed on it to see its details and status.",
};

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function VerifyPage({ searchParams }: TProps) {
  const raw = (await searchParams).code;
  const typed = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 200) ?? "";
  const canonical = typed.trim() ? normalizeCertificateCode(typed) : null;
  if (canonical) redirect(`/verify/${canonical}`);
  const invalid = typed.trim() !== "";

  return (
    <div className="mx-auto max-w-2xl px-4 py-12">
      <h1 className="text-3xl font-bold tracking-tight">Verify a certificate</h1>
      <p className="mt-3 text-slate-700 dark:text-slate-300">
        Every Backbone CE certificate carries a code like <span className="whitespace-nowrap font-mono text-sm">BKCE-7QX4M-…</span> at the bottom of
        the page, next to its QR code. Enter it to see the certificate&apos;s details as we issued them, and whether it is still valid.
      </p>
      <form method="get" action="/verify" className="mt-8 rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <label htmlFor="verify-code" className="block font-medium">
          Certificate code
        </label>
        <p id="verify-code-hint" className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Capitals, spaces and dashes do not matter.
        </p>
        <VerifyCodeRow
          id="verify-code"
          className="mt-3"
          defaultValue={typed}
          autoCapitalize="characters"
          aria-describedby={invalid ? "verify-code-hint verify-code-error" : "verify-code-hint"}
          aria-invalid={invalid || undefined}
        />
        {invalid && (
          <p id="verify-code-error" role="alert" className="mt-3 text-sm font-medium text-red-700 dark:text-red-300">
            That is not a certificate code. A code has 26 letters and digits after “BKCE”; check it against the certificate.
          </p>
        )}
      </form>
      <p className="mt-6 text-sm text-slate-600 dark:text-slate-400">
        Employers and certifying bodies can also check codes by machine: <span className="font-mono">GET /api/verify/&lt;code&gt;</span> returns the same details as
        JSON, and each certificate&apos;s signed Open Badges credential can be checked against the keys at{" "}
        <a href="/.well-known/jwks.json" className={linkClass}>
          /.well-known/jwks.json
        </a>
        .
      </p>
    </div>
  );
}
