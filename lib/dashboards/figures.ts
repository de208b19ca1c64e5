import "server-only";
// The upper-unit dashboard's precomputed figures (issue 9 "Scale and speed"): "SchoolYearFigures"
// holds one school's figures for one school year (plan, registrations, scoring and the council's
// classification, the nominations pipeline, awards). Triggers keep it
// (prisma/migrations/20261203170000_school_year_figures): writes of plans, registrations, members
// leaving, campaigns' and packages' years, scoring periods, sheets and council scores, nominees,
// awards and revocations refresh the (school, year) rows they touch, in the same transaction as
// the write. The figures are computed by ONE SQL function, school_year_figures_live(sids, yids),
// which the triggers, the rebuild and the drift check below all call.
//
// `schoolYearFiguresDrift` compares every stored row (an absent row counts as zeros) with the
// figures computed live for every school × school year: the integration test
// (tests/integration/school-year-figures.int.test.ts) calls it after every kind of write, and an
// operator can call it on a live database (an empty list means equal).
import type { PrismaClient } from "../generated/prisma/client";

type Db = Pick<PrismaClient, "$queryRaw">;

/** The figures of one (school, year) as stored or as computed live. */
export interface SchoolYearFigureValues {
  plan: number;
  registered: number;
  sheets: number;
  scored: number;
  dist: Record<string, number> | null;
  classified: number;
  excellent: number;
  draft: number;
  submitted: number;
  returned: number;
  approved: number;
  awards: number;
  individuals: number;
}

export interface FiguresDrift {
  schoolId: string;
  schoolYearId: string;
  live: SchoolYearFigureValues;
  /** The stored row (zeros when there is none). */
  stored: SchoolYearFigureValues;
}

/** (School, year) pairs where the stored figures and the live ones differ (an empty list: equal), at most `limit`. */
export async function schoolYearFiguresDrift(db: Db, limit = 100): Promise<FiguresDrift[]> {
  return db.$queryRaw<FiguresDrift[]>`
    WITH pairs AS (
      SELECT s."id" AS sid, y."id" AS yid FROM "School" s CROSS JOIN "SchoolYear" y
      UNION SELECT f."schoolId", f."schoolYearId" FROM "SchoolYearFigures" f
    ),
    live AS (
      SELECT * FROM school_year_figures_live(ARRAY(SELECT sid FROM pairs ORDER BY sid, yid), ARRAY(SELECT yid FROM pairs ORDER BY sid, yid))
    ),
    cmp AS (
      SELECT l."schoolId", l."schoolYearId",
        jsonb_build_object('plan', l."plan", 'registered', l."registered", 'sheets', l."sheets", 'scored', l."scored", 'dist', l."dist",
          'classified', l."classified", 'excellent', l."excellent", 'draft', l."draft", 'submitted', l."submitted", 'returned', l."returned",
          'approved', l."approved", 'awards', l."awards", 'individuals', l."individuals") AS live,
        jsonb_build_object('plan', coalesce(f."plan", 0), 'registered', coalesce(f."registered", 0), 'sheets', coalesce(f."sheets", 0),
          'scored', coalesce(f."scored", 0), 'dist', f."dist", 'classified', coalesce(f."classified", 0), 'excellent', coalesce(f."excellent", 0),
          'draft', coalesce(f."draft", 0), 'submitted', coalesce(f."submitted", 0), 'returned', coalesce(f."returned", 0),
          'approved', coalesce(f."approved", 0), 'awards', coalesce(f."awards", 0), 'individuals', coalesce(f."individuals", 0)) AS stored
      FROM live l
      LEFT JOIN "SchoolYearFigures" f ON f."schoolId" = l."schoolId" AND f."schoolYearId" = l."schoolYearId"
    )
    SELECT "schoolId", "schoolYearId", live, stored FROM cmp
    WHERE live <> stored
    ORDER BY 1, 2
    LIMIT ${limit}`;
}

/**
 * Recomputes the whole table for every school × school year (a repair; the triggers keep it equal
 * otherwise). school_year_figures_rebuild() locks the table (EXCLUSIVE: the dashboard still reads,
 * writers' triggers wait and refresh after it). Returns the number of rows.
 */
export async function rebuildSchoolYearFigures(db: Db): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`SELECT school_year_figures_rebuild() AS n`;
  return row.n;
}
