// The whole awards journey on the demo data, with real viewers: eligibility per DOMAIN.md's
// cases, the council (odd count, quorum, ballots), the package (caps refuse 16% CSTĐCS, public
// posting, objections, dossier), split by deciding body (issue 12): the union part to the upper
// unit (return one nominee, resubmit, approve, decide), the state part sent by the principal and
// its government decision recorded; the immutable registry and revocation; tenancy (another unit or school finds nothing, rows
// unchanged), audit rows, and races (approve vs reject, two decisions for one nominee).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { raceIt, raceDescribe } from "../factories/races";
import { openDemoDb, errorCode as code, errorMessage as message, type DemoViewers } from "../factories/demo-db";
import type { TestDb } from "./harness";
import { DEMO } from "@/lib/seed/demo";
import { AWARDS_DEMO } from "@/lib/seed/awards-demo";
import { AppError } from "@/lib/server/errors";
import { getEligibilityPage, getDecisionsPage, listSchoolRegistry, listUnitRegistry, listMemberAwards } from "@/lib/awards/queries";
import { issueDecision, revokeDecision, saveEvaluation } from "@/lib/awards/mutations";
import { getCouncilPage, getMeetingPage, getMinutesData } from "@/lib/council/queries";
import { closeMeeting, openMeeting, recordListVote, recordVote } from "@/lib/council/mutations";
import { addDocument, addEligible, addItem, answerObjection, createPackage, lodgeObjection, postPackage, submitPackage, updateItem, withdrawItem } from "@/lib/nominations/mutations";
import { getPackagePage, getPublicLists } from "@/lib/nominations/queries";
import { getReviewQueue } from "@/lib/nominations/queue";
import { bulkApprove, reviewItem } from "@/lib/nominations/review";
import { listInitiatives } from "@/lib/initiatives/queries";
import { createInitiative } from "@/lib/initiatives/mutations";
import { markStateSent, recordStateDecision, splitPackage } from "@/lib/awards/routes";

const M = DEMO.members;
const S = DEMO.schools;
const Y25 = DEMO.years.Y2025;

let t: TestDb;
let v: DemoViewers;

beforeAll(async () => {
  ({ t, v } = await openDemoDb({ awards: true }));
}, 240_000);
afterAll(() => t?.drop());

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

describe("eligibility on the demo school (DOMAIN.md cases)", () => {
  it("2025–2026: 25 LĐTT, 4 CSTĐCS (cap 3), maternity member in, disciplined and open-complaint members out", async () => {
    const page = await getEligibilityPage(v.STA_CHAIR, S.STA, Y25);
    expect(page.counts).toMatchObject({ members: 36, ldtt: 25, cstdcs: 4, cstdcsMax: 3 });
    const row = (id: string) => page.rows.find((r) => r.id === id)!;
    const title = (id: string, code: string) => row(id).verdicts.find((x) => x.title === code)!;
    expect(title(M.STA_MATERNITY, "LDTT").eligible).toBe(true);
    expect(title(AWARDS_DEMO.members.DISCIPLINED, "LDTT").summary).toContain("khiển trách");
    expect(title(AWARDS_DEMO.members.OPEN_COMPLAINT, "LDTT").summary).toContain("khiếu nại");
    expect(title(M.STA_CHAIR, "CSTD_TINH")).toMatchObject({ eligible: true, flagOnly: true });
    expect(title(M.STA_PRINCIPAL, "BK_TLD").eligible).toBe(true);
    expect(title(AWARDS_DEMO.members.NOT_APPLIED, "CSTDCS").summary).toContain("chưa được áp dụng");
    expect(page.caps[0]).toMatchObject({ passed: false, detail: "Đề nghị 4 CSTĐCS trên 25 LĐTT (16%) vượt hạn mức 15%: tối đa 3 (làm tròn xuống)" });
  });

  it("2024–2025: the member recruited in March is not eligible (under 10 months)", async () => {
    const page = await getEligibilityPage(v.STA_CHAIR, S.STA, DEMO.years.Y2024);
    const r = page.rows.find((x) => x.id === M.STA_RECRUIT_2025)!;
    expect(r.verdicts[0].eligible).toBe(false);
    expect(r.verdicts[0].summary).toContain("Công tác 2 tháng");
  });

  it("another unit's staff and another school's chair find nothing", async () => {
    expect(await code(getEligibilityPage(v.UPPER_BACSON, S.STA, Y25))).toBe("NOT_FOUND");
    expect(await code(getEligibilityPage(v.KD_CHAIR, S.STA, Y25))).toBe("NOT_FOUND");
    expect(await code(getEligibilityPage(v.STA_MEMBER, S.STA, Y25))).toBe("NOT_FOUND");
    expect(await code(getEligibilityPage(v.UPPER_SONTHUY, S.STA, Y25))).toBe("OK");
  });

  it("evaluations are version-checked, scoped and audited", async () => {
    const before = await t.prisma.memberEvaluation.findUniqueOrThrow({ where: { memberId_schoolYearId: { memberId: "mem_sta_010", schoolYearId: Y25 } } });
    const input = { memberId: "mem_sta_010", schoolYearId: Y25, version: before.version, grade: "HTTNV" as const, registered: true, absenceWorkingDays: 3, maternityLeaveDays: 0 };
    expect(await code(saveEvaluation(v.KD_CHAIR, input))).toBe("NOT_FOUND");
    expect(await code(saveEvaluation(v.STA_CHAIR, input))).toBe("OK");
    expect(await code(saveEvaluation(v.STA_CHAIR, input))).toBe("CONFLICT");
    expect(await t.prisma.auditLog.count({ where: { action: "evaluation.save", entityId: `mem_sta_010:${Y25}` } })).toBe(1);
  });
});

describe("initiatives registry", () => {
  it("lists the year's initiatives with authors; only the school's chair or principal adds; authors must be of the school", async () => {
    const page = await listInitiatives(v.STA_MEMBER, S.STA, Y25);
    expect(page.items.length).toBe(6);
    expect(page.canManage).toBe(false);
    const input = { schoolId: S.STA, schoolYearId: Y25, title: "Sáng kiến thử", authorIds: [M.STA_MEMBER], applied: false };
    expect(await code(createInitiative(v.STA_MEMBER, input))).toBe("NOT_FOUND");
    expect(await code(createInitiative(v.KD_CHAIR, input))).toBe("NOT_FOUND");
    expect(await code(createInitiative(v.STA_CHAIR, { ...input, authorIds: [M.KD_CHAIR] }))).toBe("INVALID");
    expect(await code(createInitiative(v.STA_CHAIR, input))).toBe("OK");
    expect(await listInitiatives(v.UPPER_BACSON, S.STA, Y25).then(() => "OK", (e) => (e as AppError).code)).toBe("NOT_FOUND");
  });
});

describe("council, package, split by deciding body, both routes, registry", () => {
  let packageId = "";
  let statePackageId = "";
  let meetingId = "";
  const cstdcsIds: string[] = [];
  const gkIds: string[] = [];
  // Union forms in the same school package: decided by the upper union (issue 12).
  const GK = [M.STA_MEMBER, M.STA_GROUP_LEADER, M.STA_PRINCIPAL];

  it("the chair builds a package with every eligible LĐTT and CSTĐCS and three union Giấy khen; the 16% CSTĐCS is refused with the reason", async () => {
    expect(await code(createPackage(v.STA_MEMBER, { schoolId: S.STA, schoolYearId: Y25 }))).toBe("NOT_FOUND");
    expect(await code(createPackage(v.UPPER_SONTHUY, { schoolId: S.STA, schoolYearId: Y25 }))).toBe("NOT_FOUND");
    packageId = (await createPackage(v.STA_CHAIR, { schoolId: S.STA, schoolYearId: Y25 })).id;
    expect((await addEligible(v.STA_CHAIR, { packageId, titleCode: "LDTT" })).added).toBe(25);
    expect((await addEligible(v.STA_CHAIR, { packageId, titleCode: "CSTDCS" })).added).toBe(4);
    expect(await code(addEligible(v.KD_CHAIR, { packageId, titleCode: "LDTT" }))).toBe("NOT_FOUND");
    for (const m of GK) await addItem(v.STA_CHAIR, { packageId, nominee: `m:${m}`, titleCode: "GK_CD_CAP_TREN" });
    expect(await code(addItem(v.KD_CHAIR, { packageId, nominee: `m:${M.STA_MEMBER}`, titleCode: "DVCD_XS" }))).toBe("NOT_FOUND");
    const page = await getPackagePage(v.STA_CHAIR, packageId);
    expect(page.caps.find((c) => c.rule === "cstdcs-cap")).toMatchObject({ passed: false, detail: "Đề nghị 4 CSTĐCS trên 25 LĐTT (16%) vượt hạn mức 15%: tối đa 3 (làm tròn xuống)" });
    // The chair's CSTĐCS first: the last one is withdrawn below, the chair's goes to the decision.
    const cstdcs = page.items.filter((i) => i.titleCode === "CSTDCS");
    cstdcsIds.push(...cstdcs.filter((i) => i.memberId === M.STA_CHAIR).map((i) => i.id), ...cstdcs.filter((i) => i.memberId !== M.STA_CHAIR).map((i) => i.id));
    expect(cstdcsIds).toHaveLength(4);
    gkIds.push(...page.items.filter((i) => i.titleCode === "GK_CD_CAP_TREN").map((i) => i.id));
    expect(gkIds).toHaveLength(3);
  });

  it("a meeting opens only with a quorum; ballots are tallied by the threshold setting", async () => {
    const council = await getCouncilPage(v.STA_PRINCIPAL, S.STA, Y25);
    expect(council.members.length).toBe(7);
    expect(council.oddCheck.passed).toBe(true);
    const seats = council.members.map((m) => m.id);
    const base = { councilId: council.council!.id, heldOn: daysAgo(20), purpose: "Bình xét thi đua cuối năm học 2025–2026" };
    expect(await message(openMeeting(v.STA_PRINCIPAL, { ...base, presentIds: seats.slice(0, 4) }))).toBe("Chưa đủ túc số: Có mặt 4/7 thành viên (57,14%), cần từ 2/3.");
    expect(await code(openMeeting(v.KD_CHAIR, { ...base, presentIds: seats.slice(0, 5) }))).toBe("NOT_FOUND");
    meetingId = (await openMeeting(v.STA_PRINCIPAL, { ...base, presentIds: seats.slice(0, 5) })).id;
    const r = await recordListVote(v.STA_CHAIR, { meetingId, packageId, issued: 5, returned: 5, valid: 5, agree: 5 });
    // The list vote covers the open-ballot proposals: 25 LĐTT and the 3 Giấy khen.
    expect(r).toMatchObject({ count: 28, passed: 28 });
    // 3 of 5 present = 60% < 70%: fails; then corrected while the meeting is open.
    const fail = await recordVote(v.STA_CHAIR, { meetingId, itemId: cstdcsIds[0], issued: 5, returned: 5, valid: 5, agree: 3 });
    expect(fail.passed).toBe(false);
    expect(await code(recordVote(v.STA_CHAIR, { meetingId, itemId: cstdcsIds[0], issued: 5, returned: 6, valid: 5, agree: 5 }))).toBe("INVALID");
    for (const id of cstdcsIds) expect((await recordVote(v.STA_CHAIR, { meetingId, itemId: id, issued: 5, returned: 5, valid: 5, agree: 4 })).passed).toBe(true);
    const page = await getMeetingPage(v.STA_CHAIR, meetingId);
    await closeMeeting(v.STA_CHAIR, { meetingId, version: page.meeting.version });
    expect(await code(recordVote(v.STA_CHAIR, { meetingId, itemId: cstdcsIds[0], issued: 5, returned: 5, valid: 5, agree: 5 }))).toBe("STATE");
    // The closed minutes are frozen in the database too.
    await expect(t.prisma.councilVote.updateMany({ where: { meetingId }, data: { agree: 0 } })).rejects.toThrow();
    const minutes = await getMinutesData(v.STA_CHAIR, meetingId);
    expect(minutes).toMatchObject({ presentCount: 5, memberCount: 7, status: "CLOSED" });
    expect(minutes.votes.filter((x) => x.secret).length).toBe(4);
  });

  it("posting is refused while CSTĐCS exceeds the cap; after withdrawing one it is posted", async () => {
    const page = await getPackagePage(v.STA_CHAIR, packageId);
    expect(await message(postPackage(v.STA_CHAIR, { packageId, version: page.package.version, postedOn: daysAgo(10) }))).toContain("vượt hạn mức 15%: tối đa 3");
    const last = page.items.find((i) => i.id === cstdcsIds[3])!;
    await withdrawItem(v.STA_CHAIR, { itemId: last.id, version: last.version });
    const again = await getPackagePage(v.STA_CHAIR, packageId);
    expect(again.blockingPost).toEqual([]);
    await postPackage(v.STA_CHAIR, { packageId, version: again.package.version, postedOn: daysAgo(10) });
    const posted = await getPackagePage(v.STA_CHAIR, packageId);
    expect(posted.package.status).toBe("POSTED");
    // The drafted tờ trình follows the list while nobody edited it.
    expect(posted.package.coverNote).toContain("- Chiến sĩ thi đua cơ sở: 3");
    expect(posted.package.coverNote).toContain("- Lao động tiên tiến: 25");
  });

  it("members see the posted list and object; a mixed package is refused; the split moves each government proposal with its objection to its own package", async () => {
    const pub = await getPublicLists(v.STA_MEMBER, S.STA);
    expect(pub.packages[0].items.length).toBe(31);
    expect(await code(lodgeObjection(v.KD_CHAIR, { packageId, body: "Không đồng ý" }))).toBe("NOT_FOUND");
    await lodgeObjection(v.STA_MEMBER, { packageId, itemId: cstdcsIds[0], body: "Đề nghị làm rõ sáng kiến đã được áp dụng ở những lớp nào." });
    let page = await getPackagePage(v.STA_CHAIR, packageId);
    // Issue 12: one school package holds proposals for two deciding bodies; it is split first.
    expect(await message(submitPackage(v.STA_CHAIR, { packageId, version: page.package.version }))).toContain("tách hồ sơ theo cấp quyết định");
    expect(await code(splitPackage(v.KD_CHAIR, { packageId, version: page.package.version }))).toBe("NOT_FOUND");
    expect(await code(splitPackage(v.STA_MEMBER, { packageId, version: page.package.version }))).toBe("NOT_FOUND");
    expect(await code(splitPackage(v.UPPER_SONTHUY, { packageId, version: page.package.version }))).toBe("NOT_FOUND");
    const auditBefore = await t.prisma.auditLog.count({ where: { action: "nomination.split" } });
    const split = await splitPackage(v.STA_CHAIR, { packageId, version: page.package.version });
    expect(split.packageIds).toHaveLength(2);
    expect(split.packageIds[0]).toBe(packageId);
    statePackageId = split.packageIds[1];
    expect(await t.prisma.auditLog.count({ where: { action: "nomination.split" } })).toBe(auditBefore + 2);
    page = await getPackagePage(v.STA_CHAIR, packageId);
    const state = await getPackagePage(v.STA_CHAIR, statePackageId);
    expect(page.package.status).toBe("POSTED");
    expect(state.package.status).toBe("POSTED");
    expect(page.items.filter((i) => i.status !== "WITHDRAWN").map((i) => i.titleCode)).toEqual(["GK_CD_CAP_TREN", "GK_CD_CAP_TREN", "GK_CD_CAP_TREN"]);
    expect(state.items.filter((i) => i.titleCode === "LDTT")).toHaveLength(25);
    expect(state.items.filter((i) => i.titleCode === "CSTDCS").map((i) => i.id).sort()).toEqual(cstdcsIds.slice(0, 3).sort());
    expect((await t.prisma.nominationPackage.findUniqueOrThrow({ where: { id: statePackageId } })).organisationId).toBe(DEMO.orgs.UBND_SONTHUY);
    expect(page.objections).toEqual([]);
    expect(state.objections).toHaveLength(1);
  });

  it("each part waits for the council's answer and the dossier; the union part goes to the upper union, the principal sends the state part", async () => {
    let state = await getPackagePage(v.STA_PRINCIPAL, statePackageId);
    const refused = await message(markStateSent(v.STA_PRINCIPAL, { packageId: statePackageId, version: state.package.version }));
    expect(refused).toContain("Còn 1 ý kiến phản ánh chưa được trả lời");
    expect(refused).toContain("thiếu minh chứng thành tích");
    const o = state.objections[0];
    await answerObjection(v.STA_CHAIR, { objectionId: o.id, version: o.version, answer: "Sáng kiến được áp dụng tại các lớp 3A, 3B, 3C (biên bản kèm theo)." });
    expect((await getPublicLists(v.STA_MEMBER, S.STA)).myObjections[0].answer).toContain("3A, 3B, 3C");
    for (const id of cstdcsIds.slice(0, 3)) await addDocument(v.STA_CHAIR, { packageId: statePackageId, itemId: id, kind: "MINH_CHUNG", title: "Biên bản đánh giá hiệu quả áp dụng sáng kiến", reference: "Lưu tại văn phòng" });
    state = await getPackagePage(v.STA_PRINCIPAL, statePackageId);
    expect(state.blockingSubmit).toEqual([]);
    // The state part is not the upper union's: it is sent by the principal, not submitted.
    expect(await code(submitPackage(v.STA_CHAIR, { packageId: statePackageId, version: state.package.version }))).toBe("STATE");
    expect(await code(markStateSent(v.STA_CHAIR, { packageId: statePackageId, version: state.package.version }))).toBe("NOT_FOUND");
    expect(await code(markStateSent(v.KD_PRINCIPAL, { packageId: statePackageId, version: state.package.version }))).toBe("NOT_FOUND");
    await markStateSent(v.STA_PRINCIPAL, { packageId: statePackageId, version: state.package.version });
    expect(await code(markStateSent(v.STA_PRINCIPAL, { packageId: statePackageId, version: state.package.version }))).toBe("STATE");
    expect((await getPackagePage(v.STA_PRINCIPAL, statePackageId)).package.status).toBe("SUBMITTED");
    expect(await t.prisma.auditLog.count({ where: { action: "nomination.send", entityId: statePackageId } })).toBe(1);
    const page = await getPackagePage(v.STA_CHAIR, packageId);
    expect(page.blockingSubmit).toEqual([]);
    await submitPackage(v.STA_CHAIR, { packageId, version: page.package.version });
    expect(await code(submitPackage(v.STA_CHAIR, { packageId, version: page.package.version }))).toBe("STATE");
  });

  it("the upper unit sees the union part in its queue, not the state part; another unit and another school see neither", async () => {
    const q = await getReviewQueue(v.UPPER_SONTHUY, DEMO.orgs.CDGD_SONTHUY, { yearId: Y25 });
    expect(q.packages.map((p) => p.id)).toContain(packageId);
    expect(q.packages.map((p) => p.id)).not.toContain(statePackageId);
    expect(q.counts).toMatchObject({ waitingPackages: 1, waitingItems: 3 });
    expect(await code(getReviewQueue(v.UPPER_BACSON, DEMO.orgs.CDGD_SONTHUY, { yearId: Y25 }))).toBe("NOT_FOUND");
    for (const id of [packageId, statePackageId]) {
      expect(await code(getPackagePage(v.UPPER_BACSON, id))).toBe("NOT_FOUND");
      expect(await code(getPackagePage(v.KD_CHAIR, id))).toBe("NOT_FOUND");
      expect(await code(getPackagePage(v.STA_MEMBER, id))).toBe("NOT_FOUND");
    }
    // A nominee of the state part cannot be reviewed by the upper union.
    const stateItem = await t.prisma.nominationItem.findFirstOrThrow({ where: { packageId: statePackageId, status: "SUBMITTED" } });
    const auditBefore = await t.prisma.auditLog.count();
    expect(await code(reviewItem(v.UPPER_SONTHUY, { itemId: stateItem.id, version: stateItem.version, decision: "approve" }))).toBe("NOT_FOUND");
    expect(await code(bulkApprove(v.UPPER_SONTHUY, { packageId: statePackageId, itemIds: [stateItem.id] }))).toBe("NOT_FOUND");
    expect(await t.prisma.auditLog.count()).toBe(auditBefore);
    expect((await t.prisma.nominationItem.findUniqueOrThrow({ where: { id: stateItem.id } })).status).toBe("SUBMITTED");
  });

  it("return one nominee with a comment, approve the rest in bulk; the school fixes and resubmits; approve", async () => {
    const page = await getPackagePage(v.UPPER_SONTHUY, packageId);
    const target = page.items.find((i) => i.id === gkIds[1])!;
    const auditBefore = await t.prisma.auditLog.count();
    expect(await code(reviewItem(v.UPPER_BACSON, { itemId: target.id, version: target.version, decision: "return", comment: "x" }))).toBe("NOT_FOUND");
    expect(await code(reviewItem(v.STA_CHAIR, { itemId: target.id, version: target.version, decision: "approve" }))).toBe("NOT_FOUND");
    expect(await t.prisma.auditLog.count()).toBe(auditBefore);
    await reviewItem(v.UPPER_SONTHUY, { itemId: target.id, version: target.version, decision: "return", comment: "Bổ sung thành tích cụ thể trong năm học (số liệu, kết quả)." });
    expect(await t.prisma.auditLog.count({ where: { action: "nomination.return", entityId: target.id } })).toBe(1);
    const rest = page.items.filter((i) => i.status === "SUBMITTED" && i.id !== target.id).map((i) => i.id);
    expect((await bulkApprove(v.UPPER_SONTHUY, { packageId, itemIds: rest })).approved).toBe(2);
    let school = await getPackagePage(v.STA_CHAIR, packageId);
    expect(school.package.status).toBe("RETURNED");
    expect(await t.prisma.awardNotice.count({ where: { userId: DEMO.users.STA_CHAIR } })).toBeGreaterThan(0);
    const returned = school.items.find((i) => i.id === target.id)!;
    expect(returned).toMatchObject({ status: "RETURNED", reviewNote: "Bổ sung thành tích cụ thể trong năm học (số liệu, kết quả)." });
    await updateItem(v.STA_CHAIR, { itemId: returned.id, version: returned.version, achievementSummary: `${returned.achievementSummary ?? ""}\nPhụ trách câu lạc bộ Toán tuổi thơ, 12 học sinh đạt giải cấp huyện.` });
    school = await getPackagePage(v.STA_CHAIR, packageId);
    await submitPackage(v.STA_CHAIR, { packageId, version: school.package.version });
    const again = await getPackagePage(v.UPPER_SONTHUY, packageId);
    const it2 = again.items.find((i) => i.id === target.id)!;
    expect(it2.status).toBe("SUBMITTED");
    expect(again.events.some((e) => e.action === "resubmit")).toBe(true);
    await reviewItem(v.UPPER_SONTHUY, { itemId: it2.id, version: it2.version, decision: "approve" });
    expect((await getPackagePage(v.UPPER_SONTHUY, packageId)).package.status).toBe("REVIEWED");
  });

  let decisionId = "";
  it("the upper unit issues a decision for the union part only: awards enter the registry and the members' histories; they are immutable", async () => {
    const page = await getDecisionsPage(v.UPPER_SONTHUY, DEMO.orgs.CDGD_SONTHUY, { yearId: Y25 });
    expect(page.approved.map((a) => a.id).sort()).toEqual([...gkIds].sort());
    const base = { unitId: DEMO.orgs.CDGD_SONTHUY, schoolYearId: Y25, number: "88/QĐ-CĐGD", signedOn: new Date(), signerName: "Phạm Quang Vinh", signerTitle: "Chủ tịch", issuerName: "Công đoàn Giáo dục huyện Sơn Thủy", level: "DIRECT_UPPER" as const, itemIds: page.approved.map((a) => a.id) };
    const decisionsBefore = await t.prisma.awardDecision.count();
    expect(await code(issueDecision(v.UPPER_BACSON, { ...base, unitId: DEMO.orgs.CDGD_BACSON, idempotencyKey: "k0" }))).toBe("STATE");
    // The state part's nominees are not the union's to decide.
    const stateItems = await t.prisma.nominationItem.findMany({ where: { packageId: statePackageId }, select: { id: true } });
    expect(await code(issueDecision(v.UPPER_SONTHUY, { ...base, itemIds: [...base.itemIds, stateItems[0].id], idempotencyKey: "k00" }))).toBe("STATE");
    expect(await t.prisma.awardDecision.count()).toBe(decisionsBefore);
    decisionId = (await issueDecision(v.UPPER_SONTHUY, { ...base, idempotencyKey: "k1" })).id;
    // The same form again (same key): the first decision comes back, nothing new is written.
    expect((await issueDecision(v.UPPER_SONTHUY, { ...base, idempotencyKey: "k1" })).id).toBe(decisionId);
    expect(await code(issueDecision(v.UPPER_SONTHUY, { ...base, number: "89/QĐ-CĐGD", idempotencyKey: "k2" }))).toBe("STATE");
    expect(await t.prisma.auditLog.count({ where: { action: "decision.issue", entityId: decisionId } })).toBe(1);
    expect((await getPackagePage(v.STA_CHAIR, packageId)).package.status).toBe("DECIDED");
    expect((await getPackagePage(v.STA_CHAIR, statePackageId)).package.status).toBe("SUBMITTED");
    const reg = await listUnitRegistry(v.UPPER_SONTHUY, DEMO.orgs.CDGD_SONTHUY, { yearId: Y25 });
    expect(reg.total).toBe(3);
    expect(new Set(reg.rows.map((r) => r.titleCode))).toEqual(new Set(["GK_CD_CAP_TREN"]));
    expect((await listMemberAwards(v.STA_MEMBER, M.STA_MEMBER)).filter((a) => a.decisionId === decisionId).map((a) => a.titleCode)).toEqual(["GK_CD_CAP_TREN"]);
    expect(await code(listMemberAwards(v.KD_CHAIR, M.STA_MEMBER))).toBe("NOT_FOUND");
    await expect(t.prisma.award.updateMany({ where: { decisionId }, data: { recipientName: "X" } })).rejects.toThrow();
    await expect(t.prisma.awardDecision.delete({ where: { id: decisionId } })).rejects.toThrow();
  });

  let stateDecisionId = "";
  it("the principal records the government decision with its scan: the state titles enter the registry and the histories; they are immutable", async () => {
    const scan = () => new File([new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")], "qd-112-ubnd.pdf", { type: "application/pdf" });
    const decision = { packageId: statePackageId, number: "112/QĐ-UBND", signedOn: daysAgo(1), issuerName: "UBND xã Sơn Thủy", issuerParent: "UBND tỉnh Sơn Hà", signerName: "Lương Văn Sơn", signerTitle: "Chủ tịch", summary: undefined, file: scan() };
    const decisionsBefore = await t.prisma.awardDecision.count();
    expect(await code(recordStateDecision(v.KD_PRINCIPAL, decision))).toBe("NOT_FOUND");
    expect(await code(recordStateDecision(v.STA_CHAIR, decision))).toBe("NOT_FOUND");
    expect(await code(recordStateDecision(v.UPPER_SONTHUY, decision))).toBe("NOT_FOUND");
    expect(await code(recordStateDecision(v.STA_PRINCIPAL, { ...decision, packageId }))).toBe("NOT_FOUND");
    expect(await t.prisma.awardDecision.count()).toBe(decisionsBefore);
    stateDecisionId = (await recordStateDecision(v.STA_PRINCIPAL, decision)).decisionId;
    const d = await t.prisma.awardDecision.findUniqueOrThrow({ where: { id: stateDecisionId }, include: { _count: { select: { awards: true } } } });
    expect(d).toMatchObject({ side: "STATE", schoolId: S.STA, organisationId: DEMO.orgs.UBND_SONTHUY });
    expect(d._count.awards).toBe(28);
    expect(await t.prisma.auditLog.count({ where: { action: "nomination.recordState", entityId: stateDecisionId } })).toBe(1);
    expect(await code(recordStateDecision(v.STA_PRINCIPAL, { ...decision, file: scan() }))).toBe("STATE");
    expect((await getPackagePage(v.STA_CHAIR, statePackageId)).package.status).toBe("DECIDED");
    // The school's registry holds both routes, each with its issuer; the upper union's too.
    const school = await listSchoolRegistry(v.STA_CHAIR, S.STA, { yearId: Y25 });
    expect(school.rows.filter((r) => r.decisionId === stateDecisionId).length).toBe(28);
    expect(new Set(school.rows.filter((r) => [decisionId, stateDecisionId].includes(r.decisionId)).map((r) => r.issuerName))).toEqual(new Set(["UBND xã Sơn Thủy", "Công đoàn Giáo dục huyện Sơn Thủy"]));
    expect((await listUnitRegistry(v.UPPER_SONTHUY, DEMO.orgs.CDGD_SONTHUY, { yearId: Y25 })).total).toBe(31);
    const mine = await listMemberAwards(v.STA_CHAIR, M.STA_CHAIR);
    expect(mine.filter((a) => a.titleCode === "CSTDCS").length).toBe(3);
    expect(mine.find((a) => a.decisionId === stateDecisionId && a.titleCode === "CSTDCS")?.issuerName).toBe("UBND xã Sơn Thủy");
    expect(await code(listMemberAwards(v.KD_CHAIR, M.STA_CHAIR))).toBe("NOT_FOUND");
    // A member sees their own awards only.
    const own = await listSchoolRegistry(v.STA_MEMBER, S.STA, {});
    expect(new Set(own.rows.map((r) => r.memberId))).toEqual(new Set([M.STA_MEMBER]));
    await expect(t.prisma.award.updateMany({ where: { decisionId: stateDecisionId }, data: { recipientName: "X" } })).rejects.toThrow();
    await expect(t.prisma.awardDecision.delete({ where: { id: stateDecisionId } })).rejects.toThrow();
  });

  it("revoking keeps the record, marked revoked; it happens once; the union cannot revoke the government's decision", async () => {
    expect(await code(revokeDecision(v.UPPER_BACSON, { decisionId, reason: "Hồ sơ không trung thực", revokedOn: new Date() }))).toBe("NOT_FOUND");
    expect(await code(revokeDecision(v.UPPER_SONTHUY, { decisionId: stateDecisionId, reason: "Hồ sơ không trung thực", revokedOn: new Date() }))).toBe("NOT_FOUND");
    await revokeDecision(v.UPPER_SONTHUY, { decisionId, reason: "Hồ sơ kê khai không trung thực", revokedOn: new Date() });
    expect(await code(revokeDecision(v.UPPER_SONTHUY, { decisionId, reason: "Lần nữa cho chắc", revokedOn: new Date() }))).toBe("STATE");
    const reg = await listUnitRegistry(v.UPPER_SONTHUY, DEMO.orgs.CDGD_SONTHUY, { yearId: Y25 });
    expect(reg.total).toBe(31);
    expect(reg.rows.filter((r) => r.decisionId === decisionId).every((r) => r.revoked)).toBe(true);
    expect(reg.rows.filter((r) => r.decisionId === stateDecisionId).some((r) => r.revoked)).toBe(false);
    expect(await t.prisma.nominationItem.count({ where: { packageId, status: "REVOKED" } })).toBe(3);
    expect(await t.prisma.nominationItem.count({ where: { packageId: statePackageId, status: "DECIDED" } })).toBe(28);
    expect(await t.prisma.auditLog.count({ where: { action: "decision.revoke", entityId: decisionId } })).toBe(1);
    expect(await t.prisma.decisionRevocation.count({ where: { decisionId: stateDecisionId } })).toBe(0);
    // ADR 0010: the revoked decision's nominees may be decided again.
    const again = await getDecisionsPage(v.UPPER_SONTHUY, DEMO.orgs.CDGD_SONTHUY, { yearId: Y25 });
    expect(again.approved.filter((a) => a.redecide).map((a) => a.id).sort()).toEqual([...gkIds].sort());
  });
});

raceDescribe("races", () => {
  // SECURITY.md: approve and reject racing produce one decision, 50 times on separate connections.
  raceIt("approve and reject of one nominee racing make exactly one decision (50 rounds)", async () => {
    const pkg = await createPackage(v.KD_CHAIR, { schoolId: S.KD, schoolYearId: Y25 });
    await t.prisma.nominationPackage.update({ where: { id: pkg.id }, data: { status: "SUBMITTED" } });
    // One nominee per (member, title) in a package: 25 members × 2 union forms = 50 rounds (the
    // upper union reviews union forms only: issue 12).
    const members = await t.prisma.member.findMany({ where: { schoolId: S.KD }, orderBy: { id: "asc" }, take: 25, select: { id: true, fullName: true } });
    expect(members).toHaveLength(25);
    for (let round = 0; round < 50; round++) {
      const m = members[round % 25];
      // Deciding the only open nominee settles the package: put it back under review.
      await t.prisma.nominationPackage.update({ where: { id: pkg.id }, data: { status: "SUBMITTED" } });
      const item = await t.prisma.nominationItem.create({ data: { packageId: pkg.id, schoolId: S.KD, subject: "MEMBER", memberId: m.id, nomineeName: m.fullName, titleCode: round < 25 ? "GK_CD_CAP_TREN" : "BK_LDLD_TINH", level: "DIRECT_UPPER", achievementKey: `race:${round}`, status: "SUBMITTED" } });
      const results = await Promise.allSettled([
        reviewItem(v.UPPER_SONTHUY, { itemId: item.id, version: 1, decision: "approve" }),
        reviewItem(v.UPPER_SONTHUY, { itemId: item.id, version: 1, decision: "reject", comment: "Không đủ thành tích" }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled").length, `round ${round}`).toBe(1);
      const after = await t.prisma.nominationItem.findUniqueOrThrow({ where: { id: item.id } });
      expect(["APPROVED", "REJECTED"]).toContain(after.status);
      expect(await t.prisma.nominationEvent.count({ where: { itemId: item.id, action: { in: ["approve", "reject"] } } }), `round ${round}`).toBe(1);
    }
  }, 120_000);
});

