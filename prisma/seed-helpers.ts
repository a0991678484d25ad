import { hashPassword } from "@/lib/auth/password";
import type { TDb } from "@/lib/db/client";
import type { CertifyingBody, Role } from "@/lib/generated/prisma/client";

// The one way users are made outside sign-up: the demo seed, `npm run admin:create`, the large
// data set and every e2e spec use these helpers, so test users look exactly like real ones.

export type TSeedUser = {
  email: string;
  name: string;
  password: string;
  role?: Role;
  verified?: boolean;
  timeZone?: string;
  profile?: {
    certifyingBody?: CertifyingBody;
    certificationNumber: string;
    firstCertifiedOn: string; // YYYY-MM-DD
    certificationExpiresOn?: string | null;
  };
};

export async function createUser(db: TDb, input: TSeedUser, passwordHash?: string) {
  const hashValue = passwordHash ?? (await hashPassword(input.password));
  return db.user.create({
    data: {
      email: input.email.trim().toLowerCase(),
      name: input.name,
      passwordHash: hashValue,
      role: input.role ?? "TRAINER",
      timeZone: input.timeZone ?? "UTC",
      emailVerifiedAt: input.verified === false ? null : new Date(),
      profile: input.profile
        ? {
            create: {
              certifyingBody: input.profile.certifyingBody ?? "NFPT",
              certificationNumber: input.profile.certificationNumber,
              firstCertifiedOn: new Date(`${input.profile.firstCertifiedOn}T00:00:00Z`),
              certificationExpiresOn: input.profile.certificationExpiresOn
                ? new Date(`${input.profile.certificationExpiresOn}T00:00:00Z`)
                : null,
            },
          }
        : undefined,
    },
    select: { id: true, email: true, name: true, role: true },
  });
}

export const DEMO_ADMIN = {
  email: "admin@backbone.test",
  name: "Avery Admin",
  password: "demo-admin-backbone-2026",
  role: "ADMIN",
} as const satisfies TSeedUser;

export const DEMO_TRAINER = {
  email: "trainer@backbone.test",
  name: "Taylor Trainer",
  password: "demo-trainer-backbone-2026",
  role: "TRAINER",
  profile: { certifyingBody: "NFPT", certificationNumber: "NFPT-2024-0001", firstCertifiedOn: "2024-03-01" },
} as const satisfies TSeedUser;

/** Seeds the demo admin and trainer once; later runs leave every row alone. */
export async function seedDemoAccounts(db: TDb): Promise<{ created: boolean }> {
  const existing = await db.user.findUnique({ where: { email: DEMO_ADMIN.email }, select: { id: true } });
  if (existing) return { created: false };
  await createUser(db, DEMO_ADMIN);
  await createUser(db, { ...DEMO_TRAINER, profile: { ...DEMO_TRAINER.profile } });
  return { created: true };
}

/**
 * Test and seed data only: records that `userId` was observed on lessons of `courseSlug` for their
 * whole estimated time (or `seconds`), as the heartbeats of someone reading would. No route or
 * production path calls this; specs use it so that they need not wait out real reading time
 * before completing a lesson (docs/decisions/007).
 */
export async function recordObservedTime(db: TDb, { userId, courseSlug, lessonSlugs, seconds }: { userId: string; courseSlug: string; lessonSlugs?: string[]; seconds?: number }) {
  const lessons = await db.lesson.findMany({
    where: { course: { slug: courseSlug }, archivedAt: null, ...(lessonSlugs ? { slug: { in: lessonSlugs } } : {}) },
    select: { id: true, estimatedSeconds: true },
  });
  for (const lesson of lessons) {
    const observedSeconds = seconds ?? lesson.estimatedSeconds;
    await db.lessonProgress.upsert({
      where: { userId_lessonId: { userId, lessonId: lesson.id } },
      create: { userId, lessonId: lesson.id, observedSeconds },
      update: { observedSeconds },
    });
  }
  return lessons.length;
}
