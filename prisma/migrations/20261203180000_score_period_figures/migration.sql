-- Issue 9 (scale and speed): the upper unit's calibration page (lib/calibration/queries.ts,
-- /cap-tren/[unitId]/hieu-chinh) reads a precomputed summary instead of joining every score sheet
-- of the unit to its three stages. "ScorePeriodFigures" holds, per scoring period, exactly the
-- figures the page's former CTEs computed for the period it shows:
--   - hasResults: some sheet of the period has a complete GROUP or COUNCIL stage (the page shows a
--     school's latest period of the year that has results);
--   - counts: per sheet, the classification of the complete COUNCIL stage, else of the complete
--     GROUP stage, counted by label (jsonb label → count; NULL when no sheet is classified);
--   - g_* / k_*: how far the GROUP (g) and COUNCIL (k) stages moved the scores from SELF, over the
--     sheets where both SELF and that stage are complete: pairs, pairs whose total moved, and the
--     SUMS of |stage − self| and of (stage − self) in tenths (the page divides by pairs and rounds,
--     as the former avg() did: sums, not averages, so the means are computed exactly as before).
-- Which period is a school's latest of a year (campaign's year, endsOn, createdAt) is NOT stored:
-- the page picks it live from "ScorePeriod" joined to these rows, so a period's end date,
-- campaign or creation time needs no upkeep here.
--
-- ONE function computes the figures live for a set of periods, score_period_figures_live(pids),
-- with exactly the semantics of the page's former CTEs; score_period_figures_refresh(pids) upserts
-- those periods' rows (and removes the rows of periods that no longer exist);
-- score_period_figures_rebuild() recomputes the whole table (the repair, and the backfill below).
-- The drift check (lib/calibration/figures.ts scorePeriodFiguresDrift) calls the same function.
--
-- Kept equal to the live figures by triggers, in the same transaction as the write that feeds
-- them (AFTER … FOR EACH STATEMENT with transition tables, grouped by period: a bulk insert of
-- 1.2 M score stages, scripts/province-sql/05_campaigns_scoring.sql, is one refresh of the periods
-- it touches, not one per row):
--   - ScoreStage INSERT / DELETE, and UPDATE when the sheet, stage, total, completeness or
--     classification change (any stage: SELF, GROUP, COUNCIL; saving the same numbers with a new
--     explanation, or the scores' JSON alone, is free);
--   - ScoreSheet INSERT / DELETE, and UPDATE of its period (old and new period);
--   - ScorePeriod INSERT (an empty row) / DELETE (the row removed), and UPDATE of its school.
-- TRUNCATE is not followed (the immutability triggers refuse it on ScoreSheet and ScoreStage; a
-- rebuild repairs the rest).
--
-- Concurrency (READ COMMITTED). Two transactions saving stages of the same period (two group
-- leaders scoring their groups, a member submitting a self-assessment while the council scores)
-- must not leave the row with the figures of the one that recomputed without seeing the other.
-- So a refresh:
--   1. takes the summary rows' locks first: INSERT … ON CONFLICT DO UPDATE of the periods in
--      sorted order (a row that does not exist yet is created; concurrent inserts of the same key
--      wait on each other; the sort keeps two multi-period writers from deadlocking);
--   2. then recomputes them in a separate statement. A VOLATILE plpgsql function takes a new
--      snapshot for each statement under READ COMMITTED, so the recompute sees every write
--      committed before the lock was granted. The transaction that gets a row's lock last
--      therefore recomputes after every other writer of that period committed, and writes a row
--      that counts them all; the lock is held to commit, so no earlier writer can overwrite it.
-- A stage's period is read through its sheet; a sheet's period is never changed by the app (a raw
-- change of it racing with a stage save can leave a row stale: the drift check notices it, the
-- rebuild repairs it).
-- Proof: tests/integration/score-period-figures.int.test.ts compares the summary with the live
-- figures and with the page's former query after every kind of write (PostgreSQL and PGlite) and
-- races two stage saves in one period.

CREATE TABLE "ScorePeriodFigures" (
    "periodId" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "hasResults" BOOLEAN NOT NULL DEFAULT false,
    "counts" JSONB,
    "g_pairs" INTEGER NOT NULL DEFAULT 0,
    "g_moved" INTEGER NOT NULL DEFAULT 0,
    "g_abs" INTEGER NOT NULL DEFAULT 0,
    "g_sum" INTEGER NOT NULL DEFAULT 0,
    "k_pairs" INTEGER NOT NULL DEFAULT 0,
    "k_moved" INTEGER NOT NULL DEFAULT 0,
    "k_abs" INTEGER NOT NULL DEFAULT 0,
    "k_sum" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ScorePeriodFigures_pkey" PRIMARY KEY ("periodId")
);

CREATE INDEX "ScorePeriodFigures_schoolId_idx" ON "ScorePeriodFigures"("schoolId");

-- The live figures of the given periods that exist, one row each (zeros, counts NULL, where there
-- is nothing). Reads only the given periods' sheets and stages (by index).
CREATE FUNCTION score_period_figures_live(pids text[])
RETURNS TABLE ("periodId" text, "schoolId" text, "hasResults" boolean, "counts" jsonb,
  "g_pairs" int, "g_moved" int, "g_abs" int, "g_sum" int, "k_pairs" int, "k_moved" int, "k_abs" int, "k_sum" int)
LANGUAGE sql STABLE AS $$
  WITH per AS (
    SELECT p."id", p."schoolId" FROM "ScorePeriod" p
    WHERE p."id" IN (SELECT DISTINCT u.id FROM unnest(pids) AS u(id) WHERE u.id IS NOT NULL)
  ),
  sheets AS (
    SELECT sh."periodId" AS pid,
      COALESCE(se."complete", false) AS self_ok, se."totalTenths" AS self_t,
      COALESCE(g."complete", false) AS g_ok, g."totalTenths" AS g_t, g."classification" AS g_c,
      COALESCE(k."complete", false) AS k_ok, k."totalTenths" AS k_t, k."classification" AS k_c
    FROM per JOIN "ScoreSheet" sh ON sh."periodId" = per."id"
    LEFT JOIN "ScoreStage" se ON se."sheetId" = sh."id" AND se."stage" = 'SELF'
    LEFT JOIN "ScoreStage" g ON g."sheetId" = sh."id" AND g."stage" = 'GROUP'
    LEFT JOIN "ScoreStage" k ON k."sheetId" = sh."id" AND k."stage" = 'COUNCIL'
  ),
  dist AS (
    SELECT pid, cls, count(*)::int AS n
    FROM (SELECT pid, CASE WHEN k_ok THEN k_c WHEN g_ok THEN g_c END AS cls FROM sheets) z
    WHERE cls IS NOT NULL GROUP BY 1, 2
  ),
  counts AS (
    SELECT pid, jsonb_object_agg(cls, n) AS counts FROM dist GROUP BY 1
  ),
  moves AS (
    SELECT pid,
      bool_or(g_ok OR k_ok) AS has_results,
      count(*) FILTER (WHERE self_ok AND g_ok)::int AS g_pairs,
      count(*) FILTER (WHERE self_ok AND g_ok AND g_t <> self_t)::int AS g_moved,
      COALESCE(sum(abs(g_t - self_t)) FILTER (WHERE self_ok AND g_ok), 0)::int AS g_abs,
      COALESCE(sum(g_t - self_t) FILTER (WHERE self_ok AND g_ok), 0)::int AS g_sum,
      count(*) FILTER (WHERE self_ok AND k_ok)::int AS k_pairs,
      count(*) FILTER (WHERE self_ok AND k_ok AND k_t <> self_t)::int AS k_moved,
      COALESCE(sum(abs(k_t - self_t)) FILTER (WHERE self_ok AND k_ok), 0)::int AS k_abs,
      COALESCE(sum(k_t - self_t) FILTER (WHERE self_ok AND k_ok), 0)::int AS k_sum
    FROM sheets GROUP BY 1
  )
  SELECT per."id", per."schoolId", COALESCE(m.has_results, false), c.counts,
    COALESCE(m.g_pairs, 0), COALESCE(m.g_moved, 0), COALESCE(m.g_abs, 0), COALESCE(m.g_sum, 0),
    COALESCE(m.k_pairs, 0), COALESCE(m.k_moved, 0), COALESCE(m.k_abs, 0), COALESCE(m.k_sum, 0)
  FROM per
  LEFT JOIN counts c ON c.pid = per."id"
  LEFT JOIN moves m ON m.pid = per."id"
$$;

-- Locks, then recomputes, the rows of the given periods (see "Concurrency" above: two
-- statements), and removes the rows of those that no longer exist.
CREATE FUNCTION score_period_figures_refresh(pids text[]) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF pids IS NULL OR cardinality(pids) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO "ScorePeriodFigures" ("periodId", "schoolId")
  SELECT p."id", p."schoolId" FROM "ScorePeriod" p
  WHERE p."id" IN (SELECT DISTINCT u.id FROM unnest(pids) AS u(id) WHERE u.id IS NOT NULL)
  ORDER BY p."id" COLLATE "C"
  ON CONFLICT ("periodId") DO UPDATE SET "schoolId" = EXCLUDED."schoolId";

  UPDATE "ScorePeriodFigures" f SET
    "schoolId" = l."schoolId", "hasResults" = l."hasResults", "counts" = l."counts",
    "g_pairs" = l."g_pairs", "g_moved" = l."g_moved", "g_abs" = l."g_abs", "g_sum" = l."g_sum",
    "k_pairs" = l."k_pairs", "k_moved" = l."k_moved", "k_abs" = l."k_abs", "k_sum" = l."k_sum"
  FROM score_period_figures_live(pids) l
  WHERE f."periodId" = l."periodId";

  DELETE FROM "ScorePeriodFigures" f
  WHERE f."periodId" = ANY(pids) AND NOT EXISTS (SELECT 1 FROM "ScorePeriod" p WHERE p."id" = f."periodId");
END $$;

-- The whole table, recomputed for every period: the repair and the backfill.
-- EXCLUSIVE lock: readers go on, writers (their triggers) wait and then refresh on top of it.
CREATE FUNCTION score_period_figures_rebuild() RETURNS integer LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  n integer;
BEGIN
  LOCK TABLE "ScorePeriodFigures" IN EXCLUSIVE MODE;
  DELETE FROM "ScorePeriodFigures";
  INSERT INTO "ScorePeriodFigures" ("periodId", "schoolId", "hasResults", "counts", "g_pairs", "g_moved", "g_abs", "g_sum",
    "k_pairs", "k_moved", "k_abs", "k_sum")
  SELECT l.* FROM score_period_figures_live(ARRAY(SELECT p."id" FROM "ScorePeriod" p)) l;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $$;

-- ---------------------------------------------------------------------------------------------
-- Triggers. Each function gathers the periods its statement touched and refreshes them;
-- transition tables are spf_old / spf_new.

-- Score stages written: the periods of their sheets.
CREATE FUNCTION spf_stage() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  pids text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT sh."periodId") INTO pids
    FROM (SELECT DISTINCT n."sheetId" FROM spf_new n) x JOIN "ScoreSheet" sh ON sh."id" = x."sheetId";
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT sh."periodId") INTO pids
    FROM (SELECT DISTINCT o."sheetId" FROM spf_old o) x JOIN "ScoreSheet" sh ON sh."id" = x."sheetId";
  ELSE
    SELECT array_agg(DISTINCT sh."periodId") INTO pids FROM (
      SELECT DISTINCT v.sid
      FROM spf_old o JOIN spf_new n ON n."id" = o."id"
      CROSS JOIN LATERAL (VALUES (o."sheetId"), (n."sheetId")) AS v(sid)
      WHERE (o."sheetId", o."stage", o."totalTenths", o."complete", o."classification")
        IS DISTINCT FROM (n."sheetId", n."stage", n."totalTenths", n."complete", n."classification")
    ) x JOIN "ScoreSheet" sh ON sh."id" = x.sid;
  END IF;
  PERFORM score_period_figures_refresh(pids);
  RETURN NULL;
END $$;

-- Score sheets written: their periods (a new sheet has no stages yet, but a refresh is cheap and
-- keeps the rule simple); a sheet moved to another period: both periods.
CREATE FUNCTION spf_sheet() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  pids text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n."periodId") INTO pids FROM spf_new n;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT o."periodId") INTO pids FROM spf_old o;
  ELSE
    SELECT array_agg(DISTINCT v.pid) INTO pids
    FROM spf_old o JOIN spf_new n ON n."id" = o."id"
    CROSS JOIN LATERAL (VALUES (o."periodId"), (n."periodId")) AS v(pid)
    WHERE o."periodId" IS DISTINCT FROM n."periodId";
  END IF;
  PERFORM score_period_figures_refresh(pids);
  RETURN NULL;
END $$;

-- Periods created (their empty row), deleted (the refresh removes the row), or moved to another
-- school. Their end date, campaign and creation time are read live by the page.
CREATE FUNCTION spf_period() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  pids text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(n."id") INTO pids FROM spf_new n;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(o."id") INTO pids FROM spf_old o;
  ELSE
    SELECT array_agg(n."id") INTO pids
    FROM spf_old o JOIN spf_new n ON n."id" = o."id"
    WHERE o."schoolId" IS DISTINCT FROM n."schoolId";
  END IF;
  PERFORM score_period_figures_refresh(pids);
  RETURN NULL;
END $$;

CREATE TRIGGER spf_stage_ins AFTER INSERT ON "ScoreStage" REFERENCING NEW TABLE AS spf_new FOR EACH STATEMENT EXECUTE FUNCTION spf_stage();
CREATE TRIGGER spf_stage_upd AFTER UPDATE ON "ScoreStage" REFERENCING OLD TABLE AS spf_old NEW TABLE AS spf_new FOR EACH STATEMENT EXECUTE FUNCTION spf_stage();
CREATE TRIGGER spf_stage_del AFTER DELETE ON "ScoreStage" REFERENCING OLD TABLE AS spf_old FOR EACH STATEMENT EXECUTE FUNCTION spf_stage();
CREATE TRIGGER spf_sheet_ins AFTER INSERT ON "ScoreSheet" REFERENCING NEW TABLE AS spf_new FOR EACH STATEMENT EXECUTE FUNCTION spf_sheet();
CREATE TRIGGER spf_sheet_upd AFTER UPDATE ON "ScoreSheet" REFERENCING OLD TABLE AS spf_old NEW TABLE AS spf_new FOR EACH STATEMENT EXECUTE FUNCTION spf_sheet();
CREATE TRIGGER spf_sheet_del AFTER DELETE ON "ScoreSheet" REFERENCING OLD TABLE AS spf_old FOR EACH STATEMENT EXECUTE FUNCTION spf_sheet();
CREATE TRIGGER spf_period_ins AFTER INSERT ON "ScorePeriod" REFERENCING NEW TABLE AS spf_new FOR EACH STATEMENT EXECUTE FUNCTION spf_period();
CREATE TRIGGER spf_period_upd AFTER UPDATE ON "ScorePeriod" REFERENCING OLD TABLE AS spf_old NEW TABLE AS spf_new FOR EACH STATEMENT EXECUTE FUNCTION spf_period();
CREATE TRIGGER spf_period_del AFTER DELETE ON "ScorePeriod" REFERENCING OLD TABLE AS spf_old FOR EACH STATEMENT EXECUTE FUNCTION spf_period();

-- The figures of the data already there.
SELECT score_period_figures_rebuild();
