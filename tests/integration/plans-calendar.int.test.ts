// Issue 11, "Coordination plans and joint meetings", against a real database: the meeting-day
// sentence generated from the field (and sending for signing refused while the text disagrees);
// the replaced version says so, by which version and when, on the page and in its document; the
// generated calendar skips public holidays and Tết (10/02/2027) and an upper unit's own days;
// minutes are not final before the meeting's day; the person responsible marks a task done; the
// other side of a plan, the member awarded and the members of a posted list hear of it (the bell).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDemoDb, errorCode as code, errorMessage as message, type DemoViewers } from "../factories/demo-db";
import type { TestDb } from "./harness";
import { DEMO } from "@/lib/seed/demo";
import { addComment, amendPlan, createPlan, transitionPlan, updateHeader, updateSection } from "@/lib/plans/mutations";
import { getPlanDetail } from "@/lib/plans/queries";
import { getPlanDocument } from "@/lib/plans/export";
import { addTask, changeMeetingState, completeTask, createMeeting, generateMeetings, saveMinutes } from "@/lib/meetings/mutations";
import { createHoliday, deleteHoliday } from "@/lib/holidays/mutations";
import { getHolidayPage } from "@/lib/holidays/queries";
import { getWaitingCounts } from "@/lib/notifications/queries";
import { getMemberDashboard } from "@/lib/dashboards/member";
import { getSchoolDashboard } from "@/lib/dashboards/school";
import { getCouncilPage, getMeetingPage } from "@/lib/council/queries";
import { closeMeeting, openMeeting, recordListVote } from "@/lib/council/mutations";
import { addItem, createPackage, postPackage } from "@/lib/nominations/mutations";
import { getPackagePage } from "@/lib/nominations/queries";
import { splitPackage } from "@/lib/awards/routes";
import { getSchoolDecisionPage, issueSchoolDecision } from "@/lib/awards/routes-school";
import { todayVN } from "@/lib/time";
import type { Viewer } from "@/lib/authz/permissions";

const S = DEMO.schools;
const M = DEMO.members;
const O = DEMO.orgs;
const Y26 = DEMO.years.Y2026;
const Y25 = DEMO.years.Y2025;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

let t: TestDb;
let v: DemoViewers;
beforeAll(async () => {
  ({ t, v } = await openDemoDb({ awards: true }));
}, 240_000);
afterAll(() => t?.drop());


const notices = (userId: string) => t.prisma.awardNotice.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { message: true, link: true, schoolId: true } });
const plan = (id: string) => t.prisma.coordinationPlan.findUniqueOrThrow({ where: { id }, include: { sections: true } });
const meetingsSection = async (id: string) => (await plan(id)).sections.find((s) => s.key === "meetings")!;

async function header(viewer: Viewer, planId: string, meetingDay: number) {
  const p = await plan(planId);
  return updateHeader(viewer, {
    planId,
    version: p.version,
    issuerParent: p.issuerParent,
    issuerName: p.issuerName,
    docNumber: p.docNumber,
    place: p.place,
    issuedOn: p.issuedOn ?? undefined,
    title: p.title,
    recipients: p.recipients,
    govSignerTitle: p.govSignerTitle,
    unionSignerTitle: p.unionSignerTitle,
    meetingDay,
  });
}

async function step(viewer: Viewer, planId: string, action: "submit" | "withdraw" | "return" | "sign_gov" | "sign_union") {
  return transitionPlan(viewer, { planId, version: (await plan(planId)).version, action });
}

let v1 = "";
let v2 = "";

describe("a plan's text follows its fields; an amendment replaces the signed version", () => {
  it("version 1 is drafted with the meeting on the 5th, sent, signed by both sides – and each side hears of the other's step", async () => {
    v1 = (await createPlan(v.STA_PRINCIPAL, { schoolId: S.STA, schoolYearId: Y26, source: "template" })).id;
    expect((await meetingsSection(v1)).body).toContain("ngày 05 hằng tháng");
    const chairBefore = (await notices(v.STA_CHAIR.userId)).length;
    const principalBefore = (await notices(v.STA_PRINCIPAL.userId)).length;

    await addComment(v.STA_CHAIR, { planId: v1, sectionKey: "meetings", body: "Đề nghị họp vào ngày 10 để kịp số liệu tháng." });
    const toPrincipal = (await notices(v.STA_PRINCIPAL.userId)).slice(principalBefore);
    expect(toPrincipal.map((n) => n.message)).toEqual([expect.stringContaining('đã góp ý mục "Chế độ họp và thông tin"')]);
    expect(toPrincipal[0].link).toBe(`/truong/${S.STA}/ke-hoach/${v1}`);

    await step(v.STA_PRINCIPAL, v1, "submit");
    const toChair = (await notices(v.STA_CHAIR.userId)).slice(chairBefore);
    expect(toChair.map((n) => n.message)).toEqual([expect.stringContaining("đã trình ký kế hoạch phối hợp năm học 2026–2027: kế hoạch chờ bạn ký.")]);
    // The principal is not told of their own step; nobody at another school is told.
    expect((await notices(v.STA_PRINCIPAL.userId)).length).toBe(principalBefore + 1);
    expect(await t.prisma.awardNotice.count({ where: { userId: { in: [v.KD_PRINCIPAL.userId, v.KD_CHAIR.userId] }, schoolId: S.STA } })).toBe(0);

    // "Kế hoạch chờ bạn ký": the chair's bell and the school dashboard; not the principal's bell once sent.
    const waiting = await getWaitingCounts(v.STA_CHAIR);
    expect(waiting.find((w) => w.key === `plan-sign:plan.sign_union:${S.STA}`)).toMatchObject({ label: "Kế hoạch phối hợp chờ bạn ký", count: 1 });
    expect((await getSchoolDashboard(v.STA_CHAIR, S.STA, { yearId: Y26 })).waiting.map((w) => w.text)).toContainEqual(expect.stringContaining("Kế hoạch chờ bạn ký"));

    await step(v.STA_CHAIR, v1, "return");
    expect((await notices(v.STA_PRINCIPAL.userId)).at(-1)!.message).toContain("đã trả lại kế hoạch phối hợp năm học 2026–2027 để sửa");
    await step(v.STA_PRINCIPAL, v1, "submit");
    await step(v.STA_PRINCIPAL, v1, "sign_gov");
    expect((await notices(v.STA_CHAIR.userId)).at(-1)!.message).toContain("đã ký kế hoạch phối hợp năm học 2026–2027: kế hoạch chờ bạn ký.");
    await step(v.STA_CHAIR, v1, "sign_union");
    expect((await notices(v.STA_PRINCIPAL.userId)).at(-1)!.message).toContain("kế hoạch đã ký kết.");
    expect((await plan(v1)).status).toBe("SIGNED");
    expect((await getWaitingCounts(v.STA_CHAIR)).find((w) => w.key === `plan-sign:plan.sign_union:${S.STA}`)!.count).toBe(0);
  });

  it("the amendment keeps the number; moving the meeting to the 10th rewrites the sentence from the field (audited)", async () => {
    v2 = (await amendPlan(v.STA_PRINCIPAL, { planId: v1, reason: "Chuyển ngày họp liên tịch sang ngày 10 hằng tháng." })).id;
    expect((await plan(v2)).docNumber).toBe((await plan(v1)).docNumber);
    // While the amendment is only a draft, version 1 is still in force.
    expect((await getPlanDetail(v.STA_CHAIR, { schoolId: S.STA }, v1)).replacedBy).toBeNull();

    await header(v.STA_PRINCIPAL, v2, 10);
    const body = (await meetingsSection(v2)).body;
    expect(body).toContain("Họp liên tịch định kỳ vào ngày 10 hằng tháng");
    expect(body).not.toContain("ngày 05 hằng tháng");
    expect(await t.prisma.auditLog.count({ where: { action: "plan.update_section", entityId: (await meetingsSection(v2)).id } })).toBe(1);
    // Version 1's text is untouched (signed, and protected by the database).
    expect((await meetingsSection(v1)).body).toContain("ngày 05 hằng tháng");
  });

  it("text edited back to another day: sending for signing is refused, naming the sentence; nothing changes", async () => {
    const s = await meetingsSection(v2);
    await updateSection(v.STA_PRINCIPAL, { planId: v2, sectionId: s.id, version: s.version, title: s.title, body: s.body.replace("ngày 10 hằng tháng", "ngày 07 hằng tháng") });
    expect((await getPlanDetail(v.STA_PRINCIPAL, { schoolId: S.STA }, v2)).restated).toHaveLength(1);
    const msg = await message(step(v.STA_PRINCIPAL, v2, "submit"));
    expect(msg).toContain("Chế độ họp và thông tin");
    expect(msg).toContain("ngày 07 hằng tháng");
    expect(msg).toContain("ngày 10 hằng tháng");
    expect((await plan(v2)).status).toBe("DRAFT");
    const again = await meetingsSection(v2);
    await updateSection(v.STA_PRINCIPAL, { planId: v2, sectionId: again.id, version: again.version, title: again.title, body: again.body.replace("ngày 07 hằng tháng", "ngày 10 hằng tháng") });
  });

  it("once the amendment is signed, version 1 reads 'Đã được thay thế bởi phiên bản 2 ngày …' on its page and in its document", async () => {
    await step(v.STA_PRINCIPAL, v2, "submit");
    await step(v.STA_PRINCIPAL, v2, "sign_gov");
    await step(v.STA_CHAIR, v2, "sign_union");
    const signedOn = todayVN((await plan(v2)).signedAt!);
    const dd = `${String(signedOn.getUTCDate()).padStart(2, "0")}/${String(signedOn.getUTCMonth() + 1).padStart(2, "0")}/${signedOn.getUTCFullYear()}`;
    const d1 = await getPlanDetail(v.STA_MEMBER, { schoolId: S.STA }, v1);
    expect(d1.replacedBy).toEqual({ revision: 2, on: signedOn });
    expect(d1.revisions.find((r) => r.id === v1)!.replacedBy).toEqual({ revision: 2, on: signedOn });
    expect((await getPlanDetail(v.STA_MEMBER, { schoolId: S.STA }, v2)).replacedBy).toBeNull();
    const doc = (await getPlanDocument(v.STA_MEMBER, { schoolId: S.STA }, v1)).doc;
    expect(doc.mark).toBe("ĐÃ ĐƯỢC THAY THẾ");
    expect(doc.blocks[0]).toMatchObject({ type: "paragraph", text: expect.stringContaining(`Đã được thay thế bởi phiên bản 2 ngày ${dd}`) });
    const doc2 = (await getPlanDocument(v.STA_MEMBER, { schoolId: S.STA }, v2)).doc;
    expect(doc2.mark).toBeNull();
    expect(doc2.blocks.some((b) => "text" in b && typeof b.text === "string" && b.text.includes("ngày 10 hằng tháng"))).toBe(true);
  });
});

describe("the meeting calendar skips weekends, public holidays and Tết", () => {
  it("generated from the plan's 10th: no meeting on 10/02/2027 (Tết), nor on any day off", async () => {
    await generateMeetings(v.STA_PRINCIPAL, { schoolId: S.STA, schoolYearId: Y26 });
    const rows = await t.prisma.jointMeeting.findMany({ where: { schoolId: S.STA, schoolYearId: Y26, kind: "REGULAR" }, orderBy: { scheduledOn: "asc" } });
    const days = rows.map((r) => iso(r.scheduledOn));
    expect(days).not.toContain("2027-02-10");
    expect(days).toContain("2027-02-12"); // Tết 2027 break ends 11/02 (Thursday)
    expect(rows.find((r) => r.periodMonth === 202702)!.scheduledOn.getUTCDate()).toBe(12);
    expect(days).toContain("2026-09-10");
    for (const d of rows.map((r) => r.scheduledOn)) expect([0, 6]).not.toContain(d.getUTCDay());
  });

  it("an upper unit's own day off moves a planned meeting when the calendar is generated again; other units cannot touch it", async () => {
    const h = await createHoliday(v.UPPER_SONTHUY, { unitId: O.CDGD_SONTHUY, kind: "EXTRA", name: "Nghỉ bù ngày hội của huyện", startsOn: new Date(Date.UTC(2027, 2, 10)), endsOn: new Date(Date.UTC(2027, 2, 10)) });
    expect(await code(createHoliday(v.UPPER_BACSON, { unitId: O.CDGD_SONTHUY, kind: "EXTRA", name: "x", startsOn: new Date(Date.UTC(2027, 2, 11)), endsOn: new Date(Date.UTC(2027, 2, 11)) }))).toBe("NOT_FOUND");
    expect(await code(createHoliday(v.STA_PRINCIPAL, { unitId: O.CDGD_SONTHUY, kind: "EXTRA", name: "x", startsOn: new Date(Date.UTC(2027, 2, 11)), endsOn: new Date(Date.UTC(2027, 2, 11)) }))).toBe("NOT_FOUND");
    const national = await t.prisma.holiday.findFirstOrThrow({ where: { id: "hol-2027-tet" } });
    expect(await code(deleteHoliday(v.UPPER_SONTHUY, { holidayId: national.id, version: national.version }))).toBe("NOT_FOUND");
    expect(await t.prisma.auditLog.count({ where: { action: "holiday.create", entityId: h.id } })).toBe(1);

    const r = await generateMeetings(v.STA_PRINCIPAL, { schoolId: S.STA, schoolYearId: Y26 });
    expect(r).toEqual({ created: 0, moved: 1 });
    const march = await t.prisma.jointMeeting.findFirstOrThrow({ where: { schoolId: S.STA, periodMonth: 202703 } });
    expect(iso(march.scheduledOn)).toBe("2027-03-11");
    const page = await getHolidayPage(v.UPPER_SONTHUY, O.CDGD_SONTHUY, 2027);
    expect(page.rows.find((x) => x.id === "hol-2027-tet")).toMatchObject({ national: true, applies: true });
    expect(page.rows.find((x) => x.id === h.id)).toMatchObject({ own: true, applies: true });
    expect(await code(getHolidayPage(v.STA_PRINCIPAL, O.CDGD_SONTHUY, 2027))).toBe("NOT_FOUND");
  });

  it("the unit's Tết as announced replaces the national Tết of that year", async () => {
    await createHoliday(v.UPPER_SONTHUY, { unitId: O.CDGD_SONTHUY, kind: "TET", name: "Tết Nguyên đán Đinh Mùi (theo thông báo)", startsOn: new Date(Date.UTC(2027, 1, 4)), endsOn: new Date(Date.UTC(2027, 1, 14)), lunarNewYear: new Date(Date.UTC(2027, 1, 6)) });
    const page = await getHolidayPage(v.UPPER_SONTHUY, O.CDGD_SONTHUY, 2027);
    expect(page.rows.find((x) => x.id === "hol-2027-tet")!.applies).toBe(false);
    await generateMeetings(v.STA_PRINCIPAL, { schoolId: S.STA, schoolYearId: Y26 });
    const feb = await t.prisma.jointMeeting.findFirstOrThrow({ where: { schoolId: S.STA, periodMonth: 202702 } });
    expect(iso(feb.scheduledOn)).toBe("2027-02-15");
  });
});

describe("minutes and tasks", () => {
  let meetingId = "";
  let taskId = "";

  it("minutes dated after today cannot be finalised; once the day has come they can", async () => {
    const later = new Date(todayVN().getTime() + 7 * 86_400_000);
    meetingId = (await createMeeting(v.STA_PRINCIPAL, { schoolId: S.STA, schoolYearId: Y26, kind: "REWARD", scheduledOn: later, title: "Họp liên tịch xét khen thưởng đột xuất", agenda: undefined })).id;
    const m = await t.prisma.jointMeeting.findUniqueOrThrow({ where: { id: meetingId } });
    await saveMinutes(v.STA_PRINCIPAL, { meetingId, version: m.version, heldOn: later, heldTime: "14:00", principalName: "Hoàng Văn Minh", principalPresent: true, unionChairName: "Nguyễn Thị Thanh Tâm", unionChairPresent: true } as never);
    const held = await t.prisma.jointMeeting.findUniqueOrThrow({ where: { id: meetingId } });
    const msg = await message(changeMeetingState(v.STA_PRINCIPAL, { meetingId, version: held.version, action: "close" }));
    const d = later;
    expect(msg).toBe(`Cuộc họp diễn ra ngày ${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}: chỉ chốt biên bản từ ngày đó trở đi.`);
    expect((await t.prisma.jointMeeting.findUniqueOrThrow({ where: { id: meetingId } })).status).toBe("HELD");

    // Minutes of a meeting held today are final at once.
    const today = todayVN();
    const m2 = await t.prisma.jointMeeting.findUniqueOrThrow({ where: { id: meetingId } });
    await saveMinutes(v.STA_PRINCIPAL, { meetingId, version: m2.version, heldOn: today, heldTime: "07:30", principalName: "Hoàng Văn Minh", principalPresent: true } as never);
    taskId = (await addTask(v.STA_PRINCIPAL, { meetingId, content: "Hoàn thiện hồ sơ khen thưởng đột xuất", ownerName: "Lê Văn Tuấn", ownerSide: "UNION", dueOn: new Date(today.getTime() + 10 * 86_400_000) }), (await t.prisma.meetingTask.findFirstOrThrow({ where: { meetingId }, orderBy: { createdAt: "desc" } })).id);
    const m3 = await t.prisma.jointMeeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(await code(changeMeetingState(v.STA_PRINCIPAL, { meetingId, version: m3.version, action: "close" }))).toBe("OK");
  });

  it("the member responsible sees the task on their dashboard and marks it done; another member cannot", async () => {
    const task = await t.prisma.meetingTask.findUniqueOrThrow({ where: { id: taskId } });
    expect(task.ownerMemberId).toBe(M.STA_MEMBER);
    const dash = await getMemberDashboard(v.STA_MEMBER);
    expect(dash!.tasks.find((x) => x.id === taskId)).toMatchObject({ status: "OPEN", canComplete: true });
    expect(await code(completeTask(v.STA_GROUP_LEADER, { taskId, version: task.version, followUp: undefined }))).toBe("NOT_FOUND");
    expect(await code(completeTask(v.KD_PRINCIPAL, { taskId, version: task.version, followUp: undefined }))).toBe("NOT_FOUND");
    expect((await t.prisma.meetingTask.findUniqueOrThrow({ where: { id: taskId } })).status).toBe("OPEN");
    await completeTask(v.STA_MEMBER, { taskId, version: task.version, followUp: "Đã nộp hồ sơ cho Công đoàn." });
    const done = await t.prisma.meetingTask.findUniqueOrThrow({ where: { id: taskId } });
    expect(done).toMatchObject({ status: "DONE", followUp: "Đã nộp hồ sơ cho Công đoàn." });
    expect(iso(done.doneOn!)).toBe(iso(todayVN()));
    expect(await t.prisma.auditLog.count({ where: { action: "meeting.complete_task", entityId: taskId } })).toBe(1);
    expect(await code(completeTask(v.STA_MEMBER, { taskId, version: done.version, followUp: undefined }))).toBe("STATE");
    expect((await getMemberDashboard(v.STA_MEMBER))!.tasks.find((x) => x.id === taskId)).toMatchObject({ status: "DONE", canComplete: false });
  });

  it("the principal (who chairs the meeting) marks a task done too", async () => {
    const m = await createMeeting(v.STA_PRINCIPAL, { schoolId: S.STA, schoolYearId: Y26, kind: "OTHER", scheduledOn: todayVN(), title: "Họp liên tịch việc đột xuất", agenda: undefined });
    await addTask(v.STA_PRINCIPAL, { meetingId: m.id, content: "Sửa mái che nhà xe", ownerName: "Bộ phận cơ sở vật chất", ownerSide: "GOV", dueOn: undefined });
    const task = await t.prisma.meetingTask.findFirstOrThrow({ where: { meetingId: m.id } });
    expect(task.ownerMemberId).toBeNull();
    expect(await code(completeTask(v.STA_MEMBER, { taskId: task.id, version: task.version, followUp: undefined }))).toBe("NOT_FOUND");
    expect(await code(completeTask(v.STA_PRINCIPAL, { taskId: task.id, version: task.version, followUp: undefined }))).toBe("OK");
  });
});

describe("the member whose award was decided hears of it", () => {
  it("the BCH's decision: a notice to the member it names, none to the others", async () => {
    const packageId = (await createPackage(v.STA_CHAIR, { schoolId: S.STA, schoolYearId: Y25 })).id;
    await addItem(v.STA_CHAIR, { packageId, nominee: `m:${M.STA_MEMBER}`, titleCode: "GK_CDCS" });
    const council = await getCouncilPage(v.STA_PRINCIPAL, S.STA, Y25);
    const cm = (await openMeeting(v.STA_PRINCIPAL, { councilId: council.council!.id, heldOn: daysAgo(20), purpose: "Bình xét thi đua cuối năm học", presentIds: council.members.map((m) => m.id).slice(0, 5) })).id;
    await recordListVote(v.STA_CHAIR, { meetingId: cm, packageId, issued: 5, returned: 5, valid: 5, agree: 5 });
    await closeMeeting(v.STA_CHAIR, { meetingId: cm, version: (await getMeetingPage(v.STA_CHAIR, cm)).meeting.version });
    const memberBefore = (await notices(v.STA_MEMBER.userId)).length;
    await postPackage(v.STA_CHAIR, { packageId, version: (await getPackagePage(v.STA_CHAIR, packageId)).package.version, postedOn: daysAgo(10) });
    // Posting the list: the members are told (public posting).
    expect((await notices(v.STA_MEMBER.userId)).slice(memberBefore).map((n) => n.message)).toEqual([expect.stringContaining("được công khai")]);
    await splitPackage(v.STA_CHAIR, { packageId, version: (await getPackagePage(v.STA_CHAIR, packageId)).package.version });
    const page = await getSchoolDecisionPage(v.STA_CHAIR, S.STA, Y25);
    const leaderBefore = (await notices(v.STA_GROUP_LEADER.userId)).length;
    await issueSchoolDecision(v.STA_CHAIR, { schoolId: S.STA, schoolYearId: Y25, signedOn: daysAgo(1), signerName: "Nguyễn Thị Thanh Tâm", summary: undefined, itemIds: page.waiting.map((w) => w.id) } as never);
    const mine = (await notices(v.STA_MEMBER.userId)).at(-1)!;
    expect(mine.message).toMatch(/^Bạn được khen thưởng: Giấy khen của Ban Chấp hành Công đoàn cơ sở \(Quyết định số .+\)\.$/);
    expect(mine.link).toBe("/ca-nhan");
    expect(mine.schoolId).toBe(S.STA);
    expect((await notices(v.STA_GROUP_LEADER.userId)).length).toBe(leaderBefore);
  });
});
