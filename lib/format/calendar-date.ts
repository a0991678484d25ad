// The one place calendar dates (YYYY-MM-DD: cycle bounds, completion and issue days, CPR expiry)
// become text. A calendar date has no zone, and formatting it by hand keeps the output the same on
// every machine whatever its locale, zone or ICU data: "March 4, 2025", "Mar 4, 2025". Instants
// (a moment in time, shown in a person's zone) go through lib/format/date-time.ts instead.

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"] as const;

function splitDate(isoDate: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const month = match ? Number(match[2]) : 0;
  if (!match || month < 1 || month > 12) throw new Error(`Expected a date as YYYY-MM-DD, got "${isoDate}".`);
  return [Number(match[1]), month, Number(match[3])];
}

/** "2025-03-04" → "March 4, 2025". */
export function formatLongDate(isoDate: string): string {
  const [year, month, day] = splitDate(isoDate);
  return `${MONTHS[month - 1]} ${day}, ${year}`;
}

/** "2025-03-04" → "Mar 4, 2025". */
export function formatShortDate(isoDate: string): string {
  const [year, month, day] = splitDate(isoDate);
  return `${MONTHS[month - 1].slice(0, 3)} ${day}, ${year}`;
}

/** "2025-03-04" → "Mar 2025". */
export function formatMonthYear(isoDate: string): string {
  const [year, month] = splitDate(isoDate);
  return `${MONTHS[month - 1].slice(0, 3)} ${year}`;
}

/** "2025-03-04" → "Mar 4". */
export function formatMonthDay(isoDate: string): string {
  const [, month, day] = splitDate(isoDate);
  return `${MONTHS[month - 1].slice(0, 3)} ${day}`;
}
