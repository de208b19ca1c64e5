import "server-only";
// The member's own dashboard (issue 9): registrations, scores at each stage, appeals, awards and
// the tasks given to them at joint meetings. Only the viewer's own rows, each read through the
// capability's scope (lib/authz/scope.ts): a viewer without a member record gets null.
import { getReadDb } from "../server/db";
import type { Viewer } from "../authz/permissions";
import { memberScope, schoolScope } from "../authz/scope";
import { titleName } from "../awards/catalogue";

/**
 * The signed-in member's emulation at a glance (any viewer; their own member record only).
 * Tasks of joint meetings carry the owner's name, not a member id: a task is the member's when
 * its owner names them (diacritics and case as written in the minutes, ignoring case).
 */
export async function getMemberDashboard(viewer: Viewer) {
  if (!viewer.memberId) return null;
  const db = await getReadDb();
  const me = await db.member.findFirst({ where: { id: viewer.memberId, ...memberScope(viewer, "member.read") }, select: { id: true, fullName: true, schoolId: true } });
  if (!me) return null;
  const [registrations, sheets, awards, tasks] = await Promise.all([
    db.registration.findMany({
      where: { memberId: me.id, member: memberScope(viewer, "registration.read") },
      // Newest school year first, whatever order the rows were written in (an import or the
      // history demo records earlier years later); then by campaign, the latest recorded first.
      orderBy: [{ campaign: { schoolYear: { startsOn: "desc" } } }, { campaign: { name: "asc" } }, { createdAt: "desc" }],
      select: { id: true, title: true, createdAt: true, campaign: { select: { id: true, name: true, state: true, schoolYear: { select: { label: true } } } } },
    }),
    db.scoreSheet.findMany({
      where: { memberId: me.id, member: memberScope(viewer, "scoring.read") },
      orderBy: { period: { startsOn: "desc" } },
      select: {
        id: true,
        period: { select: { id: true, name: true, state: true, campaign: { select: { name: true, schoolYear: { select: { label: true } } } } } },
        stages: { select: { stage: true, totalTenths: true, complete: true, classification: true } },
        appeals: { orderBy: { createdAt: "desc" }, select: { id: true, state: true, createdAt: true, resolvedAt: true, resolution: true } },
      },
    }),
    db.award.findMany({
      where: { memberId: me.id, member: memberScope(viewer, "award.read") },
      orderBy: { decision: { signedOn: "desc" } },
      select: { id: true, titleCode: true, decision: { select: { number: true, signedOn: true, issuerName: true, schoolYear: { select: { label: true } }, revocation: { select: { id: true } } } } },
    }),
    db.meetingTask.findMany({
      // Tasks naming the member (ownerMemberId, set when the owner's name is one member); older
      // tasks by the owner's name as written in the minutes.
      where: {
        OR: [
          { ownerMemberId: me.id, meeting: { schoolId: me.schoolId } },
          { ownerMemberId: null, ownerName: { contains: me.fullName, mode: "insensitive" }, meeting: { schoolId: me.schoolId, school: schoolScope(viewer, "meeting.read") } },
        ],
      },
      orderBy: [{ status: "asc" }, { dueOn: "asc" }],
      take: 50,
      select: { id: true, content: true, dueOn: true, status: true, version: true, ownerMemberId: true, meeting: { select: { id: true, title: true, scheduledOn: true, schoolId: true } } },
    }),
  ]);
  const liveAwards = awards.filter((a) => !a.decision.revocation);
  return {
    memberId: me.id,
    registrations: registrations.map((r) => ({ id: r.id, title: titleName(r.title), campaign: r.campaign.name, campaignState: r.campaign.state, year: r.campaign.schoolYear.label })),
    sheets: sheets.map((s) => ({
      id: s.id,
      periodName: s.period.name,
      periodState: s.period.state,
      campaign: s.period.campaign.name,
      year: s.period.campaign.schoolYear.label,
      stages: Object.fromEntries(s.stages.map((st) => [st.stage, { totalTenths: st.totalTenths, complete: st.complete, classification: st.classification }])) as Partial<Record<"SELF" | "GROUP" | "COUNCIL", { totalTenths: number; complete: boolean; classification: string | null }>>,
      appeals: s.appeals,
    })),
    appeals: sheets.flatMap((s) => s.appeals.map((a) => ({ ...a, sheetId: s.id, periodName: s.period.name }))),
    awards: awards.map((a) => ({ id: a.id, title: titleName(a.titleCode), year: a.decision.schoolYear.label, number: a.decision.number, signedOn: a.decision.signedOn, issuer: a.decision.issuerName, revoked: !!a.decision.revocation })),
    awardCount: liveAwards.length,
    tasks: tasks.map((t) => ({ id: t.id, content: t.content, dueOn: t.dueOn, status: t.status, version: t.version, canComplete: t.status === "OPEN" && t.ownerMemberId === me.id, meetingTitle: t.meeting.title, href: `/truong/${t.meeting.schoolId}/hop-lien-tich/${t.meeting.id}` })),
  };
}
export type MemberDashboard = NonNullable<Awaited<ReturnType<typeof getMemberDashboard>>>;
