import "server-only";
// The upper unit's dashboard (issue 9): its schools side by side for a school year, with the same
// figures of the year before. Set-based: whatever the number of schools, five queries – the unit,
// its subtree (lib/orgs/tree.ts), the school years, the schools in the viewer's scope
// (lib/authz/scope.ts), and ONE aggregate query that reads every school's figures for the two years
// from the precomputed "SchoolYearFigures" (kept by triggers, lib/dashboards/figures.ts; members
// not gone and the principal / union chair are counted live), filters, sorts and pages them on
// the server and returns the unit's totals beside the page. Reads go through getReadDb() (the
// streaming standby when DATABASE_REPLICA_URL is set).
import { Prisma } from "../generated/prisma/client";
import type { SchoolLevel } from "../generated/prisma/enums";
import { getReadDb } from "../server/db";
import { notFound } from "../server/errors";
import { decide } from "../authz/decide";
import { schoolScope } from "../authz/scope";
import type { Capability, Viewer } from "../authz/permissions";
import { unitDescendants } from "../orgs/tree";
import { dashboardYears } from "./years";
import type { SchoolYearFigureValues } from "./figures";
import { foldVietnamese } from "../format";
import {
  distribution,
  missingRoles,
  parseDir,
  parseSort,
  PLAN_STATUS_RANK,
  planStatusOfRank,
  share,
  type DistributionEntry,
  type Pipeline,
  type SortDir,
  type UpperSort,
} from "./rules";
import type { UnitPlanStatus } from "../plans/rules";

export const UPPER_PAGE_SIZE = 50;
const LEVELS: readonly SchoolLevel[] = ["MAM_NON", "TIEU_HOC", "THCS", "THPT", "LIEN_CAP"];
/** What the figures read; an upper unit's staff hold all of them over their unit (and an admin everywhere). */
const NEEDED: readonly Capability[] = ["school.read", "plan.read", "registration.read", "scoring.read", "nomination.read", "award.read"];
/** The band whose share the "excellent" column sorts by (the calibration question: almost everyone Xuất sắc?). */
export const EXCELLENT = "Xuất sắc";

/** Whitelisted ORDER BY expressions over the `keyed` CTE's columns (never text from the request). */
const SORT_SQL: Record<UpperSort, string> = {
  // School."sortKey": Vietnamese order of the name, word by word (migration 20261203100000).
  name: `sk`,
  level: `array_position(ARRAY['MAM_NON','TIEU_HOC','THCS','THPT','LIEN_CAP'], level)`,
  members: `members`,
  plan: `plan`,
  registration: `"regShare"`,
  scoring: `"scoredShare"`,
  excellent: `"excellentShare"`,
  nominations: `nominations`,
  awards: `awards`,
  roles: `missing`,
};

export interface UpperOptions {
  yearId?: string;
  page?: number;
  q?: string;
  sort?: string;
  dir?: string;
  level?: string;
  planStatus?: string;
}

/** One year's figures of one school (or of the unit). */
export interface YearFigures {
  plan: UnitPlanStatus;
  registered: number;
  /** registered / members not gone (null: no members). */
  registration: number | null;
  sheets: number;
  /** Sheets the council has scored completely. */
  scored: number;
  scoring: number | null;
  classified: number;
  excellent: number;
  excellentShare: number | null;
  distribution: DistributionEntry[];
  pipeline: Pipeline;
  awards: number;
  individualAwards: number;
}

export interface UpperRow {
  id: string;
  name: string;
  code: string;
  level: SchoolLevel;
  members: number;
  cur: YearFigures;
  prev: YearFigures;
  missingRoles: ("PRINCIPAL" | "UNION_CHAIR")[];
}

/** One year's stored figures of a school (or their sums over the unit). */
type RawYear = SchoolYearFigureValues;
type RawRow = { id: string; name: string; code: string; level: SchoolLevel; members: number; hasPrincipal: boolean; hasChair: boolean; c: RawYear; p: RawYear };
type RawTotals = { schools: number; members: number; missingPrincipal: number; missingChair: number; missingAny: number; plans: Record<string, number> | null; plansPrev: Record<string, number> | null; c: RawYear; p: RawYear };
type RawResult = { matched: number; totals: RawTotals; rows: RawRow[] };

function figures(y: RawYear, members: number, plan: UnitPlanStatus): YearFigures {
  return {
    plan,
    registered: y.registered,
    registration: share(y.registered, members),
    sheets: y.sheets,
    scored: y.scored,
    scoring: share(y.scored, y.sheets),
    classified: y.classified,
    excellent: y.excellent,
    excellentShare: share(y.excellent, y.classified),
    distribution: distribution(y.dist ?? {}),
    pipeline: { draft: y.draft, submitted: y.submitted, returned: y.returned, approved: y.approved },
    awards: y.awards,
    individualAwards: y.individuals,
  };
}

/** Sums of one year's columns across schools, as a JSON object of the same shape as a row's. */
function yearSums(p: "c" | "p"): Prisma.Sql {
  const cols = ["registered", "sheets", "scored", "classified", "excellent", "draft", "submitted", "returned", "approved", "awards", "individuals"];
  return Prisma.raw(`json_build_object(${cols.map((c) => `'${c}', coalesce(sum(${p}_${c}), 0)::int`).join(", ")}, 'plan', 0)`);
}
function yearRow(p: "c" | "p"): Prisma.Sql {
  const cols = ["plan", "registered", "sheets", "scored", "dist", "classified", "excellent", "draft", "submitted", "returned", "approved", "awards", "individuals"];
  return Prisma.raw(`json_build_object(${cols.map((c) => `'${c}', ${p}_${c}`).join(", ")})`);
}

/**
 * The upper unit's dashboard for a school year (default: the running one) beside the year before:
 * totals for every school under the unit (its whole subtree), then one page (50) of schools,
 * searched (diacritics ignored), filtered (school level, plan status) and sorted by any column on
 * the server. Who: the unit's staff and admins (school.read, plan.read, registration.read,
 * scoring.read, nomination.read and award.read over the unit). Throws NOT_FOUND for a unit the
 * viewer does not serve (the same as a unit that does not exist).
 */
export async function getUpperDashboard(viewer: Viewer, unitId: string, opts: UpperOptions = {}) {
  // The gate's decision (lib/authz/decide.ts) for the unit, before any query: a unit the viewer
  // does not serve and a unit that does not exist both end in NOT_FOUND.
  if (!NEEDED.every((c) => decide(viewer, c, { unitId }))) throw notFound();
  const db = await getReadDb();
  const [unit, subtree, { years, year, prevYear }] = await Promise.all([
    db.organisation.findUnique({ where: { id: unitId }, select: { id: true, name: true } }),
    unitDescendants(db, unitId),
    dashboardYears(db, opts.yearId),
  ]);
  if (!unit) throw notFound();
  const schools = await db.school.findMany({ where: { AND: [schoolScope(viewer, "school.read"), { unionUnitId: { in: subtree } }] }, select: { id: true } });
  const ids = schools.map((s) => s.id);

  const sort = parseSort(opts.sort);
  const dir: SortDir = parseDir(opts.dir, sort);
  const q = opts.q ? foldVietnamese(opts.q) : "";
  const level = LEVELS.find((l) => l === opts.level) ?? null;
  const planStatus = opts.planStatus && opts.planStatus in PLAN_STATUS_RANK ? (opts.planStatus as UnitPlanStatus) : null;
  const page = Math.max(1, Math.floor(opts.page ?? 1));

  const raw = await aggregate(db, { ids, cur: year?.id ?? "", prev: prevYear?.id ?? "", q, level, planRank: planStatus ? PLAN_STATUS_RANK[planStatus] : null, sort, dir, page });
  const t = raw.totals;
  const planCounts = (m: Record<string, number> | null) => Object.fromEntries((["NONE", "DRAFT", "SUBMITTED", "SIGNED"] as const).map((s) => [s, m?.[String(PLAN_STATUS_RANK[s])] ?? 0])) as Record<UnitPlanStatus, number>;
  return {
    unit,
    years: years.map((y) => ({ id: y.id, label: y.label })),
    year: year ? { id: year.id, label: year.label } : null,
    prevYear: prevYear ? { id: prevYear.id, label: prevYear.label } : null,
    totals: {
      schools: t.schools,
      members: t.members,
      missingPrincipal: t.missingPrincipal,
      missingChair: t.missingChair,
      missingAny: t.missingAny,
      plans: planCounts(t.plans),
      plansPrev: planCounts(t.plansPrev),
      cur: figures(t.c, t.members, "NONE"),
      prev: figures(t.p, t.members, "NONE"),
    },
    rows: raw.rows.map(
      (r): UpperRow => ({
        id: r.id,
        name: r.name,
        code: r.code,
        level: r.level,
        members: r.members,
        cur: figures(r.c, r.members, planStatusOfRank(r.c.plan)),
        prev: figures(r.p, r.members, planStatusOfRank(r.p.plan)),
        missingRoles: missingRoles({ principal: r.hasPrincipal, chair: r.hasChair }),
      }),
    ),
    matched: raw.matched,
    page,
    pageSize: UPPER_PAGE_SIZE,
    query: { q: opts.q ?? "", sort, dir, level, planStatus },
  };
}
export type UpperDashboard = Awaited<ReturnType<typeof getUpperDashboard>>;

type Db = Pick<Awaited<ReturnType<typeof getReadDb>>, "$queryRaw">;
export interface AggregateInput {
  ids: string[];
  cur: string;
  prev: string;
  q: string;
  level: SchoolLevel | null;
  planRank: number | null;
  sort: UpperSort;
  dir: SortDir;
  page: number;
}

/** The one aggregate query: every school's figures for two years, the matching page, the unit's totals. */
async function aggregate(db: Db, a: AggregateInput): Promise<RawResult> {
  const rows = await db.$queryRaw<RawResult[]>(aggregateSql(a));
  return rows[0];
}

/** The aggregate query's text and parameters (exported for EXPLAIN in the benchmark and tests). */
export function aggregateSql(a: AggregateInput): Prisma.Sql {
  const ids = a.ids;
  const years = Prisma.sql`(${a.cur}, ${a.prev})`;
  const filters: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (a.q) filters.push(Prisma.sql`(position(${a.q} in ns) > 0 OR position(${a.q.toUpperCase()} in upper(code)) > 0)`);
  if (a.level) filters.push(Prisma.sql`level = ${a.level}`);
  if (a.planRank !== null) filters.push(Prisma.sql`c_plan = ${a.planRank}`);
  const order = Prisma.raw(`${SORT_SQL[a.sort]} ${a.dir === "asc" ? "ASC" : "DESC"} NULLS LAST, sk ASC, id ASC`);
  const yearCols = (p: "c" | "p") => {
    const f = Prisma.raw(`fg_${p}`);
    const col = (c: string) => Prisma.raw(`coalesce(fg_${p}."${c}", 0) AS ${p}_${c}`);
    return Prisma.sql`
      ${col("plan")}, ${col("registered")}, ${col("sheets")}, ${col("scored")}, ${f}.dist AS ${Prisma.raw(`${p}_dist`)},
      ${col("classified")}, ${col("excellent")}, ${col("draft")}, ${col("submitted")}, ${col("returned")}, ${col("approved")},
      ${col("awards")}, ${col("individuals")}`;
  };
  const yearJoins = (p: "c" | "p", y: string) => {
    const f = Prisma.raw(`fg_${p}`);
    return Prisma.sql`
      LEFT JOIN fg ${f} ON ${f}."schoolId" = sc.id AND ${f}."schoolYearId" = ${y}`;
  };
  // A year's distribution across the unit: the schools' distributions added label by label.
  const distSum = (p: "c" | "p") =>
    Prisma.raw(`(SELECT json_object_agg(label, n) FROM (SELECT e.key AS label, sum(e.value::int)::int AS n FROM keyed, jsonb_each_text(keyed.${p}_dist) e GROUP BY 1) d)`);
  const now = new Date();
  return Prisma.sql`
    WITH sc AS (
      SELECT s.id, s.name, s.code, s.level::text AS level, s."nameSearch" AS ns, s."sortKey" AS sk
      FROM "School" s WHERE s.id = ANY(${ids}::text[])
    ),
    mem AS (
      SELECT m."schoolId" AS sid, count(*)::int AS n
      FROM "Member" m WHERE m."schoolId" = ANY(${ids}::text[]) AND m.status <> 'LEFT'
      GROUP BY 1
    ),
    fg AS (
      -- The precomputed figures of the two years ("SchoolYearFigures", kept by triggers in the
      -- same transaction as every write that feeds them: lib/dashboards/figures.ts); an absent
      -- row is a school with nothing that year (zeros).
      SELECT f.* FROM "SchoolYearFigures" f
      WHERE f."schoolId" = ANY(${ids}::text[]) AND f."schoolYearId" IN ${years}
    ),
    ro AS (
      SELECT ra."schoolId" AS sid, bool_or(ra.role = 'PRINCIPAL') AS principal, bool_or(ra.role = 'UNION_CHAIR') AS chair
      FROM "RoleAssignment" ra JOIN "User" u ON u.id = ra."userId" AND NOT u.disabled
      WHERE ra."schoolId" = ANY(${ids}::text[]) AND ra.role IN ('PRINCIPAL', 'UNION_CHAIR')
        AND ra."validFrom" <= ${now} AND (ra."validTo" IS NULL OR ra."validTo" > ${now})
      GROUP BY 1
    ),
    keyed AS (
      SELECT sc.id, sc.name, sc.code, sc.level, sc.ns, sc.sk, coalesce(mem.n, 0) AS members,
        coalesce(ro.principal, false) AS "hasPrincipal", coalesce(ro.chair, false) AS "hasChair",
        ${yearCols("c")},
        ${yearCols("p")}
      FROM sc
      LEFT JOIN mem ON mem.sid = sc.id
      LEFT JOIN ro ON ro.sid = sc.id
      ${yearJoins("c", a.cur)}
      ${yearJoins("p", a.prev)}
    ),
    sorted AS (
      SELECT keyed.*,
        CASE WHEN members > 0 THEN c_registered::float8 / members END AS "regShare",
        CASE WHEN c_sheets > 0 THEN c_scored::float8 / c_sheets END AS "scoredShare",
        CASE WHEN c_classified > 0 THEN c_excellent::float8 / c_classified END AS "excellentShare",
        (c_draft + c_submitted + c_returned + c_approved) AS nominations,
        c_awards AS awards,
        c_plan AS plan,
        ((NOT "hasPrincipal")::int + (NOT "hasChair")::int) AS missing
      FROM keyed
    ),
    matched AS (SELECT * FROM sorted WHERE ${Prisma.join(filters, " AND ")}),
    page AS (
      SELECT matched.*, row_number() OVER (ORDER BY ${order}) AS pos
      FROM matched ORDER BY pos LIMIT ${UPPER_PAGE_SIZE} OFFSET ${(a.page - 1) * UPPER_PAGE_SIZE}
    )
    SELECT
      (SELECT count(*)::int FROM matched) AS matched,
      (SELECT json_build_object(
          'schools', count(*)::int,
          'members', coalesce(sum(members), 0)::int,
          'missingPrincipal', count(*) FILTER (WHERE NOT "hasPrincipal")::int,
          'missingChair', count(*) FILTER (WHERE NOT "hasChair")::int,
          'missingAny', count(*) FILTER (WHERE NOT ("hasPrincipal" AND "hasChair"))::int,
          'plans', (SELECT json_object_agg(k, n) FROM (SELECT c_plan AS k, count(*)::int AS n FROM keyed GROUP BY 1) x),
          'plansPrev', (SELECT json_object_agg(k, n) FROM (SELECT p_plan AS k, count(*)::int AS n FROM keyed GROUP BY 1) x),
          'c', ${yearSums("c")}::jsonb || jsonb_build_object('dist', ${distSum("c")}),
          'p', ${yearSums("p")}::jsonb || jsonb_build_object('dist', ${distSum("p")})
        ) FROM keyed) AS totals,
      (SELECT coalesce(json_agg(json_build_object(
          'id', id, 'name', name, 'code', code, 'level', level, 'members', members,
          'hasPrincipal', "hasPrincipal", 'hasChair', "hasChair",
          'c', ${yearRow("c")}, 'p', ${yearRow("p")}) ORDER BY pos), '[]'::json) FROM page) AS rows`;
}
