import fc from "fast-check";
import { db, expect, test } from "./fixtures";
import { ROWS, setup } from "./route-matrix";

// Property-based hostile input against every write route. Runs in the "solo" project, after every
// other spec, so the before/after row counts prove that refused requests wrote nothing.

const TABLES = ["User", "TrainerProfile", "AuthToken", "QuizAttempt", "AttemptAnswer", "CreditEntry", "LessonProgress", "Certificate", "OutboxEmail"] as const;
async function countRows() {
  const counts: Record<string, number> = {};
  for (const t of TABLES) {
    const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*)::bigint AS n FROM "${t}"`);
    counts[t] = Number(rows[0].n);
  }
  return counts;
}

test("hostile input to every write route gets a 4xx with a message, never a 500, and writes nothing", async ({ request }) => {
  test.setTimeout(180_000);
  const c = await setup();
  const start = await request.post("/api/quiz/attempts", { headers: { cookie: c.cookies.trainerA!, "content-type": "application/json" }, data: { course: "fixture-course", quiz: "final" } });
  c.attemptA = ((await start.json()) as { attemptId: string }).attemptId;
  const hostile = fc.oneof(
    fc.jsonValue(),
    fc.record({ email: fc.string(), password: fc.string(), name: fc.string({ maxLength: 5000 }), certification: fc.jsonValue() }),
    fc.record({ answers: fc.dictionary(fc.string(), fc.jsonValue()), idempotencyKey: fc.string() }),
    fc.record({ course: fc.string(), lesson: fc.string(), percent: fc.oneof(fc.integer(), fc.double(), fc.string()) }),
    fc.constantFrom("__proto__", { __proto__: { admin: true } }, { constructor: { prototype: { x: 1 } } }, "'; DROP TABLE \"User\"; --", "<script>alert(1)</script>", "\u0000", "x".repeat(70_000)),
  );
  const writeRows = ROWS.filter((r) => r.method !== "GET" && r.route !== "/api/account/sign-out-everywhere");
  const before = await countRows();
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...writeRows), hostile, async (row, body) => {
      const persona = row.allow[0] ?? "trainerA";
      const raw = typeof body === "string" ? body : JSON.stringify(body);
      const res = await request.fetch(row.path(c), { method: row.method, headers: { cookie: c.cookies[persona] ?? "", "content-type": "application/json" }, data: raw, maxRedirects: 0 });
      const status = res.status();
      expect(status, `${row.method} ${row.route} with ${raw.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
      const json = (await res.json()) as { error?: { message?: string } };
      expect(json.error?.message?.length ?? 0).toBeGreaterThan(5);
    }),
    { numRuns: 300 },
  );
  expect(await countRows()).toEqual(before);
});
