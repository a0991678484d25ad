import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { TCtx, TPersona } from "./route-matrix";

// Issue 13's outside view: every text field and every search parameter, each with a NUL byte, a
// bidi override (U+202E) and a zero-width space (U+200B). Shared by the security suite and the
// hostile-input property test. A query parameter the code reads but this file does not list
// fails the suite (discoverSearchParams).

export const HOSTILE_CHARS = ["\u0000", "\u202E", "\u200B"] as const;
export const withHostile = (text: string, ch: string) => `${text.slice(0, 3)}${ch}${text.slice(3)}`;

export type TTextField = {
  method: "POST" | "PATCH";
  route: string;
  persona: TPersona;
  /** Dot path of the field in the body. */
  field: string;
  body: (c: TCtx) => Record<string, unknown>;
};

const cert = (n: string) => ({ certifyingBody: "NFPT", certificationNumber: n, firstCertifiedOn: "2024-01-01" });
const signUp = () => ({ name: "Text Probe", email: `probe-${Math.random().toString(36).slice(2)}@e2e.backbone.test`, password: "a-long-enough-passphrase", timeZone: "UTC", certification: cert("NFPT-TXT-1") });
const profile = () => ({ name: "Text Probe Renamed", timeZone: "UTC", certification: cert("NFPT-TXT-2") });

export const TEXT_FIELDS: TTextField[] = [
  { method: "POST", route: "/api/account/sign-up", persona: "anonymous", field: "name", body: signUp },
  { method: "POST", route: "/api/account/sign-up", persona: "anonymous", field: "email", body: signUp },
  { method: "POST", route: "/api/account/sign-up", persona: "anonymous", field: "password", body: signUp },
  { method: "POST", route: "/api/account/sign-up", persona: "anonymous", field: "certification.certificationNumber", body: signUp },
  { method: "PATCH", route: "/api/account/profile", persona: "trainerA", field: "name", body: profile },
  { method: "PATCH", route: "/api/account/profile", persona: "trainerA", field: "certification.certificationNumber", body: profile },
  { method: "POST", route: "/api/account/forgot-password", persona: "anonymous", field: "email", body: (c) => ({ email: c.A.email }) },
  { method: "POST", route: "/api/account/resend-verification", persona: "anonymous", field: "email", body: (c) => ({ email: c.A.email }) },
  { method: "POST", route: "/api/account/reset-password", persona: "anonymous", field: "password", body: () => ({ token: "y".repeat(43), password: "another-long-passphrase" }) },
  { method: "POST", route: "/api/account/password", persona: "trainerA", field: "newPassword", body: (c) => ({ currentPassword: c.A.password, newPassword: "another-long-passphrase" }) },
  { method: "POST", route: "/api/admin/users/[id]/credits", persona: "admin", field: "reason", body: () => ({ amount: "0.10", reason: "probe adjustment" }) },
  { method: "POST", route: "/api/admin/users/[id]/credits", persona: "admin", field: "courseId", body: (c) => ({ amount: "0.10", reason: "probe adjustment", courseId: c.fixtureCourseId }) },
  { method: "POST", route: "/api/admin/certificates/[id]/revoke", persona: "admin", field: "reason", body: () => ({ reason: "probe revocation reason" }) },
  { method: "POST", route: "/api/admin/certificates/zip", persona: "admin", field: "codes.0", body: (c) => ({ codes: [c.certA] }) },
];

export function textFieldPath(f: TTextField, c: TCtx, certificateId: string): string {
  return f.route.replace("/users/[id]/", `/users/${c.A.id}/`).replace("/certificates/[id]/", `/certificates/${certificateId}/`);
}

export function setField(body: Record<string, unknown>, dotPath: string, mutate: (old: string) => string): Record<string, unknown> {
  const copy = structuredClone(body);
  const keys = dotPath.split(".");
  let node = copy as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
  const last = keys[keys.length - 1];
  node[last] = mutate(String(node[last]));
  return copy;
}

export type TSearchParam = { path: string; param: string; persona: TPersona };
const p = (persona: TPersona, pathname: string, ...params: string[]): TSearchParam[] => params.map((param) => ({ path: pathname, param, persona }));

export const SEARCH_PARAMS: TSearchParam[] = [
  ...p("admin", "/admin/users", "q", "page"),
  ...p("admin", "/admin/outbox", "to", "page"),
  ...p("admin", "/admin/certificates", "q", "cq", "course", "body", "page", "cpage", "cstatus", "batch"),
  ...p("admin", "/admin/trainers", "q", "body", "cycle", "courseStatus", "course", "sort", "dir", "size", "page"),
  ...p("admin", "/admin/audit", "action", "actor", "targetType", "targetId", "user", "from", "to", "page"),
  ...p("admin", "/admin/quizzes", "quiz", "regraded", "answers", "changed"),
  ...p("admin", "/api/admin/export/trainers", "q", "body", "cycle", "courseStatus", "course", "sort", "dir"),
  ...p("admin", "/api/admin/export/audit", "action", "actor", "targetType", "targetId", "user", "from", "to"),
  ...p("admin", "/api/admin/export/attempts", "user"),
  ...p("admin", "/api/admin/export/ledger", "user"),
  ...p("admin", "/api/admin/export/weekly", "weeks"),
  ...p("trainerA", "/api/progress/lesson", "course", "lesson"),
  ...p("trainerA", "/api/progress/course", "course"),
  ...p("anonymous", "/sign-in", "callbackUrl", "error", "verified", "reset"),
  ...p("anonymous", "/reset-password", "token"),
  ...p("anonymous", "/verify-email", "token"),
  ...p("anonymous", "/verify", "code"),
  ...p("anonymous", "/search", "q", "course"),
  ...p("anonymous", "/unsubscribe", "token", "done"),
];

/** Every query parameter name the app reads (pages, route handlers, query-string parsers). */
export function discoverSearchParams(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name !== "generated") walk(full);
        continue;
      }
      if (!/\.(ts|tsx)$/.test(name) || /\.test\.ts$/.test(name)) continue;
      const src = readFileSync(full, "utf8");
      for (const m of src.matchAll(/\bsp\.([A-Za-z]+)|searchParams\.get\("([A-Za-z]+)"\)|read\(params, "([A-Za-z]+)"\)|\(await searchParams\)\.([A-Za-z]+)|params\.get\("([A-Za-z]+)"\)/g)) {
        found.add(m.slice(1).find(Boolean)!);
      }
      const destructured = /const \{([^}]+)\} = await searchParams/.exec(src);
      if (destructured) for (const part of destructured[1].split(",")) found.add(part.split(":")[0].trim());
    }
  };
  walk(path.resolve("app"));
  walk(path.resolve("lib"));
  return [...found].sort();
}
