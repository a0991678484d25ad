-- The credit ledger and the audit log are append-only: corrections are new rows
-- (adjustments, reversals), never edits. Enforce it in the database so no code path,
-- script or console session can rewrite history by accident.
CREATE OR REPLACE FUNCTION backbone_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'raise_exception';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "CreditEntry_append_only"
  BEFORE UPDATE OR DELETE ON "CreditEntry"
  FOR EACH ROW EXECUTE FUNCTION backbone_refuse_change();

CREATE TRIGGER "AuditLog_append_only"
  BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION backbone_refuse_change();

-- Amounts are hundredths of a CEC; an award is never negative, an adjustment never zero.
ALTER TABLE "CreditEntry" ADD CONSTRAINT "CreditEntry_amount_sign"
  CHECK ((kind <> 'AWARD' OR "amountHundredths" > 0) AND (kind <> 'ADJUSTMENT' OR "amountHundredths" <> 0));
ALTER TABLE "CreditEntry" ADD CONSTRAINT "CreditEntry_award_course"
  CHECK ((kind = 'AWARD') = ("awardCourseId" IS NOT NULL));
