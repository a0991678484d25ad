import { beforeAll, describe, expect, test } from "vitest";
import { addCalendarDays, summarizeCredits, toLocalDate } from "@/lib/credits/cycle";
import { adjustCredit } from "@/lib/credits/ledger.server";
import { parseCsv } from "@/lib/csv";
import { db } from "@/lib/db";
import type { CertifyingBody } from "@/lib/generated/prisma/client";
import { createUser } from "@/prisma/seed-helpers";
import { AUDIT_CSV_HEADER, auditFilterOptions, listAudit } from "./audit.server";
import { EXPORT_TABLES, streamAdminExport } from "./exports.server";
import { getCourseFunnels } from "./funnel.server";
import { getOverview } from "./overview.server";
import { cycleStatusOf, parseTrainerFilters, type TTrainerFilters } from "./trainer-filters";
import { getTrainerRecord, listTrainers, streamTrainersCsv, TRAINERS_CSV_HEADER, type TTrainerRow } from "./trainers.server";

// The admin console's domain layer against real PostgreSQL. Every test scopes its trainers with a
// search tag (all share this file's database), and time is fixed: NOW is used for every cycle.
const NOW = new Date("2026-03-10T12:00:00Z");
const HASH = "not-a-real-hash"; // skip argon2: these users never sign in
let n = 0;
let adminId = "";
let trainerId = "";
let course: { id: string; lessons: { id: string }[]; quizId: string };

type TEntry = { amount: number; at: string; body?: CertifyingBody };
type TTrainerSpec = {
  tag: string;
  name: string;
  body?: CertifyingBody;
  first?: string;
  /** The stated expiry on the card, when there is one. */
  expires?: string;
  timeZone?: string;
  entries?: TEntry[];
  createdAt?: string;
  email?: string;
};

async function makeTrainer({ tag, name, body = "NFPT", first = "2024-01-15", expires, timeZone = "UTC", entries = [], createdAt, email }: TTrainerSpec) {
  n++;
  const user = await createUser(
    db,
    {
      email: email ?? `${tag}-${n}@example.test`,
      name: `${name} ${tag}`,
      password: "unused",
      profile: { certifyingBody: body, certificationNumber: `${body}-${tag.toUpperCase()}-${String(n).padStart(4, "0")}`, firstCertifiedOn: first, certificationExpiresOn: expires ?? null },
    },
    HASH,
  );
  // Stored zones are checked on input; a raw update lets a test store one Intl no longer knows.
  await db.user.update({ where: { id: user.id }, data: { timeZone, ...(createdAt ? { createdAt: new Date(createdAt) } : {}) } });
  if (entries.length > 0) {
    await db.creditEntry.createMany({
      data: entries.map((e) => ({ userId: user.id, kind: "ADJUSTMENT" as const, amountHundredths: e.amount, certifyingBody: e.body ?? body, reason: "test", occurredAt: new Date(e.at) })),
    });
  }
  return user;
}

function filters(overrides: Partial<TTrainerFilters> = {}): TTrainerFilters {
  return { ...parseTrainerFilters({}), ...overrides };
}

async function listAll(tag: string, overrides: Partial<TTrainerFilters> = {}): Promise<TTrainerRow[]> {
  const rows: TTrainerRow[] = [];
  for (let page = 1; ; page++) {
    const list = await listTrainers({ adminId, now: NOW, ...filters({ q: tag, pageSize: 25, ...overrides, page }) });
    rows.push(...list.rows);
    if (page >= list.pageCount) return rows;
  }
}

beforeAll(async () => {
  adminId = (await createUser(db, { email: "console-admin@example.test", name: "Avery Admin", password: "unused", role: "ADMIN" }, HASH)).id;
  trainerId = (await makeTrainer({ tag: "plain", name: "Pat Plain" })).id;
  const created = await db.course.create({
    data: {
      slug: "console-course",
      title: "Console Course",
      summary: "A course",
      version: "1.0.0",
      contentHash: "console",
      contactMinutes: 120,
      lessons: {
        create: [
          { slug: "one", title: "One", sortOrder: 1, minutes: 10, contentHash: "l1" },
          { slug: "two", title: "Two", sortOrder: 2, minutes: 10, contentHash: "l2" },
        ],
      },
    },
    select: { id: true, lessons: { orderBy: { sortOrder: "asc" }, select: { id: true } } },
  });
  const quiz = await db.quiz.create({ data: { courseId: created.id, slug: "final", kind: "FINAL", title: "Final", passMark: 80, drawCount: 3, contentHash: "q" }, select: { id: true } });
  course = { ...created, quizId: quiz.id };
});

describe("search", () => {
  test("finds a trainer by certification number, whole or in part, in any case", async () => {
    const tag = "srch";
    await makeTrainer({ tag, name: "Alex Alpha" });
    const target = await makeTrainer({ tag, name: "Blair Beta", body: "ACE" });
    await makeTrainer({ tag, name: "Casey Gamma" });
    const { certificationNumber } = await db.trainerProfile.findUniqueOrThrow({ where: { userId: target.id }, select: { certificationNumber: true } });

    for (const q of [certificationNumber, certificationNumber.toLowerCase(), certificationNumber.slice(-8)]) {
      const list = await listTrainers({ adminId, now: NOW, ...filters({ q }) });
      expect(list.rows.map((r) => r.id)).toEqual([target.id]);
      expect(list.total).toBe(1);
    }
  });

  test("finds by name or email, treats LIKE wildcards literally, and never lists admins", async () => {
    const tag = "name";
    const a = await makeTrainer({ tag, name: "Zoë Müller", email: "zoe.mueller@studio.test" });
    await makeTrainer({ tag, name: "Ann Other" });
    expect((await listTrainers({ adminId, now: NOW, ...filters({ q: "zoë müller" }) })).rows.map((r) => r.id)).toEqual([a.id]);
    expect((await listTrainers({ adminId, now: NOW, ...filters({ q: "@studio.test" }) })).rows.map((r) => r.id)).toEqual([a.id]);
    expect((await listTrainers({ adminId, now: NOW, ...filters({ q: "%" }) })).total).toBe(0);
    expect((await listTrainers({ adminId, now: NOW, ...filters({ q: "_" }) })).total).toBe(0);
    expect((await listTrainers({ adminId, now: NOW, ...filters({ q: "console-admin" }) })).total).toBe(0);
  });
});

describe("sort and pagination", () => {
  const tag = "sortp";
  const names = ["Dana", "Ava", "Cole", "Bea", "Eli"];
  let ids: Record<string, string> = {};

  beforeAll(async () => {
    ids = {};
    for (const [i, name] of names.entries()) {
      const user = await makeTrainer({
        tag,
        name,
        body: (["NASM", "ACE", "NFPT", "OTHER", "ACE"] as const)[i],
        createdAt: `2025-0${i + 1}-01T00:00:00Z`,
        first: "2025-06-01",
        entries: [{ amount: (i + 1) * 30, at: "2025-09-01T00:00:00Z" }],
      });
      ids[name] = user.id;
    }
  });

  test.each([
    ["name", "asc", ["Ava", "Bea", "Cole", "Dana", "Eli"]],
    ["name", "desc", ["Eli", "Dana", "Cole", "Bea", "Ava"]],
    ["joined", "desc", ["Eli", "Bea", "Cole", "Ava", "Dana"]],
    ["joined", "asc", ["Dana", "Ava", "Cole", "Bea", "Eli"]],
    ["credits", "desc", ["Eli", "Bea", "Cole", "Ava", "Dana"]],
    ["credits", "asc", ["Dana", "Ava", "Cole", "Bea", "Eli"]],
  ] as const)("sort=%s dir=%s", async (sort, dir, expected) => {
    const rows = await listAll(tag, { sort, dir });
    expect(rows.map((r) => r.name.replace(` ${tag}`, ""))).toEqual(expected);
  });

  test("pages are disjoint, cover everything once, and a page past the end shows the last page", async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const list = await listTrainers({ adminId, now: NOW, ...filters({ q: tag, pageSize: 2, page }) });
      expect(list).toMatchObject({ total: 5, pageCount: 3, page, pageSize: 2 });
      seen.push(...list.rows.map((r) => r.id));
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen)).toEqual(new Set(Object.values(ids)));
    const past = await listTrainers({ adminId, now: NOW, ...filters({ q: tag, pageSize: 2, page: 99 }) });
    expect(past.page).toBe(3);
    expect(past.rows.map((r) => r.id)).toEqual(seen.slice(4));
    const pastWithCycles = await listTrainers({ adminId, now: NOW, ...filters({ q: tag, pageSize: 2, page: 99, sort: "due" }) });
    expect(pastWithCycles).toMatchObject({ page: 3, total: 5 });
  });

  test("the body filter keeps only that body", async () => {
    const rows = await listAll(tag, { body: "ACE" });
    expect(rows.map((r) => r.id).sort()).toEqual([ids.Ava, ids.Eli].sort());
  });
});

// The one parity test for the certification-cycle rule: lib/credits/cycle.ts (the definition) and
// its SQL twin in lib/admin/trainer-query.sql.server.ts, run on the same cases. Both files say so.
describe("current cycle, computed in SQL, matches summarizeCredits", () => {
  const tag = "cyc";
  const specs: Omit<TTrainerSpec, "tag">[] = [
    // Leap-day certification, carry-forward from the exempt first year and the second year.
    {
      name: "Leap Carry",
      first: "2024-02-29",
      timeZone: "America/Los_Angeles",
      entries: [
        { amount: 150, at: "2024-06-01T18:00:00Z" },
        { amount: 100, at: "2025-03-15T18:00:00Z" },
        { amount: 20, at: "2026-03-01T18:00:00Z" },
      ],
    },
    // Long history with empty cycles in between: surplus runs out, then builds again.
    {
      name: "Gap Chain",
      first: "2018-05-05",
      timeZone: "Europe/London",
      entries: [
        { amount: 300, at: "2019-06-01T10:00:00Z" },
        { amount: 900, at: "2023-01-01T10:00:00Z" },
        { amount: -50, at: "2023-02-01T10:00:00Z" },
        { amount: 10, at: "2025-07-01T10:00:00Z" },
      ],
    },
    // A removal larger than the year's credit: nothing negative carries.
    { name: "Negative Year", first: "2023-03-20", entries: [{ amount: 100, at: "2024-04-01T00:00:00Z" }, { amount: -150, at: "2024-05-01T00:00:00Z" }, { amount: 250, at: "2025-04-01T00:00:00Z" }] },
    // Before certification and after the current cycle: counted nowhere.
    { name: "Early Late", body: "ACE", first: "2025-01-15", entries: [{ amount: 50, at: "2025-01-10T00:00:00Z" }, { amount: 60, at: "2027-02-01T00:00:00Z" }] },
    // Cycle boundary at local midnight (Berlin): one millisecond either side.
    {
      name: "Boundary Berlin",
      body: "OTHER",
      first: "2024-03-10",
      timeZone: "Europe/Berlin",
      entries: [{ amount: 70, at: "2026-03-09T22:59:59.999Z" }, { amount: 80, at: "2026-03-09T23:00:00.000Z" }],
    },
    // Santiago skips midnight when DST starts (2024-09-08): the day starts at 01:00.
    { name: "Santiago Dst", body: "NASM", first: "2024-09-08", timeZone: "America/Santiago", entries: [{ amount: 200, at: "2024-09-08T04:00:00Z" }] },
    // Ends within 60 days, not met: a warning.
    { name: "Warning Due", body: "ACE", first: "2024-04-01", entries: [{ amount: 120, at: "2025-01-01T00:00:00Z" }] },
    // Met.
    { name: "Met Already", body: "NASM", first: "2025-02-01", entries: [{ amount: 250, at: "2025-12-01T00:00:00Z" }] },
    // Certified in the future: the whole first cycle is left.
    { name: "Future Cert", first: "2026-06-01", entries: [{ amount: 40, at: "2026-01-01T00:00:00Z" }] },
    // A zone Intl no longer knows is read as UTC, like the ledger pages do.
    { name: "Bad Zone", body: "ACE", first: "2024-03-10", timeZone: "Mars/Olympus_Mons", entries: [{ amount: 90, at: "2026-03-10T01:00:00Z" }] },
    { name: "No Entries", body: "NFPT", first: "2020-08-31" },
    // A trainer who changed body: the old body's credit meets nothing in the new one.
    {
      name: "Body Change",
      body: "ACE",
      first: "2025-03-01",
      entries: [{ amount: 150, at: "2025-06-01T00:00:00Z", body: "NFPT" }, { amount: 40, at: "2025-07-01T00:00:00Z" }],
    },
    // Cycles from the card's stated expiry (month end): the stub joins the first cycle.
    { name: "Card Ace", body: "ACE", first: "2024-03-15", expires: "2026-03-31", entries: [{ amount: 90, at: "2026-03-31T12:00:00Z" }, { amount: 30, at: "2026-04-01T00:00:00Z" }] },
    // A stated expiry already past: cycles go on by the body's length.
    { name: "Card Past", body: "NASM", first: "2021-06-10", expires: "2023-06-30", timeZone: "Europe/Berlin", entries: [{ amount: 100, at: "2025-07-02T00:00:00Z" }] },
    // NFPT with a stated expiry: the exempt first year includes the stub; carry-forward follows the stated years.
    {
      name: "Card Nfpt",
      first: "2023-06-10",
      expires: "2025-06-30",
      entries: [
        { amount: 150, at: "2024-06-20T12:00:00Z" },
        { amount: 250, at: "2025-05-01T12:00:00Z" },
        { amount: 20, at: "2025-08-01T12:00:00Z" },
      ],
    },
    // A card that expires less than one cycle after certification: the first cycle ends on it.
    { name: "Card Short", body: "ACE", first: "2025-03-15", expires: "2026-01-31", entries: [{ amount: 40, at: "2025-12-01T00:00:00Z" }] },
    // Year 1's surplus meets year 2, year 0's does not reach year 3 (NFPT).
    {
      name: "Surplus Once",
      first: "2022-01-10",
      entries: [
        { amount: 100, at: "2022-03-01T00:00:00Z" },
        { amount: 350, at: "2023-03-01T00:00:00Z" },
        { amount: 500, at: "2024-03-01T00:00:00Z" },
        { amount: 30, at: "2025-03-01T00:00:00Z" },
      ],
    },
  ];
  const made: { id: string; spec: Omit<TTrainerSpec, "tag"> }[] = [];

  beforeAll(async () => {
    for (const spec of specs) made.push({ id: (await makeTrainer({ tag, ...spec })).id, spec });
  });

  function expected(spec: Omit<TTrainerSpec, "tag">) {
    let timeZone = spec.timeZone ?? "UTC";
    try {
      new Intl.DateTimeFormat("en-US", { timeZone });
    } catch {
      timeZone = "UTC";
    }
    const { current } = summarizeCredits({
      body: spec.body ?? "NFPT",
      firstCertifiedOn: spec.first ?? "2024-01-15",
      expiresOn: spec.expires ?? null,
      timeZone,
      now: NOW,
      entries: (spec.entries ?? []).map((e) => ({ amountHundredths: e.amount, occurredAt: new Date(e.at), certifyingBody: e.body ?? spec.body ?? "NFPT" })),
    });
    return {
      startsOn: current.cycle.startsOn,
      endsOn: current.cycle.endsOn,
      daysLeft: current.daysLeft,
      requiredHundredths: current.requiredHundredths,
      earnedHundredths: current.earnedHundredths,
      carriedInHundredths: current.carriedInHundredths,
      countedHundredths: current.earnedHundredths + current.carriedInHundredths,
      met: current.met,
      warning: current.warning,
    };
  }

  test("for every case", async () => {
    const rows = new Map((await listAll(tag)).map((r) => [r.id, r]));
    for (const { id, spec } of made) {
      expect({ name: spec.name, ...rows.get(id)?.cycle }).toEqual({ name: spec.name, ...expected(spec) });
    }
    // The cases cover what they claim to.
    const byName = (name: string) => rows.get(made.find((m) => m.spec.name === name)!.id)!.cycle;
    expect(byName("Leap Carry").carriedInHundredths).toBeGreaterThan(0);
    expect(byName("Warning Due").warning).toBe(true);
    expect(byName("Met Already").met).toBe(true);
    expect(byName("Boundary Berlin").earnedHundredths).toBe(80);
  });

  test.each(["met", "behind", "warning"] as const)("cycle=%s keeps exactly the matching trainers", async (cycleStatus) => {
    const rows = await listAll(tag, { cycleStatus });
    const want = made
      .filter(({ spec }) => {
        const e = expected(spec);
        return cycleStatus === "met" ? e.met : cycleStatus === "behind" ? !e.met : e.warning;
      })
      .map((m) => m.id);
    expect(rows.map((r) => r.id).sort()).toEqual(want.sort());
  });

  test("sorting by cycle end orders by the end date, then id", async () => {
    const rows = await listAll(tag, { sort: "due", dir: "asc" });
    const ends = rows.map((r) => r.cycle.endsOn);
    expect(ends).toEqual([...ends].sort());
    expect(cycleStatusOf(rows[0].cycle)).toBeDefined();
  });
});

describe("course status", () => {
  const tag = "crs";
  const who: Record<string, string> = {};

  beforeAll(async () => {
    for (const name of ["None", "Started", "Done", "Certified", "AttemptOnly"]) who[name] = (await makeTrainer({ tag, name: `Course${name}` })).id;
    const [one, two] = course.lessons;
    const progress = (userId: string, lessonId: string, done: boolean) =>
      db.lessonProgress.create({ data: { userId, lessonId, completedAt: done ? NOW : null, completedRevision: done ? 1 : null } });
    await progress(who.Started, one.id, true);
    for (const name of ["Done", "Certified"]) {
      await progress(who[name], one.id, true);
      await progress(who[name], two.id, true);
      const attempt = await db.quizAttempt.create({
        data: { userId: who[name], quizId: course.quizId, number: 1, status: "GRADED", draw: [], scorePercent: 90, passed: true, gradedAt: NOW, submittedAt: NOW },
        select: { id: true },
      });
      await db.creditEntry.create({
        data: { userId: who[name], kind: "AWARD", amountHundredths: 40, certifyingBody: "NFPT", courseId: course.id, awardCourseId: course.id, attemptId: attempt.id, occurredAt: NOW },
      });
    }
    await progress(who.AttemptOnly, one.id, true);
    await progress(who.AttemptOnly, two.id, true);
    await db.quizAttempt.create({ data: { userId: who.AttemptOnly, quizId: course.quizId, number: 1, status: "GRADED", draw: [], scorePercent: 50, passed: false, gradedAt: NOW, submittedAt: NOW } });
    await db.certificate.create({
      data: {
        code: "BKCE-TEST0-TEST0-TEST0-TEST0-TEST00",
        userId: who.Certified,
        courseId: course.id,
        trainerName: "Course Certified",
        certificationNumber: "X",
        certifyingBody: "NFPT",
        courseTitle: "Console Course",
        courseVersion: "1.0.0",
        contactMinutes: 120,
        creditHundredths: 40,
        scorePercent: 90,
        completedAt: NOW,
      },
    });
  });

  test.each([
    ["not-started", ["None"]],
    ["in-progress", ["Started", "AttemptOnly"]],
    ["completed", ["Done", "Certified"]],
    ["certified", ["Certified"]],
  ] as const)("courseStatus=%s", async (courseStatus, expected) => {
    const want = expected.map((name) => who[name]).sort();
    expect((await listAll(tag, { courseStatus })).map((r) => r.id).sort()).toEqual(want);
    expect((await listAll(tag, { courseStatus, course: course.id })).map((r) => r.id).sort()).toEqual(want);
  });

  test("the funnel counts each step for the course", async () => {
    const funnel = (await getCourseFunnels({ adminId })).find((f) => f.id === course.id)!;
    expect(Object.fromEntries(funnel.stages.map((s) => [s.key.startsWith("lesson-") ? `lesson-${course.lessons.findIndex((l) => s.key.endsWith(l.id)) + 1}` : s.key, s.count]))).toEqual({
      started: 4,
      "lesson-1": 4,
      "lesson-2": 3,
      attempted: 3,
      passed: 2,
      awarded: 2,
      certified: 1,
    });
  });

  test("the overview counts what happened", async () => {
    const overview = await getOverview({ adminId, now: new Date(NOW.getTime() + 60_000) });
    expect(overview.totals.certificatesIssued).toBeGreaterThanOrEqual(1);
    expect(overview.totals.attempts).toBeGreaterThanOrEqual(3);
    expect(overview.weeks).toHaveLength(12);
    const thisWeek = overview.weeks.at(-1)!;
    expect(thisWeek.weekStart).toBe("2026-03-09");
    expect(thisWeek.attempts).toBe(3);
    expect(thisWeek.passed).toBe(2);
    expect(thisWeek.creditsAwardedHundredths).toBe(80);
  });
});

async function readCsv(stream: ReadableStream<Uint8Array>): Promise<string[][]> {
  return parseCsv(await new Response(stream).text());
}

describe("CSV export", () => {
  test("the trainers stream holds exactly the table's rows, across several keyset pages", async () => {
    const tag = "csvx";
    for (const name of ["Ola", "Ben", "=Eve", 'Quote "Q"', "Ida", "Al"]) await makeTrainer({ tag, name, entries: [{ amount: 10, at: "2025-05-05T00:00:00Z" }] });
    const shown = await listAll(tag, { sort: "name", dir: "asc" });
    const records = await readCsv(await streamTrainersCsv({ adminId, now: NOW, filters: { ...filters({ q: tag }) }, pageSize: 4 }));
    expect(records[0]).toEqual([...TRAINERS_CSV_HEADER]);
    const body = records.slice(1);
    expect(body).toHaveLength(shown.length);
    expect(body.map((r) => r.at(-1))).toEqual(shown.map((r) => r.id));
    expect(body.map((r) => r[1])).toEqual(shown.map((r) => r.email));
    // Formula-looking names are neutralized; quotes survive.
    expect(body.map((r) => r[0])).toContain(`'=Eve ${tag}`);
    expect(body.map((r) => r[0])).toContain(`Quote "Q" ${tag}`);
  });

  test("filters apply to the export as to the page", async () => {
    const params = new URLSearchParams({ q: "sortp", body: "ACE" });
    const records = await readCsv(await streamAdminExport({ adminId, table: "trainers", params }));
    const shown = await listAll("sortp", { body: "ACE" });
    expect(records.slice(1).map((r) => r.at(-1)).sort()).toEqual(shown.map((r) => r.id).sort());
  });

  test("every table streams a header and its rows", async () => {
    for (const table of EXPORT_TABLES) {
      const records = await readCsv(await streamAdminExport({ adminId, table, params: new URLSearchParams() }));
      // The audit log may still be empty here; every other table has rows by now.
      if (table !== "audit") expect(records.length, table).toBeGreaterThan(1);
      expect(new Set(records.map((r) => r.length)).size, table).toBe(1);
    }
    const attempts = await readCsv(await streamAdminExport({ adminId, table: "attempts", params: new URLSearchParams({ user: "nobody" }) }));
    expect(attempts).toHaveLength(1);
  });
});

describe("only administrators", () => {
  test("a trainer, a disabled admin and an unknown id are refused by every read", async () => {
    const disabled = await createUser(db, { email: "gone-admin@example.test", name: "Gone Admin", password: "unused", role: "ADMIN" }, HASH);
    await db.user.update({ where: { id: disabled.id }, data: { disabledAt: NOW } });
    for (const actor of [trainerId, disabled.id, "no-such-user", ""]) {
      const calls: Promise<unknown>[] = [
        listTrainers({ adminId: actor, ...filters() }),
        getTrainerRecord({ adminId: actor, userId: trainerId }),
        listAudit({ adminId: actor, page: 1 }),
        auditFilterOptions({ adminId: actor }),
        getOverview({ adminId: actor }),
        getCourseFunnels({ adminId: actor }),
        streamTrainersCsv({ adminId: actor, filters: filters() }),
        ...EXPORT_TABLES.map((table) => streamAdminExport({ adminId: actor, table, params: new URLSearchParams() })),
      ];
      for (const call of calls) await expect(call).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});

describe("an admin finds a trainer, adjusts credit, and sees it in the audit log", () => {
  test("end to end through the domain layer", async () => {
    const tag = "flow";
    const target = await makeTrainer({ tag, name: "Flow Trainer", timeZone: "America/Chicago", first: "2024-09-01" });
    const { certificationNumber } = await db.trainerProfile.findUniqueOrThrow({ where: { userId: target.id }, select: { certificationNumber: true } });

    const found = await listTrainers({ adminId, now: NOW, ...filters({ q: certificationNumber }) });
    expect(found.rows.map((r) => r.id)).toEqual([target.id]);

    const before = await getTrainerRecord({ adminId, userId: target.id, now: NOW });
    expect(before.ledger).toHaveLength(0);
    expect(before.profile?.certificationNumber).toBe(certificationNumber);

    const entry = await adjustCredit({ adminId, userId: target.id, amountHundredths: 50, reason: "Workshop attended in person", now: NOW });

    const after = await getTrainerRecord({ adminId, userId: target.id, now: new Date(NOW.getTime() + 1000) });
    expect(after.ledger.map((e) => [e.id, e.kind, e.amountHundredths, e.reason, e.createdBy?.email])).toEqual([
      [entry.id, "ADJUSTMENT", 50, "Workshop attended in person", "console-admin@example.test"],
    ]);
    expect(after.recentAudit[0]).toMatchObject({ action: "credit.adjust", targetId: entry.id, subjectUserId: target.id });

    const log = await listAudit({ adminId, action: "credit.adjust", actor: "console-admin", page: 1 });
    expect(log.rows[0]).toMatchObject({ action: "credit.adjust", targetType: "credit-entry", targetId: entry.id, subjectUserId: target.id, actor: { id: adminId } });
    expect(log.rows[0].data).toMatchObject({ amountHundredths: 50, reason: "Workshop attended in person" });
    const forUser = await listAudit({ adminId, user: target.id, page: 1 });
    expect(forUser.rows.map((r) => r.action)).toEqual(["credit.adjust"]);

    // The list shows the new credit in the trainer's current cycle.
    const listed = await listTrainers({ adminId, now: new Date(NOW.getTime() + 1000), ...filters({ q: certificationNumber }) });
    expect(listed.rows[0].cycle.earnedHundredths).toBe(50);

    // And the audit export carries the same row.
    const csv = await readCsv(await streamAdminExport({ adminId, table: "audit", params: new URLSearchParams({ action: "credit.adjust", user: target.id }) }));
    expect(csv[0]).toEqual([...AUDIT_CSV_HEADER]);
    expect(csv.slice(1).map((r) => r[6])).toEqual([entry.id]);
  });

  test("audit dates are whole days in the admin's zone", async () => {
    const all = await listAudit({ adminId, action: "credit.adjust", page: 1, timeZone: "America/Chicago" });
    const latest = all.rows[0].createdAt;
    const day = toLocalDate(latest, "America/Chicago");
    const within = await listAudit({ adminId, action: "credit.adjust", page: 1, timeZone: "America/Chicago", from: day, to: day });
    expect(within.rows.map((r) => r.id)).toContain(all.rows[0].id);
    expect((await listAudit({ adminId, action: "credit.adjust", page: 1, timeZone: "America/Chicago", from: addCalendarDays(day, 1) })).total).toBe(0);
    expect((await listAudit({ adminId, action: "credit.adjust", page: 1, timeZone: "America/Chicago", to: addCalendarDays(day, -1) })).total).toBe(0);
    expect((await auditFilterOptions({ adminId })).actions).toContain("credit.adjust");
  });
});
