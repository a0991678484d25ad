import "server-only";
import type { TSqlClient } from "@/lib/db/client";
import type { CertifyingBody } from "@/lib/generated/prisma/client";

// Raw because the trainer dashboard is a hot path whose reads were sequential round trips: Prisma
// (without the relationJoins preview feature) loads each nested relation as one more query after
// its parent, so the profile took two, the courses in progress three, the completions three and
// the completed-course list three, one level after another (issue 21). Each read here is one
// statement, so getCreditOverview and listCompletedCourses run them all at once and the page waits
// for one round trip. Rows come back flat (one per lesson, per revision); the callers group them.

export type TCreditProfileRow = {
  name: string;
  timeZone: string;
  /** Null when the user holds no active certification (the LEFT JOIN found none). */
  certificationId: string | null;
  certifyingBody: CertifyingBody | null;
  certificationNumber: string | null;
  firstCertifiedOn: Date | null;
  expiresOn: Date | null;
  cprProvider: string | null;
  cprExpiresOn: Date | null;
};

/** The user with each active certification (oldest first, one row each) and their CPR/AED card; no rows for an unknown user. */
export function selectCreditProfileRows(db: TSqlClient, { userId }: { userId: string }): Promise<TCreditProfileRow[]> {
  return db.$queryRaw<TCreditProfileRow[]>`
    SELECT u.name, u."timeZone",
      c.id AS "certificationId", c."certifyingBody"::text AS "certifyingBody", c."certificationNumber", c."firstCertifiedOn", c."expiresOn",
      k.provider AS "cprProvider", k."expiresOn" AS "cprExpiresOn"
    FROM "User" u
    LEFT JOIN "Certification" c ON c."userId" = u.id AND c."retiredAt" IS NULL
    LEFT JOIN "CprAedCard" k ON k."userId" = u.id
    WHERE u.id = ${userId}
    ORDER BY c."createdAt" ASC, c.id ASC`;
}

export type TInProgressLessonRow = {
  courseId: string;
  slug: string;
  title: string;
  archivedAt: Date | null;
  lessonSlug: string;
  /** The trainer's progress on this lesson; both null when they never opened it. */
  completedAt: Date | null;
  updatedAt: Date | null;
};

/**
 * Courses the trainer finished at least one current lesson of, without a completion or an award
 * yet: one row per current lesson, in lesson order, with the trainer's progress on it.
 */
export function selectInProgressLessonRows(db: TSqlClient, { userId }: { userId: string }): Promise<TInProgressLessonRow[]> {
  return db.$queryRaw<TInProgressLessonRow[]>`
    SELECT co.id AS "courseId", co.slug, co.title, co."archivedAt", l.slug AS "lessonSlug", p."completedAt", p."updatedAt"
    FROM "Course" co
    JOIN "Lesson" l ON l."courseId" = co.id AND l."archivedAt" IS NULL
    LEFT JOIN "LessonProgress" p ON p."lessonId" = l.id AND p."userId" = ${userId}
    WHERE co.id IN (
        SELECT dl."courseId" FROM "LessonProgress" dp JOIN "Lesson" dl ON dl.id = dp."lessonId"
        WHERE dp."userId" = ${userId} AND dp."completedAt" IS NOT NULL AND dl."archivedAt" IS NULL)
      AND NOT EXISTS (SELECT 1 FROM "CourseCompletion" cc WHERE cc."userId" = ${userId} AND cc."courseId" = co.id)
      AND NOT EXISTS (SELECT 1 FROM "CreditEntry" e WHERE e."userId" = ${userId} AND e."awardCourseId" = co.id)
    ORDER BY co.id, l."sortOrder" ASC`;
}

export type TCompletedCourseRevisionRow = {
  completionId: string;
  completedAt: Date;
  slug: string;
  title: string;
  version: string;
  changelog: unknown;
  /** Null for a course without revisions (the LEFT JOIN found none). */
  revisionVersion: string | null;
  revisionCreatedAt: Date | null;
};

/** Every completion of a course still offered, one row per revision of that course. */
export function selectCompletedCourseRevisionRows(db: TSqlClient, { userId }: { userId: string }): Promise<TCompletedCourseRevisionRow[]> {
  return db.$queryRaw<TCompletedCourseRevisionRow[]>`
    SELECT cc.id AS "completionId", cc."completedAt", co.slug, co.title, co.version, co.changelog,
      r.version AS "revisionVersion", r."createdAt" AS "revisionCreatedAt"
    FROM "CourseCompletion" cc
    JOIN "Course" co ON co.id = cc."courseId" AND co."archivedAt" IS NULL
    LEFT JOIN "CourseRevision" r ON r."courseId" = co.id
    WHERE cc."userId" = ${userId}
    ORDER BY cc.id, r.revision`;
}

export type TCompletionWithoutCreditRow = { completedAt: Date; contactMinutes: number; certifyingBody: CertifyingBody | null; slug: string; title: string };

/** Completions recorded without credit (no approval held for the body), oldest first. */
export function selectCompletionsWithoutCredit(db: TSqlClient, { userId }: { userId: string }): Promise<TCompletionWithoutCreditRow[]> {
  return db.$queryRaw<TCompletionWithoutCreditRow[]>`
    SELECT cc."completedAt", cc."contactMinutes", cc."certifyingBody"::text AS "certifyingBody", co.slug, co.title
    FROM "CourseCompletion" cc JOIN "Course" co ON co.id = cc."courseId"
    WHERE cc."userId" = ${userId} AND cc."creditHundredths" = 0
    ORDER BY cc."completedAt" ASC`;
}

export type TAwardedCourseRow = {
  occurredAt: Date;
  amountHundredths: number;
  reversed: boolean;
  slug: string;
  title: string;
  /** The trainer's certificates for the course, newest first. */
  certificates: { code: string; status: "ISSUED" | "REVOKED" }[];
};

/** The trainer's course awards, newest first, each with whether it was reversed and their certificates for the course. */
export function selectAwardedCourses(db: TSqlClient, { userId }: { userId: string }): Promise<TAwardedCourseRow[]> {
  return db.$queryRaw<TAwardedCourseRow[]>`
    SELECT e."occurredAt", e."amountHundredths", co.slug, co.title,
      EXISTS (SELECT 1 FROM "CreditEntry" r WHERE r."reversesEntryId" = e.id) AS reversed,
      COALESCE((SELECT json_agg(json_build_object('code', c.code, 'status', c.status) ORDER BY c."issuedAt" DESC)
        FROM "Certificate" c WHERE c."courseId" = co.id AND c."userId" = ${userId}), '[]'::json) AS certificates
    FROM "CreditEntry" e JOIN "Course" co ON co.id = e."awardCourseId"
    WHERE e."userId" = ${userId} AND e.kind = 'AWARD'
    ORDER BY e."occurredAt" DESC`;
}
