import "server-only";
// Builds the plain facts the rules read (lib/awards/facts.ts) from the database, set-based: one
// query for a whole school (schoolFacts), whatever its size, for the eligibility page and the
// nominations alike (issue 9: "computed set-based in a bounded number of queries").
import { Prisma } from "../generated/prisma/client";
import type { AwardLevel, CivilServantGrade, DisciplineLevel, Gender, OpenCaseKind, StandardRating } from "../generated/prisma/enums";
import { toIsoDay, type AwardFact, type MemberFacts, type PeriodInfo } from "./facts";
import { DEFAULT_SETTING_ROWS, resolveSettings, type SettingRow, type Settings } from "./settings";
import { CATALOGUE } from "./catalogue";
import { ancestorChainCte, unitAncestors as unitChain } from "../orgs/tree";
import type { Db } from "../authz/load";
import { preparedAs } from "../server/database";
import { TITLE_CODES, TITLES } from "../campaigns/rules";
import { evaluateMember, type Verdict } from "./rules";

const iso = (d: Date | null | undefined) => (d ? toIsoDay(d) : null);

/** The thresholds for a school's upper unit (and its parents) in a school year. */
export async function settingsFor(db: Db, unionUnitId: string, period: PeriodInfo): Promise<Settings> {
  const chain = await unitChain(db, unionUnitId);
  const rows = await db.awardSetting.findMany({ where: { organisationId: { in: chain } } });
  const dbRows: SettingRow[] = rows.map((r) => ({
    id: r.id,
    key: r.key,
    value: r.value,
    basis: r.basis,
    source: r.source.toLowerCase() as SettingRow["source"],
    validFrom: toIsoDay(r.validFrom),
    validTo: iso(r.validTo),
    organisationId: r.organisationId,
    schoolYearId: r.schoolYearId,
  }));
  return resolveSettings([...DEFAULT_SETTING_ROWS, ...dbRows], { on: period.endsOn, organisationIds: chain, schoolYearId: period.schoolYearId });
}

export interface SchoolMemberFacts {
  member: { id: string; fullName: string; sortKey: string; nameSearch: string; gender: Gender; position: string | null; unionGroupId: string | null; unionGroupName: string | null; professionalGroup: string | null; status: string };
  facts: MemberFacts;
}

const INDIVIDUAL_TITLES: string[] = TITLE_CODES.filter((c) => !TITLES[c].collective);

type Day = string;
interface MemberRow {
  id: string;
  fullName: string;
  sortKey: string;
  nameSearch: string;
  gender: Gender;
  position: string | null;
  unionGroupId: string | null;
  unionGroupName: string | null;
  professionalGroup: string | null;
  status: string;
  contractStartAt: Day | null;
  evals: { schoolId: string; schoolYearId: string; startYear: number; grade: CivilServantGrade | null; standardRating: StandardRating | null; registered: boolean; absenceWorkingDays: number; maternityLeaveDays: number; note: string | null; version: number }[];
  disciplines: { level: DisciplineLevel; decidedOn: Day; effectiveTo: Day | null; decisionNumber: string | null }[];
  cases: { kind: OpenCaseKind; openedOn: Day; closedOn: Day | null; summary: string }[];
  initiatives: { id: string; title: string; startYear: number; level: AwardLevel | null; recognisedOn: Day | null; recognisedBy: string | null; decisionNumber: string | null; applied: boolean }[];
  awards: { titleCode: string; startYear: number; revoked: boolean; thematic: boolean; achievementKey: string; decisionNumber: string; decidedOn: Day }[];
  /** Registrations for an individual title in campaigns that reach the school, every school year (c: campaign name, y: its year). */
  registeredIn: { c: string; y: string }[];
}
export interface FactsRow {
  /** The school's upper unit and the units above it, nearest first (lib/orgs/tree.ts unitAncestors). */
  chain: string[] | null;
  settings: (Omit<SettingRow, "source"> & { source: string })[] | null;
  members: MemberRow[] | null;
  groups: { id: string; name: string }[] | null;
  disciplines: { id: string; fullName: string; level: DisciplineLevel; decidedOn: Day; decisionNumber: string | null; reason: string }[] | null;
  cases: { id: string; fullName: string; kind: OpenCaseKind; openedOn: Day; closedOn: Day | null; summary: string; version: number }[] | null;
}

/**
 * Every member of the school not LEFT (or the members named, whatever their status), with the facts
 * the rules read, in ONE query (JSON per member, built by PostgreSQL from grouped reads of each
 * table), plus the school's union groups and its 50 latest disciplines and open cases, and the
 * thresholds as settingsFor resolves them. tests/integration/eligibility-facts.int.test.ts checks
 * the facts against an independent loader (one Prisma query per table, tests/factories/facts-reference.ts).
 */
export async function schoolFacts(db: Db, school: { id: string }, period: PeriodInfo, memberIds?: string[]) {
  return shapeSchoolFacts(await loadSchoolFacts(db, school.id, memberIds), school.id, period);
}

/**
 * The one statement behind schoolFacts. It depends on nothing but the school's id (its upper unit
 * is read inside it, registrations come for every school year), so a page can send it beside its
 * scope check and its school-year lookup in one round trip, and shape it (shapeSchoolFacts) once
 * both came back: a school out of the viewer's scope is NOT_FOUND and these rows are dropped unread.
 * Sent as a named prepared statement (lib/server/database.ts preparedAs).
 */
export async function loadSchoolFacts(db: Db, schoolId: string, memberIds?: string[]): Promise<FactsRow | undefined> {
  const [row] = await db.$queryRaw<FactsRow[]>(Prisma.sql`${preparedAs("school_facts")}
    WITH RECURSIVE ${ancestorChainCte(Prisma.sql`(SELECT s."unionUnitId" FROM "School" s WHERE s."id" = ${schoolId})`)},
    m AS MATERIALIZED (
      -- the group's name by its key (a scalar subquery: a hash join would read every school's groups)
      SELECT m."id", m."fullName", m."sortKey", m."nameSearch", m."gender", m."position", m."unionGroupId",
        (SELECT g."name" FROM "UnionGroup" g WHERE g."id" = m."unionGroupId") AS "unionGroupName",
        m."professionalGroup", m."status", m."contractStartAt"
      FROM "Member" m
      WHERE m."schoolId" = ${schoolId} AND ${memberIds ? Prisma.sql`m."id" = ANY(${memberIds}::text[])` : Prisma.sql`m."status" <> 'LEFT'`}
    ),
    yr AS (SELECT y."id", extract(year FROM y."startsOn")::int AS sy FROM "SchoolYear" y),
    ev AS (
      SELECT e."memberId", json_agg(json_build_object('schoolId', e."schoolId", 'schoolYearId', e."schoolYearId", 'startYear', coalesce(yr.sy, 0),
        'grade', e."grade", 'standardRating', e."standardRating", 'registered', e."registered", 'absenceWorkingDays', e."absenceWorkingDays",
        'maternityLeaveDays', e."maternityLeaveDays", 'note', e."note", 'version', e."version")) AS j
      FROM "MemberEvaluation" e LEFT JOIN yr ON yr."id" = e."schoolYearId"
      WHERE e."memberId" IN (SELECT "id" FROM m) GROUP BY 1
    ),
    di AS (
      SELECT d."memberId", json_agg(json_build_object('level', d."level", 'decidedOn', d."decidedOn", 'effectiveTo', d."effectiveTo", 'decisionNumber', d."decisionNumber")) AS j
      FROM "Discipline" d WHERE d."memberId" IN (SELECT "id" FROM m) GROUP BY 1
    ),
    oc AS (
      SELECT c."memberId", json_agg(json_build_object('kind', c."kind", 'openedOn', c."openedOn", 'closedOn', c."closedOn", 'summary', c."summary")) AS j
      FROM "OpenCase" c WHERE c."memberId" IN (SELECT "id" FROM m) GROUP BY 1
    ),
    ia AS (
      -- per member by InitiativeAuthor's memberId index (LATERAL): as a join, the planner read the
      -- whole province's InitiativeAuthor table (a Seq Scan) for one school's members
      SELECT m."id" AS "memberId", x.j
      FROM m CROSS JOIN LATERAL (
        SELECT json_agg(json_build_object('id', i."id", 'title', i."title", 'startYear', coalesce(yr.sy, 0), 'level', i."level",
          'recognisedOn', i."recognisedOn", 'recognisedBy', i."recognisedBy", 'decisionNumber', i."decisionNumber", 'applied', i."applied")) AS j
        FROM "InitiativeAuthor" a JOIN "Initiative" i ON i."id" = a."initiativeId" LEFT JOIN yr ON yr."id" = i."schoolYearId"
        WHERE a."memberId" = m."id"
      ) x
      WHERE x.j IS NOT NULL
    ),
    aw AS (
      SELECT a."memberId", json_agg(json_build_object('titleCode', a."titleCode", 'startYear', coalesce(yr.sy, 0),
        'revoked', EXISTS (SELECT 1 FROM "DecisionRevocation" v WHERE v."decisionId" = d."id"), 'thematic', a."thematic",
        'achievementKey', a."achievementKey", 'decisionNumber', d."number", 'decidedOn', d."signedOn")) AS j
      FROM "Award" a JOIN "AwardDecision" d ON d."id" = a."decisionId" LEFT JOIN yr ON yr."id" = a."schoolYearId"
      WHERE a."memberId" IN (SELECT "id" FROM m) GROUP BY 1
    ),
    rg AS (
      -- Registrations for an individual title in the campaigns that reach the school (its own and
      -- those of its upper units), every school year, in launch order: shapeSchoolFacts keeps the
      -- period's (duplicates removed there).
      SELECT r."memberId", json_agg(json_build_object('c', c."name", 'y', c."schoolYearId") ORDER BY c."createdAt", r."createdAt", c."id") AS j
      FROM "Registration" r JOIN "Campaign" c ON c."id" = r."campaignId"
      WHERE r."schoolId" = ${schoolId} AND r."memberId" IN (SELECT "id" FROM m)
        AND r."title" = ANY(${INDIVIDUAL_TITLES}::text[])
        AND (c."schoolId" = ${schoolId} OR c."organisationId" IN (SELECT "id" FROM chain))
      GROUP BY 1
    )
    SELECT
      (SELECT json_agg(c."id" ORDER BY c.depth) FROM (SELECT "id", min(depth) AS depth FROM chain GROUP BY 1) c) AS chain,
      (SELECT json_agg(json_build_object('id', a."id", 'key', a."key", 'value', a."value", 'basis', a."basis", 'source', lower(a."source"::text),
          'validFrom', a."validFrom", 'validTo', a."validTo", 'organisationId', a."organisationId", 'schoolYearId', a."schoolYearId"))
        FROM "AwardSetting" a WHERE a."organisationId" IN (SELECT "id" FROM chain)) AS settings,
      (SELECT json_agg(json_build_object('id', m."id", 'fullName', m."fullName", 'sortKey', m."sortKey", 'nameSearch', m."nameSearch",
          'gender', m."gender", 'position', m."position", 'unionGroupId', m."unionGroupId", 'unionGroupName', m."unionGroupName",
          'professionalGroup', m."professionalGroup", 'status', m."status", 'contractStartAt', m."contractStartAt",
          'evals', coalesce(ev.j, '[]'::json), 'disciplines', coalesce(di.j, '[]'::json), 'cases', coalesce(oc.j, '[]'::json),
          'initiatives', coalesce(ia.j, '[]'::json), 'awards', coalesce(aw.j, '[]'::json), 'registeredIn', coalesce(rg.j, '[]'::json)) ORDER BY m."sortKey", m."id")
        FROM m LEFT JOIN ev ON ev."memberId" = m."id" LEFT JOIN di ON di."memberId" = m."id" LEFT JOIN oc ON oc."memberId" = m."id"
          LEFT JOIN ia ON ia."memberId" = m."id" LEFT JOIN aw ON aw."memberId" = m."id" LEFT JOIN rg ON rg."memberId" = m."id") AS members,
      (SELECT json_agg(json_build_object('id', g."id", 'name', g."name") ORDER BY g."name") FROM "UnionGroup" g WHERE g."schoolId" = ${schoolId}) AS groups,
      (SELECT json_agg(x ORDER BY x."decidedOn" DESC) FROM (
        SELECT d."id", mm."fullName", d."level", d."decidedOn", d."decisionNumber", d."reason"
        FROM "Discipline" d JOIN "Member" mm ON mm."id" = d."memberId" WHERE d."schoolId" = ${schoolId} ORDER BY d."decidedOn" DESC LIMIT 50) x) AS disciplines,
      (SELECT json_agg(x ORDER BY x."openedOn" DESC) FROM (
        SELECT c."id", mm."fullName", c."kind", c."openedOn", c."closedOn", c."summary", c."version"
        FROM "OpenCase" c JOIN "Member" mm ON mm."id" = c."memberId" WHERE c."schoolId" = ${schoolId} ORDER BY c."openedOn" DESC LIMIT 50) x) AS cases`);
  return row;
}

/** schoolFacts' result from loadSchoolFacts' row, for a period (its year's registrations and evaluation, its thresholds). */
export function shapeSchoolFacts(row: FactsRow | undefined, schoolId: string, period: PeriodInfo) {
  const facts: SchoolMemberFacts[] = (row?.members ?? []).map((m) => {
    const current = m.evals.find((e) => e.schoolYearId === period.schoolYearId);
    const campaigns = period.schoolYearId ? [...new Set(m.registeredIn.filter((r) => r.y === period.schoolYearId).map((r) => r.c))] : [];
    const f: MemberFacts = {
      memberId: m.id,
      fullName: m.fullName,
      gender: m.gender,
      grade: (current?.grade ?? null) as MemberFacts["grade"],
      gradeHistory: m.evals.filter((e) => e.grade).map((e) => ({ startYear: e.startYear, grade: e.grade! })) as MemberFacts["gradeHistory"],
      registered: (current?.registered ?? false) || campaigns.length > 0,
      registeredIn: campaigns,
      absenceWorkingDays: current?.absenceWorkingDays ?? 0,
      maternityLeaveDays: current?.maternityLeaveDays ?? 0,
      employedFrom: m.contractStartAt ? toIsoDay(m.contractStartAt) : null,
      disciplines: m.disciplines.map((d) => ({ level: d.level, decidedOn: toIsoDay(d.decidedOn), effectiveTo: d.effectiveTo ? toIsoDay(d.effectiveTo) : null, decisionNumber: d.decisionNumber })) as MemberFacts["disciplines"],
      openCases: m.cases.map((c) => ({ kind: c.kind, openedOn: toIsoDay(c.openedOn), closedOn: c.closedOn ? toIsoDay(c.closedOn) : null, summary: c.summary })) as MemberFacts["openCases"],
      initiatives: m.initiatives.map((i) => ({
        id: i.id,
        title: i.title,
        startYear: i.startYear,
        level: i.level ?? "SCHOOL",
        recognisedOn: i.recognisedOn ? toIsoDay(i.recognisedOn) : null,
        recognisedBy: i.recognisedBy,
        decisionNumber: i.decisionNumber,
        applied: i.applied,
      })) as MemberFacts["initiatives"],
      awards: m.awards.map((a): AwardFact => ({
        titleCode: a.titleCode,
        startYear: a.startYear,
        revoked: a.revoked,
        thematic: a.thematic || !!CATALOGUE.get(a.titleCode)?.thematic,
        achievementKey: a.achievementKey,
        decisionNumber: a.decisionNumber,
        decidedOn: toIsoDay(a.decidedOn),
      })),
    };
    return {
      member: { id: m.id, fullName: m.fullName, sortKey: m.sortKey, nameSearch: m.nameSearch, gender: m.gender, position: m.position, unionGroupId: m.unionGroupId, unionGroupName: m.unionGroupName, professionalGroup: m.professionalGroup, status: m.status },
      facts: f,
    };
  });
  // The evaluation form of each member: this year's row recorded by this school.
  const evaluations = new Map<string, MemberRow["evals"][number]>();
  for (const m of row?.members ?? []) {
    const e = m.evals.find((x) => x.schoolYearId === period.schoolYearId && x.schoolId === schoolId);
    if (e) evaluations.set(m.id, e);
  }
  // The thresholds, as settingsFor resolves them.
  const chain = row?.chain ?? [];
  const dbRows: SettingRow[] = (row?.settings ?? []).map((r) => ({ ...r, source: r.source as SettingRow["source"], validFrom: toIsoDay(r.validFrom), validTo: r.validTo ? toIsoDay(r.validTo) : null }));
  const settings = resolveSettings([...DEFAULT_SETTING_ROWS, ...dbRows], { on: period.endsOn, organisationIds: chain, schoolYearId: period.schoolYearId });
  return { facts, settings, groups: row?.groups ?? [], evaluations, disciplines: row?.disciplines ?? [], cases: row?.cases ?? [] };
}

/** Facts of the school's members (everyone not LEFT, or the ids given) for a period: schoolFacts' facts. */
export async function loadMemberFacts(db: Db, schoolId: string, period: PeriodInfo, memberIds?: string[]): Promise<SchoolMemberFacts[]> {
  return (await schoolFacts(db, { id: schoolId }, period, memberIds)).facts;
}

export interface MemberEligibility extends SchoolMemberFacts {
  verdicts: Verdict[];
}

/** Every member's verdicts for the period (the eligibility table, the caps, the collective rules). */
export function evaluateAll(rows: SchoolMemberFacts[], period: PeriodInfo, s: Settings, asOf: string): MemberEligibility[] {
  return rows.map((r) => ({ ...r, verdicts: evaluateMember(r.facts, period, s, { asOf }) }));
}
