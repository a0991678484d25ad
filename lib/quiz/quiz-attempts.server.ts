import "server-only";
import { randomUUID } from "node:crypto";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit.server";
import { maybeAutoIssue } from "@/lib/certificates/auto-issue-certificate.server";
import { awardCourseCreditIfEarned, awardLockKey } from "@/lib/credits/award-course-credit.server";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { z } from "zod";
import { findLesson } from "@/lib/content/load-content";
import { listLessonSections } from "@/lib/content/lesson-sections";
import { drawQuestions, toClientQuestion } from "./draw-questions";
import { evaluateStart } from "./evaluate-start";
import { gradeAttempt, type TAttemptGrade } from "./grade-attempt";
import { type TAttemptDraw, type TClientQuestion, type TQuestion, type TResponse, ZAttemptDraw, ZQuestion, ZResponse } from "./quiz-schema";
import { lockAttemptRow, lockAttemptStart, type TGradeAuditRow, type TGradedAnswerRow, type TLockedAttemptRow, type TSavedAnswerRow, upsertSavedAnswers, writeAttemptGrade } from "./quiz-attempts.sql.server";
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

// The final assessment opens only once every lesson is complete (docs/decisions/007).
async function lessonsLeftBeforeFinal(client: TTx | typeof db, userId: string, courseId: string): Promise<number> {
  return client.lesson.count({ where: { courseId, archivedAt: null, progress: { none: { userId, completedAt: { not: null } } } } });
}

function finalLockedReason(lessonsLeft: number): string {
  return `Complete every lesson before starting the final assessment: ${lessonsLeft} lesson${lessonsLeft === 1 ? "" : "s"} still to complete.`;
}

/** A final is submitted with the trainer's word that the work is their own; only an attempt whose time ran out is graded without it. */
function assertAttested(attempt: Pick<TLockedAttemptRow, "quizKind">, attest: boolean | undefined, expired: boolean): void {
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
    await lockAttemptStart(tx, userId, quiz.id);
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

// The attempt row locked for this transaction, with its quiz's rules (and, for grading, the
// answers saved so far), in one round trip.
async function lockOwnAttempt(tx: TTx, userId: string, attemptId: string, options: { withSaved?: boolean } = {}): Promise<TLockedAttemptRow> {
  const row = await lockAttemptRow(tx, attemptId, options);
  // A foreign attempt looks exactly like a missing one: ids are not an oracle.
  if (!row || row.userId !== userId) throw new AppError("NOT_FOUND", "This attempt does not exist or is not yours.");
  return row;
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

export async function saveAnswers({ userId, attemptId, answers, now = new Date() }: { userId: string; attemptId: string; answers: Record<string, unknown>; now?: Date }) {
  return db.$transaction(async (tx) => {
    const attempt = await lockOwnAttempt(tx, userId, attemptId);
    if (attempt.status === "CLOSED") throw closedError();
    if (attempt.status !== "IN_PROGRESS") throw new AppError("CONFLICT", "This attempt has already been submitted.");
    if (attempt.deadlineAt && now.getTime() > attempt.deadlineAt.getTime() + GRACE_MS) throw new AppError("GONE", "Time is up for this attempt; answers can no longer be changed.");
    const draw = ZAttemptDraw.parse(attempt.draw);
    const responses = parseResponses(draw, answers);
    await upsertSavedAnswers(tx, attemptId, [...responses].map(([questionId, response]) => ({ questionId, version: draw.find((d) => d.questionId === questionId)!.version, response })));
    return { saved: responses.size, savedAt: now.toISOString() };
  });
}

type TSubmitInput = { userId: string; attemptId: string; idempotencyKey: string; answers?: Record<string, unknown>; attest?: boolean; now?: Date };

function closedError(): AppError {
  return new AppError("CONFLICT", "This course has been retired, so this attempt was closed without a grade. Your other records are kept.");
}

function attestedAt(attempt: Pick<TLockedAttemptRow, "quizKind">, attest: boolean | undefined, now: Date): Date | null {
  return attempt.quizKind === "FINAL" && attest ? now : null;
}

type TScore = Pick<TAttemptGrade, "scorePercent" | "passed" | "earnedHundredths" | "possibleHundredths">;

function attemptResult(attemptId: string, passMark: number, grade: TScore, expired: boolean, creditAwarded = false): TAttemptResult {
  const { scorePercent, passed, earnedHundredths, possibleHundredths } = grade;
  return { attemptId, scorePercent, passed, passMark, earnedHundredths, possibleHundredths, creditAwarded, expired };
}

function gradeAuditRow(userId: string, result: TAttemptResult): TGradeAuditRow & TAuditEntry {
  const { scorePercent, passed, expired, creditAwarded } = result;
  return { actorId: userId, action: "quiz.grade", targetType: "quiz-attempt", targetId: result.attemptId, data: { scorePercent, passed, expired, creditAwarded } };
}

// The stored result, rebuilt in TAttemptResult's key order: a retry gets the same bytes as the
// first answer (jsonb reorders keys when it stores them).
const ZStoredResult = z.object({
  attemptId: z.string(),
  scorePercent: z.number(),
  passed: z.boolean(),
  passMark: z.number(),
  earnedHundredths: z.number(),
  possibleHundredths: z.number(),
  creditAwarded: z.boolean(),
  expired: z.boolean(),
});

function repeatedSubmission(attempt: Pick<TLockedAttemptRow, "idempotencyKey" | "result">, idempotencyKey: string): TAttemptResult {
  if (attempt.idempotencyKey === idempotencyKey && attempt.result) {
    const r = ZStoredResult.parse(attempt.result);
    return attemptResult(r.attemptId, r.passMark, r, r.expired, r.creditAwarded);
  }
  throw new AppError("CONFLICT", "This attempt has already been submitted and graded. Open its review to see the result.");
}

function mergeResponses(saved: TSavedAnswerRow[], incoming: Map<string, TResponse>): Record<string, TResponse | undefined> {
  const responses: Record<string, TResponse | undefined> = {};
  for (const row of saved) {
    const r = ZResponse.safeParse(row.response);
    if (r.success) responses[row.questionId] = r.data;
  }
  for (const [questionId, response] of incoming) responses[questionId] = response;
  return responses;
}

async function gradeResponses(client: TTx | typeof db, draw: TAttemptDraw, attempt: Pick<TLockedAttemptRow, "passMark">, responses: Record<string, TResponse | undefined>) {
  const definitions = await loadDrawDefinitions(client, draw);
  const questions = draw.map((d) => definitions.get(`${d.questionId}@${d.version}`)!);
  const grade = gradeAttempt({ questions, responses, passMark: attempt.passMark });
  const rows: TGradedAnswerRow[] = grade.perQuestion.map((q) => ({
    questionId: q.questionId,
    version: draw.find((d) => d.questionId === q.questionId)!.version,
    response: responses[q.questionId] ?? null,
    earned: q.earned,
    correct: q.correct,
  }));
  return { grade, rows };
}

/**
 * Grades an attempt exactly once, under a lock on its row. A repeat with the same idempotency key
 * (double click, retry, 50 parallel requests) gets the stored result; another key is refused.
 */
export async function submitAttempt({
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
      // A passed final may complete the course: the award step follows, under its lock.
      const mayAward = grade.passed && attempt.quizKind === "FINAL";
      // The attempt, its graded answers and (when no award step can change the result) its audit
      // row in one statement; before an award step, the award's lock in that statement too.
      const { scorePercent, passed, earnedHundredths, possibleHundredths } = result;
      const graded = await writeAttemptGrade(tx, {
        attemptId,
        idempotencyKey,
        now,
        scorePercent,
        passed,
        earnedHundredths,
        possibleHundredths,
        result,
        attestedAt: attestedAt(attempt, attest, now),
        answers: rows,
        audit: mayAward ? null : gradeAuditRow(userId, result),
        lockKey: mayAward ? awardLockKey(userId, attempt.courseId) : null,
      });
      // The row lock above makes this impossible; refusing keeps "graded once" if that ever changes.
      if (!graded) throw new AppError("CONFLICT", "This attempt has already been submitted and graded. Open its review to see the result.");
      if (mayAward) {
        // The award needs this attempt recorded as passed first (the statement above).
        const award = await awardCourseCreditIfEarned(tx, { userId, courseId: attempt.courseId, now, lockHeld: true });
        result.creditAwarded = award.awarded;
        if (award.completed) awardedCourseId = attempt.courseId;
        if (result.creditAwarded) {
          // Rare: a second write is fine.
          await tx.quizAttempt.update({ where: { id: attemptId }, data: { result } });
        }
        await recordAudit(tx, gradeAuditRow(userId, result));
      }
      return result;
    },
    { timeout: 15_000, maxWait: 10_000 },
  );
  // Auto-issue (where a course has it on) runs after the commit, never inside the grading.
  if (awardedCourseId) await maybeAutoIssue({ userId, courseId: awardedCourseId });
  return result;
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
