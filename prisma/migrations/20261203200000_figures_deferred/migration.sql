-- Many writes, one refresh (issue 9; the precomputed summaries of migrations 20261203170000
-- "SchoolYearFigures" and 20261203180000 "ScorePeriodFigures"). Their triggers refresh the summary
-- rows a statement touched, in the same transaction, once per statement. The scoring grid saves a
-- chair's forty rows as forty statements in one transaction (one conditional UPDATE per row, each
-- checking its own version), so the period's and the school year's rows were recomputed forty
-- times: ~8 ms + ~5 ms each in a 150-member school, more in a large one.
--
-- A transaction may now defer: figures_defer() (a transaction-local setting) makes both refresh
-- functions only note their keys in a temporary table; figures_flush() then refreshes every
-- noted key once — locking the rows first and recomputing in a separate statement, exactly as an
-- undeferred refresh does, so the concurrency argument of those migrations holds unchanged — and
-- ends the deferral. The setting and the notes never outlive the transaction (SET LOCAL semantics,
-- ON COMMIT DELETE ROWS): a transaction that defers and fails leaves nothing behind. The app
-- defers in one place, lib/server/figures.ts withFiguresDeferred, which always flushes before its
-- transaction commits. Proof: the summaries' integration tests run the grid save and compare the
-- stored rows with the live computation (tests/integration/score-period-figures.int.test.ts,
-- school-year-figures.int.test.ts).

CREATE OR REPLACE FUNCTION figures_defer() RETURNS void LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  CREATE TEMP TABLE IF NOT EXISTS figures_pending (kind text NOT NULL, a text NOT NULL, b text) ON COMMIT DELETE ROWS;
  PERFORM set_config('thidua.figures_deferred', 'on', true);
END $$;

CREATE OR REPLACE FUNCTION figures_flush() RETURNS void LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  s text[];
  y text[];
  p text[];
BEGIN
  PERFORM set_config('thidua.figures_deferred', 'off', true);
  IF to_regclass('pg_temp.figures_pending') IS NULL THEN
    RETURN;
  END IF;
  SELECT array_agg(x.a ORDER BY x.a, x.b), array_agg(x.b ORDER BY x.a, x.b) INTO s, y
  FROM (SELECT DISTINCT a, b FROM figures_pending WHERE kind = 'syf') x;
  SELECT array_agg(DISTINCT a) INTO p FROM figures_pending WHERE kind = 'spf';
  DELETE FROM figures_pending;
  PERFORM school_year_figures_refresh(s, y);
  PERFORM score_period_figures_refresh(p);
END $$;

-- The two refresh functions as before, with the deferred branch first.
CREATE OR REPLACE FUNCTION school_year_figures_refresh(sids text[], yids text[]) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF sids IS NULL OR cardinality(sids) = 0 THEN
    RETURN;
  END IF;
  IF current_setting('thidua.figures_deferred', true) = 'on' THEN
    INSERT INTO figures_pending (kind, a, b)
    SELECT 'syf', u.sid, u.yid FROM unnest(sids, yids) AS u(sid, yid) WHERE u.sid IS NOT NULL AND u.yid IS NOT NULL;
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

CREATE OR REPLACE FUNCTION score_period_figures_refresh(pids text[]) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF pids IS NULL OR cardinality(pids) = 0 THEN
    RETURN;
  END IF;
  IF current_setting('thidua.figures_deferred', true) = 'on' THEN
    INSERT INTO figures_pending (kind, a) SELECT 'spf', u.id FROM unnest(pids) AS u(id) WHERE u.id IS NOT NULL;
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
