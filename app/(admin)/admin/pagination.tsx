import Link from "next/link";
import { buttonClass } from "@/components/ui";
import { formatCount } from "@/lib/format/number";

const linkClass = buttonClass({ variant: "secondary" });

/** Previous / next links that keep the current filters. */
export function Pagination({ page, pageCount, hrefFor, label }: { page: number; pageCount: number; hrefFor: (page: number) => string; label: string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="mt-6 flex flex-wrap items-center justify-between gap-3 text-sm">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} className={linkClass} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span />
      )}
      <p aria-current="page">
        Page {page} of {pageCount}
      </p>
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} className={linkClass} rel="next">
          Next →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** "Showing 26–50 of 1,234": where the rows on this page stand in the whole list (the caller names what they are). */
export function showingRange(list: { page: number; pageSize: number; total: number; rows: readonly unknown[] }): string {
  const first = (list.page - 1) * list.pageSize + 1;
  return `Showing ${formatCount(first)}–${formatCount(first + list.rows.length - 1)} of ${formatCount(list.total)}`;
}

/** The link to one page of a list filtered by the given query parameters (page 1 has no page parameter). */
export function pageHref(path: string, params: Record<string, string>, page: number): string {
  return `${path}?${new URLSearchParams({ ...params, ...(page > 1 ? { page: String(page) } : {}) })}`;
}
