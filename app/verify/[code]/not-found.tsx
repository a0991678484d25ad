import Link from "next/link";
import { VerifyCodeRow } from "../verify-code-row";

// Unknown and malformed codes land here alike (status 404): nothing is revealed beyond "no match".
export default function CertificateNotFound() {
  return (
    <div className="mx-auto max-w-2xl px-4 py-12">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
        <Link href="/verify" className="hover:underline">
          Verify a certificate
        </Link>
      </nav>
      <div role="status" className="mt-4 rounded-xl border border-amber-300 bg-amber-50 p-6 dark:border-amber-800 dark:bg-amber-950/40">
        <h1 className="text-2xl font-bold tracking-tight text-amber-950 dark:text-amber-100">No certificate has this code</h1>
        <p className="mt-2 text-amber-950 dark:text-amber-100">
          We never issued a certificate with this code. Check that it was copied exactly as printed on the certificate (it starts with
          “BKCE” and has 26 letters and digits after it). A certificate whose code cannot be found here is not a valid Backbone CE certificate.
        </p>
      </div>
      <form method="get" action="/verify" className="mt-8">
        <label htmlFor="verify-again" className="block font-medium">
          Try another code
        </label>
        <VerifyCodeRow id="verify-again" className="mt-2" />
      </form>
    </div>
  );
}
