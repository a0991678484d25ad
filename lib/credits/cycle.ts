import { z } from "zod";
import { BODY_RULES, type TCertifyingBody } from "@/lib/credits/certifying-bodies";

// Certification cycles and credit totals. Pure: the current time is always passed in as `now` or
// `until`, so the same inputs always give the same answer (and tests need no fake timers).
//
// Decisions (each body's own words are in docs/credit-rules.md):
// - Cycles are anniversaries of the date first certified, each computed from that original date
//   (not from the previous cycle), so a clamped anniversary never drifts later cycles.
// - Leap day: certified on Feb 29, the anniversary in a non-leap year is Feb 28 (the last day of
//   the same month), returning to Feb 29 in leap years. Choosing Feb 28 over Mar 1 keeps the
//   deadline in the month the trainer knows and never later than a full year/two years.
// - A cycle runs from local midnight of its first day to local midnight after its last day in
//   the trainer's IANA time zone, half-open [startsAt, endsAt). Where a zone skips midnight (DST
//   starting at 00:00, e.g. America/Santiago) the day begins at the first instant that exists.
// - Entries count in the cycle containing occurredAt. Entries before the first cycle count
//   nowhere: NFPT counts activities "done during your certification year", and work done before
//   a trainer held the certification cannot renew it.
// - Only entries of the summary's own body count: credit a trainer earned under one body is that
//   body's credit, and never meets another body's requirement.
// - Carry-forward (NFPT: "If you do more than 10 hours, your credits will be applied to the next
//   certification year"): surplus moves one year forward, not onward. Carried-in credit is used
//   first (it is the older credit), so what a cycle passes on is only its own earnings beyond
//   what it still needed: surplus = max(0, earned − max(0, required − carriedIn)). Because the
//   first NFPT year requires nothing, everything earned in it carries into year 2, and no further.
//
// PARITY: the admin trainers list repeats this rule in SQL for speed
// (lib/admin/trainer-query.sql.server.ts). ONE test holds the two together:
// lib/admin/trainers.int.test.ts, "current cycle, computed in SQL, matches summarizeCredits".
// Change both, then run it.

/** A calendar date, "YYYY-MM-DD", that exists (no 2023-02-30). */
export const ZCalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Expected a date as YYYY-MM-DD")
  .refine((value) => isRealDate(value), "Not a real calendar date");

export type TCycle = {
  /** 0 for the cycle that starts on the date first certified. */
  index: number;
  /** First day, inclusive. */
  startsOn: string;
  /** Last day, inclusive. */
  endsOn: string;
  /** Local midnight at the start of startsOn. */
  startsAt: Date;
  /** Exclusive: local midnight after endsOn (= the next cycle's startsAt). */
  endsAt: Date;
  requiredHundredths: number;
};

export type TCreditEntry = { amountHundredths: number; occurredAt: Date; certifyingBody: TCertifyingBody };

type TCycleInput = {
  body: TCertifyingBody;
  firstCertifiedOn: string;
  timeZone: string;
  /** The expiry / next renewal date the card states (its last valid day); null: anniversaries. */
  expiresOn?: string | null;
};

/**
 * The first day of cycle `index` (index 0 starts on the date first certified).
 *
 * Without a stated expiry, cycles are anniversaries of the date first certified. With one, the
 * card is the authority: a cycle ends on the stated expiry, and the cycle boundaries are that
 * date's day after, stepped by the body's cycle length both ways (ACE: a card expiring on the last
 * day of the month two years on). The first cycle runs from the date first certified to the
 * second boundary on or after it, so the stub before the first boundary joins the first full
 * cycle instead of making a cycle of a few days (certified Mar 15, expiring Mar 31 two years
 * later: one cycle of two years and 17 days). When the card expires less than one full cycle
 * after certification, the first cycle simply ends on the stated expiry.
 */
export function cycleStartOn({ firstCertifiedOn, expiresOn, cycleMonths }: { firstCertifiedOn: string; expiresOn?: string | null; cycleMonths: number }, index: number): string {
  if (index === 0) return firstCertifiedOn;
  const first = parseCalendarDate(firstCertifiedOn);
  if (!expiresOn) return addCalendarMonths(first, index * cycleMonths);
  const anchor = addCalendarDays(expiresOn, 1);
  if (anchor <= firstCertifiedOn) throw new Error(`The stated expiry ${expiresOn} must come after the date first certified ${firstCertifiedOn}.`);
  const boundary = (k: number) => addCalendarMonths(anchor, k * cycleMonths);
  // m: the step of the first boundary on or after the date first certified (m ≤ 0).
  let m = 0;
  while (boundary(m - 1) >= firstCertifiedOn) m -= 1;
  // The first cycle ends at boundary m + 1, or at the stated expiry when that is the first boundary.
  const firstEnd = m === 0 ? 0 : m + 1;
  return boundary(firstEnd + index - 1);
}

/**
 * Cycles from the first up to and including the one containing `until`. Always at least the
 * first cycle: an instant before certification belongs to the first cycle.
 */
export function listCycles({ body, firstCertifiedOn, timeZone, until, expiresOn }: TCycleInput & { until: Date }): TCycle[] {
  const rule = BODY_RULES[body];
  if (!rule) throw new Error(`Unknown certifying body "${String(body)}".`);
  parseCalendarDate(firstCertifiedOn);
  if (expiresOn) parseCalendarDate(expiresOn);
  assertTimeZone(timeZone);
  const untilMs = assertInstant(until, "until");

  const cycles: TCycle[] = [];
  let startsOn = firstCertifiedOn;
  let startsAt = startOfLocalDay(startsOn, timeZone);
  for (let index = 0; ; index += 1) {
    const nextStartsOn = cycleStartOn({ firstCertifiedOn, expiresOn, cycleMonths: rule.cycleMonths }, index + 1);
    const endsAt = startOfLocalDay(nextStartsOn, timeZone);
    cycles.push({
      index,
      startsOn,
      endsOn: addCalendarDays(nextStartsOn, -1),
      startsAt,
      endsAt,
      requiredHundredths: index === 0 && rule.firstCycleExempt ? 0 : rule.requiredPerCycleHundredths,
    });
    if (untilMs < endsAt.getTime()) return cycles;
    startsOn = nextStartsOn;
    startsAt = endsAt;
  }
}

/** The cycle containing `at` (the first cycle for instants before certification). */
export function findCycleAt(input: TCycleInput & { at: Date }): TCycle {
  const cycles = listCycles({ ...input, until: input.at });
  return cycles[cycles.length - 1];
}

export type TCurrentCycleSummary = {
  cycle: TCycle;
  earnedHundredths: number;
  carriedInHundredths: number;
  requiredHundredths: number;
  /** What is still needed; 0 once met. */
  remainingHundredths: number;
  /** Calendar days left in the cycle counting today (in the trainer's zone): 1 on the last day. */
  daysLeft: number;
  met: boolean;
  /** The cycle ends within 60 days (daysLeft ≤ 60) and is not met. */
  warning: boolean;
};

/** One row per cycle; every amount is in hundredths. */
export type TCycleHistoryRow = {
  cycle: TCycle;
  earned: number;
  carriedIn: number;
  required: number;
  /**
   * max(0, earned − max(0, required − carriedIn)): this cycle's own credit beyond what it needed,
   * which a carry-forward body passes to the next cycle (and only to that one).
   */
  surplus: number;
  met: boolean;
};

export type TCreditSummary = {
  current: TCurrentCycleSummary;
  /** Every cycle from the first through the current one (the last row is the current cycle). */
  history: TCycleHistoryRow[];
};

export const WARNING_DAYS = 60;

/**
 * Totals per cycle as of `now`. Awards, adjustments (±) and reversals are all just signed
 * entries; each lands in exactly one cycle, so nothing is counted twice. Entries dated after the
 * current cycle (clock skew, future-dated imports) belong to a cycle that has not started and are
 * left out rather than inflating the current one.
 */
export function summarizeCredits({
  body,
  firstCertifiedOn,
  timeZone,
  now,
  entries,
  expiresOn,
}: TCycleInput & { now: Date; entries: readonly TCreditEntry[] }): TCreditSummary {
  const rule = BODY_RULES[body];
  const cycles = listCycles({ body, firstCertifiedOn, timeZone, until: now, expiresOn });
  const earned = cycles.map(() => 0);

  for (const entry of entries) {
    assertHundredths(entry.amountHundredths);
    const at = assertInstant(entry.occurredAt, "occurredAt");
    if (entry.certifyingBody !== body) continue;
    const index = indexOfCycle(cycles, at);
    if (index !== null) earned[index] += entry.amountHundredths;
  }

  const history: TCycleHistoryRow[] = [];
  let carriedIn = 0;
  for (const [i, cycle] of cycles.entries()) {
    const required = cycle.requiredHundredths;
    const total = earned[i] + carriedIn;
    const surplus = Math.max(0, earned[i] - Math.max(0, required - carriedIn));
    history.push({ cycle, earned: earned[i], carriedIn, required, surplus, met: total >= required });
    carriedIn = rule.carryForward ? surplus : 0;
  }

  const last = history[history.length - 1];
  const today = toLocalDate(now, timeZone);
  // Before certification "today" precedes the cycle: the whole cycle is left, no more.
  const daysLeft =
    Math.min(daysBetween(today, last.cycle.endsOn), daysBetween(last.cycle.startsOn, last.cycle.endsOn)) + 1;
  const remainingHundredths = Math.max(0, last.required - last.earned - last.carriedIn);
  return {
    current: {
      cycle: last.cycle,
      earnedHundredths: last.earned,
      carriedInHundredths: last.carriedIn,
      requiredHundredths: last.required,
      remainingHundredths,
      daysLeft,
      met: last.met,
      warning: !last.met && daysLeft <= WARNING_DAYS,
    },
    history,
  };
}

export type TCreditPoint = { date: string; cumulativeHundredths: number };

/**
 * Running total for a chart: one point per local day that has entries, in date order, holding
 * the total after that day's entries. Pass the trainer's zone so an award at 23:30 in Los
 * Angeles is plotted on that day, not the next UTC day.
 */
export function creditsOverTime(entries: readonly Omit<TCreditEntry, "certifyingBody">[], options: { timeZone?: string } = {}): TCreditPoint[] {
  const timeZone = options.timeZone ?? "UTC";
  assertTimeZone(timeZone);
  const sorted = entries
    .map((entry) => {
      assertHundredths(entry.amountHundredths);
      return { ms: assertInstant(entry.occurredAt, "occurredAt"), amount: entry.amountHundredths };
    })
    .sort((a, b) => a.ms - b.ms);

  const points: TCreditPoint[] = [];
  let total = 0;
  for (const { ms, amount } of sorted) {
    total += amount;
    const date = toLocalDate(new Date(ms), timeZone);
    const lastPoint = points[points.length - 1];
    if (lastPoint && lastPoint.date === date) lastPoint.cumulativeHundredths = total;
    else points.push({ date, cumulativeHundredths: total });
  }
  return points;
}

// ---------------------------------------------------------------------------------------------
// Calendar and time-zone helpers. Calendar dates are handled as Y/M/D numbers through Date.UTC,
// which has no DST; only the step from a date to an instant needs the zone.

type TYmd = { year: number; month: number; day: number };

function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function parseCalendarDate(value: string): TYmd {
  if (typeof value !== "string" || !isRealDate(value)) {
    throw new Error(`Expected a calendar date as YYYY-MM-DD, got "${String(value)}".`);
  }
  const [year, month, day] = value.split("-").map(Number);
  return { year, month, day };
}

function formatYmd({ year, month, day }: TYmd): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The date `months` months after `from`, with the day clamped to the month's end (Feb 29 → Feb 28). */
export function addCalendarMonths(from: string | TYmd, months: number): string {
  const { year, month, day } = typeof from === "string" ? parseCalendarDate(from) : from;
  const zeroBased = month - 1 + months;
  const targetYear = year + Math.floor(zeroBased / 12);
  const targetMonth = (((zeroBased % 12) + 12) % 12) + 1;
  return formatYmd({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}

export function addCalendarDays(from: string, days: number): string {
  const { year, month, day } = parseCalendarDate(from);
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return formatYmd({ year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() });
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = parseCalendarDate(from);
  const b = parseCalendarDate(to);
  return (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      });
    } catch {
      throw new Error(`Unknown time zone "${timeZone}"; expected an IANA name like "America/Los_Angeles".`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

/** Wall-clock fields of an instant in a zone. */
function localParts(ms: number, timeZone: string) {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year,
    month: fields.month,
    day: fields.day,
    hour: fields.hour,
    minute: fields.minute,
    second: fields.second,
  };
}

/** The zone's offset from UTC at an instant, in ms (local = UTC + offset). */
function offsetAt(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  const wallAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wallAsUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

/** The local calendar date of an instant in a zone, "YYYY-MM-DD". */
export function toLocalDate(instant: Date, timeZone: string): string {
  const p = localParts(assertInstant(instant, "instant"), timeZone);
  return formatYmd(p);
}

/**
 * The first instant of a local calendar day: local midnight, or where the zone skips midnight
 * (DST starting at 00:00) the moment the day actually begins.
 */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const ymd = parseCalendarDate(date);
  const wallMidnight = Date.UTC(ymd.year, ymd.month - 1, ymd.day);

  // Midnight exists where wall time minus the offset in force then gives back midnight; try the
  // offsets in force around it, and take the earliest match (a repeated midnight starts the day
  // at its first occurrence).
  const candidates = new Set<number>();
  for (const probe of [wallMidnight - 86_400_000, wallMidnight, wallMidnight + 86_400_000]) {
    candidates.add(wallMidnight - offsetAt(probe, timeZone));
  }
  const exact = [...candidates]
    .filter((ms) => wallMidnight - offsetAt(ms, timeZone) === ms)
    .sort((a, b) => a - b);
  if (exact.length > 0) return new Date(exact[0]);

  // Midnight was skipped: binary-search the first instant whose local date is `date` or later.
  // Offsets stay within ±18 h, so the answer lies within a day either side of wall midnight.
  let low = wallMidnight - 2 * 86_400_000; // local date certainly earlier
  let high = wallMidnight + 2 * 86_400_000; // local date certainly not earlier
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (toLocalDate(new Date(mid), timeZone) >= date) high = mid;
    else low = mid;
  }
  return new Date(high);
}

function indexOfCycle(cycles: readonly TCycle[], ms: number): number | null {
  if (ms < cycles[0].startsAt.getTime()) return null; // before certification: counts nowhere
  for (let i = 0; i < cycles.length; i += 1) {
    if (ms < cycles[i].endsAt.getTime()) return i;
  }
  return null; // after the current cycle
}

function assertInstant(value: Date, what: string): number {
  const ms = value instanceof Date ? value.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new Error(`${what} must be a valid Date.`);
  return ms;
}

function assertHundredths(value: number): void {
  if (!Number.isSafeInteger(value)) {
    throw new Error(`Credit amounts are integer hundredths, got ${value}.`);
  }
}
