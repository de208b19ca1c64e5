-- The award registry in Vietnamese order (issue 11: "Đặng…" came after every name in Z when sorted
-- by "recipientName" in the database's byte order). "recipientSortKey" is the same ASCII key as
-- Member."sortKey" (vi_sort_key, migration 20261202150000; lib/format.ts vietnameseSortKey), kept by
-- a trigger so that every writer of Award (decisions of the union, of the school's BCH, recorded
-- state decisions, the seed) stays right without carrying it.
ALTER TABLE "Award" ADD COLUMN "recipientSortKey" TEXT NOT NULL DEFAULT '';

CREATE OR REPLACE FUNCTION award_recipient_sort_key() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  NEW."recipientSortKey" := vi_sort_key(NEW."recipientName");
  RETURN NEW;
END
$fn$;

CREATE TRIGGER award_recipient_sort_key
BEFORE INSERT OR UPDATE OF "recipientName", "recipientSortKey" ON "Award"
FOR EACH ROW EXECUTE FUNCTION award_recipient_sort_key();

-- Issued awards refuse UPDATE (award_immutable) and feed the tally (award_tally_upd): the backfill
-- only fills the new derived column, so those two triggers stand aside for this one statement.
ALTER TABLE "Award" DISABLE TRIGGER award_immutable;
ALTER TABLE "Award" DISABLE TRIGGER award_tally_upd;
UPDATE "Award" SET "recipientSortKey" = vi_sort_key("recipientName");
ALTER TABLE "Award" ENABLE TRIGGER award_immutable;
ALTER TABLE "Award" ENABLE TRIGGER award_tally_upd;

CREATE INDEX "Award_recipientSortKey_idx" ON "Award"("recipientSortKey");

-- The same for the nominees of a package (decision screens, ballots, the council's lists).
ALTER TABLE "NominationItem" ADD COLUMN "nomineeSortKey" TEXT NOT NULL DEFAULT '';

CREATE OR REPLACE FUNCTION nomination_item_sort_key() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  NEW."nomineeSortKey" := vi_sort_key(NEW."nomineeName");
  RETURN NEW;
END
$fn$;

CREATE TRIGGER nomination_item_sort_key
BEFORE INSERT OR UPDATE OF "nomineeName", "nomineeSortKey" ON "NominationItem"
FOR EACH ROW EXECUTE FUNCTION nomination_item_sort_key();

ALTER TABLE "NominationItem" DISABLE TRIGGER nomination_item_decided_immutable;
UPDATE "NominationItem" SET "nomineeSortKey" = vi_sort_key("nomineeName");
ALTER TABLE "NominationItem" ENABLE TRIGGER nomination_item_decided_immutable;

CREATE INDEX "NominationItem_nomineeSortKey_idx" ON "NominationItem"("nomineeSortKey");
