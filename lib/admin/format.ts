// Dates and numbers as the admin console prints them. A fixed locale ("en-US") so the server's
// settings never change the output; the zone is the viewing admin's.

// Instants go through the site's one formatter (lib/format/date-time.ts), so the audit log, the
// outbox and every other admin page print times the same way.
export { formatDate, formatDateTime } from "@/lib/format/date-time";

const isoFormatter = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", year: "numeric", month: "short", day: "numeric" });

/** A calendar date "2026-11-25" as "Nov 25, 2026" (no zone involved). */
export function formatIsoDate(iso: string): string {
  return isoFormatter.format(new Date(`${iso}T00:00:00Z`));
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}
