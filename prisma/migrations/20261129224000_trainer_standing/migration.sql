-- Issue #21: the admin trainers list at 100,000 trainers (docs/decisions/017-trainer-standing.md).

-- 1. Each trainer's standing in the current cycle of their primary certification (the one
-- TrainerProfile mirrors), as lib/credits/cycle.ts defines it, stored so the list can filter and
-- sort on it with indexes instead of computing every trainer's cycle from the whole ledger.
--
-- The figures are written only by lib/admin/trainer-query.sql.server.ts (refreshTrainerStandings,
-- the SQL twin of the cycle rule). A row is valid for instants in ["validFrom", "validUntil"): the
-- current cycle's bounds. The triggers below make a row stale ("validUntil" = -infinity, version
-- + 1) in the same transaction as every write its figures depend on, so no writer can forget;
-- the list recomputes the stale rows (and those whose cycle has ended) before it reads.
CREATE TABLE "TrainerStanding" (
  "userId" TEXT NOT NULL,
  "version" INTEGER NOT NULL DEFAULT 0,
  "validFrom" TIMESTAMP(3) NOT NULL DEFAULT '-infinity',
  "validUntil" TIMESTAMP(3) NOT NULL DEFAULT '-infinity',
  "certifyingBody" "CertifyingBody" NOT NULL,
  "timeZone" TEXT NOT NULL DEFAULT 'UTC',
  "startsOn" DATE,
  "endsOn" DATE,
  "requiredHundredths" INTEGER NOT NULL DEFAULT 0,
  "earnedHundredths" INTEGER NOT NULL DEFAULT 0,
  "carriedInHundredths" INTEGER NOT NULL DEFAULT 0,
  "countedHundredths" INTEGER NOT NULL DEFAULT 0,
  "met" BOOLEAN NOT NULL DEFAULT false,
  CONSTRAINT "TrainerStanding_pkey" PRIMARY KEY ("userId"),
  CONSTRAINT "TrainerStanding_userId_fkey" FOREIGN KEY ("userId") REFERENCES "TrainerProfile"("userId") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Counts of the list are index-only scans of this table, fast only while its pages are marked
-- all-visible; every recompute rewrites rows (a day's cycle ends, the day's writes). Vacuum it after
-- a few hundred rewrites, not after the default 20 % of the table (measured at 100,000 rows: the
-- unfiltered count took 475 ms with 89,238 heap fetches after 2,650 scattered rewrites, 54 ms vacuumed).
ALTER TABLE "TrainerStanding" SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 200, autovacuum_analyze_scale_factor = 0.02);
-- The rows to recompute: stale or outside their cycle at the moment of the request.
CREATE INDEX "TrainerStanding_validUntil_idx" ON "TrainerStanding" ("validUntil");
CREATE INDEX "TrainerStanding_validFrom_idx" ON "TrainerStanding" ("validFrom");
-- Filter by body and met / not met, sorted by the cycle's end or the credit counted.
CREATE INDEX "TrainerStanding_body_met_endsOn_idx" ON "TrainerStanding" ("certifyingBody", "met", "endsOn", "userId");
CREATE INDEX "TrainerStanding_endsOn_userId_idx" ON "TrainerStanding" ("endsOn", "userId");
CREATE INDEX "TrainerStanding_counted_idx" ON "TrainerStanding" ("countedHundredths", "userId");

CREATE OR REPLACE FUNCTION backbone_standing_stale(ids TEXT[]) RETURNS void AS $$
  UPDATE "TrainerStanding" SET "validUntil" = '-infinity', "version" = "version" + 1
  WHERE "userId" = ANY(ids);
$$ LANGUAGE sql;

-- A new trainer profile: a stale row (computed at the next read of the list).
CREATE OR REPLACE FUNCTION backbone_standing_profile_insert() RETURNS trigger AS $$
BEGIN
  INSERT INTO "TrainerStanding" ("userId", "certifyingBody")
  SELECT n."userId", n."certifyingBody" FROM new_rows n
  ON CONFLICT ("userId") DO UPDATE SET "validUntil" = '-infinity', "version" = "TrainerStanding"."version" + 1,
    "certifyingBody" = EXCLUDED."certifyingBody";
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "TrainerProfile_standing_insert"
  AFTER INSERT ON "TrainerProfile" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION backbone_standing_profile_insert();

-- Body, date first certified or stated expiry changed (the primary certification changed).
CREATE OR REPLACE FUNCTION backbone_standing_profile_update() RETURNS trigger AS $$
BEGIN
  UPDATE "TrainerStanding" SET "validUntil" = '-infinity', "version" = "version" + 1, "certifyingBody" = NEW."certifyingBody"
  WHERE "userId" = NEW."userId";
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "TrainerProfile_standing_update"
  AFTER UPDATE ON "TrainerProfile"
  FOR EACH ROW EXECUTE FUNCTION backbone_standing_profile_update();

-- Ledger rows (append-only, so inserts only): one statement may insert many (the large seed).
CREATE OR REPLACE FUNCTION backbone_standing_ledger_insert() RETURNS trigger AS $$
BEGIN
  PERFORM backbone_standing_stale(ARRAY(SELECT DISTINCT n."userId" FROM new_rows n));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "CreditEntry_standing_insert"
  AFTER INSERT ON "CreditEntry" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION backbone_standing_ledger_insert();

-- A certification added, edited, retired or removed: which entries count may change.
CREATE OR REPLACE FUNCTION backbone_standing_certification_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM backbone_standing_stale(ARRAY[OLD."userId"]);
  ELSE
    PERFORM backbone_standing_stale(CASE WHEN TG_OP = 'UPDATE' AND OLD."userId" <> NEW."userId" THEN ARRAY[OLD."userId", NEW."userId"] ELSE ARRAY[NEW."userId"] END);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Certification_standing_change"
  AFTER INSERT OR UPDATE OR DELETE ON "Certification"
  FOR EACH ROW EXECUTE FUNCTION backbone_standing_certification_change();

-- The trainer's time zone moves local midnights, so the cycle bounds.
CREATE OR REPLACE FUNCTION backbone_standing_zone_change() RETURNS trigger AS $$
BEGIN
  PERFORM backbone_standing_stale(ARRAY[NEW.id]);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "User_standing_zone_change"
  AFTER UPDATE OF "timeZone" ON "User"
  FOR EACH ROW WHEN (OLD."timeZone" IS DISTINCT FROM NEW."timeZone")
  EXECUTE FUNCTION backbone_standing_zone_change();

-- Backfill: a stale row per existing trainer profile, computed at the first read of the list
-- (prisma/seed-large.ts computes them right after seeding).
INSERT INTO "TrainerStanding" ("userId", "certifyingBody")
SELECT "userId", "certifyingBody" FROM "TrainerProfile"
ON CONFLICT ("userId") DO NOTHING;

-- 2. Search: substring matches on name, email and certification number through trigram indexes
-- on the very expressions the list's search compares (lower(name), email, upper(number)).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS "User_name_trgm_idx" ON "User" USING gin (lower("name") gin_trgm_ops);
CREATE INDEX IF NOT EXISTS "User_email_trgm_idx" ON "User" USING gin ("email" gin_trgm_ops);
CREATE INDEX IF NOT EXISTS "TrainerProfile_certificationNumber_trgm_idx" ON "TrainerProfile" USING gin (upper("certificationNumber") gin_trgm_ops);
