import "server-only";
// Builds the plain facts the rules read (lib/awards/facts.ts) from the database: one query per
// table for a whole school, never one per member. The child tables are filtered by a relation
// filter on the member (not by a list of thousands of ids), so a school of 3,000 members costs
// the same fixed number of queries as one of 30 (tests/integration/paged-lists.int.test.ts).
import type { Prisma } from "../generated/prisma/client";
import type { Gender } from "../generated/prisma/enums";
import { toIsoDay, type AwardFact, type MemberFacts, type PeriodInfo } from "./facts";
import { DEFAULT_SETTING_ROWS, resolveSettings, type SettingRow, type Settings } from "./settings";
import { CATALOGUE } from "./catalogue";
import { unitAncestors as unitChain } from "../orgs/tree";
import type { Db } from "../authz/load";
import { campaignsOfSchool } from "../campaigns/load";
import { TITLE_CODES, TITLES } from "../campaigns/rules";
import { evaluateMember, type Verdict } from "./rules";

const iso = (d: Date | null | undefined) => (d ? toIsoDay(d) : null);
const INDIVIDUAL_TITLES = TITLE_CODES.filter((c) => !TITLES[c].collective);

/**
 * Đăng ký thi đua from what members did: registrations for an individual title in the period's
 * campaigns that concern the school (its own and those of its upper units; a registration row
 * always carries the member's school). Campaign names per member, in launch order.
 */
async function registrationsOf(db: Db, schoolId: string, period: PeriodInfo, members: Prisma.MemberWhereInput): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!period.schoolYearId) return out;
  const school = await db.school.findUnique({ where: { id: schoolId }, select: { id: true, unionUnitId: true } });
  if (!school) return out;
  const rows = await db.registration.findMany({
    where: { schoolId: school.id, member: members, title: { in: INDIVIDUAL_TITLES }, campaign: { schoolYearId: period.schoolYearId, ...(await campaignsOfSchool(db, school)) } },
    select: { memberId: true, campaign: { select: { name: true } } },
    orderBy: [{ campaign: { createdAt: "asc" } }, { createdAt: "asc" }],
  });
  for (const r of rows) {
    if (!r.memberId) continue;
    const names = out.get(r.memberId) ?? out.set(r.memberId, []).get(r.memberId)!;
    if (!names.includes(r.campaign.name)) names.push(r.campaign.name);
  }
  return out;
}

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

/** Facts of the school's members (everyone not LEFT, or the ids given) for a period. */
export async function loadMemberFacts(db: Db, schoolId: string, period: PeriodInfo, memberIds?: string[]): Promise<SchoolMemberFacts[]> {
  const which: Prisma.MemberWhereInput = memberIds ? { schoolId, id: { in: memberIds } } : { schoolId, status: { not: "LEFT" } };
  // All eight reads start together and none depends on another's result.
  const [members, years, evals, disciplines, cases, authorships, awards, registeredIn] = await Promise.all([
    db.member.findMany({
      where: which,
      select: { id: true, fullName: true, sortKey: true, nameSearch: true, gender: true, position: true, unionGroupId: true, unionGroup: { select: { name: true } }, professionalGroup: true, status: true, contractStartAt: true },
      orderBy: { sortKey: "asc" },
    }),
    db.schoolYear.findMany({ select: { id: true, startsOn: true } }),
    db.memberEvaluation.findMany({ where: { member: which } }),
    db.discipline.findMany({ where: { member: which } }),
    db.openCase.findMany({ where: { member: which } }),
    db.initiativeAuthor.findMany({ where: { member: which }, include: { initiative: true } }),
    db.award.findMany({ where: { member: which }, include: { decision: { select: { number: true, signedOn: true, revocation: { select: { id: true } } } } } }),
    registrationsOf(db, schoolId, period, which),
  ]);
  const startYear = new Map(years.map((y) => [y.id, y.startsOn.getUTCFullYear()]));
  const by = <T extends { memberId: string | null }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) if (r.memberId) (m.get(r.memberId) ?? m.set(r.memberId, []).get(r.memberId)!).push(r);
    return m;
  };
  const evalBy = by(evals);
  const discBy = by(disciplines);
  const caseBy = by(cases);
  const initBy = by(authorships);
  const awardBy = by(awards);

  return members.map((m) => {
    const mine = evalBy.get(m.id) ?? [];
    const current = mine.find((e) => e.schoolYearId === period.schoolYearId);
    const campaigns = registeredIn.get(m.id) ?? [];
    const facts: MemberFacts = {
      memberId: m.id,
      fullName: m.fullName,
      gender: m.gender,
      grade: current?.grade ?? null,
      gradeHistory: mine.filter((e) => e.grade).map((e) => ({ startYear: startYear.get(e.schoolYearId) ?? 0, grade: e.grade! })),
      registered: (current?.registered ?? false) || campaigns.length > 0,
      registeredIn: campaigns,
      absenceWorkingDays: current?.absenceWorkingDays ?? 0,
      maternityLeaveDays: current?.maternityLeaveDays ?? 0,
      employedFrom: iso(m.contractStartAt),
      disciplines: (discBy.get(m.id) ?? []).map((d) => ({ level: d.level, decidedOn: toIsoDay(d.decidedOn), effectiveTo: iso(d.effectiveTo), decisionNumber: d.decisionNumber })),
      openCases: (caseBy.get(m.id) ?? []).map((c) => ({ kind: c.kind, openedOn: toIsoDay(c.openedOn), closedOn: iso(c.closedOn), summary: c.summary })),
      initiatives: (initBy.get(m.id) ?? []).map(({ initiative: i }) => ({
        id: i.id,
        title: i.title,
        startYear: startYear.get(i.schoolYearId) ?? 0,
        level: i.level ?? "SCHOOL",
        recognisedOn: iso(i.recognisedOn),
        recognisedBy: i.recognisedBy,
        decisionNumber: i.decisionNumber,
        applied: i.applied,
      })),
      awards: (awardBy.get(m.id) ?? []).map((a): AwardFact => ({
        titleCode: a.titleCode,
        startYear: startYear.get(a.schoolYearId) ?? 0,
        revoked: !!a.decision.revocation,
        thematic: a.thematic || !!CATALOGUE.get(a.titleCode)?.thematic,
        achievementKey: a.achievementKey,
        decisionNumber: a.decision.number,
        decidedOn: toIsoDay(a.decision.signedOn),
      })),
    };
    return {
      member: { id: m.id, fullName: m.fullName, sortKey: m.sortKey, nameSearch: m.nameSearch, gender: m.gender, position: m.position, unionGroupId: m.unionGroupId, unionGroupName: m.unionGroup?.name ?? null, professionalGroup: m.professionalGroup, status: m.status },
      facts,
    };
  });
}

export interface MemberEligibility extends SchoolMemberFacts {
  verdicts: Verdict[];
}

/** Every member's verdicts for the period (the eligibility table, the caps, the collective rules). */
export function evaluateAll(rows: SchoolMemberFacts[], period: PeriodInfo, s: Settings, asOf: string): MemberEligibility[] {
  return rows.map((r) => ({ ...r, verdicts: evaluateMember(r.facts, period, s, { asOf }) }));
}
