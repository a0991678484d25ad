import "server-only";
import { randomUUID } from "node:crypto";
import { auditInsert } from "@/lib/audit/audit-insert.sql.server";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit.server";
import { maybeAutoIssue } from "@/lib/certificates/auto-issue-certificate.server";
import { listLessonSections } from "@/lib/content/lesson-sections";
import { findLesson } from "@/lib/content/load-content";
import { awardCourseCreditIfEarned } from "@/lib/credits/award-course-credit.server";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { drawQuestions, toClientQuestion } from "./draw-questions";
import { gradeAttempt, type TAttemptGrade } from "./grade-attempt";
import { type TAttemptDraw, type TClientQuestion, type TQuestion, type TResponse, ZAttemptDraw, ZQuestion, ZResponse } from "./quiz-schema";
import { buildReviewEntry, readStoredPolicy, reviewMoment, type TReviewEntry, type TReviewItem, type TReviewMoment, type TRevisitLink } from "./review-policy";

// Attempts are a server-side state machine: IN_PROGRESS (answers autosaved) -> GRADED, or
// IN_PROGRESS -> CLOSED (no grade, no credit) when the course is retired (decision 010).
// Grading reads only the stored answer key and the trainer's responses; time limits, attempt
// limits and cool-downs are enforced here, never in the browser.

const GRACE_MS = 15_000; // network latency allowance after the deadline

type TTx = Prisma.TransactionClient;

export type TAttemptResult = {
  attemptId: string;
  scorePercent: number;
  passed: boolean;
  passMark: number;
  earnedHundredths: number;
  possibleHundredths: number;
  creditAwarded: boolean;
  expired: boolean;
};

async function findQuiz(courseSlug: string, quizSlug: string) {
  const quiz = await db.quiz.findFirst({
    where: { slug: quizSlug, course: { slug: courseSlug, archivedAt: null } },
    select: { id: true, courseId: true, kind: true, title: true, passMark: true, drawCount: true, timeLimitSeconds: true, maxAttempts: true, cooldownSeconds: true },
  });
  if (!quiz) throw new AppError("NOT_FOUND", "That assessment does not exist.");
  return quiz;
}

type TQuizRules = { maxAttempts: number | null; cooldownSeconds: number };
type TPastAttempt = { status: "IN_PROGRESS" | "GRADED" | "CLOSED"; gradedAt: Date | null; number: number };

/** Pure: may a new attempt start now, and if not, why and when. */
export function evaluateStart(quiz: TQuizRules, attempts: TPastAttempt[], now: Date): { ok: true } | { ok: false; reason: string; retryAt?: Date } {
  const graded = attempts.filter((a) => a.status === "GRADED");
  if (quiz.maxAttempts !== null && graded.length >= quiz.maxAttempts) {
    return { ok: false, reason: `You have used all ${quiz.maxAttempts} attempts for this assessment.` };
  }
  const last = graded.map((a) => a.gradedAt?.getTime() ?? 0).sort((a, b) => b - a)[0];
  if (last && quiz.cooldownSeconds > 0) {
    const retryAt = new Date(last + quiz.cooldownSeconds * 1000);
    if (retryAt > now) return { ok: false, reason: `You can start another attempt at ${retryAt.toISOString()}.`, retryAt };
  }
  return { ok: true };
}

// The final assessment opens only once every lesson is complete (docs/decisions/007).
async function lessonsLeftBeforeFinal(client: TTx | typeof db, userId: string, courseId: string): Promise<number> {
  return client.lesson.count({ where: { courseId, archivedAt: null, progress: { none: { userId, completedAt: { not: null } } } } });
}

function finalLockedReason(lessonsLeft: number): string {
  return `Complete every lesson before starting the final assessment: ${lessonsLeft} lesson${lessonsLeft === 1 ? "" : "s"} still to complete.`;
}

/** A final is submitted with the trainer's word that the work is their own; only an attempt whose time ran out is graded without it. */
function assertAttested(attempt: Pick<TLockedAttempt, "quizKind">, attest: boolean | undefined, expired: boolean): void {
  if (attempt.quizKind === "FINAL" && !attest && !expired) {
    throw new AppError("UNPROCESSABLE", "Confirm that this assessment is your own work before submitting it.", { fields: { attest: "Confirm that this is your own work." } });
  }
}

function parseDefinitions(rows: { questionId: string; version: number; definition: unknown }[]): Map<string, TQuestion> {
  const map = new Map<string, TQuestion>();
  for (const row of rows) map.set(`${row.questionId}@${row.version}`, ZQuestion.parse(row.definition));
  return map;
}

// Question versions are immutable (the content sync refuses to change one without a new version
// number), so their parsed definitions can be cached per process without any invalidation.
const definitionCache = new Map<string, TQuestion>();

async function loadDrawDefinitions(tx: TTx | typeof db, draw: TAttemptDraw) {
  const missing = draw.filter((d) => !definitionCache.has(`${d.questionId}@${d.version}`));
  if (missing.length) {
    const rows = await tx.questionVersion.findMany({
      where: { OR: missing.map((d) => ({ questionId: d.questionId, version: d.version })) },
      select: { questionId: true, version: true, definition: true },
    });
    for (const [key, q] of parseDefinitions(rows)) definitionCache.set(key, q);
  }
  const map = new Map<string, TQuestion>();
  for (const d of draw) map.set(`${d.questionId}@${d.version}`, definitionCache.get(`${d.questionId}@${d.version}`)!);
  return map;
}

export async function getQuizOverview({ userId, courseSlug, quizSlug, now = new Date() }: { userId: string; courseSlug: string; quizSlug: string; now?: Date }) {
  const quiz = await findQuiz(courseSlug, quizSlug);
  const [attempts, award] = await Promise.all([
    db.quizAttempt.findMany({
      where: { userId, quizId: quiz.id },
      orderBy: { number: "asc" },
      select: { id: true, number: true, status: true, startedAt: true, deadlineAt: true, gradedAt: true, scorePercent: true, passed: true },
    }),
    // Whether the course's credit is on the ledger: the result page words a pass by it.
    quiz.kind === "FINAL" ? db.creditEntry.findFirst({ where: { userId, awardCourseId: quiz.courseId }, select: { id: true } }) : null,
  ]);
  const open = attempts.find((a) => a.status === "IN_PROGRESS" && (!a.deadlineAt || a.deadlineAt.getTime() + GRACE_MS > now.getTime()));
  const lessonsLeft = quiz.kind === "FINAL" ? await lessonsLeftBeforeFinal(db, userId, quiz.courseId) : 0;
  const start: ReturnType<typeof evaluateStart> = lessonsLeft > 0 ? { ok: false, reason: finalLockedReason(lessonsLeft) } : evaluateStart(quiz, attempts, now);
  const graded = attempts.filter((a) => a.status === "GRADED");
  return {
    quiz: { title: quiz.title, kind: quiz.kind, passMark: quiz.passMark, questions: quiz.drawCount, timeLimitSeconds: quiz.timeLimitSeconds, maxAttempts: quiz.maxAttempts, cooldownSeconds: quiz.cooldownSeconds },
    attempts: attempts.map((a) => ({ id: a.id, number: a.number, status: a.status, startedAt: a.startedAt.toISOString(), gradedAt: a.gradedAt?.toISOString() ?? null, scorePercent: a.scorePercent, passed: a.passed })),
    openAttemptId: open?.id ?? null,
    canStart: start.ok,
    blockedReason: start.ok ? null : start.reason,
    retryAt: start.ok ? null : (start.retryAt?.toISOString() ?? null),
    bestScore: graded.reduce<number | null>((best, a) => (a.scorePercent !== null && (best === null || a.scorePercent > best) ? a.scorePercent : best), null),
    passed: graded.some((a) => a.passed),
    creditAwarded: award !== null,
    attemptsLeft: quiz.maxAttempts === null ? null : Math.max(0, quiz.maxAttempts - graded.length),
  };
}

export async function startAttempt({ userId, courseSlug, quizSlug, now = new Date() }: { userId: string; courseSlug: string; quizSlug: string; now?: Date }): Promise<{ attemptId: string; resumed: boolean }> {
  const quiz = await findQuiz(courseSlug, quizSlug);
  const expired: string[] = [];
  const result = await db.$transaction(async (tx) => {
    // One start at a time per trainer and quiz, across every app instance.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`attempt:${userId}:${quiz.id}`}))`;
    const attempts = await tx.quizAttempt.findMany({
      where: { userId, quizId: quiz.id },
      select: { id: true, number: true, status: true, gradedAt: true, deadlineAt: true, draw: true },
      orderBy: { number: "asc" },
    });
    const open = attempts.find((a) => a.status === "IN_PROGRESS");
    if (open) {
      if (!open.deadlineAt || open.deadlineAt.getTime() + GRACE_MS > now.getTime()) return { attemptId: open.id, resumed: true };
      expired.push(open.id);
      return null;
    }
    if (quiz.kind === "FINAL") {
      const lessonsLeft = await lessonsLeftBeforeFinal(tx, userId, quiz.courseId);
      if (lessonsLeft > 0) throw new AppError("CONFLICT", finalLockedReason(lessonsLeft));
    }
    const start = evaluateStart(quiz, attempts, now);
    if (!start.ok) throw new AppError("CONFLICT", start.reason, start.retryAt ? { retryAfterSeconds: Math.ceil((start.retryAt.getTime() - now.getTime()) / 1000) } : {});
    const questions = await tx.question.findMany({
      where: { quizId: quiz.id, archivedAt: null },
      select: { id: true, currentVersion: true, versions: { select: { version: true, definition: true } } },
    });
    const pool = questions.map((q) => ZQuestion.parse(q.versions.find((v) => v.version === q.currentVersion)?.definition));
    if (pool.length === 0) throw new AppError("CONFLICT", "This assessment has no questions yet.");
    const previouslySeen = attempts.flatMap((a) => ZAttemptDraw.parse(a.draw).map((d) => d.questionId));
    const id = randomUUID();
    const draw = drawQuestions({ questions: pool, draw: quiz.drawCount, seed: id, previouslySeen });
    await tx.quizAttempt.create({
      data: {
        id,
        userId,
        quizId: quiz.id,
        number: (attempts.at(-1)?.number ?? 0) + 1,
        draw: draw as unknown as Prisma.InputJsonValue,
        startedAt: now,
        deadlineAt: quiz.timeLimitSeconds ? new Date(now.getTime() + quiz.timeLimitSeconds * 1000) : null,
      },
    });
    return { attemptId: id, resumed: false };
  });
  if (result) return result;
  // An abandoned attempt whose time ran out is graded with what was saved, then a new one starts.
  await submitAttempt({ userId, attemptId: expired[0], idempotencyKey: `expired-${expired[0]}`, now }).catch((e) => {
    if (!(e instanceof AppError)) throw e; // another request graded it first
  });
  return startAttempt({ userId, courseSlug, quizSlug, now });
}

type TSavedAnswer = { questionId: string; response: unknown };

type TLockedAttempt = {
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
};

// What grading needs of an attempt (`a`) and its quiz (`q`), as TLockedAttempt.
const ATTEMPT_COLUMNS = Prisma.sql`a.id, a."userId", a.status::text AS status, a.draw, a."deadlineAt", a."idempotencyKey", a.result,
           q.kind::text AS "quizKind", q."passMark", q."courseId"`;

// One round trip: the attempt row locked for this transaction, with its quiz's rules (and, for
// grading, the answers saved so far).
async function lockOwnAttempt(tx: TTx, userId: string, attemptId: string, { withSaved = false } = {}): Promise<TLockedAttempt & { saved?: TSavedAnswer[] }> {
  const saved = withSaved
    ? Prisma.sql`, COALESCE((SELECT json_agg(json_build_object('questionId', s."questionId", 'response', s.response))
                             FROM "AttemptAnswer" s WHERE s."attemptId" = a.id), '[]'::json) AS saved`
    : Prisma.empty;
  const rows = await tx.$queryRaw<(TLockedAttempt & { saved?: TSavedAnswer[] })[]>`
    SELECT ${ATTEMPT_COLUMNS} ${saved}
    FROM "QuizAttempt" a JOIN "Quiz" q ON q.id = a."quizId"
    WHERE a.id = ${attemptId}
    FOR UPDATE OF a`;
  // A foreign attempt looks exactly like a missing one: ids are not an oracle.
  if (!rows[0] || rows[0].userId !== userId) throw new AppError("NOT_FOUND", "This attempt does not exist or is not yours.");
  return rows[0];
}

function parseResponses(draw: TAttemptDraw, answers: Record<string, unknown>): Map<string, TResponse> {
  const allowed = new Set(draw.map((d) => d.questionId));
  const parsed = new Map<string, TResponse>();
  for (const [questionId, value] of Object.entries(answers)) {
    if (!allowed.has(questionId)) throw new AppError("UNPROCESSABLE", `Question ${questionId.slice(0, 60)} is not part of this attempt.`);
    const r = ZResponse.safeParse(value);
    if (!r.success) throw new AppError("UNPROCESSABLE", `The answer to question ${questionId} is not valid: ${r.error.issues[0]?.message}`);
    parsed.set(questionId, r.data);
  }
  return parsed;
}

// All of an attempt's autosaved answers in one statement (an upsert per answer costs a round trip each).
async function storeResponses(tx: TTx, attemptId: string, draw: TAttemptDraw, responses: Map<string, TResponse>) {
  if (responses.size === 0) return;
  const values = [...responses].map(
    ([questionId, response]) =>
      Prisma.sql`(${randomUUID()}, ${attemptId}, ${questionId}, ${draw.find((d) => d.questionId === questionId)!.version}, ${JSON.stringify(response)}::jsonb, now())`,
  );
  await tx.$executeRaw`
    INSERT INTO "AttemptAnswer" (id, "attemptId", "questionId", "questionVersion", response, "updatedAt")
    VALUES ${Prisma.join(values)}
    ON CONFLICT ("attemptId", "questionId") DO UPDATE SET response = EXCLUDED.response, "updatedAt" = now()`;
}

export async function saveAnswers({ userId, attemptId, answers, now = new Date() }: { userId: string; attemptId: string; answers: Record<string, unknown>; now?: Date }) {
  return db.$transaction(async (tx) => {
    const attempt = await lockOwnAttempt(tx, userId, attemptId);
    if (attempt.status === "CLOSED") throw closedError();
    if (attempt.status !== "IN_PROGRESS") throw new AppError("CONFLICT", "This attempt has already been submitted.");
    if (attempt.deadlineAt && now.getTime() > attempt.deadlineAt.getTime() + GRACE_MS) throw new AppError("GONE", "Time is up for this attempt; answers can no longer be changed.");
    const draw = ZAttemptDraw.parse(attempt.draw);
    const responses = parseResponses(draw, answers);
    await storeResponses(tx, attemptId, draw, responses);
    return { saved: responses.size, savedAt: now.toISOString() };
  });
}

type TSubmitInput = { userId: string; attemptId: string; idempotencyKey: string; answers?: Record<string, unknown>; attest?: boolean; now?: Date };

/**
 * Grades an attempt exactly once. A repeat with the same idempotency key (double click, retry,
 * 50 parallel requests) gets the stored result.
 *
 * The common case (every question answered, in time, and no course credit at stake) takes two
 * round trips and no explicit transaction: one read, grading in memory, then one statement that
 * marks the attempt graded only if it is still in progress and, in the same statement (so
 * atomically), stores the graded answers and the audit row. Anything else (a concurrent submit
 * got there first, this pass may earn the course credit, a partial or late submission) goes
 * through the locked path below, which decides under a row lock.
 */
function closedError(): AppError {
  return new AppError("CONFLICT", "This course has been retired, so this attempt was closed without a grade. Your other records are kept.");
}

export async function submitAttempt(input: TSubmitInput): Promise<TAttemptResult> {
  return (await submitWithoutLock(input)) ?? submitAttemptLocked(input);
}

type TAttemptSnapshot = TLockedAttempt & { awarded: boolean };

async function submitWithoutLock({ userId, attemptId, idempotencyKey, answers = {}, attest, now = new Date() }: TSubmitInput): Promise<TAttemptResult | null> {
  const rows = await db.$queryRaw<TAttemptSnapshot[]>`
    SELECT ${ATTEMPT_COLUMNS},
           EXISTS (SELECT 1 FROM "CourseCompletion" e WHERE e."userId" = a."userId" AND e."courseId" = q."courseId") AS awarded
    FROM "QuizAttempt" a JOIN "Quiz" q ON q.id = a."quizId"
    WHERE a.id = ${attemptId}`;
  const attempt = rows[0];
  if (!attempt || attempt.userId !== userId) throw new AppError("NOT_FOUND", "This attempt does not exist or is not yours.");
  // Graded and closed are final, so the answer to a repeat needs no lock.
  if (attempt.status === "GRADED") return repeatedSubmission(attempt, idempotencyKey);
  if (attempt.status === "CLOSED") throw closedError();
  const draw = ZAttemptDraw.parse(attempt.draw);
  // Without the lock an autosave (another tab) could land between this read and the write below.
  // When the submission carries an answer to every question, saved answers cannot change the
  // grade, exactly as if that save had come first; otherwise the lock decides.
  if (attempt.deadlineAt && now.getTime() > attempt.deadlineAt.getTime() + GRACE_MS) return null;
  assertAttested(attempt, attest, false);
  const incoming = parseResponses(draw, answers);
  if (incoming.size < draw.length) return null;
  const { grade, rows: answerRows } = await gradeResponses(db, draw, attempt, Object.fromEntries(incoming));
  // A pass of a final assessment may earn the course credit: that is decided under the lock.
  if (grade.passed && attempt.quizKind === "FINAL" && !attempt.awarded) return null;
  const result = inJsonbKeyOrder(attemptResult(attemptId, attempt.passMark, grade, false));
  const audit = auditInsert(gradeAuditEntry(userId, result), Prisma.sql`EXISTS (SELECT 1 FROM graded)`);
  const written = await db.$queryRaw<{ graded: number }[]>`
    ${markGraded({ attemptId, idempotencyKey, now, result, attestedAt: attestedAt(attempt, attest, now) })}, answers AS (${gradedAnswersInsert(answerRows)}), audit AS (${audit})
    SELECT count(*)::int AS graded FROM graded`;
  // Nothing updated: another request graded it between the read and the write; the locked path
  // returns that result (same key) or refuses (another key).
  return written[0]?.graded === 1 ? result : null;
}

function attemptResult(attemptId: string, passMark: number, grade: TAttemptGrade, expired: boolean): TAttemptResult {
  const { scorePercent, passed, earnedHundredths, possibleHundredths } = grade;
  return { attemptId, scorePercent, passed, passMark, earnedHundredths, possibleHundredths, creditAwarded: false, expired };
}

function gradeAuditEntry(userId: string, result: TAttemptResult): TAuditEntry {
  const { scorePercent, passed, expired, creditAwarded } = result;
  return { actorId: userId, action: "quiz.grade", targetType: "quiz-attempt", targetId: result.attemptId, data: { scorePercent, passed, expired, creditAwarded } };
}

// `WITH graded AS (…)`: marks the attempt graded with its result if it is still in progress (the
// locked path holds the row; the lock-free path relies on this condition), returning its id.
function attestedAt(attempt: Pick<TLockedAttempt, "quizKind">, attest: boolean | undefined, now: Date): Date | null {
  return attempt.quizKind === "FINAL" && attest ? now : null;
}

function markGraded({
  attemptId,
  idempotencyKey,
  now,
  result,
  attestedAt,
}: { attemptId: string; idempotencyKey: string; now: Date; result: TAttemptResult; attestedAt: Date | null }): Prisma.Sql {
  return Prisma.sql`
    WITH graded AS (
      UPDATE "QuizAttempt" SET status = 'GRADED', "submittedAt" = ${now}, "gradedAt" = ${now},
        "earnedHundredths" = ${result.earnedHundredths}, "possibleHundredths" = ${result.possibleHundredths},
        "scorePercent" = ${result.scorePercent}, passed = ${result.passed}, "idempotencyKey" = ${idempotencyKey},
        result = ${JSON.stringify(inJsonbKeyOrder(result))}::jsonb, "attestedAt" = ${attestedAt}
      WHERE id = ${attemptId} AND status = 'IN_PROGRESS'
      RETURNING id
    )`;
}

type TGradedRow = { questionId: string; version: number; response: TResponse | null; earned: number; correct: boolean };

// The graded answers of the attempt a `graded` CTE (UPDATE … RETURNING id) just marked; nothing
// is written when that CTE updated no row.
function gradedAnswersInsert(rows: TGradedRow[]): Prisma.Sql {
  const values = rows.map(
    (r) => Prisma.sql`(${randomUUID()}, ${r.questionId}, ${r.version}::int, ${r.response === null ? null : JSON.stringify(r.response)}::jsonb, ${r.earned}::int, ${r.correct}::boolean)`,
  );
  return Prisma.sql`
    INSERT INTO "AttemptAnswer" (id, "attemptId", "questionId", "questionVersion", response, earned, correct, "updatedAt")
    SELECT v.id, g.id, v.question, v.version, v.response, v.earned, v.correct, now()
    FROM graded g CROSS JOIN (VALUES ${Prisma.join(values)}) AS v(id, question, version, response, earned, correct)
    ON CONFLICT ("attemptId", "questionId") DO UPDATE
    SET response = COALESCE(EXCLUDED.response, "AttemptAnswer".response), earned = EXCLUDED.earned, correct = EXCLUDED.correct, "updatedAt" = now()`;
}

function repeatedSubmission(attempt: Pick<TLockedAttempt, "idempotencyKey" | "result">, idempotencyKey: string): TAttemptResult {
  if (attempt.idempotencyKey === idempotencyKey && attempt.result) return attempt.result as unknown as TAttemptResult;
  throw new AppError("CONFLICT", "This attempt has already been submitted and graded. Open its review to see the result.");
}

function mergeResponses(saved: TSavedAnswer[], incoming: Map<string, TResponse>): Record<string, TResponse | undefined> {
  const responses: Record<string, TResponse | undefined> = {};
  for (const row of saved) {
    const r = ZResponse.safeParse(row.response);
    if (r.success) responses[row.questionId] = r.data;
  }
  for (const [questionId, response] of incoming) responses[questionId] = response;
  return responses;
}

async function gradeResponses(client: TTx | typeof db, draw: TAttemptDraw, attempt: Pick<TLockedAttempt, "passMark">, responses: Record<string, TResponse | undefined>) {
  const definitions = await loadDrawDefinitions(client, draw);
  const questions = draw.map((d) => definitions.get(`${d.questionId}@${d.version}`)!);
  const grade = gradeAttempt({ questions, responses, passMark: attempt.passMark });
  const rows = grade.perQuestion.map((q) => ({
    questionId: q.questionId,
    version: draw.find((d) => d.questionId === q.questionId)!.version,
    response: responses[q.questionId] ?? null,
    earned: q.earned,
    correct: q.correct,
  }));
  return { grade, rows };
}

async function submitAttemptLocked({
  userId,
  attemptId,
  idempotencyKey,
  answers = {},
  attest,
  now = new Date(),
}: TSubmitInput): Promise<TAttemptResult> {
  let awardedCourseId: string | null = null;
  const result = await db.$transaction(
    async (tx) => {
      const attempt = await lockOwnAttempt(tx, userId, attemptId, { withSaved: true });
      if (attempt.status === "GRADED") return repeatedSubmission(attempt, idempotencyKey);
      if (attempt.status === "CLOSED") throw closedError();
      const draw = ZAttemptDraw.parse(attempt.draw);
      const expired = !!attempt.deadlineAt && now.getTime() > attempt.deadlineAt.getTime() + GRACE_MS;
      assertAttested(attempt, attest, expired);
      // After the deadline, late answers are ignored: only what was saved in time counts.
      const incoming = expired ? new Map<string, TResponse>() : parseResponses(draw, answers);
      const { grade, rows } = await gradeResponses(tx, draw, attempt, mergeResponses(attempt.saved ?? [], incoming));
      const result = attemptResult(attemptId, attempt.passMark, grade, expired);
      // The attempt and its graded answers in one statement.
      await tx.$executeRaw`${markGraded({ attemptId, idempotencyKey, now, result, attestedAt: attestedAt(attempt, attest, now) })} ${gradedAnswersInsert(rows)}`;
      if (grade.passed && attempt.quizKind === "FINAL") {
        // The award needs this attempt recorded as passed first; it is rare, so a second write is fine.
        const award = await awardCourseCreditIfEarned(tx, { userId, courseId: attempt.courseId, now });
        result.creditAwarded = award.awarded;
        if (award.completed) awardedCourseId = attempt.courseId;
        if (result.creditAwarded) {
          await tx.quizAttempt.update({ where: { id: attemptId }, data: { result: inJsonbKeyOrder(result) as unknown as Prisma.InputJsonValue } });
        }
      }
      await recordAudit(tx, gradeAuditEntry(userId, result));
      return inJsonbKeyOrder(result);
    },
    { timeout: 15_000, maxWait: 10_000 },
  );
  // Auto-issue (where a course has it on) runs after the commit, never inside the grading.
  if (awardedCourseId) await maybeAutoIssue({ userId, courseId: awardedCourseId });
  return result;
}

// jsonb stores keys shorter-first, then bytewise; returning the first result in that order makes
// it byte-identical to the stored copy every retry receives.
function inJsonbKeyOrder<T extends object>(value: T): T {
  const keys = Object.keys(value).sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((k) => [k, (value as Record<string, unknown>)[k]])) as T;
}

export type TAttemptView =
  | { status: "CLOSED"; attemptId: string; number: number }
  | {
      status: "IN_PROGRESS";
      attemptId: string;
      number: number;
      startedAt: string;
      deadlineAt: string | null;
      questions: TClientQuestion[];
      responses: Record<string, TResponse>;
      /** A final is submitted with the trainer's attestation that the work is their own. */
      requiresAttestation: boolean;
    }
  | {
      status: "GRADED";
      attemptId: string;
      number: number;
      scorePercent: number;
      passed: boolean;
      passMark: number;
      gradedAt: string;
      /** Which review moment applies and what its policy shows; the entries hold nothing else. */
      moment: TReviewMoment;
      shown: TReviewItem[];
      review: TReviewEntry[];
    };

// The lesson (and section) a missed question sends the trainer back to, from content on disk; a
// lesson no longer in content links to the course page instead of breaking the review.
function revisitLink(courseSlug: string, question: TQuestion): TRevisitLink {
  const found = findLesson(courseSlug, question.lesson);
  if (!found) return { lesson: question.lesson, lessonTitle: question.lesson, section: null, sectionTitle: null, href: `/courses/${courseSlug}` };
  const section = question.section ? listLessonSections(found.lesson.body).find((s) => s.id === question.section) : undefined;
  const href = `/courses/${courseSlug}/${found.lesson.slug}${section ? `#${section.id}` : ""}`;
  return { lesson: found.lesson.slug, lessonTitle: found.lesson.frontmatter.title, section: section?.id ?? null, sectionTitle: section?.title ?? null, href };
}

/**
 * What the trainer may see: question text while in progress; once graded, only what the quiz's
 * review policy allows at this moment (after a fail, after a pass, with no attempts left). The
 * hiding happens here, on the server: the page and any API get nothing else to leak.
 */
export async function getAttemptView({ userId, attemptId }: { userId: string; attemptId: string }): Promise<TAttemptView> {
  const attempt = await db.quizAttempt.findUnique({
    where: { id: attemptId },
    select: {
      userId: true,
      quizId: true,
      number: true,
      status: true,
      draw: true,
      startedAt: true,
      deadlineAt: true,
      scorePercent: true,
      passed: true,
      gradedAt: true,
      quiz: { select: { passMark: true, kind: true, maxAttempts: true, reviewPolicy: true, course: { select: { slug: true } } } },
      answers: { select: { questionId: true, response: true, earned: true, correct: true } },
    },
  });
  if (!attempt || attempt.userId !== userId) throw new AppError("NOT_FOUND", "This attempt does not exist or is not yours.");
  if (attempt.status === "CLOSED") return { status: "CLOSED", attemptId, number: attempt.number };
  const draw = ZAttemptDraw.parse(attempt.draw);
  const definitions = await loadDrawDefinitions(db, draw);
  const answers = new Map(attempt.answers.map((a) => [a.questionId, a]));
  const responseOf = (id: string) => {
    const r = ZResponse.safeParse(answers.get(id)?.response);
    return r.success ? r.data : null;
  };
  if (attempt.status === "IN_PROGRESS") {
    const responses: Record<string, TResponse> = {};
    for (const d of draw) {
      const r = responseOf(d.questionId);
      if (r) responses[d.questionId] = r;
    }
    return {
      status: "IN_PROGRESS",
      attemptId,
      number: attempt.number,
      startedAt: attempt.startedAt.toISOString(),
      deadlineAt: attempt.deadlineAt?.toISOString() ?? null,
      questions: draw.map((d) => toClientQuestion(definitions.get(`${d.questionId}@${d.version}`)!, d.optionOrder)),
      responses,
      requiresAttestation: attempt.quiz.kind === "FINAL",
    };
  }
  const graded = await db.quizAttempt.findMany({ where: { userId, quizId: attempt.quizId, status: "GRADED" }, select: { passed: true } });
  const { quiz } = attempt;
  const moment = reviewMoment({
    passedAny: graded.some((a) => a.passed),
    attemptsLeft: quiz.maxAttempts === null ? null : quiz.maxAttempts - graded.length,
  });
  const shown = readStoredPolicy(quiz.kind === "FINAL" ? "final" : "lesson-check", quiz.reviewPolicy)[moment];
  return {
    status: "GRADED",
    attemptId,
    number: attempt.number,
    scorePercent: attempt.scorePercent ?? 0,
    passed: !!attempt.passed,
    passMark: quiz.passMark,
    gradedAt: (attempt.gradedAt ?? new Date()).toISOString(),
    moment,
    shown,
    review: draw.map((d) => {
      const question = definitions.get(`${d.questionId}@${d.version}`)!;
      return buildReviewEntry(
        {
          question,
          response: responseOf(d.questionId),
          earned: answers.get(d.questionId)?.earned ?? 0,
          correct: !!answers.get(d.questionId)?.correct,
          revisit: shown.includes("revisit") ? revisitLink(quiz.course.slug, question) : null,
        },
        shown,
      );
    }),
  };
}
