// The one place instants become text. Every time a person reads is shown in their own zone (the
// trainer's or the viewing admin's profile zone), in one fixed locale so the server's settings never
// change the output: "Nov 29, 2026, 10:50 AM". Where the exact moment matters (retake times,
// deadlines) the zone is named as well: "Nov 29, 2026, 10:50 AM CST (America/Chicago)".

const DISPLAY_LOCALE = "en-US";

type TStyle = "date" | "datetime" | "datetime-zone" | "time-zone";

const cache = new Map<string, Intl.DateTimeFormat>();

const knownZones = new Map<string, boolean>();

/** Whether the runtime's Intl knows `timeZone` (an IANA name such as "America/Chicago"). Remembered per name. */
export function isKnownTimeZone(timeZone: string): boolean {
  let known = knownZones.get(timeZone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat(DISPLAY_LOCALE, { timeZone });
      known = true;
    } catch {
      known = false;
    }
    // Bounded: profile zones are validated on the way in, so only a handful of names ever arrive.
    if (knownZones.size < 1000) knownZones.set(timeZone, known);
  }
  return known;
}

/**
 * The one time-zone fallback: `timeZone` when the runtime knows it, else UTC. A stored zone that
 * Intl no longer knows (or never did) must not break a page, a reminder run or a report.
 */
export function resolveTimeZone(timeZone: string | null | undefined): string {
  return timeZone && isKnownTimeZone(timeZone) ? timeZone : "UTC";
}

function formatter(timeZone: string, style: TStyle): Intl.DateTimeFormat {
  const key = `${timeZone}|${style}`;
  let f = cache.get(key);
  if (!f) {
    const date = style === "time-zone" ? {} : ({ year: "numeric", month: "short", day: "numeric" } as const);
    const time = style === "date" ? {} : ({ hour: "numeric", minute: "2-digit", hour12: true } as const);
    const zone = style === "datetime-zone" || style === "time-zone" ? ({ timeZoneName: "short" } as const) : {};
    f = new Intl.DateTimeFormat(DISPLAY_LOCALE, { timeZone: resolveTimeZone(timeZone), ...date, ...time, ...zone });
    cache.set(key, f);
  }
  return f;
}

function toDate(value: Date | string): Date {
  return typeof value === "string" ? new Date(value) : value;
}

/** "Nov 29, 2026" in `timeZone`; "—" for null. */
export function formatDate(value: Date | string | null | undefined, timeZone: string): string {
  return value ? formatter(timeZone, "date").format(toDate(value)) : "—";
}

/** "Nov 29, 2026, 10:50 AM" in `timeZone`; "—" for null. */
export function formatDateTime(value: Date | string | null | undefined, timeZone: string): string {
  return value ? formatter(timeZone, "datetime").format(toDate(value)) : "—";
}

/**
 * "Nov 29, 2026, 10:50 AM CST (America/Chicago)": for moments a person must act on. The short
 * name alone can be ambiguous ("CST" is also China), so the IANA zone follows unless it is UTC.
 */
export function formatDateTimeWithZone(value: Date | string | null | undefined, timeZone: string): string {
  if (!value) return "—";
  const zone = resolveTimeZone(timeZone);
  const text = formatter(zone, "datetime-zone").format(toDate(value));
  return zone === "UTC" ? text : `${text} (${zone})`;
}

/** "10:50 AM CST": a time later today, zone named. */
export function formatTimeWithZone(value: Date | string, timeZone: string): string {
  return formatter(timeZone, "time-zone").format(toDate(value));
}
