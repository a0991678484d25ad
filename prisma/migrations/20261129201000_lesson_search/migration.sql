-- Full-text search over lessons (issue 20): one row per lesson section (the text under an h2/h3
-- heading, or before the first heading), rebuilt by the content sync in its own transaction.
-- The tsvector is a generated column, so it can never disagree with the text it indexes; the
-- heading weighs more (A) than the body (B) when ranking.
CREATE TABLE "LessonSection" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "lessonId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "heading" TEXT NOT NULL,
    "anchor" TEXT,
    "body" TEXT NOT NULL,
    "search" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, "heading"), 'A') ||
        setweight(to_tsvector('english'::regconfig, "body"), 'B')
    ) STORED,

    CONSTRAINT "LessonSection_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "LessonSection_lessonId_position_key" ON "LessonSection"("lessonId", "position");
CREATE INDEX "LessonSection_courseId_idx" ON "LessonSection"("courseId");
CREATE INDEX "LessonSection_search_idx" ON "LessonSection" USING GIN ("search");

ALTER TABLE "LessonSection" ADD CONSTRAINT "LessonSection_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "LessonSection" ADD CONSTRAINT "LessonSection_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "Lesson"("id") ON DELETE CASCADE ON UPDATE CASCADE;
