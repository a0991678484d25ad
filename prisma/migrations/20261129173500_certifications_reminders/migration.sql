-- Several certifications per trainer, each ledger entry tied to one, CPR/AED cards, renewal
-- reminders sent at most once, and in-app notices. See docs/decisions/013.

-- AlterTable
ALTER TABLE "User" ADD COLUMN "remindersOffAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN "headers" JSONB;

-- CreateTable
CREATE TABLE "Certification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "certifyingBody" "CertifyingBody" NOT NULL,
    "certificationNumber" TEXT NOT NULL,
    "firstCertifiedOn" DATE NOT NULL,
    "expiresOn" DATE,
    "retiredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Certification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CprAedCard" (
    "userId" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "expiresOn" DATE NOT NULL,
    "fileName" TEXT,
    "fileType" TEXT,
    "fileBytes" BYTEA,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CprAedCard_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "ReminderSent" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "periodEnd" DATE NOT NULL,
    "stage" INTEGER NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderSent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notice" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "href" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "mailedAt" TIMESTAMP(3),
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
);

-- AlterTable
ALTER TABLE "CreditEntry" ADD COLUMN "certificationId" TEXT;

-- CreateIndex
CREATE INDEX "Certification_userId_retiredAt_idx" ON "Certification"("userId", "retiredAt");

-- One active certification per body and trainer (not expressible in the Prisma schema).
CREATE UNIQUE INDEX "Certification_one_active_per_body" ON "Certification"("userId", "certifyingBody") WHERE "retiredAt" IS NULL;

-- CreateIndex
CREATE UNIQUE INDEX "ReminderSent_userId_subject_periodEnd_stage_key" ON "ReminderSent"("userId", "subject", "periodEnd", "stage");

-- CreateIndex
CREATE INDEX "Notice_userId_createdAt_idx" ON "Notice"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Notice_mailedAt_idx" ON "Notice"("mailedAt");

-- AddForeignKey
ALTER TABLE "Certification" ADD CONSTRAINT "Certification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CprAedCard" ADD CONSTRAINT "CprAedCard_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderSent" ADD CONSTRAINT "ReminderSent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditEntry" ADD CONSTRAINT "CreditEntry_certificationId_fkey" FOREIGN KEY ("certificationId") REFERENCES "Certification"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Data: every existing profile becomes its trainer's first (primary) certification, field for
-- field; its creation time is the account's, so it stays the earliest (= primary) row.
INSERT INTO "Certification" ("id", "userId", "certifyingBody", "certificationNumber", "firstCertifiedOn", "expiresOn", "createdAt", "updatedAt")
SELECT 'mig' || substr(md5(p."userId" || ':' || p."certifyingBody"::text), 1, 22), p."userId", p."certifyingBody",
       p."certificationNumber", p."firstCertifiedOn", p."certificationExpiresOn", u."createdAt", p."updatedAt"
FROM "TrainerProfile" p JOIN "User" u ON u.id = p."userId";

-- Credit earned under a body the trainer no longer holds (they changed body) stays that body's:
-- it gets a retired certification of its own instead of moving to the current one.
INSERT INTO "Certification" ("id", "userId", "certifyingBody", "certificationNumber", "firstCertifiedOn", "retiredAt", "createdAt", "updatedAt")
SELECT 'mig' || substr(md5(e."userId" || ':' || e."certifyingBody"::text), 1, 22), e."userId", e."certifyingBody",
       'not recorded', min(e."occurredAt")::date, CURRENT_TIMESTAMP, min(e."occurredAt"), CURRENT_TIMESTAMP
FROM "CreditEntry" e
WHERE NOT EXISTS (SELECT 1 FROM "Certification" c WHERE c."userId" = e."userId" AND c."certifyingBody" = e."certifyingBody")
GROUP BY e."userId", e."certifyingBody";

-- Backfill: each entry belongs to its trainer's certification of the entry's body. The ledger is
-- append-only; this one-time backfill sets a new column on existing rows, nothing else.
ALTER TABLE "CreditEntry" DISABLE TRIGGER "CreditEntry_append_only";
UPDATE "CreditEntry" e SET "certificationId" = c.id
FROM "Certification" c WHERE c."userId" = e."userId" AND c."certifyingBody" = e."certifyingBody";
ALTER TABLE "CreditEntry" ENABLE TRIGGER "CreditEntry_append_only";

-- "Once, ever" is now per certification: one completion credits each certification once.
DROP INDEX "CreditEntry_userId_awardCourseId_key";
CREATE UNIQUE INDEX "CreditEntry_certificationId_awardCourseId_key" ON "CreditEntry"("certificationId", "awardCourseId");
CREATE INDEX "CreditEntry_userId_awardCourseId_idx" ON "CreditEntry"("userId", "awardCourseId");

-- Compatibility for writers that predate certifications (admin adjustments, reversals, bulk
-- seeds): an entry inserted without a certification gets one here, by the same rule as the
-- backfill. A reversal belongs to the certification of the entry it reverses; otherwise the
-- trainer's active certification of the entry's body; otherwise a retired one of that body
-- (created if needed, as above). Code that knows the certification always passes it.
CREATE OR REPLACE FUNCTION backbone_credit_certification() RETURNS trigger AS $$
DECLARE
  found TEXT;
BEGIN
  IF NEW."certificationId" IS NOT NULL THEN
    RETURN NEW;
  END IF;
  IF NEW."reversesEntryId" IS NOT NULL THEN
    SELECT "certificationId" INTO found FROM "CreditEntry" WHERE id = NEW."reversesEntryId";
  END IF;
  IF found IS NULL THEN
    SELECT id INTO found FROM "Certification"
      WHERE "userId" = NEW."userId" AND "certifyingBody" = NEW."certifyingBody"
      ORDER BY ("retiredAt" IS NULL) DESC, "retiredAt" DESC, "createdAt" ASC, id ASC LIMIT 1;
  END IF;
  IF found IS NULL THEN
    found := 'mig' || substr(md5(NEW."userId" || ':' || NEW."certifyingBody"::text), 1, 22);
    INSERT INTO "Certification" ("id", "userId", "certifyingBody", "certificationNumber", "firstCertifiedOn", "retiredAt", "updatedAt")
    VALUES (found, NEW."userId", NEW."certifyingBody", 'not recorded', NEW."occurredAt"::date, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
    ON CONFLICT (id) DO NOTHING;
  END IF;
  NEW."certificationId" := found;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "CreditEntry_certification"
  BEFORE INSERT ON "CreditEntry"
  FOR EACH ROW EXECUTE FUNCTION backbone_credit_certification();

-- Every entry names its certification from now on (a NULL would escape the unique pair above).
ALTER TABLE "CreditEntry" ADD CONSTRAINT "CreditEntry_certification_required" CHECK ("certificationId" IS NOT NULL);

-- TrainerProfile stays as the trainer's primary certification (lib/certifications keeps it equal
-- to the first active certification). A profile written directly (older code, bulk seeds) still
-- gets its certification row.
CREATE OR REPLACE FUNCTION backbone_profile_certification() RETURNS trigger AS $$
BEGIN
  INSERT INTO "Certification" ("id", "userId", "certifyingBody", "certificationNumber", "firstCertifiedOn", "expiresOn", "updatedAt")
  VALUES ('prf' || substr(md5(NEW."userId" || ':' || NEW."certifyingBody"::text || ':' || clock_timestamp()::text), 1, 22),
          NEW."userId", NEW."certifyingBody", NEW."certificationNumber", NEW."firstCertifiedOn", NEW."certificationExpiresOn", CURRENT_TIMESTAMP)
  ON CONFLICT ("userId", "certifyingBody") WHERE "retiredAt" IS NULL DO NOTHING;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "TrainerProfile_certification"
  AFTER INSERT ON "TrainerProfile"
  FOR EACH ROW EXECUTE FUNCTION backbone_profile_certification();
