import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { buildOpenBadgeCredential, signOpenBadgeCredential } from "@/lib/certificates/open-badge";
import { generateCertificateCode } from "@/lib/certificates/certificate-code";
import { generateSigningKeyPair } from "@/lib/certificates/signing-key";
import { createAdmin, createTrainer, db, seedCompletedLessons, sessionCookieValue, type TTestUser } from "./fixtures";

// Every route handler with who may call it: shared by the authorization matrix, the CSRF check
// and the hostile-input property test. A route without a row fails the suite.

export type TPersona = "anonymous" | "trainerA" | "trainerB" | "admin";
export type TCtx = { A: TTestUser; B: TTestUser; admin: TTestUser; attemptA: string; certA: string; certificationA: string; fixtureCourseId: string; cookies: Record<TPersona, string | null> };
export type TRow = {
  method: "GET" | "POST" | "PUT" | "PATCH";
  route: string; // the file-system pattern, e.g. /api/quiz/attempts/[id]/submit
  path: (c: TCtx) => string;
  body?: (c: TCtx) => unknown;
  // Which personas are allowed (2xx); the others must get the given 4xx.
  allow: TPersona[];
  deny?: Partial<Record<TPersona, number>>;
};

const ok = (...p: TPersona[]) => p;
export const ROWS: TRow[] = [
  { method: "GET", route: "/api/health", path: () => "/api/health", allow: ok("anonymous", "trainerA", "trainerB", "admin") },
  { method: "POST", route: "/api/account/sign-up", path: () => "/api/account/sign-up", body: () => ({ name: "Sec Test", email: `sec-${Math.random().toString(36).slice(2)}@e2e.backbone.test`, password: "a-long-enough-passphrase", timeZone: "UTC", certification: { certifyingBody: "NFPT", certificationNumber: "NFPT-SEC-1", firstCertifiedOn: "2024-01-01" } }), allow: ok("anonymous", "trainerA", "trainerB", "admin") },
  { method: "POST", route: "/api/account/verify-email", path: () => "/api/account/verify-email", body: () => ({ token: "x".repeat(43) }), allow: [], deny: { anonymous: 400, trainerA: 400, trainerB: 400, admin: 400 } },
  { method: "POST", route: "/api/account/resend-verification", path: () => "/api/account/resend-verification", body: (c) => ({ email: c.A.email }), allow: ok("anonymous", "trainerA", "trainerB", "admin") },
  { method: "POST", route: "/api/account/forgot-password", path: () => "/api/account/forgot-password", body: () => ({ email: "nobody@e2e.backbone.test" }), allow: ok("anonymous", "trainerA", "trainerB", "admin") },
  { method: "POST", route: "/api/account/reset-password", path: () => "/api/account/reset-password", body: () => ({ token: "y".repeat(43), password: "another-long-passphrase" }), allow: [], deny: { anonymous: 400, trainerA: 400, trainerB: 400, admin: 400 } },
  { method: "PATCH", route: "/api/account/profile", path: () => "/api/account/profile", body: () => ({ name: "Renamed Person", timeZone: "UTC", certification: { certifyingBody: "NFPT", certificationNumber: "NFPT-SEC-2", firstCertifiedOn: "2024-01-01" } }), allow: ok("trainerA", "trainerB", "admin"), deny: { anonymous: 401 } },
  { method: "POST", route: "/api/account/certifications", path: () => "/api/account/certifications", body: () => ({ certification: { certifyingBody: "ACE", certificationNumber: "ACE-SEC-1", firstCertifiedOn: "2024-03-15", certificationExpiresOn: "2026-03-31" } }), allow: ok("trainerA", "trainerB", "admin"), deny: { anonymous: 401 } },
  { method: "PATCH", route: "/api/account/certifications/[id]", path: (c) => `/api/account/certifications/${c.certificationA}`, body: () => ({ certification: { certifyingBody: "NFPT", certificationNumber: "NFPT-SEC-3", firstCertifiedOn: "2023-01-15" } }), allow: ok("trainerA"), deny: { anonymous: 401, trainerB: 404, admin: 404 } },
  { method: "POST", route: "/api/account/certifications/[id]/retire", path: (c) => `/api/account/certifications/${c.certificationA}/retire`, body: () => ({ confirm: true }), allow: ok("trainerA"), deny: { anonymous: 401, trainerB: 404, admin: 404 } },
  { method: "PUT", route: "/api/account/cpr-card", path: () => "/api/account/cpr-card", body: () => ({ provider: "American Red Cross", expiresOn: "2027-06-30" }), allow: ok("trainerA", "trainerB", "admin"), deny: { anonymous: 401 } },
  { method: "GET", route: "/api/account/cpr-card/file", path: () => "/api/account/cpr-card/file", allow: [], deny: { anonymous: 401, trainerA: 404, trainerB: 404, admin: 404 } },
  { method: "PATCH", route: "/api/account/reminders", path: () => "/api/account/reminders", body: () => ({ off: false }), allow: ok("trainerA", "trainerB", "admin"), deny: { anonymous: 401 } },
  { method: "POST", route: "/api/reminders/unsubscribe", path: () => "/api/reminders/unsubscribe?token=bm9ib2R5.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", allow: [], deny: { anonymous: 400, trainerA: 400, trainerB: 400, admin: 400 } },
  { method: "POST", route: "/api/account/password", path: () => "/api/account/password", body: () => ({ currentPassword: "wrong-current-password", newPassword: "another-long-passphrase" }), allow: [], deny: { anonymous: 401, trainerA: 422, trainerB: 422, admin: 422 } },
  { method: "POST", route: "/api/account/sign-out-everywhere", path: () => "/api/account/sign-out-everywhere", allow: ok("trainerA", "trainerB", "admin"), deny: { anonymous: 401 } },
  { method: "GET", route: "/api/notifications", path: () => "/api/notifications", allow: ok("trainerA", "trainerB", "admin"), deny: { anonymous: 401 } },
  { method: "POST", route: "/api/notifications/read", path: () => "/api/notifications/read", body: () => ({ upTo: new Date().toISOString() }), allow: ok("trainerA", "trainerB", "admin"), deny: { anonymous: 401 } },
  { method: "PUT", route: "/api/notifications/preferences", path: () => "/api/notifications/preferences", body: () => ({ email: { CREDIT_ADJUSTED: true } }), allow: ok("trainerA", "trainerB", "admin"), deny: { anonymous: 401 } },
  { method: "GET", route: "/api/progress/lesson", path: () => "/api/progress/lesson?course=fixture-course&lesson=first-steps", allow: ok("trainerA", "trainerB", "admin"), deny: { anonymous: 401 } },
  { method: "POST", route: "/api/progress/lesson", path: () => "/api/progress/lesson", body: () => ({ course: "fixture-course", lesson: "first-steps", percent: 40 }), allow: ok("trainerA", "trainerB", "admin"), deny: { anonymous: 401 } },
  { method: "GET", route: "/api/progress/course", path: () => "/api/progress/course?course=fixture-course", allow: ok("trainerA", "trainerB", "admin"), deny: { anonymous: 401 } },
  { method: "POST", route: "/api/quiz/attempts", path: () => "/api/quiz/attempts", body: () => ({ course: "fixture-course", quiz: "final" }), allow: ok("trainerA", "trainerB", "admin"), deny: { anonymous: 401 } },
  { method: "PUT", route: "/api/quiz/attempts/[id]/answers", path: (c) => `/api/quiz/attempts/${c.attemptA}/answers`, body: () => ({ answers: { "fx-true-false": { type: "true-false", value: true } } }), allow: ok("trainerA"), deny: { anonymous: 401, trainerB: 404, admin: 404 } },
  { method: "POST", route: "/api/quiz/attempts/[id]/submit", path: (c) => `/api/quiz/attempts/${c.attemptA}/submit`, body: () => ({ idempotencyKey: "matrix-key-1", attest: true }), allow: ok("trainerA"), deny: { anonymous: 401, trainerB: 404, admin: 404 } },
  { method: "GET", route: "/api/credits/export.csv", path: () => "/api/credits/export.csv", allow: ok("trainerA", "trainerB", "admin"), deny: { anonymous: 401 } },
  { method: "GET", route: "/api/credits/transcript.pdf", path: () => "/api/credits/transcript.pdf", allow: ok("trainerA", "trainerB", "admin"), deny: { anonymous: 401 } },
  { method: "GET", route: "/api/admin/questions/[id]/regrade", path: () => "/api/admin/questions/fx-single/regrade", allow: ok("admin"), deny: { anonymous: 401, trainerA: 403, trainerB: 403 } },
  { method: "POST", route: "/api/admin/questions/[id]/regrade", path: () => "/api/admin/questions/fx-single/regrade", body: () => ({ confirm: true }), allow: ok("admin"), deny: { anonymous: 401, trainerA: 403, trainerB: 403 } },
  { method: "POST", route: "/api/admin/users/[id]/status", path: (c) => `/api/admin/users/${c.B.id}/status`, body: () => ({ disabled: false }), allow: ok("admin"), deny: { anonymous: 401, trainerA: 403, trainerB: 403 } },
  { method: "POST", route: "/api/admin/users/[id]/role", path: (c) => `/api/admin/users/${c.B.id}/role`, body: () => ({ role: "TRAINER" }), allow: ok("admin"), deny: { anonymous: 401, trainerA: 403, trainerB: 403 } },
  { method: "POST", route: "/api/admin/users/[id]/credits", path: (c) => `/api/admin/users/${c.A.id}/credits`, body: () => ({ amount: "0.10", reason: "matrix adjustment" }), allow: ok("admin"), deny: { anonymous: 401, trainerA: 403, trainerB: 403 } },
  { method: "GET", route: "/api/admin/users/[id]/credits/export.csv", path: (c) => `/api/admin/users/${c.A.id}/credits/export.csv`, allow: ok("admin"), deny: { anonymous: 401, trainerA: 403, trainerB: 403 } },
  { method: "GET", route: "/api/admin/provider-records", path: () => "/api/admin/provider-records?course=fixture-course", allow: ok("admin"), deny: { anonymous: 401, trainerA: 403, trainerB: 403 } },
  { method: "GET", route: "/api/admin/export/[table]", path: () => "/api/admin/export/audit", allow: ok("admin"), deny: { anonymous: 401, trainerA: 403, trainerB: 403 } },
  { method: "GET", route: "/api/verify/[code]", path: () => `/api/verify/${generateCertificateCode()}`, allow: [], deny: { anonymous: 404, trainerA: 404, trainerB: 404, admin: 404 } },
  { method: "GET", route: "/.well-known/jwks.json", path: () => "/.well-known/jwks.json", allow: ok("anonymous", "trainerA", "trainerB", "admin") },
  { method: "GET", route: "/ob/issuer", path: () => "/ob/issuer", allow: ok("anonymous", "trainerA", "trainerB", "admin") },
  { method: "GET", route: "/ob/achievements/[slug]", path: () => "/ob/achievements/fixture-course", allow: ok("anonymous", "trainerA", "trainerB", "admin") },
  { method: "GET", route: "/ob/keys/[kid]", path: () => `/ob/keys/${"A".repeat(43)}`, allow: [], deny: { anonymous: 404, trainerA: 404, trainerB: 404, admin: 404 } },
  { method: "GET", route: "/ob/status/[list]", path: () => "/ob/status/0", allow: ok("anonymous", "trainerA", "trainerB", "admin") },
  { method: "GET", route: "/api/certificates/[code]/pdf", path: (c) => `/api/certificates/${c.certA}/pdf`, allow: ok("trainerA", "admin"), deny: { anonymous: 401, trainerB: 404 } },
  { method: "GET", route: "/api/certificates/[code]/credential", path: (c) => `/api/certificates/${c.certA}/credential`, allow: ok("trainerA", "admin"), deny: { anonymous: 401, trainerB: 404 } },
  { method: "POST", route: "/api/admin/certificates/issue", path: () => "/api/admin/certificates/issue", body: () => ({ requestIds: ["nope"] }), allow: [], deny: { anonymous: 401, trainerA: 403, trainerB: 403, admin: 404 } },
  { method: "GET", route: "/api/admin/certificates/batches/[id]", path: () => "/api/admin/certificates/batches/cmissingbatch000000000000", allow: [], deny: { anonymous: 401, trainerA: 403, trainerB: 403, admin: 404 } },
  { method: "POST", route: "/api/admin/certificates/[id]/revoke", path: () => "/api/admin/certificates/cmissingcert0000000000000/revoke", body: () => ({ reason: "matrix reason" }), allow: [], deny: { anonymous: 401, trainerA: 403, trainerB: 403, admin: 404 } },
  { method: "POST", route: "/api/admin/certificates/[id]/reissue", path: () => "/api/admin/certificates/cmissingcert0000000000000/reissue", allow: [], deny: { anonymous: 401, trainerA: 403, trainerB: 403, admin: 404 } },
  { method: "POST", route: "/api/admin/certificates/zip", path: () => "/api/admin/certificates/zip", body: () => ({ codes: ["BKCE-00000-00000-00000-00000-000000"] }), allow: [], deny: { anonymous: 401, trainerA: 403, trainerB: 403, admin: 404 } },
  { method: "POST", route: "/api/admin/courses/[id]/auto-issue", path: (c) => `/api/admin/courses/${c.fixtureCourseId}/auto-issue`, body: () => ({ enabled: false }), allow: ok("admin"), deny: { anonymous: 401, trainerA: 403, trainerB: 403 } },
];
export const EXEMPT = new Set(["GET /api/auth/[...nextauth]", "POST /api/auth/[...nextauth]"]); // next-auth's own, with its CSRF token

export function discoverRoutes(): string[] {
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

async function matrixCredential(code: string, name: string) {
  const keys = generateSigningKeyPair();
  const credential = buildOpenBadgeCredential({
    id: `http://127.0.0.1/verify/${code}`,
    issuer: { id: "http://127.0.0.1", name: "Backbone CE", url: "http://127.0.0.1" },
    achievement: { id: "http://127.0.0.1/courses/fixture-course", name: "Fixture Course for Tests", description: "A fixture.", criteriaNarrative: "Pass.", creditsAvailable: "0.10", certifyingBody: "NFPT", courseVersion: "1.0.0" },
    subject: { id: "urn:uuid:00000000-0000-8000-8000-000000000001", name },
    creditsEarned: "0.10",
    validFrom: "2026-01-02T00:00:00.000Z",
  });
  return signOpenBadgeCredential(credential, { privateKeyPem: keys.privateKeyPem, kid: "http://127.0.0.1/ob/keys/matrix" });
}

export async function setup(): Promise<TCtx> {
  const [A, B, admin] = await Promise.all([createTrainer(), createTrainer(), createAdmin()]);
  // Everyone may start the fixture final: it opens once every lesson is complete.
  await Promise.all([A, B, admin].map((u) => seedCompletedLessons(u.id, "fixture-course")));
  const cookies: TCtx["cookies"] = { anonymous: null, trainerA: null, trainerB: null, admin: null };
  for (const [k, u] of [["trainerA", A], ["trainerB", B], ["admin", admin]] as const) cookies[k] = `next-auth.session-token=${await sessionCookieValue(u)}`;
  const course = await db.course.findUniqueOrThrow({ where: { slug: "fixture-course" }, select: { id: true, title: true, version: true } });
  const certA = generateCertificateCode();
  await db.certificate.create({
    data: {
      code: certA,
      userId: A.id,
      courseId: course.id,
      trainerName: A.name,
      certificationNumber: "NFPT-MATRIX",
      certifyingBody: "NFPT",
      courseTitle: course.title,
      courseVersion: course.version,
      contactMinutes: 30,
      creditHundredths: 10,
      scorePercent: 100,
      completedAt: new Date("2026-01-01T00:00:00Z"),
      issuedAt: new Date("2026-01-02T00:00:00Z"),
      credentialJwt: await matrixCredential(certA, A.name),
    },
  });
  const certificationA = (await db.certification.findFirstOrThrow({ where: { userId: A.id }, select: { id: true } })).id;
  return { A, B, admin, attemptA: "", certA, certificationA, fixtureCourseId: course.id, cookies };
}

export async function send(request: APIRequestContext, row: TRow, c: TCtx, persona: TPersona, extra: Record<string, string> = {}) {
  const headers: Record<string, string> = { ...extra };
  if (c.cookies[persona]) headers.cookie = c.cookies[persona]!;
  if (row.body) headers["content-type"] = "application/json";
  return request.fetch(row.path(c), { method: row.method, headers, data: row.body ? JSON.stringify(row.body(c)) : undefined, maxRedirects: 0 });
}

