import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { syncContent } from "@/lib/content/sync-content.server";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { startAttempt, submitAttempt } from "@/lib/quiz/quiz-attempts.server";
import { createUser } from "@/prisma/seed-helpers";
import { completeLessons } from "@/tests/evidence";
import { PROVIDER_RECORD_CSV_HEADER } from "./provider-records";
import { listProviderRecords, streamProviderRecordsCsv } from "./provider-records.server";

// The provider's records against real PostgreSQL: a completed fixture course appears with its
// approval and evidence, filtered by course and date, and only admins can read them.
process.env.EXTRA_CONTENT_DIR = path.resolve("tests/fixtures/content");

let trainerId = "";
let adminId = "";

beforeAll(async () => {
  await syncContent(db);
  const trainer = await createUser(db, {
    email: "records-trainer@example.test",
    name: "Rory Records",
    password: "unused-password-for-tests",
    profile: { certificationNumber: "NFPT-REC-1", firstCertifiedOn: "2024-01-01" },
  });
  trainerId = trainer.id;
  adminId = (await createUser(db, { email: "records-admin@example.test", name: "Admin", password: "unused-password-for-tests", role: "ADMIN" })).id;
  await completeLessons(trainerId, "fixture-course");
  const { attemptId } = await startAttempt({ userId: trainerId, courseSlug: "fixture-course", quizSlug: "final" });
  const answers = { "fx-single": { type: "single", optionId: "blue" }, "fx-true-false": { type: "true-false", value: true }, "fx-numeric": { type: "numeric", value: 2 } };
  const drawn = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { draw: true } });
  const ids = (drawn.draw as { questionId: string }[]).map((d) => d.questionId);
  await submitAttempt({ userId: trainerId, attemptId, idempotencyKey: "records-key-1", answers: Object.fromEntries(ids.map((id) => [id, answers[id as keyof typeof answers]])), attest: true });
});

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("provider records", () => {
  test("the completion is listed with its approval, score, attestation and evidence", async () => {
    const { rows, total } = await listProviderRecords({ adminId, filters: { course: "fixture-course" } });
    expect(total).toBe(1);
    expect(rows[0]).toMatchObject({ trainerName: "Rory Records", certifyingBody: "NFPT", certificationNumber: "NFPT-REC-1", approvalNumber: "FX-APPROVAL-42", providerNumber: "FX-PROVIDER-7", creditHundredths: 10, scorePercent: 100, attemptNumber: 1 });
    expect(rows[0].attestedAt).toBeInstanceOf(Date);
    expect(rows[0].lessons.map((l) => l.slug)).toEqual(["first-steps", "second-steps"]);
  });

  test("the CSV streams a header and the row; the date filter excludes other days", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const csv = await readAll(await streamProviderRecordsCsv({ adminId, filters: { course: "fixture-course", from: today, to: today } }));
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe(PROVIDER_RECORD_CSV_HEADER.join(","));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("FX-APPROVAL-42");
    expect(lines[1]).toMatch(/first-steps [\d.]+\/[\d.]+ min; second-steps/);
    const none = await readAll(await streamProviderRecordsCsv({ adminId, filters: { course: "fixture-course", from: "2020-01-01", to: "2020-12-31" } }));
    expect(none.trim().split("\r\n")).toHaveLength(1);
  });

  test("trainers cannot read them, and an unknown course is a 404", async () => {
    const refused = await listProviderRecords({ adminId: trainerId, filters: {} }).catch((e) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(403);
    const missing = await streamProviderRecordsCsv({ adminId, filters: { course: "no-such-course" } }).catch((e) => e);
    expect((missing as AppError).status).toBe(404);
  });
});
