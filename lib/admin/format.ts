// Dates and numbers as the admin console prints them. A fixed locale ("en-US") so the server's
// settings never change the output; the zone is the viewing admin's.

// Instants go through the site's one formatter (lib/format/date-time.ts), so the audit log, the
// outbox and every other admin page print times the same way.
export { formatDate, formatDateTime } from "@/lib/format/date-time";
// Calendar dates ("2026-11-25" → "Nov 25, 2026") likewise come from lib/format/calendar-date.ts.

export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

/** Whole percent of part in whole, or "—" when whole is 0. */
export function formatPercent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((part * 100) / whole)}%` : "—";
}
