import { pathToFileURL } from "node:url";
import { refreshTrainerStandings } from "@/lib/admin/trainer-query.sql.server";
import { hashPassword } from "@/lib/auth/password";
import { readStoredAccreditation } from "@/lib/content/content-schema";
import { syncContent } from "@/lib/content/sync-content.server";
import { parseCecAmount } from "@/lib/credits/cec-amount";
import { createPrismaClient, type TDb } from "@/lib/db/client";
import { createRng, drawQuestions, type TRng } from "@/lib/quiz/draw-questions";
import { gradeQuestion } from "@/lib/quiz/grade-attempt";
import { refreshItemStats } from "@/lib/quiz/item-stats.server";
import { forgetItemStats } from "@/lib/quiz/item-stats.sql.server";
import { type TQuestion, type TResponse, ZQuestion } from "@/lib/quiz/quiz-schema";
import { fail, openDatabase, StartupError } from "@/scripts/lib/runtime";
import { buildSeedSql, type TSeedApproval, type TSeedLesson, type TSeedPoolQuestion, type TSeedQuiz } from "./seed-large-sql";

// `npm run db:seed:large [-- --trainers 100000]`: trainers (10,000 unless told) with years of
// realistic history, so the admin console, the dashboards and the exports can be measured at size.
// The rows are generated inside PostgreSQL (prisma/seed-large-sql.ts), in one transaction: an
// interrupted run leaves nothing behind, and a second run finds the last trainer and skips. A
// database holding a smaller large seed is extended to the new count.

export const LARGE_TRAINER_COUNT = 10_000;
export const LARGE_SEED_PASSWORD = "large-seed-trainer-2026";
const LARGE_ADMIN_EMAIL = "large-seed-admin@example.test";
/** Tables the seed writes millions of rows into. */
const BULK_TABLES = ["AttemptAnswer", "QuizAttempt", "CreditEntry", "AuditLog", "LessonProgress"];

/** The stable id of seeded trainer n (0-based). */
export function largeTrainerId(n: number): string {
  return `lgu${String(n).padStart(6, "0")}`;
}

function pick<T>(rng: TRng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
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
      return { type: "numeric", value: right ? question.answer : question.answer + 7 * (1 + Math.floor(rng() * 3)) };
    case "ordering":
      return { type: "ordering", itemIds: right ? [...question.answer] : [...question.answer].reverse() };
    case "matching":
      return { type: "matching", pairs: right ? { ...question.answer } : Object.fromEntries(Object.keys(question.answer).map((k) => [k, "none"])) };
  }
}

export type TSeedLargeResult = { skipped: boolean; trainers: number; added: number; ms: number; counts: Record<string, number> };

/** How many seeded trainers exist (they are numbered from 0 without gaps: each run is one transaction). */
async function countSeededTrainers(db: TDb): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "User" WHERE id LIKE 'lgu%'`);
  return rows[0].n;
}

/**
 * Seeds `count` trainers (default 10,000) into a migrated database whose content is synced. Skips
 * when they already exist; extends a smaller seed.
 */
export async function seedLargeDataSet(
  db: TDb,
  { count = LARGE_TRAINER_COUNT, now = new Date(), log = (line: string) => console.log(line) }: { count?: number; now?: Date; log?: (line: string) => void } = {},
): Promise<TSeedLargeResult> {
  const started = Date.now();
  if (await db.user.findUnique({ where: { id: largeTrainerId(count - 1) }, select: { id: true } })) {
    return { skipped: true, trainers: count, added: 0, ms: Date.now() - started, counts: {} };
  }
  const from = await countSeededTrainers(db);
  if (from > count) throw new Error(`This database holds ${from} seeded trainers, more than the ${count} asked for.`);

  const course = await db.course.findFirst({
    where: { archivedAt: null },
    orderBy: { sortOrder: "asc" },
    select: {
      id: true,
      title: true,
      version: true,
      contactMinutes: true,
      accreditation: true,
      revisions: { orderBy: { revision: "desc" }, take: 1, select: { revision: true } },
      lessons: { where: { archivedAt: null }, orderBy: { sortOrder: "asc" }, select: { id: true, slug: true, title: true, revision: true, estimatedSeconds: true } },
      quizzes: {
        orderBy: { slug: "asc" },
        select: { id: true, kind: true, lessonId: true, passMark: true, drawCount: true, questions: { where: { archivedAt: null }, orderBy: { id: "asc" }, select: { id: true, currentVersion: true, versions: { select: { version: true, definition: true } } } } },
      },
    },
  });
  if (!course) throw new Error("No course found: sync content first (npm run content:sync).");

  const lessons: TSeedLesson[] = course.lessons.map((l, idx) => ({ idx, id: l.id, slug: l.slug, title: l.title, revision: l.revision, estimatedSeconds: Math.max(60, l.estimatedSeconds) }));
  const quizzes: TSeedQuiz[] = [];
  const pool: TSeedPoolQuestion[] = [];
  const rng = createRng("backbone-large-seed-v2");
  for (const quiz of course.quizzes) {
    const lessonIdx = quiz.lessonId ? lessons.findIndex((l) => l.id === quiz.lessonId) : null;
    if (quiz.kind === "LESSON_CHECK" && (lessonIdx === null || lessonIdx < 0)) continue;
    const questions = quiz.questions.map((q) => ZQuestion.parse(q.versions.find((v) => v.version === q.currentVersion)?.definition));
    if (questions.length === 0) continue;
    const idx = quizzes.length;
    quizzes.push({ idx, id: quiz.id, kind: quiz.kind, lessonIdx, passMark: quiz.passMark, drawCount: quiz.drawCount || questions.length });
    // The option order each question is shown in (one per question, as one real draw shuffles it).
    const orders = new Map(drawQuestions({ questions, draw: questions.length, seed: `seed-large:${quiz.id}` }).map((d) => [d.questionId, d]));
    questions.forEach((q, qidx) => {
      const right = respond(q, true, rng);
      const wrong1 = respond(q, false, rng);
      const wrong2 = respond(q, false, rng);
      // What the real grader gives each response: attempt scores are sums of these.
      pool.push({
        quizIdx: idx,
        qidx,
        questionId: q.id,
        version: orders.get(q.id)?.version ?? quiz.questions[qidx].currentVersion,
        optionOrder: orders.get(q.id)?.optionOrder ?? [],
        right,
        wrong1,
        wrong2,
        earnedRight: gradeQuestion(q, right).earned,
        earnedWrong1: gradeQuestion(q, wrong1).earned,
        earnedWrong2: gradeQuestion(q, wrong2).earned,
      });
    });
  }
  const accreditation = readStoredAccreditation(course.accreditation);
  const approvals: TSeedApproval[] = Object.entries(accreditation?.approvals ?? {}).flatMap(([body, a]) =>
    a && a.status === "approved"
      ? [{ body, validFrom: a.validFrom, validUntil: a.validUntil, hundredths: parseCecAmount(a.credit), approvalNumber: a.approvalNumber, providerNumber: accreditation?.provider?.numbers[body as "NFPT"] ?? null }]
      : [],
  );

  log(`hashing one password for ${count - from} trainers…`);
  const passwordHash = await hashPassword(LARGE_SEED_PASSWORD);
  const admin = await db.user.upsert({
    where: { email: LARGE_ADMIN_EMAIL },
    create: { email: LARGE_ADMIN_EMAIL, name: "Seed Data Admin", passwordHash, role: "ADMIN", emailVerifiedAt: now },
    update: {},
    select: { id: true },
  });

  const steps = buildSeedSql({
    from,
    to: count,
    now,
    adminId: admin.id,
    passwordHash,
    course: { id: course.id, title: course.title, version: course.version, revision: course.revisions[0]?.revision ?? 1, contactMinutes: course.contactMinutes },
    lessons,
    quizzes,
    pool,
    approvals,
    providerNumbers: { ...(accreditation?.provider?.numbers ?? {}) },
  });
  log(`generating trainers ${from}…${count - 1} in PostgreSQL…`);
  const counts: Record<string, number> = {};
  await db.$transaction(
    async (tx) => {
      // Bulk load: no need to wait for each WAL flush; the transaction commits once at the end.
      await tx.$executeRawUnsafe("SET LOCAL synchronous_commit = off");
      await tx.$executeRawUnsafe("SET LOCAL work_mem = '64MB'");
      await tx.$executeRawUnsafe("SET LOCAL maintenance_work_mem = '256MB'");
      // Secondary indexes and foreign keys of the big tables are dropped for the load and made
      // again from their own definitions afterwards: one sorted build and one validating join
      // each instead of a B-tree insert and a trigger per row. Uniqueness and references are
      // still checked, over every row, before the transaction commits.
      const deferred = await tx.$queryRawUnsafe<{ tbl: string; name: string; kind: string; def: string }[]>(`
        SELECT c.relname AS tbl, i.indexrelid::regclass::text AS name, 'index' AS kind, pg_get_indexdef(i.indexrelid) AS def
        FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
        WHERE c.relname IN (${BULK_TABLES.map((t) => `'${t}'`).join(", ")}) AND c.relnamespace = 'public'::regnamespace
          AND NOT i.indisprimary AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
        UNION ALL
        SELECT c.relname, k.conname, 'fk', pg_get_constraintdef(k.oid)
        FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
        WHERE c.relname IN (${BULK_TABLES.map((t) => `'${t}'`).join(", ")}) AND c.relnamespace = 'public'::regnamespace AND k.contype = 'f'`);
      for (const d of deferred) {
        await tx.$executeRawUnsafe(d.kind === "index" ? `DROP INDEX ${d.name}` : `ALTER TABLE "${d.tbl}" DROP CONSTRAINT "${d.name}"`);
      }
      for (const s of steps) {
        const t0 = Date.now();
        const rows = await tx.$executeRawUnsafe(s.sql);
        if (s.table) counts[s.table] = (counts[s.table] ?? 0) + rows;
        log(`  ${s.label.padEnd(22)} ${s.table ? String(rows).padStart(9) : "".padStart(9)} ${s.table ? "rows" : "    "}  ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      }
      const t0 = Date.now();
      for (const d of deferred) {
        await tx.$executeRawUnsafe(d.kind === "index" ? d.def : `ALTER TABLE "${d.tbl}" ADD CONSTRAINT "${d.name}" ${d.def}`);
      }
      log(`  ${"indexes and keys".padEnd(22)} ${String(deferred.length).padStart(9)} made  ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    },
    { timeout: 60 * 60_000, maxWait: 60_000 },
  );
  // The new trainers' standings (docs/decisions/017): the triggers left them stale; computing them
  // now, with the list's own SQL, spares the first read of the admin trainers list the whole set.
  const tStanding = Date.now();
  const standings = await refreshTrainerStandings(db, now);
  log(`  ${"trainer standings".padEnd(22)} ${String(standings).padStart(9)} rows  ${((Date.now() - tStanding) / 1000).toFixed(1)} s`);
  const t0 = Date.now();
  // VACUUM as well: it marks the new pages all-visible (as autovacuum would in time), so index-only
  // scans work from the first measurement on.
  await db.$executeRawUnsafe("VACUUM (ANALYZE)");
  log(`  ${"vacuum, analyze".padEnd(22)} ${"".padStart(14)}  ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  // The item-analysis rollups (docs/decisions/016): the seed wrote attempts graded in the past,
  // behind any watermark, so each quiz's rollup is rebuilt from scratch here (the cold build a
  // first report read would otherwise pay), and the scale bench measures the steady state.
  const t1 = Date.now();
  let folded = 0;
  for (const quiz of await db.quiz.findMany({ select: { id: true } })) {
    await db.$transaction((tx) => forgetItemStats(tx, quiz.id));
    folded += (await refreshItemStats(db, quiz.id)).folded ?? 0;
  }
  await db.$executeRawUnsafe(`VACUUM (ANALYZE) "ItemStatsWatermark", "ItemScoreRollup", "ItemChoiceRollup"`);
  log(`  ${"item-analysis rollups".padEnd(22)} ${String(folded).padStart(9)} answers  ${((Date.now() - t1) / 1000).toFixed(1)} s`);
  return { skipped: false, trainers: count, added: count - from, ms: Date.now() - started, counts };
}

/** `--trainers N` (or LARGE_SEED_TRAINERS), else the default. */
export function parseTrainerCount(argv: readonly string[], envValue = process.env.LARGE_SEED_TRAINERS): number {
  const at = argv.findIndex((a) => a === "--trainers" || a.startsWith("--trainers="));
  const raw = at < 0 ? envValue : argv[at].includes("=") ? argv[at].split("=")[1] : argv[at + 1];
  if (raw === undefined || raw === "") return LARGE_TRAINER_COUNT;
  const n = Number(raw.replace(/[_,]/g, ""));
  if (!Number.isInteger(n) || n < 1 || n > 999_999) throw new StartupError(`--trainers takes a whole number from 1 to 999999 (got "${raw}").`);
  return n;
}

async function main() {
  const count = parseTrainerCount(process.argv.slice(2));
  const database = await openDatabase((line) => console.log(line));
  const db = createPrismaClient(database.url, { max: 4 });
  try {
    console.log(`database: ${database.describe}`);
    const t0 = Date.now();
    const synced = await syncContent(db);
    console.log(`content synced (${synced.courses} course(s), ${synced.changed} change(s)) in ${Date.now() - t0} ms`);
    const result = await seedLargeDataSet(db, { count });
    if (result.skipped) console.log(`already seeded: ${result.trainers} trainers present (checked in ${result.ms} ms); nothing to do`);
    else {
      console.log(`seeded ${result.added} trainers (now ${result.trainers}) in ${(result.ms / 1000).toFixed(1)} s (password for every seeded trainer: ${LARGE_SEED_PASSWORD})`);
      console.log(Object.entries(result.counts).map(([t, n]) => `${t} ${n}`).join(", "));
    }
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
