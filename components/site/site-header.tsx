import Link from "next/link";
import { Logo } from "@/components/brand/logo";
import { AccountMenu } from "@/components/site/account-menu";
import { ThemeToggle } from "@/components/site/theme-toggle-client";

const navLink = "rounded px-3 py-2 hover:bg-slate-100 dark:hover:bg-slate-800";

export function SiteHeader() {
  return (
    <header className="no-print border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-950/90">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-3 gap-y-1 px-4 py-2">
        <Link href="/" className="rounded py-1">
          <Logo />
          <span className="sr-only">: home</span>
        </Link>
        <nav aria-label="Main" className="flex flex-wrap items-center gap-1 text-sm">
          <Link className={navLink} href="/courses">
            Courses
          </Link>
          <Link className={navLink} href="/search">
            Search
          </Link>
          <Link className={navLink} href="/dashboard">
            Dashboard
          </Link>
          <Link className={`${navLink} hidden sm:inline-block`} href="/verify">
            Verify a certificate
          </Link>
          <ThemeToggle />
          <AccountMenu />
        </nav>
      </div>
    </header>
  );
}
