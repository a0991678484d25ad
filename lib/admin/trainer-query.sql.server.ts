import "server-only";
import { BODY_RULES, CERTIFYING_BODIES, type TCertifyingBody } from "@/lib/credits/certifying-bodies";
import { WARNING_DAYS } from "@/lib/credits/cycle";
import type { TDb } from "@/lib/db/client";
import { isKnownTimeZone } from "@/lib/format/date-time";
import { Prisma, Role } from "@/lib/generated/prisma/client";
import { escapeLike } from "@/lib/text/safe-text";
import type { TCourseStatus, TCycleStatus, TTrainerFilters, TTrainerSort } from "./trainer-filters";

// The trainers list in SQL, against any Prisma client (the app's, a test's or the benchmark's).
// lib/admin/trainers.server.ts adds the admin check and the app's client. Raw because it is a
// report: it filters and sorts 100,000 trainers on figures (current cycle, credit counted) that
// Prisma's query API cannot compute in the database, and searches with trigram-indexed LIKEs.
//
// The list filters and sorts on where each trainer stands in their current certification cycle,
// for all 10,000 trainers at once, so that is computed in the database with the same rules as
// lib/credits/cycle.ts (summarizeCredits), which the trainer page uses and the integration tests
// compare against:
// - cycle k starts on firstCertifiedOn + k × cycleMonths months (PostgreSQL clamps Feb 29 to Feb 28
//   like addCalendarMonths), at local midnight in the trainer's zone; "today" is the local date;
//   with a stated expiry (the primary certification's, mirrored in TrainerProfile) cycles end on
//   it instead, stepping back by the cycle length (cycleStartOn);
// - only entries of the primary certification count (its body's, from its active certification);
//   entries before certification and after the current cycle count nowhere;
// - carry-forward (NFPT) moves a cycle's surplus one cycle forward only:
//   surplus(j) = max(0, earned(j) − max(0, required(j) − carriedIn(j))), carriedIn(j+1) = surplus(j).
//   A cycle without entries passes nothing on, so the chain only runs through consecutive cycles
//   that have entries: a short recursive CTE over those rows.
// The bodies' figures (cycle length, requirement, first-cycle exemption, carry-forward) are not
// repeated: RULES_SQL is generated from BODY_RULES, and the warning window is WARNING_DAYS.
//
// PARITY: the cycle rule above is written twice, here for speed and in lib/credits/cycle.ts as the
// definition. ONE test holds them together: lib/admin/trainers.int.test.ts, "current cycle,
// computed in SQL, matches summarizeCredits", which runs both on the same table of cases (leap
// days, stated expiries, zones around midnight, carry-forward chains). Change both, then run it.
//
// The list does not run that rule per request over every trainer: it is stored per trainer in
// "TrainerStanding" (docs/decisions/017), which refreshTrainerStandings below recomputes with these
// CTEs for the rows that a write made stale or whose cycle has ended. Two steps then keep each
// request cheap: the first finds the page's ids (joining the standings only when a cycle filter or
// sort needs them), the second fills in the columns for those few ids.

export type TClient = Pick<TDb, "$queryRaw">;

type TTrainerCycle = {
  startsOn: string;
  endsOn: string;
  daysLeft: number;
  requiredHundredths: number;
  earnedHundredths: number;
  carriedInHundredths: number;
  /** earned + carried in: what counts toward the requirement. */
  countedHundredths: number;
  met: boolean;
  /** Not met and the cycle ends within 60 days. */
  warning: boolean;
};

export type TTrainerRow = {
  id: string;
  name: string;
  email: string;
  body: TCertifyingBody;
  certificationNumber: string;
  firstCertifiedOn: string;
  joinedAt: Date;
  disabled: boolean;
  verified: boolean;
  timeZone: string;
  cycle: TTrainerCycle;
  coursesCompleted: number;
  lastActiveAt: Date | null;
};

export type TTrainerList = { rows: TTrainerRow[]; total: number; page: number; pageCount: number; pageSize: number };

// ---------------------------------------------------------------------------------------------
// Time zones. A zone PostgreSQL does not know would fail the whole query ("time zone not
// recognized"), so zones are checked against the server's own list (read once per client) and
// anything else is treated as UTC, as the ledger pages do for zones Intl does not know.

const knownZones = new WeakMap<object, Promise<string[]>>();

function serverZones(client: TClient): Promise<string[]> {
  let zones = knownZones.get(client);
  if (!zones) {
    zones = client.$queryRaw<{ name: string }[]>`SELECT name FROM pg_timezone_names`.then((rows) =>
      rows.map((r) => r.name).filter(isKnownTimeZone),
    );
    zones.catch(() => knownZones.delete(client));
    knownZones.set(client, zones);
  }
  return zones;
}

// ---------------------------------------------------------------------------------------------
// SQL pieces

const RULES_SQL = Prisma.join(
  CERTIFYING_BODIES.map((body) => {
    const r = BODY_RULES[body];
    return Prisma.sql`(${body}::text, ${r.cycleMonths}::int, ${r.requiredPerCycleHundredths}::int, ${r.firstCycleExempt}::boolean, ${r.carryForward}::boolean)`;
  }),
);

/** The largest j with origin + j × months ≤ d (negative before the origin), as SQL text. */
function stepsSince(d: string, origin: string, months: string): string {
  const k0 = `floor(((date_part('year', ${d}) - date_part('year', ${origin})) * 12 + date_part('month', ${d}) - date_part('month', ${origin})) / ${months})::int`;
  return `(${k0} - CASE WHEN (${origin} + make_interval(months => ${k0} * ${months}))::date > ${d} THEN 1 ELSE 0 END)`;
}

/**
 * The index of the cycle containing local date `d` (0 before certification), as SQL. Cycle k ≥ 1
 * starts on origin + (k + shift) × months (cycleStartOn in cycle.ts): origin is the date first
 * certified (shift 0) or, with a stated expiry, the day after it (shift from cycleShiftSql).
 */
function cycleIndexSql(d: string, origin: string, months: string, shift: string): Prisma.Sql {
  return Prisma.raw(`GREATEST(0, ${stepsSince(d, origin, months)} - ${shift})`);
}

/** The first day of cycle `k`, as SQL text (see cycleIndexSql). */
function cycleStartSql(k: string, t: string): string {
  return `CASE WHEN ${k} = 0 THEN ${t}.first ELSE (${t}.origin + make_interval(months => (${k} + ${t}.shift) * ${t}.months))::date END`;
}

/**
 * CTEs that turn `source` (a CTE with columns id, tz, body, first, expires) into `cycle_status`:
 * id, starts_on, ends_on (text dates), days_left, required, earned, carried_in, counted, met, warning.
 */
function cycleCtes(source: string, now: Date, zones: string[]): Prisma.Sql {
  return Prisma.sql`
  cyc_rules(body, months, req, exempt, carry) AS (VALUES ${RULES_SQL}),
  cyc_zones AS (SELECT unnest(${zones}::text[]) AS name),
  cyc_origin AS MATERIALIZED (
    -- With a stated expiry the cycles end on it: boundaries are the day after it, stepped by the
    -- cycle length; the first cycle ends at the boundary after the first one on or after the date
    -- first certified, or on the stated expiry when that is the first boundary (cycleStartOn).
    SELECT s.id, s.first, s.body, s.tz, r.months, r.req, r.exempt, r.carry,
      COALESCE(a.anchor, s.first) AS origin,
      CASE WHEN a.anchor IS NULL THEN 0
        ELSE (CASE WHEN m.m = 0 THEN 0 ELSE m.m + 1 END) - 1 END AS shift
    FROM ${Prisma.raw(source)} s
    JOIN cyc_rules r ON r.body = s.body::text
    CROSS JOIN LATERAL (SELECT CASE WHEN s.expires > s.first THEN s.expires + 1 END AS anchor OFFSET 0) a
    CROSS JOIN LATERAL (SELECT ${Prisma.raw(stepsSince("s.first", "a.anchor", "r.months"))} AS j OFFSET 0) jf
    CROSS JOIN LATERAL (
      SELECT CASE WHEN (a.anchor + make_interval(months => jf.j * r.months))::date = s.first THEN jf.j ELSE jf.j + 1 END AS m OFFSET 0
    ) m
  ),
  cyc_today AS MATERIALIZED (
    SELECT o.id, o.first, o.origin, o.shift, o.body::text AS body, o.months, o.req, o.exempt, o.carry, z.tz, (${now}::timestamptz AT TIME ZONE z.tz)::date AS today
    FROM cyc_origin o
    CROSS JOIN LATERAL (SELECT CASE WHEN o.tz IN (SELECT name FROM cyc_zones) THEN o.tz ELSE 'UTC' END AS tz OFFSET 0) z
  ),
  cyc_k AS MATERIALIZED (
    SELECT t.*, ${cycleIndexSql("t.today", "t.origin", "t.months", "t.shift")} AS k FROM cyc_today t
  ),
  cyc_dates AS MATERIALIZED (
    SELECT t.*,
      ${Prisma.raw(cycleStartSql("t.k", "t"))} AS starts_on,
      ${Prisma.raw(cycleStartSql("(t.k + 1)", "t"))} AS next_on,
      CASE WHEN t.k = 0 AND t.exempt THEN 0 ELSE t.req END AS required
    FROM cyc_k t
  ),
  cyc AS MATERIALIZED (
    -- Prisma keeps DateTime columns as UTC wall time (timestamp without time zone): bounds are
    -- converted to that form, so comparisons with occurredAt stay plain column comparisons.
    SELECT c.*,
      (c.first::timestamp AT TIME ZONE c.tz) AT TIME ZONE 'UTC' AS first_at,
      (c.starts_on::timestamp AT TIME ZONE c.tz) AT TIME ZONE 'UTC' AS starts_at,
      (c.next_on::timestamp AT TIME ZONE c.tz) AT TIME ZONE 'UTC' AS ends_at
    FROM cyc_dates c
  ),
  -- One pass over the body's entries from certification to the end of each current cycle: those
  -- inside it are earned, earlier ones (carry-forward bodies only) are grouped by their cycle.
  cyc_entries AS MATERIALIZED (
    SELECT c.id, c.first, c.origin, c.shift, c.months, e."amountHundredths" AS amount,
      c.k = 0 OR e."occurredAt" >= c.starts_at AS current,
      CASE WHEN c.carry AND c.k > 0 AND e."occurredAt" < c.starts_at THEN ((e."occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE c.tz)::date END AS d
    FROM cyc c JOIN "CreditEntry" e ON e."userId" = c.id AND e."certifyingBody"::text = c.body
    -- Only the primary certification's own entries: the one active certification of its body.
    JOIN "Certification" ct ON ct.id = e."certificationId" AND ct."retiredAt" IS NULL
    WHERE e."occurredAt" < c.ends_at AND e."occurredAt" >= c.first_at
  ),
  cyc_earned AS (
    SELECT e.id, SUM(e.amount)::int AS earned FROM cyc_entries e WHERE e.current GROUP BY e.id
  ),
  cyc_prev AS (
    SELECT p.id, ${cycleIndexSql("p.d", "p.origin", "p.months", "p.shift")} AS j, SUM(p.amount)::int AS earned
    FROM cyc_entries p
    WHERE p.d IS NOT NULL
    GROUP BY 1, 2
  ),
  cyc_prev_n AS (
    SELECT p.id, p.j, p.earned, CASE WHEN p.j = 0 AND c.exempt THEN 0 ELSE c.req END AS required,
      row_number() OVER (PARTITION BY p.id ORDER BY p.j) AS rn
    FROM cyc_prev p JOIN cyc c ON c.id = p.id
  ),
  cyc_chain AS (
    SELECT n.id, n.j, n.rn, GREATEST(0, n.earned - n.required) AS surplus FROM cyc_prev_n n WHERE n.rn = 1
    UNION ALL
    SELECT n.id, n.j, n.rn,
      GREATEST(0, n.earned - GREATEST(0, n.required - CASE WHEN n.j = ch.j + 1 THEN ch.surplus ELSE 0 END))
    FROM cyc_chain ch JOIN cyc_prev_n n ON n.id = ch.id AND n.rn = ch.rn + 1
  ),
  cycle_status AS (
    SELECT c.id, c.tz, c.body, c.starts_on AS starts_on_date,
      CASE WHEN c.k = 0 THEN '-infinity'::timestamp ELSE c.starts_at END AS valid_from, c.ends_at AS valid_until,
      to_char(c.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(c.next_on - 1, 'YYYY-MM-DD') AS ends_on, c.next_on - 1 AS ends_on_date,
      LEAST(c.next_on - 1 - c.today, c.next_on - 1 - c.starts_on) + 1 AS days_left,
      c.required, COALESCE(ce.earned, 0) AS earned, ci.carried_in,
      COALESCE(ce.earned, 0) + ci.carried_in AS counted,
      COALESCE(ce.earned, 0) + ci.carried_in >= c.required AS met,
      COALESCE(ce.earned, 0) + ci.carried_in < c.required AND LEAST(c.next_on - 1 - c.today, c.next_on - 1 - c.starts_on) + 1 <= ${WARNING_DAYS} AS warning
    FROM cyc c
    LEFT JOIN cyc_earned ce ON ce.id = c.id
    LEFT JOIN cyc_chain ch ON ch.id = c.id AND ch.j = c.k - 1
    CROSS JOIN LATERAL (SELECT COALESCE(ch.surplus, 0)::int AS carried_in) ci
  )`;
}

function courseStatusSql(status: TCourseStatus, courseId: string | undefined): Prisma.Sql {
  const inCourse = (column: string) => (courseId ? Prisma.sql` AND ${Prisma.raw(column)} = ${courseId}` : Prisma.empty);
  const started = Prisma.sql`EXISTS (SELECT 1 FROM "LessonProgress" lp JOIN "Lesson" l ON l.id = lp."lessonId" WHERE lp."userId" = u.id${inCourse('l."courseId"')})`;
  const awarded = Prisma.sql`EXISTS (SELECT 1 FROM "CreditEntry" ce WHERE ce."userId" = u.id AND ce.kind = 'AWARD' AND ce."awardCourseId" IS NOT NULL${inCourse('ce."awardCourseId"')})`;
  switch (status) {
    case "not-started":
      return Prisma.sql`NOT ${started}`;
    case "in-progress":
      return courseId
        ? Prisma.sql`${started} AND NOT ${awarded}`
        : Prisma.sql`EXISTS (SELECT 1 FROM "LessonProgress" lp JOIN "Lesson" l ON l.id = lp."lessonId" WHERE lp."userId" = u.id
            AND NOT EXISTS (SELECT 1 FROM "CreditEntry" ce WHERE ce."userId" = u.id AND ce."awardCourseId" = l."courseId"))`;
    case "completed":
      return awarded;
    case "certified":
      return Prisma.sql`EXISTS (SELECT 1 FROM "Certificate" c WHERE c."userId" = u.id AND c.status = 'ISSUED'${inCourse('c."courseId"')})`;
  }
}

function baseWhere(filters: Pick<TTrainerFilters, "q" | "body" | "courseStatus" | "course">): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`u.role = 'TRAINER'`];
  if (filters.q) {
    // Substring on name, email and certification number. LIKE on lower()/upper() rather than
    // ILIKE: emails are stored lower-cased, and each expression has a trigram index (migration
    // 20261129224000). An OR across the join cannot use them, so the match is a UNION of three
    // index lookups, each a bitmap scan of its own trigram index.
    const term = escapeLike(filters.q);
    const lower = `%${term.toLowerCase()}%`;
    const upper = `%${term.toUpperCase()}%`;
    parts.push(Prisma.sql`u.id IN (
      SELECT m.id FROM "User" m WHERE lower(m.name) LIKE ${lower}
      UNION SELECT m.id FROM "User" m WHERE m.email LIKE ${lower}
      UNION SELECT m."userId" FROM "TrainerProfile" m WHERE upper(m."certificationNumber") LIKE ${upper})`);
  }
  if (filters.body) parts.push(Prisma.sql`p."certifyingBody" = ${filters.body}::"CertifyingBody"`);
  if (filters.courseStatus) parts.push(courseStatusSql(filters.courseStatus, filters.course));
  return Prisma.join(parts, " AND ");
}

// ---------------------------------------------------------------------------------------------
// Standings (docs/decisions/017): the cycle figures above, stored per trainer in "TrainerStanding"
// so the list filters and sorts on them with indexes. A row holds for instants in
// [validFrom, validUntil): its cycle's bounds. Triggers (migration 20261129224000) mark a row stale
// in the same transaction as every write its figures depend on; before reading, the list
// recomputes the rows that are stale or whose cycle does not contain `now` (a few a day, and the
// rows written since the last read) with cycleCtes, the one SQL twin of the rule.

const REFRESH_BATCH = 5_000;

/**
 * Recomputes the standings that do not hold at `now`, REFRESH_BATCH at a time; returns how many
 * were written. A row is written only if no write made it stale again since it was read (version
 * check), so a concurrent ledger write is never overwritten by figures computed without it.
 */
export async function refreshTrainerStandings(client: TClient, now: Date): Promise<number> {
  const at = Prisma.sql`(${now}::timestamptz AT TIME ZONE 'UTC')`;
  const stale = Prisma.sql`SELECT "userId" FROM "TrainerStanding" WHERE "validUntil" <= ${at}
    UNION SELECT "userId" FROM "TrainerStanding" WHERE "validFrom" > ${at}`;
  const [{ n: pending }] = await client.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (${stale} LIMIT 1) x`;
  if (pending === 0) return 0;
  const zones = await serverZones(client);
  let written = 0;
  // Bounded: rows skipped by the version check stay stale for the next read.
  for (let round = 0; round < 1_000; round++) {
    const [{ n, seen }] = await client.$queryRaw<{ n: number; seen: number }[]>`WITH RECURSIVE base AS MATERIALIZED (
        SELECT s."userId" AS id, s.version, u."timeZone" AS tz, p."certifyingBody" AS body, p."firstCertifiedOn" AS first,
          p."certificationExpiresOn" AS expires
        FROM (${stale} LIMIT ${REFRESH_BATCH}) x
        JOIN "TrainerStanding" s ON s."userId" = x."userId"
        JOIN "TrainerProfile" p ON p."userId" = s."userId" JOIN "User" u ON u.id = s."userId"
      ), ${cycleCtes("base", now, zones)},
      written AS (
        UPDATE "TrainerStanding" t SET "validFrom" = cs.valid_from, "validUntil" = cs.valid_until, "certifyingBody" = cs.body::"CertifyingBody",
          "timeZone" = cs.tz, "startsOn" = cs.starts_on_date, "endsOn" = cs.ends_on_date, "requiredHundredths" = cs.required,
          "earnedHundredths" = cs.earned, "carriedInHundredths" = cs.carried_in, "countedHundredths" = cs.counted, met = cs.met
        FROM cycle_status cs JOIN base b ON b.id = cs.id
        WHERE t."userId" = cs.id AND t.version = b.version
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM written)::int AS n, (SELECT count(*) FROM base)::int AS seen`;
    written += n;
    if (seen < REFRESH_BATCH || n === 0) return written;
  }
  return written;
}

/** Local "today" of a standing, and its days left (as summarizeCredits: never more than the cycle). */
const TODAY_SQL = (now: Date) => Prisma.sql`((${now}::timestamptz AT TIME ZONE s."timeZone")::date)`;
const DAYS_LEFT_SQL = (now: Date) => Prisma.sql`(LEAST(s."endsOn" - ${TODAY_SQL(now)}, s."endsOn" - s."startsOn") + 1)`;

function cycleWhere(status: TCycleStatus | undefined, now: Date): Prisma.Sql {
  if (status === "met") return Prisma.sql`s.met`;
  if (status === "behind") return Prisma.sql`NOT s.met`;
  // A cheap date test first (local today is within a day of UTC's; a cycle shorter than the window
  // can warn from before it starts), then the exact one in the trainer's zone.
  if (status === "warning")
    return Prisma.sql`NOT s.met AND (s."endsOn" <= (${now}::timestamptz AT TIME ZONE 'UTC')::date + ${WARNING_DAYS + 1}::int OR s."endsOn" - s."startsOn" < ${WARNING_DAYS}) AND ${DAYS_LEFT_SQL(now)} <= ${WARNING_DAYS}`;
  return Prisma.sql`TRUE`;
}

const SORT_SQL: Record<TTrainerSort, string> = {
  name: "f.name",
  email: "f.email",
  certification: `f."certificationNumber"`,
  body: `f."certifyingBody"::text`,
  joined: `f."createdAt"`,
  credits: "f.counted",
  due: "f.ends_on_date",
};

function needsCycles(filters: Pick<TTrainerFilters, "cycleStatus" | "sort">): boolean {
  return filters.cycleStatus !== undefined || filters.sort === "credits" || filters.sort === "due";
}

type TIdQuery = {
  filters: Omit<TTrainerFilters, "page" | "pageSize">;
  now: Date;
  limit: number;
  offset?: number;
  /** Keyset for exports: rows after this (name, id), in name order. */
  after?: { name: string; id: string } | null;
};

/** The page's ids (standings already refreshed for `now`). */
async function findIds(client: TClient, { filters, now, limit, offset = 0, after }: TIdQuery): Promise<{ ids: string[]; total: number | null }> {
  const withCycles = needsCycles(filters);
  const direction = Prisma.raw(filters.dir === "desc" ? "DESC" : "ASC");
  const keyset = after !== undefined;
  const order = keyset ? Prisma.sql`f.name ASC, f.id ASC` : Prisma.sql`${Prisma.raw(SORT_SQL[filters.sort])} ${direction}, f.id ${direction}`;
  const ctes = Prisma.sql`WITH f AS (
      SELECT u.id, u.name, u.email, u."createdAt", p."certificationNumber", p."certifyingBody"${withCycles ? Prisma.sql`, s."countedHundredths" AS counted, s."endsOn" AS ends_on_date` : Prisma.empty}
      FROM "User" u JOIN "TrainerProfile" p ON p."userId" = u.id${withCycles ? Prisma.sql` JOIN "TrainerStanding" s ON s."userId" = u.id` : Prisma.empty}
      WHERE ${baseWhere(filters)}${withCycles ? Prisma.sql` AND ${cycleWhere(filters.cycleStatus, now)}${filters.body ? Prisma.sql` AND s."certifyingBody" = ${filters.body}::"CertifyingBody"` : Prisma.empty}` : Prisma.empty}
    )`;
  if (keyset) {
    const rows = await client.$queryRaw<{ id: string }[]>`${ctes}
      SELECT f.id FROM f ${after ? Prisma.sql`WHERE (f.name, f.id) > (${after.name}, ${after.id})` : Prisma.empty}
      ORDER BY ${order} LIMIT ${limit}`;
    return { ids: rows.map((r) => r.id), total: null };
  }
  // The page is an index walk that stops after `limit` rows and the count a quick scan: two small
  // queries side by side beat one that counts with a window function.
  const [rows, total] = await Promise.all([
    client.$queryRaw<{ id: string }[]>`${ctes} SELECT f.id FROM f ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
    countIds(client, ctes, filters, now),
  ]);
  return { ids: rows.map((r) => r.id), total };
}

/**
 * How many trainers match. Without a search or course filter every condition is on the standing
 * (one row per trainer profile, its body kept equal to the profile's by trigger), so the count is
 * an index-only scan of one table, less the few non-trainers (admins with a profile) that match,
 * instead of a join of the whole User and TrainerProfile tables (640 ms at 100,000 trainers).
 */
/** As a list, so the (role, createdAt) index finds the few (`role <> 'TRAINER'` would scan). */
const NON_TRAINER_ROLES = Object.values(Role).filter((role) => role !== Role.TRAINER);

async function countIds(client: TClient, ctes: Prisma.Sql, filters: TIdQuery["filters"], now: Date): Promise<number> {
  if (filters.q || filters.courseStatus) {
    const [{ total }] = await client.$queryRaw<{ total: number }[]>`${ctes} SELECT count(*)::int AS total FROM f`;
    return total;
  }
  const where = Prisma.sql`${filters.body ? Prisma.sql`s."certifyingBody" = ${filters.body}::"CertifyingBody"` : Prisma.sql`TRUE`} AND ${cycleWhere(filters.cycleStatus, now)}`;
  const [{ total }] = await client.$queryRaw<{ total: number }[]>`SELECT (
      (SELECT count(*) FROM "TrainerStanding" s WHERE ${where})
      - (SELECT count(*) FROM "User" u JOIN "TrainerStanding" s ON s."userId" = u.id WHERE u.role = ANY(${NON_TRAINER_ROLES}::"Role"[]) AND ${where})
    )::int AS total`;
  return total;
}

type TDetailRow = {
  id: string;
  name: string;
  email: string;
  body: TCertifyingBody;
  certificationNumber: string;
  first_certified_on: string;
  createdAt: Date;
  disabled: boolean;
  verified: boolean;
  tz: string;
  starts_on: string;
  ends_on: string;
  days_left: number;
  required: number;
  earned: number;
  carried_in: number;
  counted: number;
  met: boolean;
  warning: boolean;
  courses_completed: number;
  last_active_at: Date | null;
};

/** Every column of the list for a handful of trainers, in the order of `ids` (standings refreshed). */
async function readRows(client: TClient, ids: string[], now: Date): Promise<TTrainerRow[]> {
  if (ids.length === 0) return [];
  const rows = await client.$queryRaw<TDetailRow[]>`
    SELECT u.id, u.name, u.email, p."certifyingBody"::text AS body, p."certificationNumber", to_char(p."firstCertifiedOn", 'YYYY-MM-DD') AS first_certified_on,
      u."createdAt", u."disabledAt" IS NOT NULL AS disabled, u."emailVerifiedAt" IS NOT NULL AS verified, u."timeZone" AS tz,
      to_char(s."startsOn", 'YYYY-MM-DD') AS starts_on, to_char(s."endsOn", 'YYYY-MM-DD') AS ends_on, ${DAYS_LEFT_SQL(now)} AS days_left,
      s."requiredHundredths" AS required, s."earnedHundredths" AS earned, s."carriedInHundredths" AS carried_in, s."countedHundredths" AS counted,
      s.met, NOT s.met AND ${DAYS_LEFT_SQL(now)} <= ${WARNING_DAYS} AS warning,
      (SELECT count(DISTINCT ce."awardCourseId")::int FROM "CreditEntry" ce WHERE ce."userId" = u.id AND ce.kind = 'AWARD') AS courses_completed,
      GREATEST(
        (SELECT max(lp."updatedAt") FROM "LessonProgress" lp WHERE lp."userId" = u.id),
        (SELECT max(qa."startedAt") FROM "QuizAttempt" qa WHERE qa."userId" = u.id)
      ) AS last_active_at
    FROM "User" u JOIN "TrainerProfile" p ON p."userId" = u.id JOIN "TrainerStanding" s ON s."userId" = u.id
    WHERE u.id = ANY(${ids}::text[])`;
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        id: r.id,
        name: r.name,
        email: r.email,
        body: r.body,
        certificationNumber: r.certificationNumber,
        firstCertifiedOn: r.first_certified_on,
        joinedAt: r.createdAt,
        disabled: r.disabled,
        verified: r.verified,
        timeZone: r.tz,
        cycle: {
          startsOn: r.starts_on,
          endsOn: r.ends_on,
          daysLeft: Number(r.days_left),
          requiredHundredths: Number(r.required),
          earnedHundredths: Number(r.earned),
          carriedInHundredths: Number(r.carried_in),
          countedHundredths: Number(r.counted),
          met: r.met,
          warning: r.warning,
        },
        coursesCompleted: Number(r.courses_completed),
        lastActiveAt: r.last_active_at,
      },
    ];
  });
}

/** Every column of the list for a handful of trainers, in the order of `ids`, as of `now`. */
export async function trainerRowsFor(client: TClient, ids: string[], now: Date): Promise<TTrainerRow[]> {
  await refreshTrainerStandings(client, now);
  return readRows(client, ids, now);
}

/** One page of the trainers list (the page number is clamped to the last page). */
export async function queryTrainers(client: TClient, filters: TTrainerFilters, now: Date = new Date()): Promise<TTrainerList> {
  const pageSize = Math.min(Math.max(1, Math.floor(filters.pageSize)), 100);
  let page = Math.max(1, Math.floor(filters.page) || 1);
  await refreshTrainerStandings(client, now);
  let found = await findIds(client, { filters, now, limit: pageSize, offset: (page - 1) * pageSize });
  const total = found.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  if (found.ids.length === 0 && page > pageCount) {
    page = pageCount;
    found = await findIds(client, { filters, now, limit: pageSize, offset: (page - 1) * pageSize });
  }
  return { rows: await readRows(client, found.ids, now), total, page, pageCount, pageSize };
}

/**
 * The whole filtered list in name order, `pageSize` rows at a time (keyset on name, id): for the
 * CSV export, which never holds more than one page.
 */
export async function queryTrainerPage(
  client: TClient,
  filters: Omit<TTrainerFilters, "page" | "pageSize">,
  after: { name: string; id: string } | null,
  pageSize: number,
  now: Date,
): Promise<TTrainerRow[]> {
  await refreshTrainerStandings(client, now);
  const { ids } = await findIds(client, { filters, now, limit: pageSize, after });
  return readRows(client, ids, now);
}
