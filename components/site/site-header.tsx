import Link from "next/link";
import { AccountMenu } from "@/components/site/account-menu";

export function SiteHeader() {
  return (
    <header className="no-print border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-950/90">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 font-semibold text-brand-700 dark:text-brand-100">
          <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth="2">
            <path d="M12 2v20M8 5h8M7 9h10M8 13h8M7 17h10" strokeLinecap="round" />
          </svg>
          Backbone CE
        </Link>
        <nav aria-label="Main" className="flex flex-wrap items-center gap-1 text-sm">
          <Link className="rounded px-3 py-2 hover:bg-slate-100 dark:hover:bg-slate-800" href="/courses">
            Courses
          </Link>
          <Link className="rounded px-3 py-2 hover:bg-slate-100 dark:hover:bg-slate-800" href="/dashboard">
            Dashboard
          </Link>
          <Link className="rounded px-3 py-2 hover:bg-slate-100 dark:hover:bg-slate-800" href="/verify">
            Verify a certificate
          </Link>
          <AccountMenu />
        </nav>
      </div>
    </header>
  );
}
