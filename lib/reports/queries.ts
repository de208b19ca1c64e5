import "server-only";
// Reports of an upper unit over itself and every unit below it (issue 9). Set-based: each report
// is a few grouped SQL queries over the unit's subtree (lib/orgs/tree.ts, one recursive CTE) and
// its schools (School.unionUnitId), never a query per school or per member. Every function checks
// the gate itself (report.read on the unit): another unit's id is NOT_FOUND, like a missing one.
// Awards count by their decision's date (AwardDecision.signedOn) and exclude revoked decisions.
// The award counts read "AwardTally" (lib/reports/summary.ts: award rows per decision and school by
// title, level, recipient kind, member's gender and position, kept by triggers in the same
// transaction as every Award or Member write), not every Award row: a province's term report
// reads tens of thousands of tally rows instead of hundreds of thousands of awards.
import { Prisma } from "../generated/prisma/client";
import type { Viewer } from "../authz/permissions";
import { checkGate } from "../authz/gate";
import { unitAncestors, unitDescendants } from "../orgs/tree";
import { getDb } from "../server/db";
import { buildAwardsTable, buildStatForm, awardsSummary, type AwardGroupRow, type AwardsTable, type StatForm } from "./awards-rules";
import type { Period, SchoolYearRow, UnionTermRow } from "./period";
import { buildTitleRows, buildMovementRows, type SchoolMovementRow, type SchoolTitleRow, type MovementTotals } from "./school-rules";
import { byVietnameseName } from "../format";

type Db = Awaited<ReturnType<typeof getDb>>;

export interface ReportUnit {
  id: string;
  name: string;
  place: string | null;
  parentName: string | null;
  /** The unit and every unit below it. */
  subtreeIds: string[];
  schools: { id: string; name: string; unionUnitId: string }[];
}

/** The unit (gate: report.read), its subtree and its schools. */
export async function getReportUnit(viewer: Viewer, unitId: string, db?: Db): Promise<ReportUnit> {
  await checkGate(viewer, "report.read", { unit: unitId });
  const d = db ?? (await getDb());
  const subtreeIds = await unitDescendants(d, unitId);
  const [unit, schools] = await Promise.all([
    d.organisation.findUniqueOrThrow({ where: { id: unitId }, select: { id: true, name: true, place: true, parent: { select: { name: true } } } }),
    d.school.findMany({ where: { unionUnitId: { in: subtreeIds } }, select: { id: true, name: true, unionUnitId: true }, orderBy: [{ name: "asc" }, { id: "asc" }] }).then(byVietnameseName),
  ]);
  return { id: unit.id, name: unit.name, place: unit.place, parentName: unit.parent?.name ?? null, subtreeIds, schools };
}

/** The choices of the period picker: every school year, and the union terms of the unit and the units above it. */
export async function getPeriodChoices(viewer: Viewer, unitId: string): Promise<{ schoolYears: SchoolYearRow[]; unionTerms: UnionTermRow[] }> {
  await checkGate(viewer, "report.read", { unit: unitId });
  const db = await getDb();
  const above = await unitAncestors(db, unitId);
  const [schoolYears, unionTerms] = await Promise.all([
    db.schoolYear.findMany({ select: { id: true, label: true, startsOn: true, endsOn: true }, orderBy: { startsOn: "desc" } }),
    db.unionTerm.findMany({ where: { organisationId: { in: above } }, select: { id: true, label: true, startsOn: true, endsOn: true }, orderBy: { startsOn: "desc" } }),
  ]);
  return { schoolYears, unionTerms };
}

const ids = (xs: readonly string[]) => (xs.length ? Prisma.join(xs) : Prisma.sql`NULL`);

/** Award rows of the unit's schools decided in the period (not revoked), grouped as report 1 needs. */
async function awardGroups(db: Db, unit: ReportUnit, p: Period): Promise<AwardGroupRow[]> {
  return db.$queryRaw<AwardGroupRow[]>`
    SELECT a."titleCode", a."level"::text AS level, a."subject"::text AS subject,
      COALESCE(d."side"::text, CASE WHEN o."type" IN ('PHONG_GD', 'SO_GD', 'UBND_XA') THEN 'STATE' ELSE 'UNION' END) AS side,
      o."type"::text AS "orgType",
      (d."organisationId" = s."unionUnitId") AS "directUpper",
      a."gender"::text AS gender, a."position" AS position,
      SUM(a."n")::int AS n
    FROM "AwardTally" a
    JOIN "AwardDecision" d ON d."id" = a."decisionId"
    JOIN "Organisation" o ON o."id" = d."organisationId"
    JOIN "School" s ON s."id" = a."schoolId"
    WHERE s."unionUnitId" IN (${ids(unit.subtreeIds)})
      AND d."signedOn" BETWEEN ${p.from}::date AND ${p.to}::date
      AND NOT EXISTS (SELECT 1 FROM "DecisionRevocation" r WHERE r."decisionId" = d."id")
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`;
}

/** Campaigns (not drafts) launched by the unit's subtree or its schools, for a school year overlapping the period. */
async function campaignsLaunched(db: Db, unit: ReportUnit, p: Period): Promise<{ byUnits: number; bySchools: number }> {
  const [r] = await db.$queryRaw<{ byUnits: number; bySchools: number }[]>`
    SELECT COUNT(*) FILTER (WHERE c."organisationId" IN (${ids(unit.subtreeIds)}))::int AS "byUnits",
           COUNT(*) FILTER (WHERE c."schoolId" IN (${ids(unit.schools.map((s) => s.id))}))::int AS "bySchools"
    FROM "Campaign" c JOIN "SchoolYear" y ON y."id" = c."schoolYearId"
    WHERE c."state" <> 'DRAFT' AND y."startsOn" <= ${p.to}::date AND y."endsOn" >= ${p.from}::date
      AND (c."organisationId" IN (${ids(unit.subtreeIds)}) OR c."schoolId" IN (${ids(unit.schools.map((s) => s.id))}))`;
  return r ?? { byUnits: 0, bySchools: 0 };
}

export interface AwardsReport {
  unit: ReportUnit;
  period: Period;
  table: AwardsTable;
  summary: string;
  /**
   * For a school-year period, where the decision's own school year and its date disagree: awards
   * counted here (signed in the period) whose decision is for another year, and awards of decisions
   * for this year signed outside the period (not counted here).
   */
  yearMismatch: { otherYear: number; outside: number } | null;
}

async function yearMismatch(db: Db, unit: ReportUnit, p: Period): Promise<AwardsReport["yearMismatch"]> {
  if (p.kind !== "nam-hoc" || !p.refId) return null;
  const [r] = await db.$queryRaw<{ otherYear: number; outside: number }[]>`
    SELECT COALESCE(SUM(a."n") FILTER (WHERE d."signedOn" BETWEEN ${p.from}::date AND ${p.to}::date AND d."schoolYearId" <> ${p.refId}), 0)::int AS "otherYear",
           COALESCE(SUM(a."n") FILTER (WHERE d."schoolYearId" = ${p.refId} AND d."signedOn" NOT BETWEEN ${p.from}::date AND ${p.to}::date), 0)::int AS "outside"
    FROM "AwardTally" a
    JOIN "AwardDecision" d ON d."id" = a."decisionId"
    JOIN "School" s ON s."id" = a."schoolId"
    WHERE s."unionUnitId" IN (${ids(unit.subtreeIds)})
      AND NOT EXISTS (SELECT 1 FROM "DecisionRevocation" r WHERE r."decisionId" = d."id")`;
  return r ?? { otherYear: 0, outside: 0 };
}

/** Report 1: awards by form and issuing level (upper-unit staff, admin; report.read on the unit). */
export async function getAwardsReport(viewer: Viewer, unitId: string, period: Period): Promise<AwardsReport> {
  const db = await getDb();
  const unit = await getReportUnit(viewer, unitId, db);
  const [rows, mismatch] = await Promise.all([awardGroups(db, unit, period), yearMismatch(db, unit, period)]);
  const table = buildAwardsTable(rows);
  return { unit, period, table, summary: awardsSummary(unit.name, period.label, table), yearMismatch: mismatch };
}

export interface StatFormReport extends AwardsReport {
  form: StatForm;
  campaigns: { byUnits: number; bySchools: number };
}

/** Report 2: the Home Affairs statistical form (movements; awards by form and kind of recipient). */
export async function getStatFormReport(viewer: Viewer, unitId: string, period: Period): Promise<StatFormReport> {
  const db = await getDb();
  const unit = await getReportUnit(viewer, unitId, db);
  const [rows, campaigns, mismatch] = await Promise.all([awardGroups(db, unit, period), campaignsLaunched(db, unit, period), yearMismatch(db, unit, period)]);
  const table = buildAwardsTable(rows);
  return { unit, period, table, summary: awardsSummary(unit.name, period.label, table), yearMismatch: mismatch, form: buildStatForm(table, campaigns.byUnits + campaigns.bySchools), campaigns };
}

export interface TitlesReport {
  unit: ReportUnit;
  period: Period;
  schools: SchoolTitleRow[];
  total: SchoolTitleRow;
}

/** Report 3: titles per school (LĐTT, CSTĐCS, collective titles) against members; women's share; initiatives by level. */
export async function getTitlesReport(viewer: Viewer, unitId: string, period: Period): Promise<TitlesReport> {
  const db = await getDb();
  const unit = await getReportUnit(viewer, unitId, db);
  const schoolIds = unit.schools.map((s) => s.id);
  const [awards, members, initiatives] = await Promise.all([
    db.$queryRaw<{ schoolId: string; titleCode: string; subject: string; gender: string | null; n: number }[]>`
      SELECT a."schoolId", a."titleCode", a."subject"::text AS subject, a."gender"::text AS gender, SUM(a."n")::int AS n
      FROM "AwardTally" a
      JOIN "AwardDecision" d ON d."id" = a."decisionId"
      WHERE a."schoolId" IN (${ids(schoolIds)})
        AND d."signedOn" BETWEEN ${period.from}::date AND ${period.to}::date
        AND NOT EXISTS (SELECT 1 FROM "DecisionRevocation" r WHERE r."decisionId" = d."id")
      GROUP BY 1, 2, 3, 4`,
    db.$queryRaw<{ schoolId: string; members: number; women: number }[]>`
      SELECT m."schoolId", COUNT(*)::int AS members, COUNT(*) FILTER (WHERE m."gender" = 'NU')::int AS women
      FROM "Member" m WHERE m."schoolId" IN (${ids(schoolIds)}) AND m."status" <> 'LEFT'
      GROUP BY 1`,
    db.$queryRaw<{ schoolId: string; level: string; n: number }[]>`
      SELECT i."schoolId", i."level"::text AS level, COUNT(*)::int AS n
      FROM "Initiative" i
      WHERE i."schoolId" IN (${ids(schoolIds)}) AND i."level" IS NOT NULL
        AND i."recognisedOn" BETWEEN ${period.from}::date AND ${period.to}::date
      GROUP BY 1, 2`,
  ]);
  const { schools, total } = buildTitleRows(unit.schools, awards, members, initiatives);
  return { unit, period, schools, total };
}

export interface MovementsReport {
  unit: ReportUnit;
  period: Period;
  campaigns: { byUnits: number; bySchools: number };
  schools: SchoolMovementRow[];
  total: MovementTotals;
}

/** Report 4: campaigns launched, registration rate and scoring completion, per school. */
export async function getMovementsReport(viewer: Viewer, unitId: string, period: Period): Promise<MovementsReport> {
  const db = await getDb();
  const unit = await getReportUnit(viewer, unitId, db);
  const schoolIds = unit.schools.map((s) => s.id);
  const [campaigns, perSchool, registered, members, sheets] = await Promise.all([
    campaignsLaunched(db, unit, period),
    // Campaigns that reach a school: its own, and those of its upper union.
    db.$queryRaw<{ schoolId: string; n: number }[]>`
      SELECT s."id" AS "schoolId", COUNT(c."id")::int AS n
      FROM "School" s
      JOIN "Campaign" c ON (c."schoolId" = s."id" OR c."organisationId" = s."unionUnitId")
      JOIN "SchoolYear" y ON y."id" = c."schoolYearId"
      WHERE s."id" IN (${ids(schoolIds)}) AND c."state" <> 'DRAFT'
        AND y."startsOn" <= ${period.to}::date AND y."endsOn" >= ${period.from}::date
      GROUP BY 1`,
    // Distinct (school, member) first, hashed, then only members not gone (a COUNT(DISTINCT) sorted
    // the province's 520,000 registrations on disk); the schools as one array parameter.
    db.$queryRaw<{ schoolId: string; n: number }[]>`
      SELECT x."schoolId", COUNT(*)::int AS n
      FROM (
        SELECT DISTINCT r."schoolId", r."memberId"
        FROM "Registration" r
        JOIN "Campaign" c ON c."id" = r."campaignId"
        JOIN "SchoolYear" y ON y."id" = c."schoolYearId"
        WHERE r."schoolId" = ANY(${schoolIds}::text[]) AND c."state" <> 'DRAFT'
          AND y."startsOn" <= ${period.to}::date AND y."endsOn" >= ${period.from}::date
      ) x
      JOIN "Member" m ON m."id" = x."memberId" AND m."status" <> 'LEFT'
      GROUP BY 1`,
    db.$queryRaw<{ schoolId: string; n: number }[]>`
      SELECT m."schoolId", COUNT(*)::int AS n FROM "Member" m
      WHERE m."schoolId" IN (${ids(schoolIds)}) AND m."status" <> 'LEFT' GROUP BY 1`,
    // The council stage joined (at most one per sheet), not probed per sheet: on the province's
    // 450,000 sheets the per-row EXISTS took 2.7 s, the join 0.35 s.
    db.$queryRaw<{ schoolId: string; sheets: number; done: number }[]>`
      SELECT p."schoolId", COUNT(*)::int AS sheets, COUNT(st."sheetId")::int AS done
      FROM "ScoreSheet" sh JOIN "ScorePeriod" p ON p."id" = sh."periodId"
      LEFT JOIN "ScoreStage" st ON st."sheetId" = sh."id" AND st."stage" = 'COUNCIL' AND st."complete"
      WHERE p."schoolId" = ANY(${schoolIds}::text[])
        AND p."startsOn" <= ${period.to}::date AND p."endsOn" >= ${period.from}::date
      GROUP BY 1`,
  ]);
  const { schools, total } = buildMovementRows(unit.schools, { campaigns: perSchool, registered, members, sheets });
  return { unit, period, campaigns, schools, total };
}
