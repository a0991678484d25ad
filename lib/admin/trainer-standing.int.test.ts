import { beforeAll, describe, expect, test } from "vitest";
import { addCertification, listCertifications, retireCertification, updateCertification } from "@/lib/certifications/certifications.server";
import { adjustCredit, getCreditOverview } from "@/lib/credits/ledger.server";
import { db } from "@/lib/db";
import { createUser } from "@/prisma/seed-helpers";
import { parseTrainerFilters } from "./trainer-filters";
import { refreshTrainerStandings } from "./trainer-query.sql.server";
import { listTrainers } from "./trainers.server";

// The stored standing (docs/decisions/017) against the rule itself: after each kind of write the
// row is stale in the same transaction, and once recomputed it equals what getCreditOverview
// (summarizeCredits, lib/credits/cycle.ts) says for the same instant.
const NOW = new Date("2026-03-10T12:00:00Z");
const HASH = "not-a-real-hash";
let n = 0;
let adminId = "";
let courseId = "";

async function trainer(first = "2024-01-15", body: "NFPT" | "ACE" = "NFPT") {
  n++;
  return createUser(
    db,
    {
      email: `standing-${n}@example.test`,
      name: `Standing Trainer ${n}`,
      password: "unused",
      profile: { certifyingBody: body, certificationNumber: `${body}-ST-${String(n).padStart(4, "0")}`, firstCertifiedOn: first },
    },
    HASH,
  );
}

async function isStale(userId: string): Promise<boolean> {
  const [row] = await db.$queryRaw<{ stale: boolean }[]>`SELECT "validUntil" = '-infinity' AS stale FROM "TrainerStanding" WHERE "userId" = ${userId}`;
  return row.stale;
}

/** Recomputes, then compares the stored row with the rule's current cycle at `now`. */
async function expectStandingMatchesRule(userId: string, now = NOW) {
  await refreshTrainerStandings(db, now);
  const [row] = await db.$queryRaw<
    { starts_on: string; ends_on: string; valid_until: Date; required: number; earned: number; carried_in: number; counted: number; met: boolean }[]
  >`SELECT to_char("startsOn", 'YYYY-MM-DD') AS starts_on, to_char("endsOn", 'YYYY-MM-DD') AS ends_on, "validUntil" AS valid_until,
      "requiredHundredths" AS required, "earnedHundredths" AS earned, "carriedInHundredths" AS carried_in, "countedHundredths" AS counted, met
    FROM "TrainerStanding" WHERE "userId" = ${userId}`;
  const current = (await getCreditOverview({ userId, now })).summary?.current;
  if (!current) throw new Error("no current cycle");
  expect(row).toEqual({
    starts_on: current.cycle.startsOn,
    ends_on: current.cycle.endsOn,
    valid_until: current.cycle.endsAt,
    required: current.requiredHundredths,
    earned: current.earnedHundredths,
    carried_in: current.carriedInHundredths,
    counted: current.earnedHundredths + current.carriedInHundredths,
    met: current.met,
  });
  return row;
}

beforeAll(async () => {
  adminId = (await createUser(db, { email: "standing-admin@example.test", name: "Standing Admin", password: "unused", role: "ADMIN" }, HASH)).id;
  courseId = (
    await db.course.create({
      data: { slug: "standing-course", title: "Standing Course", summary: "A course", version: "1.0.0", contentHash: "standing", contactMinutes: 60 },
      select: { id: true },
    })
  ).id;
});

describe("the standing follows every kind of write", () => {
  test("a new trainer starts stale and is computed at the next read", async () => {
    const user = await trainer();
    expect(await isStale(user.id)).toBe(true);
    const row = await expectStandingMatchesRule(user.id);
    expect(row.earned).toBe(0);
    expect(await isStale(user.id)).toBe(false);
  });

  test("an admin adjustment", async () => {
    const user = await trainer();
    await expectStandingMatchesRule(user.id);
    await adjustCredit({ adminId, userId: user.id, amountHundredths: 250, reason: "Workshop attended in person", now: NOW });
    expect(await isStale(user.id)).toBe(true);
    const row = await expectStandingMatchesRule(user.id);
    expect(row.earned).toBe(250);
  });

  test("an award and its reversal", async () => {
    const user = await trainer();
    const [cert] = await listCertifications(user.id);
    await expectStandingMatchesRule(user.id);
    const award = await db.creditEntry.create({
      data: { userId: user.id, kind: "AWARD", amountHundredths: 1200, certifyingBody: "NFPT", certificationId: cert.id, courseId, awardCourseId: courseId, occurredAt: new Date("2026-02-01T10:00:00Z") },
      select: { id: true },
    });
    expect(await isStale(user.id)).toBe(true);
    expect((await expectStandingMatchesRule(user.id)).earned).toBe(1200);
    await db.creditEntry.create({
      data: { userId: user.id, kind: "REVERSAL", amountHundredths: -1200, certifyingBody: "NFPT", certificationId: cert.id, courseId, reversesEntryId: award.id, reason: "revoked", occurredAt: new Date("2026-03-01T10:00:00Z") },
    });
    expect(await isStale(user.id)).toBe(true);
    expect((await expectStandingMatchesRule(user.id)).earned).toBe(0);
  });

  test("a certification edited, a second one added, the primary retired", async () => {
    const user = await trainer("2024-01-15");
    await adjustCredit({ adminId, userId: user.id, amountHundredths: 400, reason: "Workshop attended in person", now: NOW });
    const before = await expectStandingMatchesRule(user.id);
    const [cert] = await listCertifications(user.id);
    // A new date first certified moves the cycle.
    await updateCertification(user.id, cert.id, { certifyingBody: "NFPT", certificationNumber: cert.certificationNumber, firstCertifiedOn: "2024-06-20", expiresOn: null });
    expect(await isStale(user.id)).toBe(true);
    const moved = await expectStandingMatchesRule(user.id);
    expect(moved.starts_on).not.toBe(before.starts_on);
    await addCertification(user.id, { certifyingBody: "ACE", certificationNumber: "ACE-ST-EXTRA", firstCertifiedOn: "2025-01-10", expiresOn: null });
    expect(await isStale(user.id)).toBe(true);
    await expectStandingMatchesRule(user.id);
    // Retiring the primary makes the other the primary: another body, another cycle, no NFPT credit.
    await retireCertification(user.id, cert.id, NOW);
    expect(await isStale(user.id)).toBe(true);
    const after = await expectStandingMatchesRule(user.id);
    expect(after.earned).toBe(0);
  });

  test("a time zone change", async () => {
    const user = await trainer();
    await expectStandingMatchesRule(user.id);
    await db.user.update({ where: { id: user.id }, data: { timeZone: "Pacific/Honolulu" } });
    expect(await isStale(user.id)).toBe(true);
    await expectStandingMatchesRule(user.id);
  });

  test("the cycle rolls over: a later instant recomputes the rows whose cycle ended", async () => {
    const ending = await trainer("2024-04-01"); // NFPT cycles are a year: the current one ends 2026-03-31
    const later = await trainer("2024-09-01");
    await adjustCredit({ adminId, userId: ending.id, amountHundredths: 1500, reason: "Workshop attended in person", now: NOW });
    const first = await expectStandingMatchesRule(ending.id);
    await expectStandingMatchesRule(later.id);
    expect(first.ends_on).toBe("2026-03-31");
    const april = new Date("2026-04-15T12:00:00Z");
    const [{ n: due }] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "TrainerStanding" WHERE "validUntil" <= ${april}`;
    expect(due).toBeGreaterThanOrEqual(1);
    const rolled = await expectStandingMatchesRule(ending.id, april);
    expect(rolled.starts_on).toBe("2026-04-01");
    // NFPT carries the surplus of the ended cycle into the new one.
    expect(rolled.carried_in).toBe(Math.max(0, 1500 - first.required));
    await expectStandingMatchesRule(later.id, april);
    // The list at that instant shows the new cycle.
    const list = await listTrainers({ adminId, now: april, ...parseTrainerFilters({ q: "Standing Trainer", size: "100" }) });
    expect(list.rows.find((r) => r.id === ending.id)?.cycle.startsOn).toBe("2026-04-01");
  });
});

describe("search by part of a name, email or certification number", () => {
  test("finds the trainer through each field, in any case", async () => {
    const user = await createUser(
      db,
      {
        email: "quillon.brightwater@example.test",
        name: "Quillon Brightwater",
        password: "unused",
        profile: { certifyingBody: "NFPT", certificationNumber: "NFPT-ZQX-77123", firstCertifiedOn: "2024-01-15" },
      },
      HASH,
    );
    for (const q of ["ightwat", "QUILLON", "lon.bright", "@example.test", "zqx-771", "77123"]) {
      const list = await listTrainers({ adminId, now: NOW, ...parseTrainerFilters({ q, size: "100" }) });
      expect(list.rows.map((r) => r.id), q).toContain(user.id);
    }
    const none = await listTrainers({ adminId, now: NOW, ...parseTrainerFilters({ q: "zqx-772" }) });
    expect(none.rows.map((r) => r.id)).not.toContain(user.id);
  });
});

describe("counts", () => {
  test("the count from the standings alone equals the count through the join, and leaves out an admin with a profile", async () => {
    await createUser(
      db,
      {
        email: "standing-profiled-admin@example.test",
        name: "Profiled Admin",
        password: "unused",
        role: "ADMIN",
        profile: { certifyingBody: "NFPT", certificationNumber: "NFPT-ADMIN-1", firstCertifiedOn: "2024-01-15" },
      },
      HASH,
    );
    const trainers = await db.user.count({ where: { role: "TRAINER", profile: { isNot: null } } });
    for (const params of [{}, { body: "NFPT" }, { cycle: "behind" }, { cycle: "met" }, { body: "NFPT", cycle: "warning" }, { sort: "due" }]) {
      // Every email holds "example.test": the same set through the join (the search path).
      const fast = await listTrainers({ adminId, now: NOW, ...parseTrainerFilters(params) });
      const joined = await listTrainers({ adminId, now: NOW, ...parseTrainerFilters({ ...params, q: "example.test" }) });
      expect(fast.total, JSON.stringify(params)).toBe(joined.total);
      if (Object.keys(params).length === 0) expect(fast.total).toBe(trainers);
    }
  });
});
