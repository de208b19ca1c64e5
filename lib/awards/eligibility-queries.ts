import "server-only";
// The eligibility page (issue 9): the whole school is judged set-based, the totals by verdict come
// first, and only one page of members (with their reasons and edit forms) leaves the server.
// Round trips, whatever the school's size: the scoped school and the school years together, then
// ONE query (schoolFacts below) that returns every member with all the facts the rules read as
// JSON — evaluations, disciplines, open cases, initiatives, awards with their decisions,
// registrations in the campaigns that reach the school — plus the thresholds of the school's unit
// chain (as facts-loader.ts settingsFor reads them), the union groups and the latest disciplines
// and open cases.
// The facts are the same as lib/awards/facts-loader.ts loadMemberFacts builds (which nominations
// still use for one member or one package): tests/integration/eligibility*.int.test.ts.
import { Prisma } from "../generated/prisma/client";
import { ancestorChainCte } from "../orgs/tree";
import type { AwardLevel, CivilServantGrade, DisciplineLevel, Gender, OpenCaseKind, StandardRating } from "../generated/prisma/enums";
import type { Viewer } from "../authz/permissions";
import { can } from "../authz/permissions";
import { getDb } from "../server/db";
import { foldVietnamese } from "../format";
import { schoolFor, type Db } from "../authz/load";
import { todayIsoVN as todayIso } from "../time";
import { yearFor } from "./years";
import { evaluateAll, type SchoolMemberFacts } from "./facts-loader";
import { DEFAULT_SETTING_ROWS, resolveSettings, type SettingRow } from "./settings";
import { cstdcsCap, cstdcsCapRule, evaluateCollectiveUnits, htxsnvCapRule, summarise } from "./rules";
import { toIsoDay, type AwardFact, type CollectiveMemberFacts, type MemberFacts, type PeriodInfo } from "./facts";
import { CATALOGUE } from "./catalogue";
import { TITLE_CODES, TITLES } from "../campaigns/rules";
import { gradeAtLeast } from "./settings";
import { ELIGIBILITY_PAGE_SIZE, SHOWN_TITLES, VERDICT_FILTERS, matchesVerdict, type VerdictFilter } from "./eligibility-filters";

export interface EligibilityQuery {
  yearId?: string;
  verdict?: VerdictFilter;
  groupId?: string;
  /** Part of a name, diacritics ignored. */
  q?: string;
  page?: number;
}

/**
 * Who qualifies for what in a school and year (nomination.read: chair, principal, upper staff):
 * counts by verdict for the whole school, the caps and collective titles, then one page of members
 * (filtered by verdict, union group, name) with their verdicts and reasons; plus the facts the
 * school records (evaluations, disciplines, open cases) when the viewer may edit them.
 * Another school's id: NOT_FOUND. A string third argument is the school year (older callers).
 */
export async function getEligibilityPage(viewer: Viewer, schoolId: string, query: EligibilityQuery | string = {}) {
  const opts: EligibilityQuery = typeof query === "string" ? { yearId: query } : query;
  const db = await getDb();
  // The scope check and the years do not depend on each other (a school out of scope is NOT_FOUND either way).
  const [school, { year, years, period }] = await Promise.all([schoolFor(viewer, schoolId, "nomination.read", db), yearFor(db, opts.yearId)]);
  const { facts, groups, evaluations, disciplines, cases, settings: s } = await schoolFacts(db, school, period);
  const rows = evaluateAll(facts, period, s, todayIso());
  const collective: CollectiveMemberFacts[] = rows.map((r) => ({ memberId: r.member.id, fullName: r.member.fullName, grade: r.facts.grade, ldtt: r.verdicts[0].eligible, cstdcs: r.verdicts[1].eligible, disciplines: r.facts.disciplines }));
  const ldtt = collective.filter((c) => c.ldtt).length;
  const cstdcs = collective.filter((c) => c.cstdcs).length;
  const atLeastHttnv = collective.filter((c) => gradeAtLeast(c.grade, "HTTNV")).length;
  const htxsnv = collective.filter((c) => c.grade === "HTXSNV").length;

  // Totals by verdict over the whole school (before any filter), then the filtered page.
  const eligibleOf = rows.map((r) => new Map(r.verdicts.map((v) => [v.title, v.eligible])));
  const byVerdict = Object.fromEntries(VERDICT_FILTERS.map((f) => [f, eligibleOf.filter((e) => matchesVerdict(e, f)).length])) as Record<VerdictFilter, number>;
  const groupId = opts.groupId && groups.some((g) => g.id === opts.groupId) ? opts.groupId : undefined;
  const needle = opts.q ? foldVietnamese(opts.q) : "";
  const filtered = rows.filter((r, i) => (!opts.verdict || matchesVerdict(eligibleOf[i], opts.verdict)) && (!groupId || r.member.unionGroupId === groupId) && (!needle || r.member.nameSearch.includes(needle)));
  const pages = Math.max(1, Math.ceil(filtered.length / ELIGIBILITY_PAGE_SIZE));
  const page = Math.min(Math.max(1, opts.page ?? 1), pages);
  const shown = filtered.slice((page - 1) * ELIGIBILITY_PAGE_SIZE, page * ELIGIBILITY_PAGE_SIZE);

  const canEdit = can(viewer, "evaluation.manage", { schoolId: school.id, unitId: school.unionUnitId });
  const evalBy = evaluations;
  return {
    school: { id: school.id, name: school.name },
    year: { id: year.id, label: year.label },
    years: years.map((y) => ({ id: y.id, label: y.label })),
    groups,
    filters: { verdict: opts.verdict, groupId, q: opts.q },
    page,
    pageSize: ELIGIBILITY_PAGE_SIZE,
    /** Members matching the filters (the pager's total). */
    total: filtered.length,
    rows: shown.map((r) => {
      const e = evalBy.get(r.member.id);
      return {
        id: r.member.id,
        fullName: r.member.fullName,
        group: r.member.unionGroupName,
        status: r.member.status,
        registeredIn: r.facts.registeredIn ?? [],
        evaluation: { grade: e?.grade ?? null, standardRating: e?.standardRating ?? null, registered: e?.registered ?? false, absenceWorkingDays: e?.absenceWorkingDays ?? 0, maternityLeaveDays: e?.maternityLeaveDays ?? 0, note: e?.note ?? null, version: e?.version ?? 0 },
        // Only the titles the table shows (CSTĐ toàn quốc is flagged in the nomination, not here).
        verdicts: r.verdicts.filter((v) => (SHOWN_TITLES as readonly string[]).includes(v.title)).map((v) => ({ title: v.title, titleName: v.titleName, eligible: v.eligible, flagOnly: !!v.flagOnly, summary: summarise(v), reasons: v.reasons.map((x) => ({ rule: x.rule, passed: x.passed, basis: x.basis, detail: x.detail })) })),
      };
    }),
    counts: { members: rows.length, ldtt, cstdcs, cstdcsMax: cstdcsCap(ldtt, s), htxsnv, atLeastHttnv, byVerdict },
    shownTitles: SHOWN_TITLES,
    caps: [cstdcsCapRule(cstdcs, ldtt, s), htxsnvCapRule(htxsnv, atLeastHttnv, s)].map((c) => ({ passed: c.passed, detail: c.detail, basis: c.basis })),
    /** Rules 7–8 for the school and for each union / professional group. */
    collectiveUnits: evaluateCollectiveUnits(
      collective.map((c, i) => ({ ...c, unionGroupId: rows[i].member.unionGroupId, unionGroupName: rows[i].member.unionGroupName, professionalGroup: rows[i].member.professionalGroup })),
      period,
      s,
    ).map((u) => ({
      kind: u.unit.kind,
      name: u.unit.name,
      memberCount: u.memberCount,
      verdicts: u.verdicts.map((v) => ({ title: v.title, titleName: v.titleName, eligible: v.eligible, summary: summarise(v), reasons: v.reasons.map((x) => ({ passed: x.passed, detail: x.detail, basis: x.basis })) })),
    })),
    disciplines: disciplines.map((d) => ({ id: d.id, fullName: d.fullName, level: d.level, decidedOn: toIsoDay(d.decidedOn), decisionNumber: d.decisionNumber, reason: d.reason })),
    openCases: cases.map((c) => ({ id: c.id, fullName: c.fullName, kind: c.kind, openedOn: toIsoDay(c.openedOn), closedOn: c.closedOn ? toIsoDay(c.closedOn) : null, summary: c.summary, version: c.version })),
    canEdit,
  };
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
  registeredIn: string[];
}
interface FactsRow {
  /** The school's upper unit and the units above it, nearest first (lib/orgs/tree.ts unitAncestors). */
  chain: string[] | null;
  settings: (Omit<SettingRow, "source"> & { source: string })[] | null;
  members: MemberRow[] | null;
  groups: { id: string; name: string }[] | null;
  disciplines: { id: string; fullName: string; level: DisciplineLevel; decidedOn: Day; decisionNumber: string | null; reason: string }[] | null;
  cases: { id: string; fullName: string; kind: OpenCaseKind; openedOn: Day; closedOn: Day | null; summary: string; version: number }[] | null;
}

/**
 * Every member of the school not LEFT, with the facts the rules read, in ONE query (JSON per
 * member, built by PostgreSQL from grouped reads of each table), plus the school's union groups and
 * its 50 latest disciplines and open cases. The same facts as loadMemberFacts (facts-loader.ts).
 */
export async function schoolFacts(db: Db, school: { id: string; unionUnitId: string }, period: PeriodInfo) {
  const yearId = period.schoolYearId ?? null;
  const [row] = await db.$queryRaw<FactsRow[]>(Prisma.sql`
    WITH RECURSIVE ${ancestorChainCte(school.unionUnitId)},
    m AS MATERIALIZED (
      -- the group's name by its key (a scalar subquery: a hash join would read every school's groups)
      SELECT m."id", m."fullName", m."sortKey", m."nameSearch", m."gender", m."position", m."unionGroupId",
        (SELECT g."name" FROM "UnionGroup" g WHERE g."id" = m."unionGroupId") AS "unionGroupName",
        m."professionalGroup", m."status", m."contractStartAt"
      FROM "Member" m
      WHERE m."schoolId" = ${school.id} AND m."status" <> 'LEFT'
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
      -- Registrations for an individual title in the period's campaigns that reach the school (its
      -- own and those of its upper units), campaign names in launch order (duplicates removed in JS).
      SELECT r."memberId", json_agg(c."name" ORDER BY c."createdAt", r."createdAt", c."id") AS j
      FROM "Registration" r JOIN "Campaign" c ON c."id" = r."campaignId"
      WHERE ${yearId}::text IS NOT NULL AND r."schoolId" = ${school.id} AND r."memberId" IN (SELECT "id" FROM m)
        AND r."title" = ANY(${INDIVIDUAL_TITLES}::text[]) AND c."schoolYearId" = ${yearId}
        AND (c."schoolId" = ${school.id} OR c."organisationId" IN (SELECT "id" FROM chain))
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
      (SELECT json_agg(json_build_object('id', g."id", 'name', g."name") ORDER BY g."name") FROM "UnionGroup" g WHERE g."schoolId" = ${school.id}) AS groups,
      (SELECT json_agg(x ORDER BY x."decidedOn" DESC) FROM (
        SELECT d."id", mm."fullName", d."level", d."decidedOn", d."decisionNumber", d."reason"
        FROM "Discipline" d JOIN "Member" mm ON mm."id" = d."memberId" WHERE d."schoolId" = ${school.id} ORDER BY d."decidedOn" DESC LIMIT 50) x) AS disciplines,
      (SELECT json_agg(x ORDER BY x."openedOn" DESC) FROM (
        SELECT c."id", mm."fullName", c."kind", c."openedOn", c."closedOn", c."summary", c."version"
        FROM "OpenCase" c JOIN "Member" mm ON mm."id" = c."memberId" WHERE c."schoolId" = ${school.id} ORDER BY c."openedOn" DESC LIMIT 50) x) AS cases`);

  const facts: SchoolMemberFacts[] = (row?.members ?? []).map((m) => {
    const current = m.evals.find((e) => e.schoolYearId === period.schoolYearId);
    const campaigns = [...new Set(m.registeredIn)];
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
    const e = m.evals.find((x) => x.schoolYearId === period.schoolYearId && x.schoolId === school.id);
    if (e) evaluations.set(m.id, e);
  }
  // The thresholds, as settingsFor (facts-loader.ts) resolves them.
  const chain = row?.chain ?? [];
  const dbRows: SettingRow[] = (row?.settings ?? []).map((r) => ({ ...r, source: r.source as SettingRow["source"], validFrom: toIsoDay(r.validFrom), validTo: r.validTo ? toIsoDay(r.validTo) : null }));
  const settings = resolveSettings([...DEFAULT_SETTING_ROWS, ...dbRows], { on: period.endsOn, organisationIds: chain, schoolYearId: period.schoolYearId });
  return { facts, settings, groups: row?.groups ?? [], evaluations, disciplines: row?.disciplines ?? [], cases: row?.cases ?? [] };
}
