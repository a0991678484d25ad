import { pathToFileURL } from "node:url";
import { hashPassword } from "@/lib/auth/password";
import { generateCertificateCode } from "@/lib/certificates/certificate-code";
import { syncContent } from "@/lib/content/sync-content.server";
import { readStoredAccreditation } from "@/lib/content/content-schema";
import { decideCourseCredit } from "@/lib/credits/course-approval";
import type { TCertifyingBody } from "@/lib/credits/certifying-bodies";
import { createPrismaClient, type TDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createRng, drawQuestions, type TRng } from "@/lib/quiz/draw-questions";
import { gradeAttempt } from "@/lib/quiz/grade-attempt";
import { type TQuestion, type TResponse, ZQuestion } from "@/lib/quiz/quiz-schema";
import { fail, openDatabase, StartupError } from "@/scripts/lib/runtime";

// `npm run db:seed:large`: 10,000 trainers with realistic activity, so the admin console's lists,
// charts and exports can be measured at size. Everything is derived from a fixed seed and stable
// ids, so a second run finds the last trainer and skips, and an interrupted run resumes
// (createMany with skipDuplicates). Rows go in with createMany in chunks and one shared password
// hash: argon2 per row would take minutes.

export const LARGE_TRAINER_COUNT = 10_000;
export const LARGE_SEED_PASSWORD = "large-seed-trainer-2026";
const LARGE_ADMIN_EMAIL = "large-seed-admin@example.test";
const CHUNK = 1_000;
const DAY = 86_400_000;

const FIRST_NAMES = ["Alex", "Jordan", "Sam", "Taylor", "Morgan", "Casey", "Riley", "Jamie", "Avery", "Quinn", "Drew", "Harper", "Rowan", "Skyler", "Emerson", "Parker", "Reese", "Dakota", "Hayden", "Kendall", "Maria", "Wei", "Aisha", "Mateo", "Priya", "Oluwaseun", "Sofia", "Kenji", "Fatima", "Liam", "Noor", "Ines", "Tomás", "Ana", "Chloé", "Björn", "Zoë", "Malik", "Hana", "Diego"];
const LAST_NAMES = ["Nguyen", "Smith", "Garcia", "Okafor", "Johnson", "Kowalski", "Patel", "Brown", "Rossi", "Kim", "Müller", "O'Brien", "Silva", "Chen", "Williams", "Haddad", "Jones", "Larsen", "Davis", "Martínez", "Ito", "Lopez", "Wilson", "Novak", "Anderson", "Dubois", "Thomas", "Moreau", "Taylor", "Ahmed", "Moore", "Fischer", "Jackson", "Rahman", "White", "Santos", "Harris", "Costa", "Clark", "Yilmaz"];
const TIME_ZONES = ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Phoenix", "America/Anchorage", "Pacific/Honolulu", "America/Toronto", "Europe/London", "Europe/Berlin", "Australia/Sydney", "UTC"];
const ADJUSTMENT_REASONS = [
  "Credit carried over from a previous provider",
  "Conference workshop attendance (approved)",
  "Correction: duplicate import removed",
  "Live webinar verified by certificate of attendance",
  "Manual credit for in-person clinic",
];

/** A stable lowercase id: prefix, trainer number, and an optional suffix (fits the cuid-style checks). */
function sid(prefix: string, n: number, suffix = ""): string {
  return `${prefix}${String(n).padStart(6, "0")}${suffix}`;
}

function pick<T>(rng: TRng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

function between(rng: TRng, lowMs: number, highMs: number): Date {
  return new Date(lowMs + Math.floor(rng() * Math.max(1, highMs - lowMs)));
}

function weightedBody(rng: TRng): TCertifyingBody {
  const x = rng();
  return x < 0.45 ? "NFPT" : x < 0.7 ? "ACE" : x < 0.9 ? "NASM" : "OTHER";
}

/** A response to one question: the key when `right`, otherwise a plausible wrong answer. */
function respond(question: TQuestion, right: boolean, rng: TRng): TResponse {
  switch (question.type) {
    case "single": {
      const wrong = question.options.filter((o) => o.id !== question.answer);
      return { type: "single", optionId: right || wrong.length === 0 ? question.answer : pick(rng, wrong).id };
    }
    case "multiple":
      return { type: "multiple", optionIds: right ? [...question.answer] : question.answer.slice(0, Math.max(1, question.answer.length - 1)) };
    case "true-false":
      return { type: "true-false", value: right ? question.answer : !question.answer };
    case "numeric":
      return { type: "numeric", value: right ? question.answer : question.answer + 7 };
    case "ordering":
      return { type: "ordering", itemIds: right ? [...question.answer] : [...question.answer].reverse() };
    case "matching":
      return { type: "matching", pairs: right ? { ...question.answer } : Object.fromEntries(Object.keys(question.answer).map((k) => [k, "none"])) };
  }
}

type TRows = {
  users: Prisma.UserCreateManyInput[];
  profiles: Prisma.TrainerProfileCreateManyInput[];
  progress: Prisma.LessonProgressCreateManyInput[];
  attempts: Prisma.QuizAttemptCreateManyInput[];
  answers: Prisma.AttemptAnswerCreateManyInput[];
  credits: Prisma.CreditEntryCreateManyInput[];
  requests: Prisma.CertificateRequestCreateManyInput[];
  certificates: Prisma.CertificateCreateManyInput[];
  audit: Prisma.AuditLogCreateManyInput[];
};

async function insertChunked<T>(label: string, rows: T[], insert: (chunk: T[]) => Promise<unknown>, log: (line: string) => void) {
  const started = Date.now();
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
  log(`  ${label.padEnd(20)} ${String(rows.length).padStart(7)} rows  ${Date.now() - started} ms`);
}

export type TSeedLargeResult = { skipped: boolean; trainers: number; ms: number };

/**
 * Seeds `count` trainers (default 10,000) into a migrated database whose content is synced.
 * Skips when the last trainer already exists.
 */
export async function seedLargeDataSet(
  db: TDb,
  { count = LARGE_TRAINER_COUNT, now = new Date(), log = (line: string) => console.log(line) }: { count?: number; now?: Date; log?: (line: string) => void } = {},
): Promise<TSeedLargeResult> {
  const started = Date.now();
  if (await db.user.findUnique({ where: { id: sid("lgu", count - 1) }, select: { id: true } })) {
    return { skipped: true, trainers: count, ms: Date.now() - started };
  }

  const course = await db.course.findFirst({
    where: { archivedAt: null },
    orderBy: { sortOrder: "asc" },
    select: {
      id: true,
      title: true,
      version: true,
      contactMinutes: true,
      accreditation: true,
      lessons: { where: { archivedAt: null }, orderBy: { sortOrder: "asc" }, select: { id: true, revision: true } },
      quizzes: { where: { kind: "FINAL" }, select: { id: true, passMark: true, drawCount: true, questions: { select: { id: true, currentVersion: true, versions: { select: { version: true, definition: true } } } } } },
    },
  });
  if (!course) throw new Error("No course found: sync content first (npm run content:sync).");
  const final = course.quizzes[0];
  const pool: TQuestion[] = (final?.questions ?? []).map((q) => ZQuestion.parse(q.versions.find((v) => v.version === q.currentVersion)?.definition));
  // Credit only where the course holds an approval for the body on the completion date (docs/decisions/007).
  const accreditation = readStoredAccreditation(course.accreditation);
  const creditFor = (body: TCertifyingBody, on: Date) => decideCourseCredit({ approvals: accreditation?.approvals ?? {}, provider: accreditation?.provider, body, on });

  log(`hashing one password for ${count} trainers…`);
  const passwordHash = await hashPassword(LARGE_SEED_PASSWORD);
  const admin = await db.user.upsert({
    where: { email: LARGE_ADMIN_EMAIL },
    create: { email: LARGE_ADMIN_EMAIL, name: "Seed Data Admin", passwordHash, role: "ADMIN", emailVerifiedAt: now },
    update: {},
    select: { id: true },
  });

  const rng = createRng("backbone-large-seed-v1");
  const rows: TRows = { users: [], profiles: [], progress: [], attempts: [], answers: [], credits: [], requests: [], certificates: [], audit: [] };
  const nowMs = now.getTime();

  for (let i = 0; i < count; i++) {
    const id = sid("lgu", i);
    const first = pick(rng, FIRST_NAMES);
    const last = pick(rng, LAST_NAMES);
    const body = weightedBody(rng);
    // Accounts made over the last two years; certified up to twelve years before joining.
    const createdAt = between(rng, nowMs - 730 * DAY, nowMs - DAY);
    const certifiedOn = between(rng, createdAt.getTime() - 12 * 365 * DAY, createdAt.getTime());
    const certifiedIso = certifiedOn.toISOString().slice(0, 10);
    const timeZone = pick(rng, TIME_ZONES);
    rows.users.push({
      id,
      email: `${first}.${last}.${i}@example.test`.toLowerCase().normalize("NFD").replace(/[^\w.@-]/g, ""),
      name: `${first} ${last}`,
      passwordHash,
      role: "TRAINER",
      timeZone,
      createdAt,
      emailVerifiedAt: rng() < 0.93 ? createdAt : null,
      disabledAt: rng() < 0.01 ? between(rng, createdAt.getTime(), nowMs) : null,
    });
    rows.profiles.push({
      userId: id,
      certifyingBody: body,
      certificationNumber: `${body === "OTHER" ? "OTH" : body}-${certifiedIso.slice(0, 4)}-${String(i).padStart(5, "0")}`,
      firstCertifiedOn: new Date(`${certifiedIso}T00:00:00Z`),
      certificationExpiresOn: rng() < 0.5 ? new Date(`${Number(certifiedIso.slice(0, 4)) + 14}${certifiedIso.slice(4)}T00:00:00Z`) : null,
    });
    rows.audit.push({ actorId: id, action: "user.sign-up", targetType: "user", targetId: id, data: { certifyingBody: body }, createdAt });

    // Credit from elsewhere, entered by an admin: spreads trainers across met / behind / due soon.
    const adjustments = Math.floor(rng() * 4);
    for (let a = 0; a < adjustments; a++) {
      const occurredAt = between(rng, Math.max(certifiedOn.getTime(), nowMs - 3 * 365 * DAY), nowMs - DAY);
      // Now and then a small correction downwards, never as a trainer's first entry.
      const amountHundredths = a > 0 && rng() < 0.08 ? -10 : 10 * (3 + Math.floor(rng() * 12));
      const entryId = sid("lgc", i, `a${a}`);
      const reason = pick(rng, ADJUSTMENT_REASONS);
      rows.credits.push({ id: entryId, userId: id, kind: "ADJUSTMENT", amountHundredths, certifyingBody: body, reason, createdById: admin.id, occurredAt });
      rows.audit.push({ actorId: admin.id, action: "credit.adjust", targetType: "credit-entry", targetId: entryId, data: { userId: id, amountHundredths, reason, courseId: null, certifyingBody: body }, createdAt: occurredAt });
    }

    // The course: about 60% start it, most within the last half year.
    if (rng() >= 0.6 || course.lessons.length === 0) continue;
    let at = between(rng, Math.max(createdAt.getTime(), nowMs - 182 * DAY), nowMs - 2 * DAY).getTime();
    const completeCount = rng() < 0.45 ? course.lessons.length : Math.floor(rng() * course.lessons.length);
    for (const [l, lesson] of course.lessons.entries()) {
      if (l > completeCount) break;
      const startedAt = new Date(at);
      at += Math.floor((0.2 + rng() * 2) * DAY);
      const completedAt = l < completeCount && at < nowMs ? new Date(at) : null;
      rows.progress.push({
        id: sid("lgp", i, `l${l}`),
        userId: id,
        lessonId: lesson.id,
        startedAt,
        completedAt,
        completedRevision: completedAt ? lesson.revision : null,
        lastPercent: completedAt ? 100 : Math.floor(rng() * 90),
        updatedAt: completedAt ?? startedAt,
      });
    }
    if (completeCount < course.lessons.length || !final || pool.length === 0 || rng() < 0.2) continue;

    // The final assessment: up to three attempts; a stronger trainer is more likely to pass.
    const skill = 0.55 + rng() * 0.45;
    let passedAt: Date | null = null;
    let bestAttemptId: string | null = null;
    let bestScore = 0;
    for (let number = 1; number <= 3 && !passedAt; number++) {
      at += Math.floor((0.1 + rng()) * DAY);
      if (at >= nowMs) break;
      const attemptId = sid("lga", i, `n${number}`);
      const draw = drawQuestions({ questions: pool, draw: final.drawCount, seed: attemptId });
      const questions = draw.map((d) => pool.find((q) => q.id === d.questionId)!);
      const responses = Object.fromEntries(questions.map((q) => [q.id, respond(q, rng() < skill + 0.1 * (number - 1), rng)]));
      const grade = gradeAttempt({ questions, responses, passMark: final.passMark });
      const startedAt = new Date(at);
      const gradedAt = new Date(at + Math.floor((6 + rng() * 20) * 60_000));
      rows.attempts.push({
        id: attemptId,
        userId: id,
        quizId: final.id,
        number,
        status: "GRADED",
        draw: draw as unknown as Prisma.InputJsonValue,
        startedAt,
        submittedAt: gradedAt,
        gradedAt,
        earnedHundredths: grade.earnedHundredths,
        possibleHundredths: grade.possibleHundredths,
        scorePercent: grade.scorePercent,
        passed: grade.passed,
      });
      for (const g of grade.perQuestion) {
        const q = questions.find((x) => x.id === g.questionId)!;
        rows.answers.push({ attemptId, questionId: q.id, questionVersion: q.version, response: responses[q.id] as Prisma.InputJsonValue, earned: g.earned, correct: g.correct, updatedAt: gradedAt });
      }
      rows.audit.push({ actorId: id, action: "quiz.grade", targetType: "quiz-attempt", targetId: attemptId, data: { scorePercent: grade.scorePercent, passed: grade.passed }, createdAt: gradedAt });
      if (grade.passed) {
        passedAt = gradedAt;
        bestAttemptId = attemptId;
        bestScore = grade.scorePercent;
      }
    }
    // One trainer in ten starts a new attempt and leaves it open.
    if (!passedAt && at < nowMs - DAY && rng() < 0.1) {
      const attemptId = sid("lga", i, "open");
      rows.attempts.push({ id: attemptId, userId: id, quizId: final.id, number: 4, status: "IN_PROGRESS", draw: drawQuestions({ questions: pool, draw: final.drawCount, seed: attemptId }) as unknown as Prisma.InputJsonValue, startedAt: new Date(at + DAY / 2) });
    }
    if (!passedAt || !bestAttemptId) continue;

    const decision = creditFor(body, passedAt);
    const credit = decision.eligible ? { hundredths: decision.hundredths, courseNumber: decision.approvalNumber } : { hundredths: 0, courseNumber: null };
    const entryId = decision.eligible ? sid("lgc", i, "award") : null;
    if (entryId) {
      rows.credits.push({ id: entryId, userId: id, kind: "AWARD", amountHundredths: credit.hundredths, certifyingBody: body, courseId: course.id, awardCourseId: course.id, courseNumber: credit.courseNumber, attemptId: bestAttemptId, occurredAt: passedAt });
      rows.audit.push({ actorId: id, action: "credit.award", targetType: "credit-entry", targetId: entryId, data: { courseId: course.id, attemptId: bestAttemptId, hundredths: credit.hundredths, certifyingBody: body }, createdAt: passedAt });
    }
    const requestId = sid("lgr", i);
    // Three in four requests have been issued; the rest wait in the certificate queue.
    if (rng() < 0.75) {
      const certificateId = sid("lgx", i);
      const issuedAt = new Date(Math.min(nowMs - 60_000, passedAt.getTime() + Math.floor(rng() * 5 * DAY)));
      rows.certificates.push({
        id: certificateId,
        code: generateCertificateCode(),
        userId: id,
        courseId: course.id,
        creditEntryId: entryId,
        trainerName: `${first} ${last}`,
        certificationNumber: rows.profiles[rows.profiles.length - 1].certificationNumber,
        certifyingBody: body,
        courseTitle: course.title,
        courseVersion: course.version,
        courseNumber: credit.courseNumber,
        providerNumber: decision.providerNumber,
        contactMinutes: course.contactMinutes,
        creditHundredths: credit.hundredths,
        scorePercent: bestScore,
        completedAt: passedAt,
        issuedAt,
        issuedById: admin.id,
      });
      rows.requests.push({ id: requestId, userId: id, courseId: course.id, status: "ISSUED", certificateId, createdAt: passedAt, updatedAt: issuedAt });
      rows.audit.push({ actorId: admin.id, action: "certificate.issue", targetType: "certificate", targetId: certificateId, data: { userId: id, courseId: course.id }, createdAt: issuedAt });
    } else {
      rows.requests.push({ id: requestId, userId: id, courseId: course.id, status: "PENDING", createdAt: passedAt, updatedAt: passedAt });
    }
  }

  log(`inserting ${count} trainers and their activity…`);
  await insertChunked("users", rows.users, (data) => db.user.createMany({ data, skipDuplicates: true }), log);
  await insertChunked("profiles", rows.profiles, (data) => db.trainerProfile.createMany({ data, skipDuplicates: true }), log);
  await insertChunked("lesson progress", rows.progress, (data) => db.lessonProgress.createMany({ data, skipDuplicates: true }), log);
  await insertChunked("quiz attempts", rows.attempts, (data) => db.quizAttempt.createMany({ data, skipDuplicates: true }), log);
  await insertChunked("attempt answers", rows.answers, (data) => db.attemptAnswer.createMany({ data, skipDuplicates: true }), log);
  await insertChunked("credit entries", rows.credits, (data) => db.creditEntry.createMany({ data, skipDuplicates: true }), log);
  await insertChunked("certificates", rows.certificates, (data) => db.certificate.createMany({ data, skipDuplicates: true }), log);
  await insertChunked("certificate requests", rows.requests, (data) => db.certificateRequest.createMany({ data, skipDuplicates: true }), log);
  // The audit log has no natural key, so a resumed run could repeat rows: only write it when
  // none of this data set's audit rows exist yet.
  const auditDone = await db.auditLog.findFirst({ where: { targetType: "user", targetId: sid("lgu", 0), action: "user.sign-up" }, select: { id: true } });
  if (!auditDone) {
    rows.audit.sort((a, b) => (a.createdAt as Date).getTime() - (b.createdAt as Date).getTime());
    await insertChunked("audit log", rows.audit, (data) => db.auditLog.createMany({ data }), log);
  }
  await db.$executeRawUnsafe("ANALYZE");
  return { skipped: false, trainers: count, ms: Date.now() - started };
}

async function main() {
  const database = await openDatabase((line) => console.log(line));
  const db = createPrismaClient(database.url, { max: 4 });
  try {
    console.log(`database: ${database.describe}`);
    const t0 = Date.now();
    const synced = await syncContent(db);
    console.log(`content synced (${synced.courses} course(s), ${synced.changed} change(s)) in ${Date.now() - t0} ms`);
    const result = await seedLargeDataSet(db);
    if (result.skipped) console.log(`already seeded: ${result.trainers} trainers present (checked in ${result.ms} ms); nothing to do`);
    else console.log(`seeded ${result.trainers} trainers in ${(result.ms / 1000).toFixed(1)} s (password for every seeded trainer: ${LARGE_SEED_PASSWORD})`);
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    if (error instanceof StartupError) fail(error.message);
    console.error(error);
    process.exit(1);
  });
}
