import "server-only";
// Campaign reads → plain DTOs: a school's campaigns, one campaign seen from a school (who has
// registered, who has not, collective registrations, periods), an upper unit's campaigns with
// progress across its schools, and a member's own campaigns.
import { can, type Viewer } from "../authz/permissions";
import { memberScope, schoolScope } from "../authz/scope";
import { getDb } from "../server/db";
import { notFound } from "../server/errors";
import { schoolYearLabel, schoolYearOf, byVietnameseName } from "../format";
import { campaignSelect, campaignsOfSchool, findCampaignForSchool, findCampaignOfUnit } from "./load";
import { SCHOOL_BRIEF, schoolFor } from "../authz/load";
import { unitDescendants } from "../orgs/tree";
import { decideCampaign, inAudience, registrationOpen } from "./rules";

/** Campaigns that concern a school (its own and its upper units'). Throws NOT_FOUND. */
export async function listSchoolCampaigns(viewer: Viewer, schoolId: string) {
  const db = await getDb();
  const school = await schoolFor(viewer, schoolId, "campaign.read", db, SCHOOL_BRIEF);
  const campaigns = await db.campaign.findMany({
    where: await campaignsOfSchool(db, school),
    orderBy: [{ schoolYear: { startsOn: "desc" } }, { createdAt: "desc" }],
    select: { ...campaignSelect, _count: { select: { registrations: { where: { schoolId: school.id } }, periods: { where: { schoolId: school.id } } } } },
  });
  return { school, campaigns, canCreate: can(viewer, "campaign.manage", { schoolId: school.id }) };
}

/** Form options: school years and the school's scales. */
export async function campaignFormOptions(viewer: Viewer, schoolId: string | null) {
  const db = await getDb();
  const years = await db.schoolYear.findMany({ orderBy: { startsOn: "desc" }, select: { id: true, label: true } });
  const scales = schoolId
    ? await db.scoringScale.findMany({ where: { schoolId, school: schoolScope(viewer, "scale.read") }, orderBy: { createdAt: "desc" }, select: { id: true, name: true, schoolYear: { select: { label: true } } } })
    : [];
  const current = schoolYearLabel(schoolYearOf(new Date()));
  return { years, scales, currentYearId: years.find((y) => y.label === current)?.id ?? years[0]?.id };
}

/**
 * One campaign seen from a school: registrations the viewer may see, who in the audience has not
 * registered (chair, principal, group leader for their group), collective registrations, this
 * school's periods, and what the viewer may do. Throws NOT_FOUND.
 */
export async function getSchoolCampaign(viewer: Viewer, schoolId: string, campaignId: string) {
  const db = await getDb();
  const { campaign, school } = await findCampaignForSchool(db, viewer, schoolId, campaignId);
  const seeMembers = memberScope(viewer, "registration.read");
  const [members, collective, periods, groups, scaleVersions] = await Promise.all([
    db.member.findMany({
      where: { schoolId: school.id, status: { not: "LEFT" }, ...seeMembers },
      orderBy: { sortKey: "asc" },
      select: { id: true, fullName: true, gender: true, position: true, status: true, unionGroup: { select: { name: true } }, registrations: { where: { campaignId: campaign.id }, select: { id: true, title: true } }, registrationReminders: { where: { campaignId: campaign.id }, select: { createdAt: true }, orderBy: { createdAt: "desc" }, take: 1 } },
    }),
    db.registration.findMany({ where: { campaignId: campaign.id, schoolId: school.id, memberId: null }, select: { id: true, title: true, subjectKey: true, unionGroup: { select: { name: true } } } }),
    db.scorePeriod.findMany({ where: { campaignId: campaign.id, schoolId: school.id }, orderBy: { startsOn: "asc" }, select: { id: true, name: true, kind: true, state: true, startsOn: true, endsOn: true, _count: { select: { sheets: true } } } }),
    db.unionGroup.findMany({ where: { schoolId: school.id }, orderBy: { name: "asc" }, select: { id: true, name: true } }).then(byVietnameseName),
    db.scaleVersion.findMany({ where: { scale: { schoolId: school.id }, adoptedAt: { not: null } }, orderBy: [{ scale: { createdAt: "desc" } }, { number: "desc" }], select: { id: true, number: true, resolutionNo: true, scaleId: true, scale: { select: { name: true, schoolYear: { select: { label: true } } } } } }),
  ]);
  const audience = members.filter((m) => inAudience(campaign.audience, m));
  const owned = campaign.schoolId === school.id;
  const mayOwner = (cap: Parameters<typeof can>[1]) => can(viewer, cap, owned ? { schoolId: school.id } : { unitId: campaign.organisationId });
  const maySchool = (cap: Parameters<typeof can>[1]) => can(viewer, cap, { schoolId: school.id });
  return {
    campaign,
    school,
    owned,
    audience: audience.map((m) => ({ id: m.id, fullName: m.fullName, groupName: m.unionGroup?.name ?? "", titles: m.registrations, remindedAt: m.registrationReminders[0]?.createdAt ?? null })),
    registeredCount: audience.filter((m) => m.registrations.length > 0).length,
    collective,
    periods,
    groups,
    scaleVersions,
    registrationOpen: campaign.state === "OPEN" && registrationOpen(campaign.registrationDeadline),
    can: {
      edit: owned && decideCampaign(campaign.state, "edit", mayOwner).ok,
      open: owned && decideCampaign(campaign.state, "open", mayOwner).ok,
      startScoring: owned && decideCampaign(campaign.state, "startScoring", mayOwner).ok,
      close: owned && decideCampaign(campaign.state, "close", mayOwner).ok,
      registerCollective: decideCampaign(campaign.state, "registerCollective", maySchool).ok,
      remind: decideCampaign(campaign.state, "remind", maySchool).ok,
      createPeriod: decideCampaign(campaign.state, "createPeriod", maySchool).ok,
    },
  };
}

/** Campaigns launched by an upper unit the viewer serves. Throws NOT_FOUND. */
export async function listUnitCampaigns(viewer: Viewer, unitId: string) {
  if (!can(viewer, "campaign.read", { unitId })) throw notFound();
  const db = await getDb();
  const campaigns = await db.campaign.findMany({ where: { organisationId: unitId }, orderBy: [{ schoolYear: { startsOn: "desc" } }, { createdAt: "desc" }], select: campaignSelect });
  return { campaigns, canCreate: can(viewer, "campaign.manage", { unitId }) };
}

/**
 * Progress of a campaign across the schools the viewer sees under the unit: members in the
 * audience, how many registered, how many sheets the council has settled.
 */
export async function getUnitCampaignProgress(viewer: Viewer, unitId: string, campaignId: string) {
  const db = await getDb();
  const campaign = await findCampaignOfUnit(db, viewer, unitId, campaignId);
  const schools = await db.school.findMany({
    where: { ...schoolScope(viewer, "scoring.read"), unionUnitId: { in: await unitDescendants(db, unitId) } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, members: { where: { status: { not: "LEFT" } }, select: { gender: true, position: true, status: true, registrations: { where: { campaignId: campaign.id }, select: { id: true }, take: 1 } } } },
  }).then(byVietnameseName);
  const sheetCounts = await db.scoreSheet.groupBy({ by: ["periodId"], where: { period: { campaignId: campaign.id } }, _count: { _all: true } });
  const settled = await db.scoreSheet.groupBy({ by: ["periodId"], where: { period: { campaignId: campaign.id }, stages: { some: { stage: "COUNCIL", complete: true } } }, _count: { _all: true } });
  const periods = await db.scorePeriod.findMany({ where: { campaignId: campaign.id }, select: { id: true, schoolId: true, state: true } });
  const total = new Map(sheetCounts.map((x) => [x.periodId, x._count._all]));
  const done = new Map(settled.map((x) => [x.periodId, x._count._all]));
  return {
    campaign,
    schools: schools.map((s) => {
      const audience = s.members.filter((m) => inAudience(campaign.audience, m));
      const ps = periods.filter((p) => p.schoolId === s.id);
      const sheets = ps.reduce((n, p) => n + (total.get(p.id) ?? 0), 0);
      const scored = ps.reduce((n, p) => n + (done.get(p.id) ?? 0), 0);
      return { id: s.id, name: s.name, audience: audience.length, registered: audience.filter((m) => m.registrations.length > 0).length, periods: ps.length, closedPeriods: ps.filter((p) => p.state === "CLOSED").length, sheets, scored };
    }),
  };
}

/** The member's own campaigns: registration (with reminders) and titles registered. */
export async function getMyCampaigns(viewer: Viewer) {
  if (!viewer.memberId) return [];
  const db = await getDb();
  const member = await db.member.findFirst({ where: { id: viewer.memberId, ...memberScope(viewer, "registration.read") }, select: { id: true, gender: true, position: true, status: true, school: { select: { id: true, name: true, unionUnitId: true } } } });
  if (!member) return [];
  const campaigns = await db.campaign.findMany({
    where: { ...(await campaignsOfSchool(db, member.school)), state: { in: ["OPEN", "SCORING", "CLOSED"] } },
    orderBy: [{ schoolYear: { startsOn: "desc" } }, { createdAt: "desc" }],
    select: { ...campaignSelect, registrations: { where: { memberId: member.id }, select: { id: true, title: true } }, reminders: { where: { memberId: member.id, seenAt: null }, select: { createdAt: true }, take: 1 } },
  });
  return campaigns
    .filter((c) => inAudience(c.audience, member))
    .map((c) => ({ ...c, memberSchoolId: member.school.id, schoolName: member.school.name, mayRegister: c.state === "OPEN" && registrationOpen(c.registrationDeadline) && can(viewer, "registration.self", { schoolId: member.school.id, memberId: member.id }) }));
}
