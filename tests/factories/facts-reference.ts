// The facts loader as it was before the one-query loader (lib/awards/facts-loader.ts schoolFacts):
// one Prisma query per table. Kept here, in the tests only, as an independent reference: the
// eligibility-facts integration test checks that the one query gives the same facts, member by
// member, for every demo school and year. Not used by the app.
import type { Prisma } from "@/lib/generated/prisma/client";
import { toIsoDay, type AwardFact, type MemberFacts, type PeriodInfo } from "@/lib/awards/facts";
import { CATALOGUE } from "@/lib/awards/catalogue";
import type { Db } from "@/lib/authz/load";
import { campaignsOfSchool } from "@/lib/campaigns/load";
import { TITLE_CODES, TITLES } from "@/lib/campaigns/rules";
import type { SchoolMemberFacts } from "@/lib/awards/facts-loader";

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

/** Facts of the school's members (everyone not LEFT, or the ids given) for a period, one query per table. */
export async function referenceMemberFacts(db: Db, schoolId: string, period: PeriodInfo, memberIds?: string[]): Promise<SchoolMemberFacts[]> {
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
