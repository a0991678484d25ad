// Dates and numbers as the admin console prints them. A fixed locale ("en-US") so the server's
// settings never change the output; the zone is the viewing admin's.

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withTime}`;
  let f = cache.get(key);
  if (!f) {
    let zone = timeZone;
    try {
      new Intl.DateTimeFormat("en-US", { timeZone });
    } catch {
      zone = "UTC";
    }
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      year: "numeric",
      month: "short",
      day: "numeric",
      ...(withTime ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" as const } : {}),
    });
    cache.set(key, f);
  }
  return f;
}

/** "Nov 25, 2026, 14:03" in `timeZone`; "—" for null. */
export function formatDateTime(value: Date | null | undefined, timeZone: string): string {
  return value ? formatter(timeZone, true).format(value) : "—";
}

/** "Nov 25, 2026" in `timeZone`; "—" for null. */
export function formatDate(value: Date | null | undefined, timeZone: string): string {
  return value ? formatter(timeZone, false).format(value) : "—";
}

/** A calendar date "2026-11-25" as "Nov 25, 2026" (no zone involved). */
export function formatIsoDate(iso: string): string {
  return formatter("UTC", false).format(new Date(`${iso}T00:00:00Z`));
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

/** Whole percent of part in whole, or "—" when whole is 0. */
export function formatPercent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((part * 100) / whole)}%` : "—";
}
