import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import fc from "fast-check";
import { createAdmin, createTrainer, db, expect, sessionCookieValue, type TTestUser, test } from "./fixtures";

// The security suite: an authorization matrix over every route handler (anonymous, trainer A,
// trainer B on A's resources, admin), CSRF, mass assignment, middleware-bypass headers and
// property-based hostile input. A route without a row here fails the suite.

type TPersona = "anonymous" | "trainerA" | "trainerB" | "admin";
type TCtx = { A: TTestUser; B: TTestUser; admin: TTestUser; attemptA: string; cookies: Record<TPersona, string | null> };
type TRow = {
  method: "GET" | "POST" | "PUT" | "PATCH";
  route: string; // the file-system pattern, e.g. /api/quiz/attempts/[id]/submit
  path: (c: TCtx) => string;
  body?: (c: TCtx) => unknown;
  // Which personas are allowed (2xx); the others must get the given 4xx.
  allow: TPersona[];
  deny?: Partial<Record<TPersona, number>>;
};

const ok = (...p: TPersona[]) => p;
const ROWS: TRow[] = [
  { method: "GET", route: "/api/health", path: () => "/api/health", allow: ok("anonymous", "trainerA", "trainerB", "admin") },
  { method: "POST", route: "/api/account/sign-up", path: () => "/api/account/sign-up", body: () => ({ name: "Sec Test", email: `sec-${Math.random().toString(36).slice(2)}@e2e.backbone.test`, password: "a-long-enough-passphrase", timeZone: "UTC", certification: { certifyingBody: "NFPT", certificationNumber: "NFPT-SEC-1", firstCertifiedOn: "2024-01-01" } }), allow: ok("anonymous", "trainerA", "trainerB", "admin") },
  { method: "POST", route: "/api/account/verify-email", path: () => "/api/account/verify-email", body: () => ({ token: "x".repeat(43) }), allow: [], deny: { anonymous: 400, trainerA: 400, trainerB: 400, admin: 400 } },
  { method: "POST", route: "/api/account/resend-verification", path: () => "/api/account/resend-verification", body: (c) => ({ email: c.A.email }), allow: ok("anonymous", "trainerA", "trainerB", "admin") },
  { method: "POST", route: "/api/account/forgot-password", path: () => "/api/account/forgot-password", body: () => ({ email: "nobody@e2e.backbone.test" }), allow: ok("anonymous", "trainerA", "trainerB", "admin") },
  { method: "POST", route: "/api/account/reset-password", path: () => "/api/account/reset-password", body: () => ({ token: "y".repeat(43), password: "another-long-passphrase" }), allow: [], deny: { anonymous: 400, trainerA: 400, trainerB: 400, admin: 400 } },
  { method: "PATCH", route: "/api/account/profile", path: () => "/api/account/profile", body: () => ({ name: "Renamed Person", timeZone: "UTC", certification: { certifyingBody: "NFPT", certificationNumber: "NFPT-SEC-2", firstCertifiedOn: "2024-01-01" } }), allow: ok("trainerA", "trainerB", "admin"), deny: { anonymous: 401 } },
  { method: "POST", route: "/api/account/password", path: () => "/api/account/password", body: () => ({ currentPassword: "wrong-current-password", newPassword: "another-long-passphrase" }), allow: [], deny: { anonymous: 401, trainerA: 422, trainerB: 422, admin: 422 } },
  { method: "POST", route: "/api/account/sign-out-everywhere", path: () => "/api/account/sign-out-everywhere", allow: ok("trainerA", "trainerB", "admin"), deny: { anonymous: 401 } },
  { method: "GET", route: "/api/progress/lesson", path: () => "/api/progress/lesson?course=fixture-course&lesson=first-steps", allow: ok("trainerA", "trainerB", "admin"), deny: { anonymous: 401 } },
  { method: "POST", route: "/api/progress/lesson", path: () => "/api/progress/lesson", body: () => ({ course: "fixture-course", lesson: "first-steps", percent: 40 }), allow: ok("trainerA", "trainerB", "admin"), deny: { anonymous: 401 } },
  { method: "GET", route: "/api/progress/course", path: () => "/api/progress/course?course=fixture-course", allow: ok("trainerA", "trainerB", "admin"), deny: { anonymous: 401 } },
  { method: "POST", route: "/api/quiz/attempts", path: () => "/api/quiz/attempts", body: () => ({ course: "fixture-course", quiz: "final" }), allow: ok("trainerA", "trainerB", "admin"), deny: { anonymous: 401 } },
  { method: "PUT", route: "/api/quiz/attempts/[id]/answers", path: (c) => `/api/quiz/attempts/${c.attemptA}/answers`, body: () => ({ answers: { "fx-true-false": { type: "true-false", value: true } } }), allow: ok("trainerA"), deny: { anonymous: 401, trainerB: 404, admin: 404 } },
  { method: "POST", route: "/api/quiz/attempts/[id]/submit", path: (c) => `/api/quiz/attempts/${c.attemptA}/submit`, body: () => ({ idempotencyKey: "matrix-key-1" }), allow: ok("trainerA"), deny: { anonymous: 401, trainerB: 404, admin: 404 } },
  { method: "GET", route: "/api/credits/export.csv", path: () => "/api/credits/export.csv", allow: ok("trainerA", "trainerB", "admin"), deny: { anonymous: 401 } },
  { method: "GET", route: "/api/credits/transcript.pdf", path: () => "/api/credits/transcript.pdf", allow: ok("trainerA", "trainerB", "admin"), deny: { anonymous: 401 } },
  { method: "GET", route: "/api/admin/questions/[id]/regrade", path: () => "/api/admin/questions/fx-single/regrade", allow: ok("admin"), deny: { anonymous: 401, trainerA: 403, trainerB: 403 } },
  { method: "POST", route: "/api/admin/questions/[id]/regrade", path: () => "/api/admin/questions/fx-single/regrade", body: () => ({ confirm: true }), allow: ok("admin"), deny: { anonymous: 401, trainerA: 403, trainerB: 403 } },
  { method: "POST", route: "/api/admin/users/[id]/status", path: (c) => `/api/admin/users/${c.B.id}/status`, body: () => ({ disabled: false }), allow: ok("admin"), deny: { anonymous: 401, trainerA: 403, trainerB: 403 } },
  { method: "POST", route: "/api/admin/users/[id]/role", path: (c) => `/api/admin/users/${c.B.id}/role`, body: () => ({ role: "TRAINER" }), allow: ok("admin"), deny: { anonymous: 401, trainerA: 403, trainerB: 403 } },
  { method: "POST", route: "/api/admin/users/[id]/credits", path: (c) => `/api/admin/users/${c.A.id}/credits`, body: () => ({ amount: "0.10", reason: "matrix adjustment" }), allow: ok("admin"), deny: { anonymous: 401, trainerA: 403, trainerB: 403 } },
  { method: "GET", route: "/api/admin/users/[id]/credits/export.csv", path: (c) => `/api/admin/users/${c.A.id}/credits/export.csv`, allow: ok("admin"), deny: { anonymous: 401, trainerA: 403, trainerB: 403 } },
  { method: "GET", route: "/api/admin/export/[table]", path: () => "/api/admin/export/audit", allow: ok("admin"), deny: { anonymous: 401, trainerA: 403, trainerB: 403 } },
];
const EXEMPT = new Set(["GET /api/auth/[...nextauth]", "POST /api/auth/[...nextauth]"]); // next-auth's own, with its CSRF token

function discoverRoutes(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name === "route.ts") {
        const route = `/${path.relative("app", path.dirname(full)).replace(/\\/g, "/")}`.replace(/\/\([^)]+\)/g, "");
        const src = readFileSync(full, "utf8");
        for (const m of src.matchAll(/export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b|handler as (GET|POST)/g)) found.push(`${m[1] ?? m[2]} ${route}`);
      }
    }
  };
  walk(path.resolve("app"));
  return found;
}

async function setup(): Promise<TCtx> {
  const [A, B, admin] = await Promise.all([createTrainer(), createTrainer(), createAdmin()]);
  const cookies: TCtx["cookies"] = { anonymous: null, trainerA: null, trainerB: null, admin: null };
  for (const [k, u] of [["trainerA", A], ["trainerB", B], ["admin", admin]] as const) cookies[k] = `next-auth.session-token=${await sessionCookieValue(u)}`;
  return { A, B, admin, attemptA: "", cookies };
}

async function send(request: APIRequestContext, row: TRow, c: TCtx, persona: TPersona, extra: Record<string, string> = {}) {
  const headers: Record<string, string> = { ...extra };
  if (c.cookies[persona]) headers.cookie = c.cookies[persona]!;
  if (row.body) headers["content-type"] = "application/json";
  return request.fetch(row.path(c), { method: row.method, headers, data: row.body ? JSON.stringify(row.body(c)) : undefined, maxRedirects: 0 });
}

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
