-- The award registry's default order, newest decision first, read from an index (issue 9, "lists
-- that grow with the data"): on the province database (251,605 awards) the registry's first page
-- sorted every award the viewer may read by its decision's date (a join, then an external merge
-- sort on disk: 1.4 s). "signedOn" is the decision's date carried on each award row. Decisions are
-- immutable (award_decision_immutable, migration 20261202010000) and so are awards, so the copy
-- is set once, by a trigger, from the decision, whoever inserts the award (the union's and the
-- BCH's decisions, recorded state decisions, seeds and the province generator alike); the column's
-- default only lets Prisma's create leave it out.
ALTER TABLE "Award" ADD COLUMN "signedOn" DATE NOT NULL DEFAULT CURRENT_DATE;

CREATE OR REPLACE FUNCTION award_signed_on() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  NEW."signedOn" := (SELECT d."signedOn" FROM "AwardDecision" d WHERE d."id" = NEW."decisionId");
  RETURN NEW;
END
$fn$;

CREATE TRIGGER award_signed_on
BEFORE INSERT ON "Award"
FOR EACH ROW EXECUTE FUNCTION award_signed_on();

-- Existing rows: only the new derived column is filled, so the immutability and summary triggers
-- stand aside for this one statement.
ALTER TABLE "Award" DISABLE TRIGGER USER;
UPDATE "Award" a SET "signedOn" = d."signedOn" FROM "AwardDecision" d WHERE d."id" = a."decisionId";
ALTER TABLE "Award" ENABLE TRIGGER USER;

CREATE INDEX "Award_signedOn_recipientSortKey_id_idx" ON "Award"("signedOn" DESC, "recipientSortKey", "id");
