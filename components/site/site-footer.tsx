import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="no-print mt-16 border-t border-slate-200 py-8 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-400">
      <div className="mx-auto flex max-w-6xl flex-wrap justify-between gap-4 px-4">
        <p>Backbone CE — continuing education for certified personal trainers.</p>
        <nav aria-label="Footer" className="flex gap-4">
          <Link href="/courses" className="underline-offset-4 hover:underline">
            Courses
          </Link>
          <Link href="/verify" className="underline-offset-4 hover:underline">
            Verify a certificate
          </Link>
          <Link href="/status" className="underline-offset-4 hover:underline" prefetch={false}>
            Status
          </Link>
        </nav>
      </div>
    </footer>
  );
}
