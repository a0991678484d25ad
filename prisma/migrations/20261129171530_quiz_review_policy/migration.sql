-- AlterTable
ALTER TABLE "Quiz" ADD COLUMN     "reviewPolicy" JSONB;
