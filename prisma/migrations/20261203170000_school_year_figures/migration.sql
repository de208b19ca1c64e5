-- Issue 9 (scale and speed): the upper-unit dashboard (lib/dashboards/upper.ts) reads a
-- precomputed summary instead of computing every school's figures live. "SchoolYearFigures"
-- holds, per school and school year, the figures the dashboard shows for a year: the plan's rank
-- (0 none, 1 draft, 2 being signed, 3 signed), members registered, score sheets and sheets the
-- council scored completely, the distribution of the last council classification per member
-- (jsonb label → count, NULL when none) with the classified and "Xuất sắc" counts, nominees by
-- pipeline bucket, awards not revoked and awards to members. What does not depend on a year
-- (members not gone, principal and union chair) is still read live by the dashboard.
--
-- ONE function computes the figures live for a set of (school, year) pairs,
-- school_year_figures_live(sids, yids), with exactly the semantics of the dashboard's former CTEs:
--   - plan: max over the school's plans of the year (SIGNED with signedAt 3, SUBMITTED 2, else 1);
--   - registered: distinct members with a registration at the school in a campaign of the year,
--     counting only members not LEFT (as the school dashboard, lib/dashboards/school.ts; the
--     former CTE also required the member's current school to be among the viewer's schools, which
--     a per-school summary cannot know: the two differ only for a member moved to another school,
--     which the app never does);
--   - sheets / scored: the sheets of the school's periods whose campaign is of the year, and those
--     whose COUNCIL stage is complete;
--   - dist / classified / excellent: per member, the classification of the complete council stage
--     of the period that ends last (endsOn DESC, period id DESC), 'Không xếp loại' when none
--     (lib/dashboards/rules.ts UNRANKED), counted by label; excellent = 'Xuất sắc' (EXCELLENT);
--   - draft / submitted / returned / approved: the school's nominees in packages of the year by
--     state, the lists of statesOf() in lib/dashboards/rules.ts written out here (DRAFT, POSTED |
--     SUBMITTED | RETURNED | APPROVED, APPROVED_CHANGED, DECIDED; tests/integration/
--     school-year-figures.int.test.ts asserts they match);
--   - awards / individuals: the school's awards of the year whose decision is not revoked, and
--     those to a member.
-- school_year_figures_refresh(sids, yids) upserts those pairs' rows; school_year_figures_rebuild()
-- recomputes the whole table (every school × every school year; the repair, and the backfill
-- below). Rows of pairs never touched are absent: the dashboard reads an absent row as zeros.
--
-- Kept equal to the live figures by triggers, in the same transaction as the write that feeds
-- them (AFTER … FOR EACH STATEMENT with transition tables: a bulk insert of 500,000 registrations,
-- scripts/province-sql, is one refresh of the pairs it touches, not one per row):
--   - CoordinationPlan INSERT / UPDATE of status, signedAt, school or year / DELETE;
--   - Registration INSERT / UPDATE of campaign, school or member / DELETE;
--   - Member UPDATE that moves a member into or out of LEFT (its registrations' pairs);
--   - Campaign UPDATE of its school year (its registrations' and periods' pairs, old and new year);
--   - ScorePeriod UPDATE of campaign, school or end date / DELETE (a new period has no sheets);
--   - ScoreSheet INSERT / UPDATE of period or member / DELETE;
--   - ScoreStage INSERT / UPDATE / DELETE of COUNCIL rows, updates only when stage, sheet,
--     complete or classification change (saving the same council score's points is free);
--   - NominationItem INSERT / UPDATE of status, school or package / DELETE;
--   - NominationPackage UPDATE of its school year (its items' pairs, old and new year);
--   - Award INSERT / UPDATE / DELETE (Award is insert-only, 20261202010000_immutable_records, but
--     the summary follows any change all the same);
--   - DecisionRevocation INSERT / UPDATE / DELETE (the awards of the decision).
-- TRUNCATE is not followed (the immutability triggers refuse it on the tables that matter; a
-- rebuild repairs the rest).
--
-- Concurrency (READ COMMITTED). Two transactions writing rows of the same school and year (two
-- registrations by different members, a council score beside a nomination…) must not leave the
-- row with the figures of the one that recomputed without seeing the other. So a refresh:
--   1. takes the summary rows' locks first: INSERT … ON CONFLICT DO UPDATE of the pairs in sorted
--      order (a row that does not exist yet is created; concurrent inserts of the same key wait on
--      each other; the sort keeps two multi-pair writers from deadlocking);
--   2. then recomputes them in a separate statement. A VOLATILE plpgsql function takes a new
--      snapshot for each statement under READ COMMITTED, so the recompute sees every write
--      committed before the lock was granted. The transaction that gets a row's lock last
--      therefore recomputes after every other writer of that pair committed, and writes a row
--      that counts them all; the lock is held to commit, so no earlier writer can overwrite it.
-- The pairs a write touches are read through parent rows (a registration's member and campaign, a
-- score's sheet, period and campaign, an award's decision). Where a concurrent change of the
-- parent can change those pairs, the child's trigger first takes the parent row FOR SHARE (a
-- separate statement before it reads the pairs), so that it waits for that change to commit and
-- then reads the pairs it really touches: Registration → Member (a member leaving while being
-- registered) and Campaign (its year edited while members register); ScoreSheet and ScoreStage →
-- Campaign; Award → AwardDecision, and DecisionRevocation takes its decision FOR NO KEY UPDATE
-- (an award added to a decision being revoked). Not locked: a period's campaign or end date, a
-- sheet's period and a package's year, which the app never changes (a raw change of one of them
-- racing with a write of its children can leave a row stale: schoolYearFiguresDrift notices it,
-- the rebuild repairs it).
-- Proof: tests/integration/school-year-figures.int.test.ts compares the summary with the live
-- figures after every kind of write (PostgreSQL and PGlite) and races two registrations.

CREATE TABLE "SchoolYearFigures" (
    "schoolId" TEXT NOT NULL,
    "schoolYearId" TEXT NOT NULL,
    "plan" INTEGER NOT NULL DEFAULT 0,
    "registered" INTEGER NOT NULL DEFAULT 0,
    "sheets" INTEGER NOT NULL DEFAULT 0,
    "scored" INTEGER NOT NULL DEFAULT 0,
    "dist" JSONB,
    "classified" INTEGER NOT NULL DEFAULT 0,
    "excellent" INTEGER NOT NULL DEFAULT 0,
    "draft" INTEGER NOT NULL DEFAULT 0,
    "submitted" INTEGER NOT NULL DEFAULT 0,
    "returned" INTEGER NOT NULL DEFAULT 0,
    "approved" INTEGER NOT NULL DEFAULT 0,
    "awards" INTEGER NOT NULL DEFAULT 0,
    "individuals" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SchoolYearFigures_pkey" PRIMARY KEY ("schoolId", "schoolYearId")
);

-- The live figures of the given (school, year) pairs (sids[i], yids[i]), one row per distinct
-- pair, zeros (dist NULL) where there is nothing. Reads only the given schools' rows (by index)
-- and keeps those of the given years.
CREATE FUNCTION school_year_figures_live(sids text[], yids text[])
RETURNS TABLE ("schoolId" text, "schoolYearId" text, "plan" int, "registered" int, "sheets" int, "scored" int, "dist" jsonb,
  "classified" int, "excellent" int, "draft" int, "submitted" int, "returned" int, "approved" int, "awards" int, "individuals" int)
LANGUAGE sql STABLE AS $$
  WITH pair AS (
    SELECT DISTINCT u.sid, u.yid FROM unnest(sids, yids) AS u(sid, yid) WHERE u.sid IS NOT NULL AND u.yid IS NOT NULL
  ),
  pl AS (
    SELECT p."schoolId" AS sid, p."schoolYearId" AS yid,
      max(CASE WHEN p."status" = 'SIGNED' AND p."signedAt" IS NOT NULL THEN 3 WHEN p."status" = 'SUBMITTED' THEN 2 ELSE 1 END)::int AS rank
    FROM pair JOIN "CoordinationPlan" p ON p."schoolId" = pair.sid AND p."schoolYearId" = pair.yid
    GROUP BY 1, 2
  ),
  rg AS (
    SELECT x.sid, x.yid, count(*)::int AS n
    FROM (
      SELECT DISTINCT r."schoolId" AS sid, c."schoolYearId" AS yid, r."memberId"
      FROM pair
      JOIN "Registration" r ON r."schoolId" = pair.sid
      JOIN "Campaign" c ON c."id" = r."campaignId" AND c."schoolYearId" = pair.yid
    ) x
    JOIN "Member" m ON m."id" = x."memberId" AND m."status" <> 'LEFT'
    GROUP BY 1, 2
  ),
  sheet AS (
    SELECT s."memberId", p."schoolId" AS sid, c."schoolYearId" AS yid, p."endsOn", p."id" AS pid,
      st."complete" AS council, st."classification"
    FROM pair
    JOIN "ScorePeriod" p ON p."schoolId" = pair.sid
    JOIN "Campaign" c ON c."id" = p."campaignId" AND c."schoolYearId" = pair.yid
    JOIN "ScoreSheet" s ON s."periodId" = p."id"
    LEFT JOIN "ScoreStage" st ON st."sheetId" = s."id" AND st."stage" = 'COUNCIL'
  ),
  sh AS (
    SELECT sid, yid, count(*)::int AS sheets, count(*) FILTER (WHERE council)::int AS scored
    FROM sheet GROUP BY 1, 2
  ),
  lastc AS (
    SELECT DISTINCT ON ("memberId" COLLATE "C", sid COLLATE "C", yid COLLATE "C") sid, yid,
      coalesce("classification", 'Không xếp loại') AS label
    FROM sheet WHERE council
    ORDER BY "memberId" COLLATE "C", sid COLLATE "C", yid COLLATE "C", "endsOn" DESC, pid DESC
  ),
  cl AS (SELECT sid, yid, label, count(*)::int AS n FROM lastc GROUP BY 1, 2, 3),
  cs AS (
    SELECT sid, yid, jsonb_object_agg(label, n) AS dist, sum(n)::int AS classified,
      coalesce(sum(n) FILTER (WHERE label = 'Xuất sắc'), 0)::int AS excellent
    FROM cl GROUP BY 1, 2
  ),
  nm AS (
    SELECT i."schoolId" AS sid, k."schoolYearId" AS yid,
      count(*) FILTER (WHERE i."status"::text IN ('DRAFT', 'POSTED'))::int AS draft,
      count(*) FILTER (WHERE i."status"::text IN ('SUBMITTED'))::int AS submitted,
      count(*) FILTER (WHERE i."status"::text IN ('RETURNED'))::int AS returned,
      count(*) FILTER (WHERE i."status"::text IN ('APPROVED', 'APPROVED_CHANGED', 'DECIDED'))::int AS approved
    FROM pair
    JOIN "NominationItem" i ON i."schoolId" = pair.sid
    JOIN "NominationPackage" k ON k."id" = i."packageId" AND k."schoolYearId" = pair.yid
    GROUP BY 1, 2
  ),
  aw AS (
    SELECT a."schoolId" AS sid, a."schoolYearId" AS yid, count(*)::int AS n,
      count(*) FILTER (WHERE a."subject" = 'MEMBER')::int AS individuals
    FROM pair
    JOIN "Award" a ON a."schoolId" = pair.sid AND a."schoolYearId" = pair.yid
    WHERE NOT EXISTS (SELECT 1 FROM "DecisionRevocation" rv WHERE rv."decisionId" = a."decisionId")
    GROUP BY 1, 2
  )
  SELECT pair.sid, pair.yid, coalesce(pl.rank, 0), coalesce(rg.n, 0), coalesce(sh.sheets, 0), coalesce(sh.scored, 0), cs.dist,
    coalesce(cs.classified, 0), coalesce(cs.excellent, 0), coalesce(nm.draft, 0), coalesce(nm.submitted, 0), coalesce(nm.returned, 0),
    coalesce(nm.approved, 0), coalesce(aw.n, 0), coalesce(aw.individuals, 0)
  FROM pair
  LEFT JOIN pl ON pl.sid = pair.sid AND pl.yid = pair.yid
  LEFT JOIN rg ON rg.sid = pair.sid AND rg.yid = pair.yid
  LEFT JOIN sh ON sh.sid = pair.sid AND sh.yid = pair.yid
  LEFT JOIN cs ON cs.sid = pair.sid AND cs.yid = pair.yid
  LEFT JOIN nm ON nm.sid = pair.sid AND nm.yid = pair.yid
  LEFT JOIN aw ON aw.sid = pair.sid AND aw.yid = pair.yid
$$;

-- Recomputes the rows of the given pairs (they exist: school_year_figures_refresh locked them).
CREATE FUNCTION school_year_figures_store(sids text[], yids text[]) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  UPDATE "SchoolYearFigures" f SET
    "plan" = l."plan", "registered" = l."registered", "sheets" = l."sheets", "scored" = l."scored", "dist" = l."dist",
    "classified" = l."classified", "excellent" = l."excellent", "draft" = l."draft", "submitted" = l."submitted",
    "returned" = l."returned", "approved" = l."approved", "awards" = l."awards", "individuals" = l."individuals"
  FROM school_year_figures_live(sids, yids) l
  WHERE f."schoolId" = l."schoolId" AND f."schoolYearId" = l."schoolYearId";
END $$;

-- The same for the few pairs of an ordinary write, with the statement's generic plan (planned once
-- per connection, by index): planning the live query for its values took longer than running it
-- (province, one school and year: ~13 ms planning, 2–10 ms running; a council score's save went
-- from ~10 ms to ~4 ms of trigger time).
CREATE FUNCTION school_year_figures_store_few(sids text[], yids text[]) RETURNS void LANGUAGE plpgsql VOLATILE
SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  PERFORM school_year_figures_store(sids, yids);
END $$;

-- Locks, then recomputes, the rows of the given pairs (see "Concurrency" above: two statements).
CREATE FUNCTION school_year_figures_refresh(sids text[], yids text[]) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF sids IS NULL OR cardinality(sids) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO "SchoolYearFigures" ("schoolId", "schoolYearId")
  SELECT DISTINCT u.sid, u.yid FROM unnest(sids, yids) AS u(sid, yid)
  WHERE u.sid IS NOT NULL AND u.yid IS NOT NULL
  ORDER BY 1, 2
  ON CONFLICT ("schoolId", "schoolYearId") DO UPDATE SET "schoolId" = EXCLUDED."schoolId";

  IF cardinality(sids) <= 64 THEN
    PERFORM school_year_figures_store_few(sids, yids);
  ELSE
    PERFORM school_year_figures_store(sids, yids);
  END IF;
END $$;

-- The whole table, recomputed for every school × every school year: the repair and the backfill.
-- EXCLUSIVE lock: readers go on, writers (their triggers) wait and then refresh on top of it.
CREATE FUNCTION school_year_figures_rebuild() RETURNS integer LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  n integer;
BEGIN
  LOCK TABLE "SchoolYearFigures" IN EXCLUSIVE MODE;
  DELETE FROM "SchoolYearFigures";
  INSERT INTO "SchoolYearFigures" ("schoolId", "schoolYearId", "plan", "registered", "sheets", "scored", "dist", "classified",
    "excellent", "draft", "submitted", "returned", "approved", "awards", "individuals")
  SELECT l.* FROM school_year_figures_live(
    ARRAY(SELECT s."id" FROM "School" s CROSS JOIN "SchoolYear" y ORDER BY s."id", y."id"),
    ARRAY(SELECT y."id" FROM "School" s CROSS JOIN "SchoolYear" y ORDER BY s."id", y."id")) l;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $$;

-- ---------------------------------------------------------------------------------------------
-- Triggers. Each function gathers the (school, year) pairs its statement touched into two arrays
-- and refreshes them; transition tables are syf_old / syf_new.

CREATE FUNCTION syf_plan() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s text[];
  y text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(n."schoolId"), array_agg(n."schoolYearId") INTO s, y FROM syf_new n WHERE n."schoolId" IS NOT NULL;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(o."schoolId"), array_agg(o."schoolYearId") INTO s, y FROM syf_old o WHERE o."schoolId" IS NOT NULL;
  ELSE
    SELECT array_agg(x.sid), array_agg(x.yid) INTO s, y FROM (
      SELECT o."schoolId" AS sid, o."schoolYearId" AS yid, n."schoolId" AS nsid, n."schoolYearId" AS nyid
      FROM syf_old o JOIN syf_new n ON n."id" = o."id"
      WHERE (o."status", o."signedAt", o."schoolId", o."schoolYearId") IS DISTINCT FROM (n."status", n."signedAt", n."schoolId", n."schoolYearId")
    ) c CROSS JOIN LATERAL (VALUES (c.sid, c.yid), (c.nsid, c.nyid)) AS x(sid, yid);
  END IF;
  PERFORM school_year_figures_refresh(s, y);
  RETURN NULL;
END $$;

CREATE FUNCTION syf_registration() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s text[];
  y text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- wait for a concurrent change of these members (leaving) or campaigns (their year) to commit
    PERFORM 1 FROM "Member" m WHERE m."id" IN (SELECT n."memberId" FROM syf_new n) FOR SHARE;
    PERFORM 1 FROM "Campaign" c WHERE c."id" IN (SELECT n."campaignId" FROM syf_new n) FOR SHARE;
    SELECT array_agg(x."schoolId"), array_agg(c."schoolYearId") INTO s, y
    FROM (SELECT DISTINCT n."schoolId", n."campaignId" FROM syf_new n) x JOIN "Campaign" c ON c."id" = x."campaignId";
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(x."schoolId"), array_agg(c."schoolYearId") INTO s, y
    FROM (SELECT DISTINCT o."schoolId", o."campaignId" FROM syf_old o) x JOIN "Campaign" c ON c."id" = x."campaignId";
  ELSE
    PERFORM 1 FROM "Member" m WHERE m."id" IN (SELECT n."memberId" FROM syf_new n) FOR SHARE;
    PERFORM 1 FROM "Campaign" c WHERE c."id" IN (SELECT n."campaignId" FROM syf_new n) FOR SHARE;
    SELECT array_agg(x.sid), array_agg(c."schoolYearId") INTO s, y FROM (
      SELECT DISTINCT v.sid, v.cid
      FROM syf_old o JOIN syf_new n ON n."id" = o."id"
      CROSS JOIN LATERAL (VALUES (o."schoolId", o."campaignId"), (n."schoolId", n."campaignId")) AS v(sid, cid)
      WHERE (o."campaignId", o."schoolId", o."memberId") IS DISTINCT FROM (n."campaignId", n."schoolId", n."memberId")
    ) x JOIN "Campaign" c ON c."id" = x.cid;
  END IF;
  PERFORM school_year_figures_refresh(s, y);
  RETURN NULL;
END $$;

-- A member left, or came back: the pairs of every registration of theirs.
CREATE FUNCTION syf_member() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s text[];
  y text[];
BEGIN
  IF NOT EXISTS (SELECT 1 FROM syf_old o JOIN syf_new n ON n."id" = o."id" WHERE (o."status" = 'LEFT') <> (n."status" = 'LEFT')) THEN
    RETURN NULL;
  END IF;
  SELECT array_agg(x."schoolId"), array_agg(c."schoolYearId") INTO s, y FROM (
    SELECT DISTINCT r."schoolId", r."campaignId"
    FROM syf_old o JOIN syf_new n ON n."id" = o."id"
    JOIN "Registration" r ON r."memberId" = n."id"
    WHERE (o."status" = 'LEFT') <> (n."status" = 'LEFT')
  ) x JOIN "Campaign" c ON c."id" = x."campaignId";
  PERFORM school_year_figures_refresh(s, y);
  RETURN NULL;
END $$;

-- A campaign moved to another school year: its registrations' and periods' pairs, both years.
CREATE FUNCTION syf_campaign() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s text[];
  y text[];
BEGIN
  IF NOT EXISTS (SELECT 1 FROM syf_old o JOIN syf_new n ON n."id" = o."id" WHERE o."schoolYearId" <> n."schoolYearId") THEN
    RETURN NULL;
  END IF;
  SELECT array_agg(x.sid), array_agg(x.yid) INTO s, y FROM (
    SELECT DISTINCT t.sid, v.yid
    FROM syf_old o JOIN syf_new n ON n."id" = o."id" AND o."schoolYearId" <> n."schoolYearId"
    CROSS JOIN LATERAL (SELECT r."schoolId" AS sid FROM "Registration" r WHERE r."campaignId" = n."id"
                        UNION SELECT p."schoolId" FROM "ScorePeriod" p WHERE p."campaignId" = n."id") t
    CROSS JOIN LATERAL (VALUES (o."schoolYearId"), (n."schoolYearId")) AS v(yid)
  ) x;
  PERFORM school_year_figures_refresh(s, y);
  RETURN NULL;
END $$;

-- A period moved (campaign, school) or its end date changed (which period's classification is
-- the member's last), or deleted.
CREATE FUNCTION syf_period() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s text[];
  y text[];
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT array_agg(x."schoolId"), array_agg(c."schoolYearId") INTO s, y
    FROM (SELECT DISTINCT o."schoolId", o."campaignId" FROM syf_old o) x JOIN "Campaign" c ON c."id" = x."campaignId";
  ELSE
    SELECT array_agg(x.sid), array_agg(c."schoolYearId") INTO s, y FROM (
      SELECT DISTINCT v.sid, v.cid
      FROM syf_old o JOIN syf_new n ON n."id" = o."id"
      CROSS JOIN LATERAL (VALUES (o."schoolId", o."campaignId"), (n."schoolId", n."campaignId")) AS v(sid, cid)
      WHERE (o."campaignId", o."schoolId", o."endsOn") IS DISTINCT FROM (n."campaignId", n."schoolId", n."endsOn")
    ) x JOIN "Campaign" c ON c."id" = x.cid;
  END IF;
  PERFORM school_year_figures_refresh(s, y);
  RETURN NULL;
END $$;

-- Score sheets written: the pairs of their periods (school, campaign's year).
CREATE FUNCTION syf_sheet() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s text[];
  y text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM 1 FROM "Campaign" c WHERE c."id" IN (SELECT p."campaignId" FROM "ScorePeriod" p WHERE p."id" IN (SELECT n."periodId" FROM syf_new n)) FOR SHARE;
    SELECT array_agg(p."schoolId"), array_agg(c."schoolYearId") INTO s, y
    FROM (SELECT DISTINCT n."periodId" FROM syf_new n) x JOIN "ScorePeriod" p ON p."id" = x."periodId" JOIN "Campaign" c ON c."id" = p."campaignId";
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(p."schoolId"), array_agg(c."schoolYearId") INTO s, y
    FROM (SELECT DISTINCT o."periodId" FROM syf_old o) x JOIN "ScorePeriod" p ON p."id" = x."periodId" JOIN "Campaign" c ON c."id" = p."campaignId";
  ELSE
    SELECT array_agg(p."schoolId"), array_agg(c."schoolYearId") INTO s, y FROM (
      SELECT DISTINCT v.pid
      FROM syf_old o JOIN syf_new n ON n."id" = o."id"
      CROSS JOIN LATERAL (VALUES (o."periodId"), (n."periodId")) AS v(pid)
      WHERE (o."periodId", o."memberId") IS DISTINCT FROM (n."periodId", n."memberId")
    ) x JOIN "ScorePeriod" p ON p."id" = x.pid JOIN "Campaign" c ON c."id" = p."campaignId";
  END IF;
  PERFORM school_year_figures_refresh(s, y);
  RETURN NULL;
END $$;

-- Council scores written (complete or not, classification): the pairs of their sheets' periods.
CREATE FUNCTION syf_stage() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s text[];
  y text[];
  sheets text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n."sheetId") INTO sheets FROM syf_new n WHERE n."stage" = 'COUNCIL';
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT o."sheetId") INTO sheets FROM syf_old o WHERE o."stage" = 'COUNCIL';
  ELSE
    SELECT array_agg(DISTINCT v.sid) INTO sheets
    FROM syf_old o JOIN syf_new n ON n."id" = o."id"
    CROSS JOIN LATERAL (VALUES (o."sheetId", o."stage"), (n."sheetId", n."stage")) AS v(sid, stage)
    WHERE v.stage = 'COUNCIL'
      AND (o."stage", o."sheetId", o."complete", o."classification") IS DISTINCT FROM (n."stage", n."sheetId", n."complete", n."classification");
  END IF;
  IF sheets IS NULL THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM 1 FROM "Campaign" c WHERE c."id" IN (
      SELECT p."campaignId" FROM "ScoreSheet" sh JOIN "ScorePeriod" p ON p."id" = sh."periodId" WHERE sh."id" = ANY(sheets)) FOR SHARE;
  END IF;
  SELECT array_agg(x."schoolId"), array_agg(c."schoolYearId") INTO s, y FROM (
    SELECT DISTINCT p."schoolId", p."campaignId" FROM "ScoreSheet" sh JOIN "ScorePeriod" p ON p."id" = sh."periodId" WHERE sh."id" = ANY(sheets)
  ) x JOIN "Campaign" c ON c."id" = x."campaignId";
  PERFORM school_year_figures_refresh(s, y);
  RETURN NULL;
END $$;

-- Nominees written: the pairs (nominee's school, package's year).
CREATE FUNCTION syf_item() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s text[];
  y text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(x."schoolId"), array_agg(k."schoolYearId") INTO s, y
    FROM (SELECT DISTINCT n."schoolId", n."packageId" FROM syf_new n) x JOIN "NominationPackage" k ON k."id" = x."packageId";
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(x."schoolId"), array_agg(k."schoolYearId") INTO s, y
    FROM (SELECT DISTINCT o."schoolId", o."packageId" FROM syf_old o) x JOIN "NominationPackage" k ON k."id" = x."packageId";
  ELSE
    SELECT array_agg(x.sid), array_agg(k."schoolYearId") INTO s, y FROM (
      SELECT DISTINCT v.sid, v.pid
      FROM syf_old o JOIN syf_new n ON n."id" = o."id"
      CROSS JOIN LATERAL (VALUES (o."schoolId", o."packageId"), (n."schoolId", n."packageId")) AS v(sid, pid)
      WHERE (o."status", o."schoolId", o."packageId") IS DISTINCT FROM (n."status", n."schoolId", n."packageId")
    ) x JOIN "NominationPackage" k ON k."id" = x.pid;
  END IF;
  PERFORM school_year_figures_refresh(s, y);
  RETURN NULL;
END $$;

-- A package moved to another school year: its nominees' pairs, both years.
CREATE FUNCTION syf_package() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s text[];
  y text[];
BEGIN
  IF NOT EXISTS (SELECT 1 FROM syf_old o JOIN syf_new n ON n."id" = o."id" WHERE o."schoolYearId" <> n."schoolYearId") THEN
    RETURN NULL;
  END IF;
  SELECT array_agg(x.sid), array_agg(x.yid) INTO s, y FROM (
    SELECT DISTINCT i."schoolId" AS sid, v.yid
    FROM syf_old o JOIN syf_new n ON n."id" = o."id" AND o."schoolYearId" <> n."schoolYearId"
    JOIN "NominationItem" i ON i."packageId" = n."id"
    CROSS JOIN LATERAL (VALUES (o."schoolYearId"), (n."schoolYearId")) AS v(yid)
  ) x;
  PERFORM school_year_figures_refresh(s, y);
  RETURN NULL;
END $$;

CREATE FUNCTION syf_award() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s text[];
  y text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- wait for a concurrent revocation of these decisions to commit
    PERFORM 1 FROM "AwardDecision" d WHERE d."id" IN (SELECT n."decisionId" FROM syf_new n) FOR SHARE;
    SELECT array_agg(x."schoolId"), array_agg(x."schoolYearId") INTO s, y FROM (SELECT DISTINCT n."schoolId", n."schoolYearId" FROM syf_new n) x;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(x."schoolId"), array_agg(x."schoolYearId") INTO s, y FROM (SELECT DISTINCT o."schoolId", o."schoolYearId" FROM syf_old o) x;
  ELSE
    SELECT array_agg(x.sid), array_agg(x.yid) INTO s, y FROM (
      SELECT DISTINCT v.sid, v.yid
      FROM syf_old o JOIN syf_new n ON n."id" = o."id"
      CROSS JOIN LATERAL (VALUES (o."schoolId", o."schoolYearId"), (n."schoolId", n."schoolYearId")) AS v(sid, yid)
      WHERE (o."schoolId", o."schoolYearId", o."subject", o."decisionId") IS DISTINCT FROM (n."schoolId", n."schoolYearId", n."subject", n."decisionId")
    ) x;
  END IF;
  PERFORM school_year_figures_refresh(s, y);
  RETURN NULL;
END $$;

-- A decision revoked (or a revocation removed): the pairs of the decision's awards.
CREATE FUNCTION syf_revocation() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s text[];
  y text[];
  ds text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n."decisionId") INTO ds FROM syf_new n;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT o."decisionId") INTO ds FROM syf_old o;
  ELSE
    SELECT array_agg(DISTINCT v.did) INTO ds
    FROM syf_old o JOIN syf_new n ON n."id" = o."id"
    CROSS JOIN LATERAL (VALUES (o."decisionId"), (n."decisionId")) AS v(did)
    WHERE o."decisionId" IS DISTINCT FROM n."decisionId";
  END IF;
  IF ds IS NULL THEN
    RETURN NULL;
  END IF;
  -- wait for a concurrent award insert into these decisions to commit (it holds them FOR SHARE)
  PERFORM 1 FROM "AwardDecision" d WHERE d."id" = ANY(ds) FOR NO KEY UPDATE;
  SELECT array_agg(x."schoolId"), array_agg(x."schoolYearId") INTO s, y
  FROM (SELECT DISTINCT a."schoolId", a."schoolYearId" FROM "Award" a WHERE a."decisionId" = ANY(ds)) x;
  PERFORM school_year_figures_refresh(s, y);
  RETURN NULL;
END $$;

CREATE TRIGGER syf_plan_ins AFTER INSERT ON "CoordinationPlan" REFERENCING NEW TABLE AS syf_new FOR EACH STATEMENT EXECUTE FUNCTION syf_plan();
CREATE TRIGGER syf_plan_upd AFTER UPDATE ON "CoordinationPlan" REFERENCING OLD TABLE AS syf_old NEW TABLE AS syf_new FOR EACH STATEMENT EXECUTE FUNCTION syf_plan();
CREATE TRIGGER syf_plan_del AFTER DELETE ON "CoordinationPlan" REFERENCING OLD TABLE AS syf_old FOR EACH STATEMENT EXECUTE FUNCTION syf_plan();
CREATE TRIGGER syf_registration_ins AFTER INSERT ON "Registration" REFERENCING NEW TABLE AS syf_new FOR EACH STATEMENT EXECUTE FUNCTION syf_registration();
CREATE TRIGGER syf_registration_upd AFTER UPDATE ON "Registration" REFERENCING OLD TABLE AS syf_old NEW TABLE AS syf_new FOR EACH STATEMENT EXECUTE FUNCTION syf_registration();
CREATE TRIGGER syf_registration_del AFTER DELETE ON "Registration" REFERENCING OLD TABLE AS syf_old FOR EACH STATEMENT EXECUTE FUNCTION syf_registration();
CREATE TRIGGER syf_member_upd AFTER UPDATE ON "Member" REFERENCING OLD TABLE AS syf_old NEW TABLE AS syf_new FOR EACH STATEMENT EXECUTE FUNCTION syf_member();
CREATE TRIGGER syf_campaign_upd AFTER UPDATE ON "Campaign" REFERENCING OLD TABLE AS syf_old NEW TABLE AS syf_new FOR EACH STATEMENT EXECUTE FUNCTION syf_campaign();
CREATE TRIGGER syf_period_upd AFTER UPDATE ON "ScorePeriod" REFERENCING OLD TABLE AS syf_old NEW TABLE AS syf_new FOR EACH STATEMENT EXECUTE FUNCTION syf_period();
CREATE TRIGGER syf_period_del AFTER DELETE ON "ScorePeriod" REFERENCING OLD TABLE AS syf_old FOR EACH STATEMENT EXECUTE FUNCTION syf_period();
CREATE TRIGGER syf_sheet_ins AFTER INSERT ON "ScoreSheet" REFERENCING NEW TABLE AS syf_new FOR EACH STATEMENT EXECUTE FUNCTION syf_sheet();
CREATE TRIGGER syf_sheet_upd AFTER UPDATE ON "ScoreSheet" REFERENCING OLD TABLE AS syf_old NEW TABLE AS syf_new FOR EACH STATEMENT EXECUTE FUNCTION syf_sheet();
CREATE TRIGGER syf_sheet_del AFTER DELETE ON "ScoreSheet" REFERENCING OLD TABLE AS syf_old FOR EACH STATEMENT EXECUTE FUNCTION syf_sheet();
CREATE TRIGGER syf_stage_ins AFTER INSERT ON "ScoreStage" REFERENCING NEW TABLE AS syf_new FOR EACH STATEMENT EXECUTE FUNCTION syf_stage();
CREATE TRIGGER syf_stage_upd AFTER UPDATE ON "ScoreStage" REFERENCING OLD TABLE AS syf_old NEW TABLE AS syf_new FOR EACH STATEMENT EXECUTE FUNCTION syf_stage();
CREATE TRIGGER syf_stage_del AFTER DELETE ON "ScoreStage" REFERENCING OLD TABLE AS syf_old FOR EACH STATEMENT EXECUTE FUNCTION syf_stage();
CREATE TRIGGER syf_item_ins AFTER INSERT ON "NominationItem" REFERENCING NEW TABLE AS syf_new FOR EACH STATEMENT EXECUTE FUNCTION syf_item();
CREATE TRIGGER syf_item_upd AFTER UPDATE ON "NominationItem" REFERENCING OLD TABLE AS syf_old NEW TABLE AS syf_new FOR EACH STATEMENT EXECUTE FUNCTION syf_item();
CREATE TRIGGER syf_item_del AFTER DELETE ON "NominationItem" REFERENCING OLD TABLE AS syf_old FOR EACH STATEMENT EXECUTE FUNCTION syf_item();
CREATE TRIGGER syf_package_upd AFTER UPDATE ON "NominationPackage" REFERENCING OLD TABLE AS syf_old NEW TABLE AS syf_new FOR EACH STATEMENT EXECUTE FUNCTION syf_package();
CREATE TRIGGER syf_award_ins AFTER INSERT ON "Award" REFERENCING NEW TABLE AS syf_new FOR EACH STATEMENT EXECUTE FUNCTION syf_award();
CREATE TRIGGER syf_award_upd AFTER UPDATE ON "Award" REFERENCING OLD TABLE AS syf_old NEW TABLE AS syf_new FOR EACH STATEMENT EXECUTE FUNCTION syf_award();
CREATE TRIGGER syf_award_del AFTER DELETE ON "Award" REFERENCING OLD TABLE AS syf_old FOR EACH STATEMENT EXECUTE FUNCTION syf_award();
CREATE TRIGGER syf_revocation_ins AFTER INSERT ON "DecisionRevocation" REFERENCING NEW TABLE AS syf_new FOR EACH STATEMENT EXECUTE FUNCTION syf_revocation();
CREATE TRIGGER syf_revocation_upd AFTER UPDATE ON "DecisionRevocation" REFERENCING OLD TABLE AS syf_old NEW TABLE AS syf_new FOR EACH STATEMENT EXECUTE FUNCTION syf_revocation();
CREATE TRIGGER syf_revocation_del AFTER DELETE ON "DecisionRevocation" REFERENCING OLD TABLE AS syf_old FOR EACH STATEMENT EXECUTE FUNCTION syf_revocation();

-- The figures of the data already there.
SELECT school_year_figures_rebuild();
