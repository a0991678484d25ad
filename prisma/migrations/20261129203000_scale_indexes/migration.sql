-- Indexes found with EXPLAIN (ANALYZE, BUFFERS) against 100,000 seeded trainers (2M ledger rows,
-- 52,000 course completions); docs/performance.md, "Data at scale", has the plans.

-- A trainer's ledger rows with the columns the cycle reads (dashboard overview, admin trainers
-- list and its CSV export): an index-only scan instead of one heap fetch per entry (the ledger is
-- append-only, so its pages stay all-visible after vacuum). Supersedes
-- "CreditEntry_userId_occurredAt_idx", which is left for a later, non-additive change to drop.
CREATE INDEX IF NOT EXISTS "CreditEntry_userId_occurredAt_cover_idx"
  ON "CreditEntry" ("userId", "occurredAt") INCLUDE ("certifyingBody", "certificationId", "amountHundredths");

-- The provider-records page and CSV walk completions in (completedAt, id) order, a page at a time
-- (keyset): without this each page sorted the whole table (280 ms a page at 52,000 rows).
CREATE INDEX IF NOT EXISTS "CourseCompletion_completedAt_id_idx" ON "CourseCompletion" ("completedAt", "id");
