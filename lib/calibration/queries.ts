import "server-only";
// The calibration page's data (issue 9): for every school under an upper unit, in one SQL
// statement, the final classification counts of its latest scored period in the year and how far
// the group and council stages moved scores from the self-scores, read from the per-period
// summary "ScorePeriodFigures" (lib/calibration/figures.ts). The questions come from the
// pure rules (lib/calibration/rules.ts); filtering, sorting and paging happen here, on the server.
import { Prisma } from "../generated/prisma/client";
import type { Viewer } from "../authz/permissions";
import { getReadDb } from "../server/db";
import { foldVietnamese, vietnameseTextKey } from "../format";
import { unitFor } from "../authz/load";
import { unitDescendants } from "../orgs/tree";
import { calibrate, type CalibrationRow, type QuestionKind, type SchoolStats } from "./rules";

export const CALIBRATION_PAGE_SIZE = 25;
export const CALIBRATION_SORTS = ["cau-hoi", "xuat-sac", "ten"] as const;
export type CalibrationSort = (typeof CALIBRATION_SORTS)[number];

export interface CalibrationQuery {
  yearId?: string;
  /** Only schools with this question. */
  question?: QuestionKind;
  level?: string;
  /** Part of the school's name, diacritics ignored. */
  q?: string;
  sort?: CalibrationSort;
  page?: number;
}

type Raw = { id: string; name: string; nameSearch: string; level: string; unionUnitId: string; periodId: string | null; counts: Record<string, number> | null; g_pairs: number; g_moved: number; g_abs: number; g_sum: number; k_pairs: number; k_moved: number; k_abs: number; k_sum: number };

/** A mean in tenths from a sum over `pairs` pairs, rounded as the page always did (0 without pairs). */
const mean = (sum: number, pairs: number) => (pairs ? Math.round(Number(sum) / pairs) : 0);

/**
 * Per-school figures for the schools of the given units in a school year: one statement. Each
 * school's period is its latest of the year (end date, then creation) whose precomputed figures
 * ("ScorePeriodFigures", kept by triggers: lib/calibration/figures.ts) say it has group or council
 * results; its classification counts and the stages' moves are that row's.
 */
export async function schoolStats(db: Pick<Prisma.TransactionClient, "$queryRaw">, unitIds: string[], schoolYearId: string): Promise<(SchoolStats & { nameSearch: string })[]> {
  if (!unitIds.length) return [];
  const rows = await db.$queryRaw<Raw[]>`
    WITH schools AS (
      SELECT s."id", s."name", s."nameSearch", s."level"::text AS level, s."unionUnitId" FROM "School" s WHERE s."unionUnitId" IN (${Prisma.join(unitIds)})
    ), periods AS (
      SELECT DISTINCT ON (p."schoolId") p."schoolId", p."id"
      FROM "ScorePeriod" p
      JOIN "Campaign" c ON c."id" = p."campaignId"
      JOIN "ScorePeriodFigures" f ON f."periodId" = p."id" AND f."hasResults"
      WHERE c."schoolYearId" = ${schoolYearId} AND p."schoolId" IN (SELECT "id" FROM schools)
      ORDER BY p."schoolId", p."endsOn" DESC, p."createdAt" DESC
    )
    SELECT s."id", s."name", s."nameSearch", s.level, s."unionUnitId", per."id" AS "periodId", f."counts",
      COALESCE(f."g_pairs", 0) AS g_pairs, COALESCE(f."g_moved", 0) AS g_moved, COALESCE(f."g_abs", 0) AS g_abs, COALESCE(f."g_sum", 0) AS g_sum,
      COALESCE(f."k_pairs", 0) AS k_pairs, COALESCE(f."k_moved", 0) AS k_moved, COALESCE(f."k_abs", 0) AS k_abs, COALESCE(f."k_sum", 0) AS k_sum
    FROM schools s LEFT JOIN periods per ON per."schoolId" = s."id" LEFT JOIN "ScorePeriodFigures" f ON f."periodId" = per."id"`;
  return rows.map((r) => {
    const counts = Object.fromEntries(Object.entries(r.counts ?? {}).map(([k, n]) => [k, Number(n)]));
    return {
      schoolId: r.id,
      name: r.name,
      nameSearch: r.nameSearch,
      level: r.level,
      unionUnitId: r.unionUnitId,
      periodId: r.periodId,
      counts,
      classified: Object.values(counts).reduce((a, b) => a + b, 0),
      moves: [
        { stage: "GROUP" as const, pairs: Number(r.g_pairs), moved: Number(r.g_moved), meanAbsTenths: mean(r.g_abs, Number(r.g_pairs)), meanTenths: mean(r.g_sum, Number(r.g_pairs)) },
        { stage: "COUNCIL" as const, pairs: Number(r.k_pairs), moved: Number(r.k_moved), meanAbsTenths: mean(r.k_abs, Number(r.k_pairs)), meanTenths: mean(r.k_sum, Number(r.k_pairs)) },
      ],
    };
  });
}

type Sortable = CalibrationRow & { nameSearch: string; nameKey: string };
/** By name the Vietnamese way (compareVietnamese), on keys computed once per row, not per comparison. */
const byName = (a: Sortable, b: Sortable) => (a.nameKey < b.nameKey ? -1 : a.nameKey > b.nameKey ? 1 : 0);
const bySort: Record<CalibrationSort, (a: Sortable, b: Sortable) => number> = {
  "cau-hoi": (a, b) => b.questions.length - a.questions.length || b.excellentShare - a.excellentShare || byName(a, b),
  "xuat-sac": (a, b) => b.excellentShare - a.excellentShare || byName(a, b),
  ten: byName,
};

/**
 * The calibration page of an upper unit (scoring.read over the unit; another unit: NOT_FOUND):
 * totals first (schools, schools with results, schools per question), then one page of schools
 * with their distribution beside their peers' and their questions, filtered and sorted.
 */
export async function getCalibrationPage(viewer: Viewer, unitId: string, query: CalibrationQuery = {}) {
  const db = await getReadDb();
  const unit = await unitFor(viewer, unitId, "scoring.read", db);
  const tree = await unitDescendants(db, unit.id);
  const years = await db.schoolYear.findMany({ select: { id: true, label: true }, orderBy: { startsOn: "desc" } });
  let year = query.yearId ? years.find((y) => y.id === query.yearId) : undefined;
  if (!year) {
    // The latest year in which any school of the unit has scoring results (the period that ends
    // last among those whose precomputed figures have group or council results).
    const [latest] = await db.$queryRaw<{ schoolYearId: string }[]>`
      SELECT c."schoolYearId"
      FROM "ScorePeriod" p
      JOIN "School" s ON s."id" = p."schoolId"
      JOIN "ScorePeriodFigures" f ON f."periodId" = p."id" AND f."hasResults"
      JOIN "Campaign" c ON c."id" = p."campaignId"
      WHERE s."unionUnitId" IN (${Prisma.join(tree)})
      ORDER BY p."endsOn" DESC
      LIMIT 1`;
    year = years.find((y) => y.id === latest?.schoolYearId) ?? years[0];
  }
  const stats = year ? await schoolStats(db, tree, year.id) : [];
  const rows = (calibrate(stats) as (CalibrationRow & { nameSearch: string })[]).map((r): Sortable => ({ ...r, nameKey: vietnameseTextKey(r.name) }));
  const perQuestion: Record<QuestionKind, number> = { ALMOST_ALL_EXCELLENT: 0, ABOVE_PEERS: 0, FAR_FROM_SELF: 0, NEVER_MOVES: 0 };
  for (const r of rows) for (const k of new Set(r.questions.map((q) => q.kind))) perQuestion[k]++;
  const needle = query.q ? foldVietnamese(query.q) : "";
  const filtered = rows
    .filter((r) => (!query.question || r.questions.some((q) => q.kind === query.question)) && (!query.level || r.level === query.level) && (!needle || r.nameSearch.includes(needle)))
    .sort(bySort[query.sort ?? "cau-hoi"]);
  const pages = Math.max(1, Math.ceil(filtered.length / CALIBRATION_PAGE_SIZE));
  const page = Math.min(Math.max(1, query.page ?? 1), pages);
  const labels = [...new Set(rows.flatMap((r) => Object.keys(r.counts)))].sort((a, b) => {
    const total = (k: string) => rows.reduce((n, r) => n + (r.counts[k] ?? 0), 0);
    return (a === "Xuất sắc" ? -1 : b === "Xuất sắc" ? 1 : total(b) - total(a)) || a.localeCompare(b);
  });
  return {
    unit: { id: unit.id, name: unit.name },
    year: year ? { id: year.id, label: year.label } : null,
    years,
    labels,
    totals: { schools: rows.length, withResults: rows.filter((r) => r.classified > 0).length, withQuestions: rows.filter((r) => r.questions.length > 0).length, perQuestion },
    levels: [...new Set(rows.map((r) => r.level))].sort(),
    filters: { question: query.question, level: query.level, q: query.q, sort: query.sort ?? "cau-hoi" },
    page,
    pageSize: CALIBRATION_PAGE_SIZE,
    total: filtered.length,
    rows: filtered.slice((page - 1) * CALIBRATION_PAGE_SIZE, page * CALIBRATION_PAGE_SIZE).map(({ nameSearch: _n, nameKey: _k, ...r }) => r),
  };
}
