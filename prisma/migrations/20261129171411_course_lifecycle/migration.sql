-- Course lifecycle (docs/decisions/010): attempts closed without a grade when their course is
-- retired, and the author's changelog shown to trainers who completed an earlier version.

-- AlterEnum
ALTER TYPE "AttemptStatus" ADD VALUE 'CLOSED';

-- AlterTable
ALTER TABLE "Course" ADD COLUMN     "changelog" JSONB NOT NULL DEFAULT '[]';
