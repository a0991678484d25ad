import http from "node:http";
import { createTrainer, db, expect, SESSION_COOKIE, sessionCookieValue, test } from "./fixtures";
import { discoverSearchParams, HOSTILE_CHARS, SEARCH_PARAMS, setField, TEXT_FIELDS, textFieldPath, withHostile } from "./hostile-text";
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


// ---------------------------------------------------------------------------------------------
// Issue 13: what the outside probe found.

test("every query parameter the app reads is in the hostile search-parameter list", () => {
  const listed = new Set(SEARCH_PARAMS.map((s) => s.param));
  expect(discoverSearchParams().filter((name) => !listed.has(name))).toEqual([]);
});

test("every search parameter with NUL, U+202E or U+200B answers 422 with a message, never 500", async ({ request }) => {
  const c = await setup();
  for (const { path, param, persona } of SEARCH_PARAMS) {
    for (const ch of HOSTILE_CHARS) {
      const url = `${path}?${new URLSearchParams({ [param]: withHostile("probe", ch) })}`;
      const res = await request.get(url, { headers: c.cookies[persona] ? { cookie: c.cookies[persona]! } : {}, maxRedirects: 0 });
      expect(res.status(), `${url} as ${persona}`).toBe(422);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/U\+(0000|202E|200B)/);
    }
  }
  // A browser gets a page with the message, and the export never starts a 200 stream.
  const page = await request.get("/admin/users?q=%00", { headers: { cookie: c.cookies.admin!, accept: "text/html" } });
  expect(page.status()).toBe(422);
  expect(await page.text()).toContain("NUL byte");
  const exported = await request.get("/api/admin/export/audit?actor=%E2%80%AE", { headers: { cookie: c.cookies.admin! } });
  expect(exported.status()).toBe(422);
  expect(exported.headers()["content-type"]).toContain("json");
});

test("% and _ in admin searches are literal characters, not wildcards", async ({ request }) => {
  const c = await setup();
  for (const url of ["/admin/users?q=%25", "/admin/users?q=_", "/admin/outbox?to=%25"]) {
    const res = await request.get(url, { headers: { cookie: c.cookies.admin! } });
    expect(res.status()).toBe(200);
    expect(await res.text(), url).toMatch(/No (accounts|messages)/i);
  }
});

test("every text field with NUL, U+202E or U+200B answers 422 with a message and changes nothing", async ({ request }) => {
  const c = await setup();
  const certificateId = (await db.certificate.findUniqueOrThrow({ where: { code: c.certA }, select: { id: true } })).id;
  const before = { name: c.A.name, credits: await db.creditEntry.count({ where: { userId: c.A.id } }) };
  for (const f of TEXT_FIELDS) {
    for (const ch of HOSTILE_CHARS) {
      const body = setField(f.body(c), f.field, (old) => withHostile(old, ch));
      const res = await request.fetch(textFieldPath(f, c, certificateId), {
        method: f.method,
        headers: { ...(c.cookies[f.persona] ? { cookie: c.cookies[f.persona]! } : {}), "content-type": "application/json" },
        data: JSON.stringify(body),
        maxRedirects: 0,
      });
      expect(res.status(), `${f.method} ${f.route} ${f.field} with U+${ch.codePointAt(0)!.toString(16)}`).toBe(422);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/U\+(0000|202E|200B)/);
    }
  }
  expect(await db.user.findUniqueOrThrow({ where: { id: c.A.id }, select: { name: true } })).toEqual({ name: before.name });
  expect(await db.creditEntry.count({ where: { userId: c.A.id } })).toBe(before.credits);
  expect(await db.certificate.findUniqueOrThrow({ where: { id: certificateId }, select: { status: true } })).toEqual({ status: "ISSUED" });
  expect(await db.user.count({ where: { name: { startsWith: "Tex" }, email: { startsWith: "probe-" } } })).toBe(0);
});

test("a cookie copied before a plain sign-out is refused after it", async ({ playwright, baseURL }) => {
  const trainer = await createTrainer();
  const browser = await playwright.request.newContext({ baseURL });
  const csrf = async () => ((await (await browser.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
  const signIn = await browser.post("/api/auth/callback/credentials", { form: { csrfToken: await csrf(), email: trainer.email, password: trainer.password, json: "true" }, maxRedirects: 0 });
  expect(signIn.status()).toBeLessThan(400);
  const session = (await browser.storageState()).cookies.find((k) => k.name === SESSION_COOKIE);
  expect(session?.value).toBeTruthy();
  const copied = `${SESSION_COOKIE}=${session!.value}`;
  const probe = () => playwright.request.newContext({ baseURL }).then((ctx) => ctx.get("/api/progress/course?course=fixture-course", { headers: { cookie: copied } }));
  expect((await probe()).status()).toBe(200);

  const signOut = await browser.post("/api/auth/signout", { form: { csrfToken: await csrf(), json: "true" }, maxRedirects: 0 });
  expect(signOut.status()).toBeLessThan(400);
  expect((await probe()).status()).toBe(401);
  expect(await db.revokedSession.count({ where: { userId: trainer.id } })).toBe(1);
  // Only that session ended: another sign-in of the same account still works.
  const other = await sessionCookieValue(trainer);
  const again = await browser.get("/api/progress/course?course=fixture-course", { headers: { cookie: `${SESSION_COOKIE}=${other}` } });
  expect(again.status()).toBe(200);
  await browser.dispose();
});

test("health details only for admins and this machine; others get the status alone", async ({ request }) => {
  const c = await setup();
  const outside = { "x-forwarded-for": "203.0.113.7" }; // the e2e server trusts one proxy hop
  const anonymous = await request.get("/api/health", { headers: outside });
  expect(anonymous.status()).toBe(200);
  expect(await anonymous.json()).toEqual({ status: "ok" });
  const trainer = await request.get("/api/health", { headers: { ...outside, cookie: c.cookies.trainerA! } });
  expect(await trainer.json()).toEqual({ status: "ok" });
  const admin = await request.get("/api/health", { headers: { ...outside, cookie: c.cookies.admin! } });
  expect(await admin.json()).toMatchObject({ status: "ok", database: "reachable", migrations: expect.any(Number) });
  const local = await request.get("/api/health");
  expect(await local.json()).toMatchObject({ migrations: expect.any(Number) });
});

test("CSV export quotes a name holding the ';' separator, so no spreadsheet sees a formula cell", async ({ request }) => {
  const c = await setup();
  const probe = await createTrainer({ name: "Probe Ee;=1+2;x" });
  const res = await request.get(`/api/admin/export/trainers?q=${encodeURIComponent(probe.email)}`, { headers: { cookie: c.cookies.admin! } });
  expect(res.status()).toBe(200);
  const text = await res.text();
  expect(text).toContain('"Probe Ee;=1+2;x"');
  expect(text).not.toMatch(/(^|,)Probe Ee;=1\+2;x/m);
});

test("an oversized body without Content-Length is refused at the limit, not read whole", async ({ baseURL }) => {
  const c = await setup();
  const url = new URL("/api/account/profile", baseURL);
  const result = await new Promise<{ status: number; sentBytes: number }>((resolve, reject) => {
    let sentBytes = 0;
    const req = http.request(url, { method: "PATCH", headers: { cookie: c.cookies.trainerA!, "content-type": "application/json", "transfer-encoding": "chunked" } }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, sentBytes });
      req.destroy();
    });
    req.on("error", (error) => (sentBytes > 0 ? undefined : reject(error)));
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const pump = () => {
      while (sentBytes < 10 * 1024 * 1024) {
        sentBytes += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
  expect(result.status).toBe(413);
  expect(result.sentBytes).toBeLessThan(10 * 1024 * 1024);
});

test("pages rendered per request run only nonce-carrying scripts; prerendered pages keep the static policy; no CSP violation anywhere", async ({ page, asTrainer }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
  });
  await page.goto("/sign-in");
  const signInCsp = (await page.request.get("/sign-in")).headers()["content-security-policy"];
  expect(signInCsp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(signInCsp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  const lessonCsp = (await page.request.get("/courses/fixture-course/first-steps")).headers()["content-security-policy"];
  expect(lessonCsp).toContain("script-src 'self' 'unsafe-inline'");
  await asTrainer();
  for (const url of ["/dashboard", "/account", "/transcript", "/certificates", "/courses/fixture-course", "/courses/fixture-course/first-steps", "/verify", "/"]) {
    await page.goto(url);
    await page.waitForLoadState("networkidle");
  }
  // Hydrated: a client island on a per-request page reacts (the profile form validates on submit).
  await page.goto("/account");
  await page.getByLabel("Certification number").fill("bad*number");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByLabel("Certification number")).toHaveAttribute("aria-invalid", "true");
  expect(violations).toEqual([]);
});
