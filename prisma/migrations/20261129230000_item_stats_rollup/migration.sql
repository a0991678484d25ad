-- Item analysis kept up to date by folding (docs/decisions/016-item-analysis-rollup.md).
-- The tables start empty with no watermark: the first report read of each quiz builds its rollup.

CREATE TABLE "ItemStatsWatermark" (
    "quizId" TEXT NOT NULL,
    "gradedBefore" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "ItemStatsWatermark_pkey" PRIMARY KEY ("quizId")
);

CREATE TABLE "ItemScoreRollup" (
    "quizId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "earned" INTEGER NOT NULL,
    "answers" INTEGER NOT NULL,
    "blanks" INTEGER NOT NULL,
    CONSTRAINT "ItemScoreRollup_pkey" PRIMARY KEY ("quizId", "questionId", "total", "earned")
);

CREATE TABLE "ItemChoiceRollup" (
    "quizId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "choice" TEXT NOT NULL,
    "answers" INTEGER NOT NULL,
    CONSTRAINT "ItemChoiceRollup_pkey" PRIMARY KEY ("quizId", "questionId", "choice")
);

ALTER TABLE "ItemStatsWatermark" ADD CONSTRAINT "ItemStatsWatermark_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ItemScoreRollup" ADD CONSTRAINT "ItemScoreRollup_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ItemChoiceRollup" ADD CONSTRAINT "ItemChoiceRollup_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Folding and the report's live part find a quiz's attempts graded in a time range.
CREATE INDEX IF NOT EXISTS "QuizAttempt_quizId_gradedAt_idx" ON "QuizAttempt" ("quizId", "gradedAt");

-- Deleting graded attempts (a user deleted or erased: QuizAttempt cascades from User) would leave
-- their answers counted in the rollup: such a statement resets the affected quizzes' watermarks,
-- so their next report read rebuilds. Statement-level, and only on DELETE: submission and grading
-- (INSERT/UPDATE) pay nothing. Its UPDATE of the watermark row waits for a fold holding that row
-- (lib/quiz/item-stats.server.ts locks it), so a fold cannot commit a watermark over a deletion.
CREATE FUNCTION "item_stats_forget_deleted_attempts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The watermark row first, unconditionally: this waits for a fold in progress (which holds the
  -- row) to commit, and then the rollup rows it wrote are deleted too.
  UPDATE "ItemStatsWatermark" SET "gradedBefore" = NULL, "updatedAt" = now()
    WHERE "quizId" IN (SELECT DISTINCT "quizId" FROM deleted WHERE status = 'GRADED');
  DELETE FROM "ItemScoreRollup" WHERE "quizId" IN (SELECT DISTINCT "quizId" FROM deleted WHERE status = 'GRADED');
  DELETE FROM "ItemChoiceRollup" WHERE "quizId" IN (SELECT DISTINCT "quizId" FROM deleted WHERE status = 'GRADED');
  RETURN NULL;
END $$;

CREATE TRIGGER "QuizAttempt_item_stats_forget_deleted"
  AFTER DELETE ON "QuizAttempt" REFERENCING OLD TABLE AS deleted
  FOR EACH STATEMENT EXECUTE FUNCTION "item_stats_forget_deleted_attempts"();
