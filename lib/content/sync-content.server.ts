import "server-only";
import { lockKeyForTransaction } from "@/lib/db/locks.sql.server";
import type { TDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { clearLessonSections, replaceLessonSections } from "@/lib/search/replace-lesson-sections.server";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hashQuestion } from "./question-hash";
import { pickAccreditation } from "./content-schema";
import { ContentError, loadAllCourses, type TCourseSource } from "./load-content";

// Mirrors content/ into the database: idempotent, keyed by slug and content hash. An edited
// lesson gets a new revision; its id (and everyone's progress on it) stays.

// One sync at a time across app instances (a transaction-scoped advisory lock on this key).
const SYNC_LOCK_KEY = "content-sync";

export type TSyncResult = { courses: number; lessons: number; quizzes: number; changed: number; retired: string[]; closedAttempts: number };

type TTx = Prisma.TransactionClient;

async function syncCourse(tx: TTx, source: TCourseSource): Promise<number> {
  let changed = 0;
  const fm = source.frontmatter;
  // What the course folder decides, written alike whether the course is new or already known.
  const fields = {
    title: fm.title,
    summary: fm.summary,
    version: fm.version,
    contentHash: source.hash,
    contactMinutes: source.contactMinutes,
    accreditation: pickAccreditation(fm) as unknown as Prisma.InputJsonValue,
    sortOrder: fm.order,
    changelog: fm.changelog as Prisma.InputJsonValue,
  };
  const existing = await tx.course.findUnique({ where: { slug: source.slug }, select: { id: true, contentHash: true, archivedAt: true } });
  const course = existing
    ? await tx.course.update({
        where: { id: existing.id },
        // A retired course whose folder comes back active is offered again (decision 010).
        data: { ...fields, archivedAt: null },
        select: { id: true },
      })
    : await tx.course.create({
        data: { slug: source.slug, ...fields },
        select: { id: true },
      });
  if (existing?.contentHash === source.hash && !existing.archivedAt) return 0;
  const known = await tx.courseRevision.findUnique({ where: { courseId_contentHash: { courseId: course.id, contentHash: source.hash } } });
  if (!known) {
    const last = await tx.courseRevision.aggregate({ where: { courseId: course.id }, _max: { revision: true } });
    await tx.courseRevision.create({
      data: { courseId: course.id, revision: (last._max.revision ?? 0) + 1, version: fm.version, contentHash: source.hash, accreditation: fields.accreditation, contactMinutes: source.contactMinutes },
    });
    changed++;
  }

  const lessonIds = new Map<string, string>();
  const lessons = await tx.lesson.findMany({ where: { courseId: course.id }, select: { id: true, slug: true, contentHash: true, revision: true } });
  for (const lesson of source.lessons) {
    const row = lessons.find((l) => l.slug === lesson.slug);
    const base = { title: lesson.frontmatter.title, sortOrder: lesson.order, minutes: lesson.frontmatter.minutes, estimatedSeconds: lesson.estimate.seconds, archivedAt: null };
    if (!row) {
      const created = await tx.lesson.create({
        data: { ...base, courseId: course.id, slug: lesson.slug, contentHash: lesson.hash, revision: 1 },
        select: { id: true },
      });
      await tx.lessonRevision.create({
        data: { lessonId: created.id, revision: 1, contentHash: lesson.hash, title: base.title, minutes: base.minutes },
      });
      lessonIds.set(lesson.slug, created.id);
      changed++;
      continue;
    }
    lessonIds.set(lesson.slug, row.id);
    if (row.contentHash === lesson.hash) {
      await tx.lesson.update({ where: { id: row.id }, data: base });
      continue;
    }
    const revision = row.revision + 1;
    await tx.lesson.update({ where: { id: row.id }, data: { ...base, contentHash: lesson.hash, revision } });
    await tx.lessonRevision.upsert({
      where: { lessonId_contentHash: { lessonId: row.id, contentHash: lesson.hash } },
      create: { lessonId: row.id, revision, contentHash: lesson.hash, title: base.title, minutes: base.minutes },
      update: {},
    });
    changed++;
  }
  const gone = lessons.filter((l) => !lessonIds.has(l.slug)).map((l) => l.id);
  if (gone.length) await tx.lesson.updateMany({ where: { id: { in: gone } }, data: { archivedAt: new Date() } });

  for (const { slug, file, quiz, hash } of source.quizzes) {
    const settings = {
      kind: quiz.kind === "final" ? ("FINAL" as const) : ("LESSON_CHECK" as const),
      title: quiz.title,
      passMark: quiz.passMark,
      drawCount: quiz.draw ?? quiz.questions.length,
      timeLimitSeconds: quiz.timeLimitMinutes ? quiz.timeLimitMinutes * 60 : null,
      maxAttempts: quiz.maxAttempts ?? null,
      cooldownSeconds: (quiz.cooldownMinutes ?? 0) * 60,
      reviewPolicy: quiz.review,
      lessonId: quiz.lesson ? (lessonIds.get(quiz.lesson) ?? null) : null,
      contentHash: hash,
    };
    const row = await tx.quiz.upsert({
      where: { courseId_slug: { courseId: course.id, slug } },
      create: { courseId: course.id, slug, ...settings },
      update: settings,
      select: { id: true },
    });
    const inPool = new Set<string>();
    for (const question of quiz.questions) {
      inPool.add(question.id);
      const definition = question as unknown as Prisma.InputJsonValue;
      const questionHash = hashQuestion(question);
      const owner = await tx.question.findUnique({ where: { id: question.id }, select: { quizId: true } });
      if (owner && owner.quizId !== row.id) throw new ContentError(`${file}: question id "${question.id}" is used by two quizzes; ids must be unique`);
      await tx.question.upsert({
        where: { id: question.id },
        create: { id: question.id, quizId: row.id, currentVersion: question.version, lessonSlug: question.lesson, type: question.type },
        update: { currentVersion: question.version, lessonSlug: question.lesson, type: question.type, archivedAt: null },
      });
      const version = await tx.questionVersion.findUnique({
        where: { questionId_version: { questionId: question.id, version: question.version } },
        select: { contentHash: true },
      });
      if (!version) {
        await tx.questionVersion.create({ data: { questionId: question.id, version: question.version, contentHash: questionHash, definition } });
        changed++;
      } else if (version.contentHash !== questionHash) {
        // Attempts record the version they answered; a silent edit would regrade history.
        throw new ContentError(
          `${file}: question "${question.id}" changed but is still version ${question.version}: give it version ${question.version + 1} (then regrade from the admin console if its key changed)`,
        );
      }
    }
    await tx.question.updateMany({ where: { quizId: row.id, id: { notIn: [...inPool] } }, data: { archivedAt: new Date() } });
  }
  return changed;
}

/**
 * Retires a course (decision 010): it leaves the catalog, its in-progress attempts are closed
 * without a grade (so no credit can follow), and every record (progress, graded attempts,
 * credit, certificates) stays. Idempotent: retiring a retired course changes nothing.
 */
async function retireCourse(tx: TTx, courseId: string, slug: string, now: Date): Promise<number> {
  const retired = await tx.course.updateMany({ where: { id: courseId, archivedAt: null }, data: { archivedAt: now } });
  if (retired.count === 0) return 0;
  await clearLessonSections(tx, courseId);
  const closed = await tx.quizAttempt.updateMany({ where: { status: "IN_PROGRESS", quiz: { courseId } }, data: { status: "CLOSED" } });
  await recordAudit(tx, { actorId: null, action: "course.retire", targetType: "course", targetId: courseId, data: { slug, closedAttempts: closed.count } });
  return closed.count;
}

export type TSyncOptions = {
  /** Retire courses in the database whose folder is gone. On when the courses come from disk. */
  retireMissing?: boolean;
  now?: Date;
};

export async function syncContent(db: TDb, courses?: TCourseSource[], options: TSyncOptions = {}): Promise<TSyncResult> {
  const retireMissing = options.retireMissing ?? courses === undefined;
  const sources = courses ?? loadAllCourses({ fresh: true });
  const now = options.now ?? new Date();
  // An empty or mistyped CONTENT_DIR must not read as "every course was removed".
  if (retireMissing && sources.length === 0) throw new ContentError("no courses found under content/courses; refusing to retire every course");
  let changed = 0;
  let closedAttempts = 0;
  const retired: string[] = [];
  await db.$transaction(
    async (tx) => {
      await lockKeyForTransaction(tx, SYNC_LOCK_KEY);
      const live = sources.filter((c) => c.frontmatter.status !== "retired");
      for (const course of live) {
        changed += await syncCourse(tx, course);
        // The search index, in the same transaction: never out of step with the lessons.
        await replaceLessonSections(tx, course);
      }
      const present = new Set(live.map((c) => c.slug));
      const retiring = sources.filter((c) => c.frontmatter.status === "retired").map((c) => c.slug);
      const candidates = await tx.course.findMany({
        where: {
          archivedAt: null,
          OR: [{ slug: { in: retiring } }, ...(retireMissing ? [{ slug: { notIn: [...present] } }] : [])],
        },
        select: { id: true, slug: true },
      });
      for (const course of candidates) {
        closedAttempts += await retireCourse(tx, course.id, course.slug, now);
        retired.push(course.slug);
      }
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
  const live = sources.filter((c) => c.frontmatter.status !== "retired");
  return {
    courses: live.length,
    lessons: live.reduce((n, c) => n + c.lessons.length, 0),
    quizzes: live.reduce((n, c) => n + c.quizzes.length, 0),
    changed,
    retired,
    closedAttempts,
  };
}
