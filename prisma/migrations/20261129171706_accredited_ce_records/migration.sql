-- Accredited CE records (docs/decisions/007): course accreditation stored with each revision,
-- estimated lesson time, observed time per trainer and lesson, the final's attestation, the
-- provider number on certificates, and one append-only completion record per trainer and course.

-- AlterTable
ALTER TABLE "Course" ADD COLUMN     "accreditation" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "CourseRevision" ADD COLUMN     "accreditation" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "contactMinutes" INTEGER;

-- AlterTable
ALTER TABLE "Lesson" ADD COLUMN     "estimatedSeconds" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "LessonProgress" ADD COLUMN     "lastBeatAt" TIMESTAMP(3),
ADD COLUMN     "observedSeconds" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "QuizAttempt" ADD COLUMN     "attestedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Certificate" ADD COLUMN     "providerNumber" TEXT;

-- CreateTable
CREATE TABLE "CourseCompletion" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "courseRevision" INTEGER NOT NULL,
    "courseVersion" TEXT NOT NULL,
    "certifyingBody" "CertifyingBody",
    "certificationNumber" TEXT,
    "providerNumber" TEXT,
    "approvalNumber" TEXT,
    "creditHundredths" INTEGER NOT NULL,
    "creditEntryId" TEXT,
    "contactMinutes" INTEGER NOT NULL,
    "attemptId" TEXT,
    "scorePercent" INTEGER,
    "attestedAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3) NOT NULL,
    "evidence" JSONB NOT NULL,

    CONSTRAINT "CourseCompletion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CourseCompletion_creditEntryId_key" ON "CourseCompletion"("creditEntryId");

-- CreateIndex
CREATE INDEX "CourseCompletion_courseId_completedAt_idx" ON "CourseCompletion"("courseId", "completedAt");

-- CreateIndex
CREATE UNIQUE INDEX "CourseCompletion_userId_courseId_key" ON "CourseCompletion"("userId", "courseId");

-- AddForeignKey
ALTER TABLE "CourseCompletion" ADD CONSTRAINT "CourseCompletion_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseCompletion" ADD CONSTRAINT "CourseCompletion_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Records a body may audit are kept, never edited: corrections go through the credit ledger.
CREATE TRIGGER "CourseCompletion_append_only"
  BEFORE UPDATE OR DELETE ON "CourseCompletion"
  FOR EACH ROW EXECUTE FUNCTION backbone_refuse_change();

ALTER TABLE "LessonProgress" ADD CONSTRAINT "LessonProgress_observed_nonnegative" CHECK ("observedSeconds" >= 0);
ALTER TABLE "CourseCompletion" ADD CONSTRAINT "CourseCompletion_credit_nonnegative" CHECK ("creditHundredths" >= 0);
