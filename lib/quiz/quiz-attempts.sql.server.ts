import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TResponse } from "./quiz-schema";

// The raw SQL of quiz attempts (data-access policy, docs/decisions/014). Raw because each needs
// something Prisma's client cannot express: an advisory lock, a row lock (SELECT … FOR
// UPDATE) read together with the quiz and the saved answers in one round trip, and multi-row
// upserts (INSERT … ON CONFLICT DO UPDATE) that replace one round trip per answer.

type TSqlClient = Pick<Prisma.TransactionClient, "$executeRaw" | "$queryRaw">;

/** One start at a time per trainer and quiz, across every app instance, until the transaction ends. */
export async function lockAttemptStart(tx: TSqlClient, userId: string, quizId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`attempt:${userId}:${quizId}`}))`;
}

export type TSavedAnswerRow = { questionId: string; response: unknown };

/** An attempt row locked for the transaction, with what grading needs of its quiz. */
export type TLockedAttemptRow = {
  id: string;
  userId: string;
  status: "IN_PROGRESS" | "GRADED" | "CLOSED";
  draw: unknown;
  deadlineAt: Date | null;
  idempotencyKey: string | null;
  result: unknown;
  quizKind: "FINAL" | "LESSON_CHECK";
  passMark: number;
  courseId: string;
  /** The answers autosaved so far (only when asked for). */
  saved?: TSavedAnswerRow[];
};

/** Locks an attempt row (FOR UPDATE) and reads it with its quiz's rules, and optionally its saved answers; null when there is none. */
export async function lockAttemptRow(tx: TSqlClient, attemptId: string, { withSaved = false } = {}): Promise<TLockedAttemptRow | null> {
  const saved = withSaved
    ? Prisma.sql`, COALESCE((SELECT json_agg(json_build_object('questionId', s."questionId", 'response', s.response))
                             FROM "AttemptAnswer" s WHERE s."attemptId" = a.id), '[]'::json) AS saved`
    : Prisma.empty;
  const rows = await tx.$queryRaw<TLockedAttemptRow[]>`
    SELECT a.id, a."userId", a.status::text AS status, a.draw, a."deadlineAt", a."idempotencyKey", a.result,
           q.kind::text AS "quizKind", q."passMark", q."courseId" ${saved}
    FROM "QuizAttempt" a JOIN "Quiz" q ON q.id = a."quizId"
    WHERE a.id = ${attemptId}
    FOR UPDATE OF a`;
  return rows[0] ?? null;
}

export type TAnswerUpsert = { questionId: string; version: number; response: TResponse };

/** An attempt's autosaved answers in one statement, replacing earlier saves of the same questions. */
export async function upsertSavedAnswers(tx: TSqlClient, attemptId: string, answers: TAnswerUpsert[]): Promise<void> {
  if (answers.length === 0) return;
  const values = answers.map((a) => Prisma.sql`(${randomUUID()}, ${attemptId}, ${a.questionId}, ${a.version}, ${JSON.stringify(a.response)}::jsonb, now())`);
  await tx.$executeRaw`
    INSERT INTO "AttemptAnswer" (id, "attemptId", "questionId", "questionVersion", response, "updatedAt")
    VALUES ${Prisma.join(values)}
    ON CONFLICT ("attemptId", "questionId") DO UPDATE SET response = EXCLUDED.response, "updatedAt" = now()`;
}

export type TGradedAnswerRow = { questionId: string; version: number; response: TResponse | null; earned: number; correct: boolean };

export type TAttemptGradeWrite = {
  attemptId: string;
  idempotencyKey: string;
  now: Date;
  earnedHundredths: number;
  possibleHundredths: number;
  scorePercent: number;
  passed: boolean;
  /** The result every repeat of this submission is answered with. */
  result: Record<string, unknown>;
  attestedAt: Date | null;
  answers: TGradedAnswerRow[];
  /** The audit row of the grading, written in the same statement when the attempt is graded; null when the caller writes it later. */
  audit: TGradeAuditRow | null;
  /** A transaction advisory lock (lockKeyForTransaction's hashing) taken in the same statement, after which the next statement's snapshot is read. */
  lockKey: string | null;
};

export type TGradeAuditRow = { actorId: string; action: string; targetType: string; targetId: string; data: Record<string, unknown> };

/**
 * Marks a locked, in-progress attempt graded and stores every graded answer (a saved response
 * kept when none came with the submission), its audit row and, when asked, an advisory lock in
 * one statement: one round trip on the submit path (decision 020). The answers and the audit row
 * are written only when the attempt was still in progress. Returns whether it was updated.
 */
export async function writeAttemptGrade(tx: TSqlClient, g: TAttemptGradeWrite): Promise<boolean> {
  const values = g.answers.map(
    (r) => Prisma.sql`(${randomUUID()}, ${r.questionId}, ${r.version}::int, ${r.response === null ? null : JSON.stringify(r.response)}::jsonb, ${r.earned}::int, ${r.correct}::boolean)`,
  );
  const answers = values.length
    ? Prisma.sql`, answers AS (
        INSERT INTO "AttemptAnswer" (id, "attemptId", "questionId", "questionVersion", response, earned, correct, "updatedAt")
        SELECT v.id, g.id, v.question, v.version, v.response, v.earned, v.correct, now()
        FROM graded g CROSS JOIN (VALUES ${Prisma.join(values)}) AS v(id, question, version, response, earned, correct)
        ON CONFLICT ("attemptId", "questionId") DO UPDATE
        SET response = COALESCE(EXCLUDED.response, "AttemptAnswer".response), earned = EXCLUDED.earned, correct = EXCLUDED.correct, "updatedAt" = now())`
    : Prisma.empty;
  // Through JSON text, as recordAudit stores data: undefined members dropped, dates as ISO strings.
  const audit = g.audit
    ? Prisma.sql`, audit AS (
        INSERT INTO "AuditLog" ("actorId", action, "targetType", "targetId", data)
        SELECT ${g.audit.actorId}, ${g.audit.action}, ${g.audit.targetType}, ${g.audit.targetId}, ${JSON.stringify(g.audit.data)}::jsonb FROM graded)`
    : Prisma.empty;
  // A SELECT in a WITH runs only when the main query reads it: the count below does.
  const lock = g.lockKey ? Prisma.sql`, locked AS (SELECT pg_advisory_xact_lock(hashtext(${g.lockKey})))` : Prisma.empty;
  const locked = g.lockKey ? Prisma.sql`(SELECT count(*) FROM locked)` : Prisma.sql`0`;
  const rows = await tx.$queryRaw<{ graded: number }[]>`
    WITH graded AS (
      UPDATE "QuizAttempt" SET status = 'GRADED', "submittedAt" = ${g.now}, "gradedAt" = ${g.now},
        "earnedHundredths" = ${g.earnedHundredths}, "possibleHundredths" = ${g.possibleHundredths},
        "scorePercent" = ${g.scorePercent}, passed = ${g.passed}, "idempotencyKey" = ${g.idempotencyKey},
        result = ${JSON.stringify(g.result)}::jsonb, "attestedAt" = ${g.attestedAt}
      WHERE id = ${g.attemptId} AND status = 'IN_PROGRESS'
      RETURNING id
    )${answers}${audit}${lock}
    SELECT (SELECT count(*) FROM graded)::int AS graded, ${locked}::int AS locked`;
  return rows[0]?.graded === 1;
}
