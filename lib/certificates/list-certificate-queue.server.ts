import "server-only";
import { assertAdmin } from "@/lib/auth/assert-admin.server";
import { checkCertificateEligibility, INELIGIBLE_TEXT } from "@/lib/certificates/eligibility";
import { MAX_BATCH_REQUESTS } from "@/lib/certificates/issue-batch-limits";
import type { TQueueFilters } from "@/lib/certificates/queue-filters";
import { formatCec } from "@/lib/credits/cec-amount";
import type { TCertifyingBody } from "@/lib/credits/certifying-bodies";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { escapeLike } from "@/lib/text/safe-text";

const QUEUE_PAGE_SIZE = 50;

export type TQueueRow = {
  requestId: string;
  requestedAt: string;
  trainerName: string;
  email: string;
  certifyingBody: TCertifyingBody | null;
  certificationNumber: string | null;
  courseTitle: string;
  credit: string | null;
  scorePercent: number | null;
  /** Why it cannot be issued as things stand, if so (shown instead of a checkbox); lib/certificates/eligibility.ts. */
  blocker: string | null;
  inRunningBatch: boolean;
};

export type TQueue = { rows: TQueueRow[]; total: number; page: number; pageCount: number; pageSize: number; matchingIds: string[]; matchingCapped: boolean };

/** Waiting requests, oldest first, with every id that matches the filters (for "select all"). */
export async function listCertificateQueue(filters: TQueueFilters, adminId: string): Promise<TQueue> {
  await assertAdmin(adminId);
  const where: Prisma.CertificateRequestWhereInput = {
    status: "PENDING",
    ...(filters.courseId ? { courseId: filters.courseId } : {}),
    ...(filters.body || filters.q
      ? {
          user: {
            ...(filters.body ? { profile: { is: { certifyingBody: filters.body } } } : {}),
            ...(filters.q
              ? {
                  OR: [
                    { name: { contains: escapeLike(filters.q), mode: "insensitive" as const } },
                    { email: { contains: escapeLike(filters.q), mode: "insensitive" as const } },
                    { profile: { is: { certificationNumber: { contains: escapeLike(filters.q), mode: "insensitive" as const } } } },
                  ],
                }
              : {}),
          },
        }
      : {}),
  };
  const orderBy: Prisma.CertificateRequestOrderByWithRelationInput[] = [{ createdAt: "asc" }, { id: "asc" }];
  const [total, matching] = await Promise.all([
    db.certificateRequest.count({ where }),
    db.certificateRequest.findMany({ where, orderBy, take: MAX_BATCH_REQUESTS, select: { id: true } }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(filters.page ?? 1) || 1), pageCount);
  const requests = await db.certificateRequest.findMany({
    where,
    orderBy,
    skip: (page - 1) * QUEUE_PAGE_SIZE,
    take: QUEUE_PAGE_SIZE,
    select: {
      id: true,
      userId: true,
      courseId: true,
      createdAt: true,
      batch: { select: { status: true } },
      course: { select: { title: true } },
      user: { select: { name: true, email: true, profile: { select: { certifyingBody: true, certificationNumber: true } } } },
    },
  });
  const attemptSelect = { status: true, passed: true, scorePercent: true, quiz: { select: { kind: true, courseId: true, passMark: true } } } as const;
  const awards = requests.length
    ? await db.creditEntry.findMany({
        where: { kind: "AWARD", OR: requests.map((r) => ({ userId: r.userId, awardCourseId: r.courseId })) },
        // Issuing follows the earliest-added certification's award; so does the queue.
        orderBy: [{ certification: { createdAt: "asc" } }, { id: "asc" }],
        select: {
          userId: true,
          awardCourseId: true,
          amountHundredths: true,
          certifyingBody: true,
          reversedBy: { select: { id: true } },
          attempt: { select: attemptSelect },
        },
      })
    : [];
  const awardFor = new Map<string, (typeof awards)[number]>();
  for (const a of awards) if (!awardFor.has(`${a.userId}|${a.awardCourseId}`)) awardFor.set(`${a.userId}|${a.awardCourseId}`, a);
  // A completion without an approval for the trainer's body has no award but is certified all the
  // same, with contact hours and no credit figure (docs/decisions/007).
  const completions = requests.length
    ? await db.courseCompletion.findMany({
        where: { OR: requests.map((r) => ({ userId: r.userId, courseId: r.courseId })) },
        select: { userId: true, courseId: true, scorePercent: true, certifyingBody: true, attemptId: true },
      })
    : [];
  const completionFor = new Map(completions.map((c) => [`${c.userId}|${c.courseId}`, c]));
  const completionAttemptIds = completions.filter((c) => c.attemptId && !awardFor.has(`${c.userId}|${c.courseId}`)).map((c) => c.attemptId as string);
  const completionAttempts = completionAttemptIds.length ? await db.quizAttempt.findMany({ where: { id: { in: completionAttemptIds } }, select: { id: true, ...attemptSelect } }) : [];
  const attemptById = new Map(completionAttempts.map((a) => [a.id, a]));
  return {
    rows: requests.map((r) => {
      const award = awardFor.get(`${r.userId}|${r.courseId}`);
      const completion = completionFor.get(`${r.userId}|${r.courseId}`);
      const eligibility = checkCertificateEligibility({
        courseId: r.courseId,
        award: award ? { reversed: award.reversedBy !== null, attempt: award.attempt } : null,
        completion: completion ? { attempt: (completion.attemptId && attemptById.get(completion.attemptId)) || null } : null,
        certifyingBody: award?.certifyingBody ?? completion?.certifyingBody ?? null,
        hasCertificationDetails: r.user.profile !== null,
      });
      return {
        requestId: r.id,
        requestedAt: r.createdAt.toISOString(),
        trainerName: r.user.name,
        email: r.user.email,
        certifyingBody: r.user.profile?.certifyingBody ?? null,
        certificationNumber: r.user.profile?.certificationNumber ?? null,
        courseTitle: r.course.title,
        credit: award ? formatCec(award.amountHundredths) : completion ? formatCec(0) : null,
        scorePercent: award?.attempt?.scorePercent ?? completion?.scorePercent ?? null,
        blocker: eligibility.eligible ? null : INELIGIBLE_TEXT[eligibility.reason].label,
        inRunningBatch: r.batch?.status === "RUNNING",
      };
    }),
    total,
    page,
    pageCount,
    pageSize: QUEUE_PAGE_SIZE,
    matchingIds: matching.map((m) => m.id),
    matchingCapped: total > MAX_BATCH_REQUESTS,
  };
}
