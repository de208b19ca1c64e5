import "server-only";
// The calibration page's data (issue 9): for every school under an upper unit, in one SQL
// statement, the final classification counts of its latest scored period in the year and how far
// the group and council stages moved scores from the self-scores. The questions come from the
// pure rules (lib/calibration/rules.ts); filtering, sorting and paging happen here, on the server.
import { Prisma } from "../generated/prisma/client";
import type { Viewer } from "../authz/permissions";
import { getReadDb } from "../server/db";
import { compareVietnamese, foldVietnamese } from "../format";
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

type Raw = { id: string; name: string; nameSearch: string; level: string; unionUnitId: string; periodId: string | null; counts: Record<string, number> | null; g_pairs: number; g_moved: number; g_abs: number; g_mean: number; k_pairs: number; k_moved: number; k_abs: number; k_mean: number };

/** Per-school figures for the schools of the given units in a school year: one statement. */
export async function schoolStats(db: Pick<Prisma.TransactionClient, "$queryRaw">, unitIds: string[], schoolYearId: string): Promise<(SchoolStats & { nameSearch: string })[]> {
  if (!unitIds.length) return [];
  const rows = await db.$queryRaw<Raw[]>`
    WITH schools AS (
      SELECT s."id", s."name", s."nameSearch", s."level"::text AS level, s."unionUnitId" FROM "School" s WHERE s."unionUnitId" IN (${Prisma.join(unitIds)})
    ), periods AS (
      SELECT DISTINCT ON (p."schoolId") p."schoolId", p."id"
      FROM "ScorePeriod" p JOIN "Campaign" c ON c."id" = p."campaignId"
      WHERE c."schoolYearId" = ${schoolYearId} AND p."schoolId" IN (SELECT "id" FROM schools)
        AND EXISTS (SELECT 1 FROM "ScoreSheet" sh JOIN "ScoreStage" st ON st."sheetId" = sh."id" WHERE sh."periodId" = p."id" AND st."stage" IN ('GROUP', 'COUNCIL') AND st."complete")
      ORDER BY p."schoolId", p."endsOn" DESC, p."createdAt" DESC
    ), sheets AS (
      SELECT per."schoolId",
        COALESCE(se."complete", false) AS self_ok, se."totalTenths" AS self_t,
        COALESCE(g."complete", false) AS g_ok, g."totalTenths" AS g_t, g."classification" AS g_c,
        COALESCE(k."complete", false) AS k_ok, k."totalTenths" AS k_t, k."classification" AS k_c
      FROM periods per JOIN "ScoreSheet" sh ON sh."periodId" = per."id"
      LEFT JOIN "ScoreStage" se ON se."sheetId" = sh."id" AND se."stage" = 'SELF'
      LEFT JOIN "ScoreStage" g ON g."sheetId" = sh."id" AND g."stage" = 'GROUP'
      LEFT JOIN "ScoreStage" k ON k."sheetId" = sh."id" AND k."stage" = 'COUNCIL'
    ), dist AS (
      SELECT "schoolId", cls, count(*)::int AS n
      FROM (SELECT "schoolId", CASE WHEN k_ok THEN k_c WHEN g_ok THEN g_c END AS cls FROM sheets) z
      WHERE cls IS NOT NULL GROUP BY 1, 2
    ), counts AS (
      SELECT "schoolId", json_object_agg(cls, n) AS counts FROM dist GROUP BY 1
    ), moves AS (
      SELECT "schoolId",
        count(*) FILTER (WHERE self_ok AND g_ok)::int AS g_pairs,
        count(*) FILTER (WHERE self_ok AND g_ok AND g_t <> self_t)::int AS g_moved,
        COALESCE(avg(abs(g_t - self_t)) FILTER (WHERE self_ok AND g_ok), 0)::float8 AS g_abs,
        COALESCE(avg(g_t - self_t) FILTER (WHERE self_ok AND g_ok), 0)::float8 AS g_mean,
        count(*) FILTER (WHERE self_ok AND k_ok)::int AS k_pairs,
        count(*) FILTER (WHERE self_ok AND k_ok AND k_t <> self_t)::int AS k_moved,
        COALESCE(avg(abs(k_t - self_t)) FILTER (WHERE self_ok AND k_ok), 0)::float8 AS k_abs,
        COALESCE(avg(k_t - self_t) FILTER (WHERE self_ok AND k_ok), 0)::float8 AS k_mean
      FROM sheets GROUP BY 1
    )
    SELECT s."id", s."name", s."nameSearch", s.level, s."unionUnitId", per."id" AS "periodId", c.counts,
      COALESCE(m.g_pairs, 0) AS g_pairs, COALESCE(m.g_moved, 0) AS g_moved, COALESCE(m.g_abs, 0) AS g_abs, COALESCE(m.g_mean, 0) AS g_mean,
      COALESCE(m.k_pairs, 0) AS k_pairs, COALESCE(m.k_moved, 0) AS k_moved, COALESCE(m.k_abs, 0) AS k_abs, COALESCE(m.k_mean, 0) AS k_mean
    FROM schools s LEFT JOIN periods per ON per."schoolId" = s."id" LEFT JOIN counts c ON c."schoolId" = s."id" LEFT JOIN moves m ON m."schoolId" = s."id"`;
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
        { stage: "GROUP" as const, pairs: Number(r.g_pairs), moved: Number(r.g_moved), meanAbsTenths: Math.round(Number(r.g_abs)), meanTenths: Math.round(Number(r.g_mean)) },
        { stage: "COUNCIL" as const, pairs: Number(r.k_pairs), moved: Number(r.k_moved), meanAbsTenths: Math.round(Number(r.k_abs)), meanTenths: Math.round(Number(r.k_mean)) },
      ],
    };
  });
}

const bySort: Record<CalibrationSort, (a: CalibrationRow & { nameSearch: string }, b: CalibrationRow & { nameSearch: string }) => number> = {
  "cau-hoi": (a, b) => b.questions.length - a.questions.length || b.excellentShare - a.excellentShare || compareVietnamese(a.name, b.name),
  "xuat-sac": (a, b) => b.excellentShare - a.excellentShare || compareVietnamese(a.name, b.name),
  ten: (a, b) => compareVietnamese(a.name, b.name),
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
    // The latest year in which any school of the unit has scoring results.
    const latest = await db.scorePeriod.findFirst({
      where: { school: { unionUnitId: { in: tree } }, sheets: { some: { stages: { some: { stage: { in: ["GROUP", "COUNCIL"] }, complete: true } } } } },
      orderBy: { endsOn: "desc" },
      select: { campaign: { select: { schoolYearId: true } } },
    });
    year = years.find((y) => y.id === latest?.campaign.schoolYearId) ?? years[0];
  }
  const stats = year ? await schoolStats(db, tree, year.id) : [];
  const rows = calibrate(stats) as (CalibrationRow & { nameSearch: string })[];
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
    rows: filtered.slice((page - 1) * CALIBRATION_PAGE_SIZE, page * CALIBRATION_PAGE_SIZE).map(({ nameSearch: _n, ...r }) => r),
  };
}
