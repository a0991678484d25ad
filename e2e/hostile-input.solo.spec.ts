import fc from "fast-check";
import { db, expect, test } from "./fixtures";
import { createTrainer } from "./fixtures";
import { HOSTILE_CHARS, SEARCH_PARAMS, setField, TEXT_FIELDS, textFieldPath, withHostile } from "./hostile-text";
import { ROWS, setup } from "./route-matrix";

// Property-based hostile input against every write route. Runs in the "solo" project, after every
// other spec, so the before/after row counts prove that refused requests wrote nothing.

const TABLES = ["User", "TrainerProfile", "AuthToken", "QuizAttempt", "AttemptAnswer", "CreditEntry", "LessonProgress", "Certificate", "OutboxEmail", "AuditLog"] as const;
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
    // Issue 13: a valid body with one text field carrying NUL, a bidi override or a zero-width space.
    fc.tuple(fc.constantFrom(...TEXT_FIELDS), fc.constantFrom(...HOSTILE_CHARS), fc.string({ maxLength: 20 })).map(([f, ch, extra]) => setField(f.body(c), f.field, (old) => withHostile(`${old}${extra}`, ch))),
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

test("every text field with NUL, U+202E or U+200B: 422 with a message, and not one row written", async ({ request }) => {
  const c = await setup();
  const certificateId = (await db.certificate.findUniqueOrThrow({ where: { code: c.certA }, select: { id: true } })).id;
  const before = await countRows();
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...TEXT_FIELDS), fc.constantFrom(...HOSTILE_CHARS), fc.string({ maxLength: 30 }), fc.boolean(), async (f, ch, extra, atEnd) => {
      const body = setField(f.body(c), f.field, (old) => (atEnd ? `${old}${extra}${ch}` : withHostile(`${extra}${old}`, ch)));
      const res = await request.fetch(textFieldPath(f, c, certificateId), {
        method: f.method,
        headers: { ...(c.cookies[f.persona] ? { cookie: c.cookies[f.persona]! } : {}), "content-type": "application/json" },
        data: JSON.stringify(body),
        maxRedirects: 0,
      });
      expect(res.status(), `${f.route} ${f.field}`).toBe(422);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/U\+/);
    }),
    { numRuns: 150 },
  );
  expect(await countRows()).toEqual(before);
});

test("every search parameter with hostile characters: 422, never 500", async ({ request }) => {
  const c = await setup();
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...SEARCH_PARAMS), fc.constantFrom(...HOSTILE_CHARS), fc.string({ maxLength: 30 }), async ({ path, param, persona }, ch, text) => {
      const url = `${path}?${new URLSearchParams({ [param]: withHostile(text, ch) })}`;
      const res = await request.get(url, { headers: c.cookies[persona] ? { cookie: c.cookies[persona]! } : {}, maxRedirects: 0 });
      expect(res.status(), url).toBe(422);
    }),
    { numRuns: 200 },
  );
});

test("100 parallel wrong-password sign-ins for one account check at most 10 passwords (counted in the database)", async ({ playwright, baseURL }) => {
  test.setTimeout(180_000);
  const target = await createTrainer();
  const client = await playwright.request.newContext({ baseURL });
  const { csrfToken } = (await (await client.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const statuses = await Promise.all(
    Array.from({ length: 100 }, (_, i) =>
      client
        .post("/api/auth/callback/credentials", {
          // Each from its own address (the e2e server trusts one proxy hop): only the account lock can stop them.
          headers: { "x-forwarded-for": `198.51.100.${i + 1}` },
          form: { csrfToken, email: target.email, password: `wrong guess ${i}`, json: "true" },
          maxRedirects: 0,
        })
        .then((r) => r.status()),
    ),
  );
  expect(statuses.filter((s) => s >= 500)).toEqual([]);
  const checked = await db.loginFailure.count({ where: { email: target.email } });
  expect(checked).toBeLessThanOrEqual(10);
  expect(checked).toBeGreaterThan(0);
  await client.dispose();
});
