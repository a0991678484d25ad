import { db, expect, test } from "./fixtures";
import { discoverRoutes, EXEMPT, ROWS, send, setup, type TPersona } from "./route-matrix";

// The security suite: an authorization matrix over every route handler (anonymous, trainer A,
// trainer B on A's resources, admin), CSRF, mass assignment, middleware-bypass headers and IDOR.
// Hostile input runs alone after everything else (hostile-input.solo.spec.ts) so its row counts
// are not disturbed by other specs.

test("every route handler is in the authorization matrix", () => {
  const known = new Set(ROWS.map((r) => `${r.method} ${r.route}`));
  const missing = discoverRoutes().filter((r) => !known.has(r) && !EXEMPT.has(r));
  expect(missing).toEqual([]);
});

for (const row of ROWS) {
  test(`authorization: ${row.method} ${row.route}`, async ({ request }) => {
    for (const persona of ["anonymous", "trainerB", "admin", "trainerA"] as TPersona[]) {
      // Fresh users and resources per persona: some rows end sessions or change roles.
      const c = await setup();
      const start = await request.post("/api/quiz/attempts", { headers: { cookie: c.cookies.trainerA!, "content-type": "application/json" }, data: { course: "fixture-course", quiz: "final" } });
      c.attemptA = ((await start.json()) as { attemptId: string }).attemptId;
      const res = await send(request, row, c, persona);
      const status = res.status();
      if (row.allow.includes(persona)) expect(status, `${persona} should be allowed: ${await res.text()}`).toBeLessThan(300);
      else {
        expect(status, `${persona} should be refused`).toBe(row.deny?.[persona] ?? 403);
        const type = res.headers()["content-type"] ?? "";
        if (type.includes("json")) expect(((await res.json()) as { error: { message: string } }).error.message.length).toBeGreaterThan(5);
      }
    }
  });
}

test("cross-site writes are refused on every state-changing route", async ({ request }) => {
  const c = await setup();
  const start = await request.post("/api/quiz/attempts", { headers: { cookie: c.cookies.trainerA!, "content-type": "application/json" }, data: { course: "fixture-course", quiz: "final" } });
  c.attemptA = ((await start.json()) as { attemptId: string }).attemptId;
  for (const row of ROWS.filter((r) => r.method !== "GET")) {
    const persona = row.allow[0] ?? "trainerA";
    const res = await send(request, row, c, persona, { origin: "https://evil.example" });
    expect(res.status(), `${row.method} ${row.route}`).toBe(403);
  }
  const attempt = await db.quizAttempt.findUniqueOrThrow({ where: { id: c.attemptA }, select: { status: true } });
  expect(attempt.status).toBe("IN_PROGRESS");
});

test("mass assignment: role, score or credit fields sent by a client are refused, never applied", async ({ request }) => {
  const c = await setup();
  const profile = await request.patch("/api/account/profile", {
    headers: { cookie: c.cookies.trainerA!, "content-type": "application/json" },
    data: { name: "Sneaky", timeZone: "UTC", role: "ADMIN", certification: { certifyingBody: "NFPT", certificationNumber: "N-1", firstCertifiedOn: "2024-01-01" } },
  });
  expect(profile.status()).toBe(422);
  const start = await request.post("/api/quiz/attempts", { headers: { cookie: c.cookies.trainerA!, "content-type": "application/json" }, data: { course: "fixture-course", quiz: "final" } });
  const { attemptId } = (await start.json()) as { attemptId: string };
  const submit = await request.post(`/api/quiz/attempts/${attemptId}/submit`, {
    headers: { cookie: c.cookies.trainerA!, "content-type": "application/json" },
    data: { idempotencyKey: "mass-assign-1", scorePercent: 100, passed: true, answers: {} },
  });
  expect(submit.status()).toBe(422);
  const user = await db.user.findUniqueOrThrow({ where: { id: c.A.id }, select: { role: true, name: true } });
  expect(user).toEqual({ role: "TRAINER", name: c.A.name });
  expect(await db.creditEntry.count({ where: { userId: c.A.id } })).toBe(0);
});

test("a forged x-middleware-subrequest header does not open admin pages", async ({ request }) => {
  const c = await setup();
  const header = { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" };
  const anonymous = await request.get("/admin/users", { headers: header, maxRedirects: 0 });
  expect([302, 307, 404]).toContain(anonymous.status());
  const trainer = await request.get("/admin/users", { headers: { ...header, cookie: c.cookies.trainerA! }, maxRedirects: 0 });
  expect(trainer.status()).toBe(404);
  expect(await trainer.text()).not.toContain(c.B.email);
  const api = await request.post(`/api/admin/users/${c.B.id}/status`, { headers: { ...header, cookie: c.cookies.trainerA!, "content-type": "application/json" }, data: { disabled: true } });
  expect(api.status()).toBe(403);
});

test("IDOR: another trainer's attempt pages and APIs reveal nothing", async ({ request }) => {
  const c = await setup();
  const start = await request.post("/api/quiz/attempts", { headers: { cookie: c.cookies.trainerA!, "content-type": "application/json" }, data: { course: "fixture-course", quiz: "final" } });
  const { attemptId } = (await start.json()) as { attemptId: string };
  const page = await request.get(`/courses/fixture-course/quiz/final/attempt/${attemptId}`, { headers: { cookie: c.cookies.trainerB! }, maxRedirects: 0 });
  expect(page.status()).toBe(404);
  const own = await request.get(`/courses/fixture-course/quiz/final/attempt/${attemptId}`, { headers: { cookie: c.cookies.trainerA! }, maxRedirects: 0 });
  expect(own.status()).toBe(200);
});

