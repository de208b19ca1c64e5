-- Issue 9 (scale and speed): the awards reports (lib/reports/queries.ts) read a precomputed
-- tally instead of every Award row joined to its member. "AwardTally" holds, per decision and
-- school, the number of award rows ("lượt") by title, level, kind of recipient and the member's
-- gender and position (chức vụ) — the Award × Member part of the reports' grouping. Everything
-- else the reports read (the decision's date, side and issuer, the school's upper unit,
-- revocations) is joined live, so revocations, issuers and school moves need no upkeep here.
--
-- Kept equal to the live count by triggers, in the same transaction as the write that feeds it:
--   - Award INSERT / UPDATE / DELETE (issued and recorded decisions; Award is insert-only, see
--     20261202010000_immutable_records, but the tally follows any change all the same);
--   - Member UPDATE of gender or position (the reports count the member's current ones).
-- Statement-level triggers with transition tables: a decision of 5,000 awards or a bulk insert
-- (scripts/province-sql) is one grouped upsert, not one per row.
-- Proof: tests/integration/award-tally.int.test.ts compares the tally with the live grouping of
-- Award × Member after every kind of write (PostgreSQL and PGlite).

CREATE TABLE "AwardTally" (
    "id" SERIAL NOT NULL,
    "decisionId" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "titleCode" TEXT NOT NULL,
    "level" "AwardLevel" NOT NULL,
    "subject" "NomineeKind" NOT NULL,
    "gender" "Gender",
    "position" TEXT,
    "n" INTEGER NOT NULL,

    CONSTRAINT "AwardTally_pkey" PRIMARY KEY ("id")
);

-- One row per group; a collective award (no member) has gender and position NULL, and NULLs are
-- one group here as in GROUP BY (NULLS NOT DISTINCT, so ON CONFLICT finds the row).
CREATE UNIQUE INDEX "AwardTally_group_key"
  ON "AwardTally"("decisionId", "schoolId", "titleCode", "level", "subject", "gender", "position") NULLS NOT DISTINCT;
CREATE INDEX "AwardTally_schoolId_idx" ON "AwardTally"("schoolId");

-- Adds (sign 1) or takes away (sign -1) grouped counts; rows that reach 0 are removed.
CREATE FUNCTION award_tally_apply(delta jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "AwardTally" ("decisionId", "schoolId", "titleCode", "level", "subject", "gender", "position", "n")
  SELECT x."decisionId", x."schoolId", x."titleCode", x."level"::"AwardLevel", x."subject"::"NomineeKind", x."gender"::"Gender", x."position", x."n"
  FROM jsonb_to_recordset(delta) AS x("decisionId" text, "schoolId" text, "titleCode" text, "level" text, "subject" text, "gender" text, "position" text, "n" int)
  WHERE x."n" <> 0
  ON CONFLICT ("decisionId", "schoolId", "titleCode", "level", "subject", "gender", "position")
  DO UPDATE SET "n" = "AwardTally"."n" + EXCLUDED."n";
  DELETE FROM "AwardTally" t
  USING jsonb_to_recordset(delta) AS x("decisionId" text, "schoolId" text)
  WHERE t."decisionId" = x."decisionId" AND t."schoolId" = x."schoolId" AND t."n" <= 0;
END $$;

-- Award rows written: lock their members (FOR SHARE waits for a concurrent change of a member's
-- gender/position to commit, which then sees these awards), then add them under the member's values.
CREATE FUNCTION award_tally_award_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "Member" m WHERE m."id" IN (SELECT "memberId" FROM award_new) FOR SHARE;
  PERFORM award_tally_apply((
    SELECT coalesce(jsonb_agg(g), '[]'::jsonb) FROM (
      SELECT a."decisionId", a."schoolId", a."titleCode", a."level", a."subject", m."gender", m."position", count(*)::int AS "n"
      FROM award_new a LEFT JOIN "Member" m ON m."id" = a."memberId"
      GROUP BY 1, 2, 3, 4, 5, 6, 7) g));
  RETURN NULL;
END $$;

CREATE FUNCTION award_tally_award_del() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM award_tally_apply((
    SELECT coalesce(jsonb_agg(g), '[]'::jsonb) FROM (
      SELECT a."decisionId", a."schoolId", a."titleCode", a."level", a."subject", m."gender", m."position", -count(*)::int AS "n"
      FROM award_old a LEFT JOIN "Member" m ON m."id" = a."memberId"
      GROUP BY 1, 2, 3, 4, 5, 6, 7) g));
  RETURN NULL;
END $$;

CREATE FUNCTION award_tally_award_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "Member" m WHERE m."id" IN (SELECT "memberId" FROM award_new) FOR SHARE;
  PERFORM award_tally_apply((
    SELECT coalesce(jsonb_agg(g), '[]'::jsonb) FROM (
      SELECT a."decisionId", a."schoolId", a."titleCode", a."level", a."subject", m."gender", m."position", sum(a.sign)::int AS "n"
      FROM (SELECT o."decisionId", o."schoolId", o."titleCode", o."level", o."subject", o."memberId", -1 AS sign FROM award_old o
            UNION ALL
            SELECT w."decisionId", w."schoolId", w."titleCode", w."level", w."subject", w."memberId", 1 FROM award_new w) a
      LEFT JOIN "Member" m ON m."id" = a."memberId"
      GROUP BY 1, 2, 3, 4, 5, 6, 7) g));
  RETURN NULL;
END $$;

-- A member's gender or position changed: move their awards from the old group to the new one.
CREATE FUNCTION award_tally_member_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM member_old o JOIN member_new w ON w."id" = o."id"
                 WHERE o."gender" IS DISTINCT FROM w."gender" OR o."position" IS DISTINCT FROM w."position") THEN
    RETURN NULL;
  END IF;
  PERFORM award_tally_apply((
    SELECT coalesce(jsonb_agg(g), '[]'::jsonb) FROM (
      SELECT a."decisionId", a."schoolId", a."titleCode", a."level", a."subject", c."gender", c."position", sum(c.sign)::int AS "n"
      FROM (SELECT o."id", o."gender", o."position", -1 AS sign FROM member_old o JOIN member_new w ON w."id" = o."id"
              WHERE o."gender" IS DISTINCT FROM w."gender" OR o."position" IS DISTINCT FROM w."position"
            UNION ALL
            SELECT w."id", w."gender", w."position", 1 FROM member_old o JOIN member_new w ON w."id" = o."id"
              WHERE o."gender" IS DISTINCT FROM w."gender" OR o."position" IS DISTINCT FROM w."position") c
      JOIN "Award" a ON a."memberId" = c."id"
      GROUP BY 1, 2, 3, 4, 5, 6, 7) g));
  RETURN NULL;
END $$;

CREATE TRIGGER award_tally_ins AFTER INSERT ON "Award" REFERENCING NEW TABLE AS award_new FOR EACH STATEMENT EXECUTE FUNCTION award_tally_award_ins();
CREATE TRIGGER award_tally_upd AFTER UPDATE ON "Award" REFERENCING OLD TABLE AS award_old NEW TABLE AS award_new FOR EACH STATEMENT EXECUTE FUNCTION award_tally_award_upd();
CREATE TRIGGER award_tally_del AFTER DELETE ON "Award" REFERENCING OLD TABLE AS award_old FOR EACH STATEMENT EXECUTE FUNCTION award_tally_award_del();
CREATE TRIGGER award_tally_member AFTER UPDATE ON "Member" REFERENCING OLD TABLE AS member_old NEW TABLE AS member_new FOR EACH STATEMENT EXECUTE FUNCTION award_tally_member_upd();

-- The awards already recorded.
INSERT INTO "AwardTally" ("decisionId", "schoolId", "titleCode", "level", "subject", "gender", "position", "n")
SELECT a."decisionId", a."schoolId", a."titleCode", a."level", a."subject", m."gender", m."position", count(*)::int
FROM "Award" a LEFT JOIN "Member" m ON m."id" = a."memberId"
GROUP BY 1, 2, 3, 4, 5, 6, 7;
