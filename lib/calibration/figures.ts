import "server-only";
// The calibration page's precomputed figures (issue 9 "Scale and speed"): "ScorePeriodFigures"
// holds one scoring period's figures (whether it has group/council results, its final
// classification counts, and how far the group and council stages moved the scores from the
// self-scores, as sums). Triggers keep it (prisma/migrations/20261203180000_score_period_figures):
// writes of score stages (any stage), score sheets and scoring periods refresh the periods they
// touch, in the same transaction as the write. The figures are computed by ONE SQL function,
// score_period_figures_live(pids), which the triggers, the rebuild and the drift check below all
// call. Which period a school's page shows (its latest of the year with results) is chosen live
// by lib/calibration/queries.ts schoolStats.
//
// `scorePeriodFiguresDrift` compares every stored row with the figures computed live for every
// period (a missing row, or a row of a period that no longer exists, is drift): the integration
// test (tests/integration/score-period-figures.int.test.ts) calls it after every kind of write,
// and an operator can call it on a live database (an empty list means equal).
import type { PrismaClient } from "../generated/prisma/client";

type Db = Pick<PrismaClient, "$queryRaw">;

/** The figures of one period, as stored or as computed live (sums in tenths). */
export interface ScorePeriodFigureValues {
  schoolId: string;
  hasResults: boolean;
  counts: Record<string, number> | null;
  g_pairs: number;
  g_moved: number;
  g_abs: number;
  g_sum: number;
  k_pairs: number;
  k_moved: number;
  k_abs: number;
  k_sum: number;
}

export interface PeriodFiguresDrift {
  periodId: string;
  /** null: the period does not exist (a stored row left behind). */
  live: ScorePeriodFigureValues | null;
  /** null: no stored row. */
  stored: ScorePeriodFigureValues | null;
}

/** Periods whose stored figures and live ones differ (an empty list: equal), at most `limit`. */
export async function scorePeriodFiguresDrift(db: Db, limit = 100): Promise<PeriodFiguresDrift[]> {
  return db.$queryRaw<PeriodFiguresDrift[]>`
    WITH live AS (
      SELECT l."periodId",
        jsonb_build_object('schoolId', l."schoolId", 'hasResults', l."hasResults", 'counts', l."counts",
          'g_pairs', l."g_pairs", 'g_moved', l."g_moved", 'g_abs', l."g_abs", 'g_sum', l."g_sum",
          'k_pairs', l."k_pairs", 'k_moved', l."k_moved", 'k_abs', l."k_abs", 'k_sum', l."k_sum") AS v
      FROM score_period_figures_live(ARRAY(SELECT p."id" FROM "ScorePeriod" p)) l
    ),
    stored AS (
      SELECT f."periodId",
        jsonb_build_object('schoolId', f."schoolId", 'hasResults', f."hasResults", 'counts', f."counts",
          'g_pairs', f."g_pairs", 'g_moved', f."g_moved", 'g_abs', f."g_abs", 'g_sum', f."g_sum",
          'k_pairs', f."k_pairs", 'k_moved', f."k_moved", 'k_abs', f."k_abs", 'k_sum', f."k_sum") AS v
      FROM "ScorePeriodFigures" f
    )
    SELECT coalesce(l."periodId", s."periodId") AS "periodId", l.v AS live, s.v AS stored
    FROM live l FULL JOIN stored s ON s."periodId" = l."periodId"
    WHERE l.v IS DISTINCT FROM s.v
    ORDER BY 1
    LIMIT ${limit}`;
}

/**
 * Recomputes the whole table for every period (a repair; the triggers keep it equal otherwise).
 * score_period_figures_rebuild() locks the table (EXCLUSIVE: the page still reads, writers'
 * triggers wait and refresh after it). Returns the number of rows.
 */
export async function rebuildScorePeriodFigures(db: Db): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`SELECT score_period_figures_rebuild() AS n`;
  return row.n;
}
