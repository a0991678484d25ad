import { beforeAll, expect, test } from "vitest";
import { syncContent } from "@/lib/content/sync-content.server";
import { db } from "@/lib/db";
import { createUser } from "@/prisma/seed-helpers";
import { streamAuditCsv } from "./audit.server";
import { streamProviderRecordsCsv } from "./provider-records.server";

// The audit and provider-records exports walk their tables a page at a time, each page starting
// after the last row of the one before (keyset). Their page queries carry an extra bound on the
// timestamp so the index can start there (docs/performance.md, "Data at scale"); with many rows
// sharing one timestamp across page boundaries, every row still comes exactly once, in order.

let adminId = "";

beforeAll(async () => {
  await syncContent(db);
  adminId = (await createUser(db, { email: "keyset-admin@example.test", name: "Keyset Admin", password: "unused", role: "ADMIN" }, "unused-hash")).id;
});

function firstColumn(csv: string): string[] {
  return csv.trim().split("\n").slice(1).map((line) => line.split(",")[0].replace(/"/g, ""));
}

test("the audit export gives every row once, newest first, across pages of equal timestamps", async () => {
  const times = [0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 3, 4, 4, 4, 4, 4, 5, 5].map((s) => new Date(Date.UTC(2026, 10, 1, 12, 0, s)));
  await db.auditLog.createMany({ data: times.map((createdAt, i) => ({ action: "keyset.test", targetType: "test", targetId: `t${i}`, createdAt })) });
  const rows = await db.auditLog.findMany({ where: { action: "keyset.test" }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
  const csv = await new Response(await streamAuditCsv({ adminId, filters: { action: "keyset.test" } as never, pageSize: 4 })).text();
  expect(firstColumn(csv)).toEqual(rows.map((r) => String(r.id)));
});

test("the provider-records export gives every completion once, in (completedAt, id) order, across pages", async () => {
  const course = await db.course.findFirstOrThrow({ select: { id: true, version: true } });
  const times = [0, 0, 0, 0, 0, 0, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 4].map((s) => new Date(Date.UTC(2026, 10, 2, 9, 0, s)));
  for (const [i, completedAt] of times.entries()) {
    const user = await createUser(db, { email: `keyset-${i}@example.test`, name: `Keyset ${i}`, password: "unused" }, "unused-hash");
    await db.courseCompletion.create({
      data: { id: `kc${String((i * 5) % times.length).padStart(2, "0")}`, userId: user.id, courseId: course.id, courseRevision: 1, courseVersion: course.version, creditHundredths: 0, contactMinutes: 60, startedAt: completedAt, completedAt, evidence: { lessons: [], attemptNumber: null, creditNote: null } },
    });
  }
  const rows = await db.courseCompletion.findMany({ orderBy: [{ completedAt: "asc" }, { id: "asc" }], select: { id: true } });
  const csv = await new Response(await streamProviderRecordsCsv({ adminId, filters: {}, pageSize: 4 })).text();
  expect(firstColumn(csv)).toEqual(rows.map((r) => r.id));
  expect(rows).toHaveLength(times.length);
});
