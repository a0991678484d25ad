import { randomUUID } from "node:crypto";
import { type BrowserContext, test as base, expect } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { hashPassword } from "@/lib/auth/password";
import { createPrismaClient } from "@/lib/db/client";
import { createUser, recordObservedTime, type TSeedUser } from "@/prisma/seed-helpers";
import { E2E_BASE_URL, E2E_SECRET, e2eDatabaseUrl } from "./e2e-env";

// Every spec makes its own users through the seed helpers (so they look exactly like real ones)
// and signs in by minting the next-auth session cookie, not through the form: fast, and no spec
// depends on another's state. Only specs about signing in use the sign-in page.

/** The e2e database, for arranging and checking state from specs. */
export const db = createPrismaClient(e2eDatabaseUrl(), { max: 2 });

export const TEST_PASSWORD = "e2e-backbone-long-password";
export const SESSION_COOKIE = "next-auth.session-token"; // NEXTAUTH_URL is http:, so no __Secure- prefix
const SESSION_SECONDS = 24 * 60 * 60;

export type TTestUser = { id: string; email: string; name: string; role: "TRAINER" | "ADMIN"; password: string };
type TUserOverrides = Partial<Omit<TSeedUser, "role">>;

/** An address no other test (or earlier run against the same database) uses. */
export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomUUID().slice(0, 12)}@e2e.backbone.test`;
}

// argon2 is deliberately slow: hash the shared test password once per worker.
let testPasswordHash: Promise<string> | undefined;
function hashFor(password: string): Promise<string> {
  if (password !== TEST_PASSWORD) return hashPassword(password);
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  return testPasswordHash;
}

async function makeUser(role: "TRAINER" | "ADMIN", overrides: TUserOverrides): Promise<TTestUser> {
  const password = overrides.password ?? TEST_PASSWORD;
  const input: TSeedUser = {
    email: overrides.email ?? uniqueEmail(role === "ADMIN" ? "admin" : "trainer"),
    name: overrides.name ?? (role === "ADMIN" ? "Ada Admin" : "Terry Trainer"),
    password,
    role,
    verified: overrides.verified ?? true,
    timeZone: overrides.timeZone ?? "UTC",
    profile:
      "profile" in overrides
        ? overrides.profile
        : role === "TRAINER"
          ? { certifyingBody: "NFPT", certificationNumber: `NFPT-E2E-${randomUUID().slice(0, 6).toUpperCase()}`, firstCertifiedOn: "2023-01-15" }
          : undefined,
  };
  const user = await createUser(db, input, await hashFor(password));
  return { ...user, password };
}

/** A verified trainer with an NFPT profile (override anything). */
export function createTrainer(overrides: TUserOverrides = {}): Promise<TTestUser> {
  return makeUser("TRAINER", overrides);
}

/** A verified administrator without a trainer profile. */
export function createAdmin(overrides: TUserOverrides = {}): Promise<TTestUser> {
  return makeUser("ADMIN", overrides);
}

/** The value next-auth itself would set after a credentials sign-in (see auth-options jwt callback). */
export async function sessionCookieValue(user: Pick<TTestUser, "id" | "email" | "name" | "role">, sessionVersion = 0): Promise<string> {
  return encode({
    secret: E2E_SECRET,
    maxAge: SESSION_SECONDS,
    token: { uid: user.id, sv: sessionVersion, sid: randomUUID(), role: user.role, name: user.name, email: user.email, sub: user.id },
  });
}

/** Signs `context` in as `user` without the UI. */
export async function signInAs(context: BrowserContext, user: Pick<TTestUser, "id" | "email" | "name" | "role">): Promise<void> {
  const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } });
  await context.addCookies([
    {
      name: SESSION_COOKIE,
      value: await sessionCookieValue(user, sessionVersion),
      domain: new URL(E2E_BASE_URL).hostname,
      path: "/",
      httpOnly: true,
      sameSite: "Lax",
      expires: Math.floor(Date.now() / 1000) + SESSION_SECONDS,
    },
  ]);
}

export type TOutboxEmail = { subject: string; text: string; createdAt: Date; links: string[] };

/** The newest mail to `to` (optionally whose subject matches), waiting briefly for it to arrive. */
export async function latestOutboxEmail(to: string, options: { subject?: RegExp; timeoutMs?: number } = {}): Promise<TOutboxEmail> {
  const deadline = Date.now() + (options.timeoutMs ?? 5_000);
  for (;;) {
    const mails = await db.outboxEmail.findMany({
      where: { to: to.trim().toLowerCase() },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 20,
      select: { subject: true, text: true, createdAt: true },
    });
    const mail = mails.find((m) => !options.subject || options.subject.test(m.subject));
    if (mail) return { ...mail, links: mail.text.match(/https?:\/\/\S+/g) ?? [] };
    if (Date.now() > deadline) throw new Error(`no email${options.subject ? ` matching ${options.subject}` : ""} to ${to} in the outbox`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Evidence for specs (docs/decisions/007): records that `userId` was observed on the course's lessons
 * for their whole estimated time, as a reader's heartbeats would, so a spec can complete lessons
 * without waiting minutes per lesson. Writes the evidence rows directly; no route is involved.
 */
export async function seedObservedTime(userId: string, courseSlug: string, lessonSlugs?: string[]): Promise<void> {
  await recordObservedTime(db, { userId, courseSlug, lessonSlugs });
}

/** Observed time and completed lessons, for specs about what comes after the lessons (the final). */
export async function seedCompletedLessons(userId: string, courseSlug: string): Promise<void> {
  await recordObservedTime(db, { userId, courseSlug });
  const lessons = await db.lesson.findMany({ where: { course: { slug: courseSlug }, archivedAt: null }, select: { id: true, revision: true } });
  for (const l of lessons) {
    await db.lessonProgress.updateMany({ where: { userId, lessonId: l.id, completedAt: null }, data: { completedAt: new Date(), completedRevision: l.revision } });
  }
}

/** Ticks the final assessment's "this is my own work" box, which submitting a final requires. */
export async function attestOwnWork(page: import("@playwright/test").Page): Promise<void> {
  await page.getByRole("checkbox", { name: /I confirm that I completed this course and this assessment myself/ }).check();
}

type TFixtures = {
  /** Creates a trainer and signs this test's browser context in as them. */
  asTrainer: (overrides?: TUserOverrides) => Promise<TTestUser>;
  /** Creates an admin and signs this test's browser context in as them. */
  asAdmin: (overrides?: TUserOverrides) => Promise<TTestUser>;
};

export const test = base.extend<TFixtures>({
  asTrainer: async ({ context }, use) => {
    await use(async (overrides) => {
      const user = await createTrainer(overrides);
      await signInAs(context, user);
      return user;
    });
  },
  asAdmin: async ({ context }, use) => {
    await use(async (overrides) => {
      const user = await createAdmin(overrides);
      await signInAs(context, user);
      return user;
    });
  },
});

export { expect };
