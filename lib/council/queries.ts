import "server-only";
import type { Viewer } from "../authz/permissions";
import { can } from "../authz/permissions";
import { bySchoolScope } from "../authz/scope";
import { compareVietnameseNames, foldVietnamese } from "../format";
import { getDb } from "../server/db";
import { notFound } from "../server/errors";
import { schoolFor, type Db } from "../authz/load";
import { yearFor } from "../awards/years";
import { periodOf, toIsoDay } from "../awards/facts";
import { settingsFor } from "../awards/facts-loader";
import { oddMembersRule, voteRuleFor } from "../awards/rules";
import { titleEntry } from "../awards/catalogue";
import { formatRatio } from "../awards/settings";

/** Above this many members the council's "add a member" choice lists only the search's matches. */
export const COUNCIL_CANDIDATES_MAX = 200;

/**
 * The council of a school for a year, its members and meetings (council.read: the school's
 * chair and principal, group leaders, upper staff of its unit). NOT_FOUND outside scope.
 */
export async function getCouncilPage(viewer: Viewer, schoolId: string, yearId?: string, opts: { candidateQuery?: string } = {}) {
  const db = await getDb();
  const school = await schoolFor(viewer, schoolId, "council.read");
  const { year, years } = await yearFor(db, yearId);
  const council = await db.council.findUnique({
    where: { schoolId_schoolYearId: { schoolId: school.id, schoolYearId: year.id } },
    include: {
      members: { include: { member: { select: { fullName: true, sortKey: true, position: true } } } },
      meetings: { orderBy: { heldOn: "desc" }, include: { _count: { select: { votes: true } } } },
    },
  });
  const canManage = can(viewer, "council.manage", { schoolId: school.id, unitId: school.unionUnitId });
  const s = await settingsFor(db, school.unionUnitId, periodOf(year));
  const roleOrder = { CHAIR: 0, VICE_CHAIR: 1, SECRETARY: 2, MEMBER: 3 } as const;
  const members = (council?.members ?? [])
    .sort((a, b) => roleOrder[a.role] - roleOrder[b.role] || a.member.sortKey.localeCompare(b.member.sortKey))
    .map((m) => ({ id: m.id, memberId: m.memberId, fullName: m.member.fullName, position: m.position ?? m.member.position ?? "", role: m.role }));
  // Who can be added: bounded (a school may have thousands of members), searched by folded name.
  const folded = opts.candidateQuery ? foldVietnamese(opts.candidateQuery) : "";
  const candidateWhere = { schoolId: school.id, status: { not: "LEFT" as const }, id: { notIn: members.map((m) => m.memberId) }, ...(folded ? { nameSearch: { contains: folded } } : {}) };
  const [candidates, candidateTotal] = canManage && council
    ? await Promise.all([
        db.member.findMany({ where: candidateWhere, select: { id: true, fullName: true, position: true }, orderBy: { sortKey: "asc" }, take: COUNCIL_CANDIDATES_MAX }),
        db.member.count({ where: candidateWhere }),
      ])
    : [[], 0];
  return {
    school: { id: school.id, name: school.name },
    year: { id: year.id, label: year.label },
    years: years.map((y) => ({ id: y.id, label: y.label })),
    council: council ? { id: council.id, name: council.name, decisionNumber: council.decisionNumber, establishedOn: council.establishedOn ? toIsoDay(council.establishedOn) : null, version: council.version } : null,
    members,
    oddCheck: oddMembersRule(members.length, s),
    /** Why no meeting (and so no vote) can open now, said where it would open; null when it can. */
    voteBlock: voteBlockOf(members.length, s),
    quorumText: `${formatRatio(s["council.quorum"].value)} số thành viên (${s["council.quorum"].basis})`,
    meetings: (council?.meetings ?? []).map((m) => ({ id: m.id, heldOn: toIsoDay(m.heldOn), purpose: m.purpose, status: m.status, presentCount: m.presentCount, memberCount: m.memberCount, votes: m._count.votes })),
    candidates,
    /** Candidates matching the search; more than `candidates.length` → the page asks for a search. */
    candidateTotal,
    candidateQuery: opts.candidateQuery,
    canManage,
  };
}

/** A meeting the viewer may read, with its council, school and year. */
async function meetingFor(db: Db, viewer: Viewer, meetingId: string) {
  const m = await db.councilMeeting.findFirst({
    where: { id: meetingId, council: bySchoolScope(viewer, "council.read") },
    include: {
      council: { include: { school: { select: { id: true, name: true, unionName: true, unionUnitId: true, address: true } }, schoolYear: true } },
      attendance: { include: { councilMember: { include: { member: { select: { fullName: true, sortKey: true } } } } } },
      votes: { include: { item: { select: { nomineeName: true, titleCode: true, packageId: true } } } },
    },
  });
  if (!m) throw notFound();
  return m;
}

/**
 * A meeting with its attendance, the nominees it may vote on (drafts of the school's packages
 * for the year) and the ballots recorded, each with its threshold. NOT_FOUND outside scope.
 */
export async function getMeetingPage(viewer: Viewer, meetingId: string) {
  const db = await getDb();
  const m = await meetingFor(db, viewer, meetingId);
  const c = m.council;
  const s = await settingsFor(db, c.school.unionUnitId, periodOf(c.schoolYear));
  const allSeats = await db.councilMember.findMany({ where: { councilId: c.id }, include: { member: { select: { fullName: true, sortKey: true } } } });
  const present = new Set(m.attendance.map((a) => a.councilMemberId));
  const packages = await db.nominationPackage.findMany({
    where: { schoolId: c.schoolId, schoolYearId: c.schoolYearId, status: "DRAFT" },
    include: { items: { where: { status: "DRAFT" }, orderBy: [{ titleCode: "asc" }, { nomineeSortKey: "asc" }] } },
    orderBy: { createdAt: "asc" },
  });
  const voteBy = new Map(m.votes.map((v) => [v.itemId, v]));
  const ruleText = (code: string) => {
    const r = voteRuleFor(code, s);
    return `${formatRatio(r.pass.value)} ${r.base.value === "PRESENT" ? "số có mặt" : "tổng số thành viên"}`;
  };
  const canManage = can(viewer, "council.manage", { schoolId: c.schoolId, unitId: c.school.unionUnitId });
  return {
    meeting: { id: m.id, heldOn: toIsoDay(m.heldOn), purpose: m.purpose, location: m.location, status: m.status, memberCount: m.memberCount, presentCount: m.presentCount, minutesNote: m.minutesNote, version: m.version },
    school: { id: c.school.id, name: c.school.name },
    year: { id: c.schoolYear.id, label: c.schoolYear.label },
    attendance: allSeats
      .sort((a, b) => a.member.sortKey.localeCompare(b.member.sortKey))
      .map((x) => ({ fullName: x.member.fullName, role: x.role, position: x.position, present: present.has(x.id) })),
    packages: packages.map((p) => ({
      id: p.id,
      title: p.title,
      items: p.items.map((i) => {
        const v = voteBy.get(i.id);
        return {
          id: i.id,
          nomineeName: i.nomineeName,
          titleCode: i.titleCode,
          titleName: titleEntry(i.titleCode).name,
          secret: titleEntry(i.titleCode).secretBallot,
          rule: ruleText(i.titleCode),
          vote: v ? { issued: v.issued, returned: v.returned, valid: v.valid, agree: v.agree, passed: v.passed, required: v.required, baseCount: v.baseCount } : null,
        };
      }),
    })),
    votes: m.votes.map((v) => ({ nomineeName: v.item.nomineeName, titleCode: v.titleCode, titleName: titleEntry(v.titleCode).name, secret: v.secret, issued: v.issued, returned: v.returned, valid: v.valid, agree: v.agree, baseCount: v.baseCount, required: v.required, passed: v.passed, basis: v.basis })),
    canManage: canManage && m.status === "OPEN",
    /** Why no vote can be recorded now (the council's size breaks the setting), shown where the ballots are; null when they can. */
    voteBlock: voteBlockOf(allSeats.length, s),
  };
}

/** The refusal the mutations give when the council's size breaks the setting (rule 12), or null. */
function voteBlockOf(memberCount: number, s: Parameters<typeof oddMembersRule>[1]): string | null {
  const odd = oddMembersRule(memberCount, s);
  return odd.passed ? null : `Chưa mở được phiên bỏ phiếu: ${odd.detail}.`;
}

/** The data of the minutes (biên bản họp và kiểm phiếu), for the print view and the PDF. */
export async function getMinutesData(viewer: Viewer, meetingId: string) {
  const db = await getDb();
  const m = await meetingFor(db, viewer, meetingId);
  const c = m.council;
  const seats = await db.councilMember.findMany({ where: { councilId: c.id }, include: { member: { select: { fullName: true, sortKey: true } } } });
  const present = new Set(m.attendance.map((a) => a.councilMemberId));
  const chair = seats.find((x) => x.role === "CHAIR");
  const secretary = seats.find((x) => x.role === "SECRETARY");
  return {
    school: { name: c.school.name, unionName: c.school.unionName, address: c.school.address },
    yearLabel: c.schoolYear.label,
    councilName: c.name,
    councilDecision: c.decisionNumber,
    /** Số biên bản, given when the meeting closed (null while open: "Số: …"). */
    number: m.number,
    heldOn: m.heldOn,
    location: m.location,
    purpose: m.purpose,
    status: m.status,
    memberCount: m.memberCount,
    presentCount: m.presentCount,
    minutesNote: m.minutesNote,
    present: seats.filter((x) => present.has(x.id)).sort((a, b) => a.member.sortKey.localeCompare(b.member.sortKey)).map((x) => ({ fullName: x.member.fullName, position: x.position ?? "" })),
    absent: seats.filter((x) => !present.has(x.id)).map((x) => x.member.fullName),
    chair: chair?.member.fullName ?? null,
    secretary: secretary?.member.fullName ?? null,
    votes: m.votes
      .map((v) => ({ nomineeName: v.item.nomineeName, titleCode: v.titleCode, secret: v.secret, issued: v.issued, returned: v.returned, valid: v.valid, agree: v.agree, baseCount: v.baseCount, required: v.required, passed: v.passed }))
      .sort((a, b) => a.titleCode.localeCompare(b.titleCode) || compareVietnameseNames(a.nomineeName, b.nomineeName)),
  };
}
export type MinutesData = Awaited<ReturnType<typeof getMinutesData>>;
