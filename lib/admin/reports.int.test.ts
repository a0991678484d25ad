import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { auditFilterOptions } from "@/lib/admin/audit.server";
import { getCourseFunnels } from "@/lib/admin/funnel.server";
import { getOverview, OVERVIEW_WEEKS } from "@/lib/admin/overview.server";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { syncContent } from "@/lib/content/sync-content.server";
import { db } from "@/lib/db";
import { checkHealth } from "@/lib/db/check-health.server";
import { createUser } from "@/prisma/seed-helpers";
import { completeLessons } from "@/tests/evidence";

// The admin reports whose SQL lives in raw helpers (docs/decisions/014), run against real
// PostgreSQL with known rows: each figure is checked against what the test wrote.
process.env.EXTRA_CONTENT_DIR = path.resolve("e2e/fixtures/content");
const FIXTURE = "fixture-course";

let adminId = "";
let trainerId = "";

beforeAll(async () => {
  await syncContent(db);
  adminId = (await createUser(db, { email: "reports-admin@example.test", name: "Report Admin", password: "unused-password-for-tests", role: "ADMIN" })).id;
  const trainer = await createUser(db, {
    email: "reports-trainer@example.test",
    name: "Report Trainer",
    password: "unused-password-for-tests",
    profile: { certificationNumber: "NFPT-R-1", firstCertifiedOn: "2024-01-01" },
  });
  trainerId = trainer.id;
  const disabled = await createUser(db, { email: "reports-disabled@example.test", name: "Gone Trainer", password: "unused-password-for-tests" });
  await db.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
  const [first] = await db.lesson.findMany({ where: { course: { slug: FIXTURE }, archivedAt: null }, orderBy: { sortOrder: "asc" }, take: 1, select: { slug: true } });
  await completeLessons(trainerId, FIXTURE, [first.slug]);
});

describe("admin reports", () => {
  test("the overview counts the rows written, this week included", async () => {
    const overview = await getOverview({ adminId });
    expect(overview.totals).toMatchObject({ trainers: 1, disabledTrainers: 1, newTrainersRecent: 2, activeTrainersRecent: 1, lessonsCompleted: 1, lessonsCompletedRecent: 1, attempts: 0 });
    expect(overview.weeks).toHaveLength(OVERVIEW_WEEKS);
    const thisWeek = overview.weeks.at(-1)!;
    expect(thisWeek.weekStart).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Date(`${thisWeek.weekStart}T00:00:00Z`).getUTCDay()).toBe(1); // a Monday
    expect(thisWeek).toMatchObject({ activeTrainers: 1, newTrainers: 2, lessonsCompleted: 1, attempts: 0, passed: 0 });
    expect(overview.weeks.slice(0, -1).every((w) => w.lessonsCompleted === 0)).toBe(true);
  });

  test("the funnel counts the trainer who started and completed the first lesson", async () => {
    const funnel = (await getCourseFunnels({ adminId })).find((f) => f.slug === FIXTURE)!;
    expect(funnel.stages[0]).toMatchObject({ key: "started", count: 1 });
    expect(funnel.stages.filter((s) => s.kind === "lesson").map((s) => s.count)[0]).toBe(1);
    expect(funnel.stages.find((s) => s.key === "certified")?.count).toBe(0);
  });

  test("the audit filter menus list each distinct action and target type once, in order", async () => {
    await db.$transaction(async (tx) => {
      for (const action of ["zeta.test", "alpha.test", "zeta.test"]) {
        await recordAudit(tx, { actorId: adminId, action, targetType: "report-test", targetId: trainerId, data: { at: new Date(0), skipped: undefined } });
      }
    });
    const options = await auditFilterOptions({ adminId });
    expect(options.actions.filter((a) => a.endsWith(".test"))).toEqual(["alpha.test", "zeta.test"]);
    expect(options.actions).toEqual([...new Set(options.actions)].sort());
    expect(options.targetTypes).toContain("report-test");
    const row = await db.auditLog.findFirst({ where: { action: "alpha.test" }, select: { data: true } });
    expect(row?.data).toEqual({ at: "1970-01-01T00:00:00.000Z" }); // through JSON, as before
  });

  test("the health check reads the applied migrations", async () => {
    expect(await checkHealth()).toMatchObject({ ok: true });
  });
});
