// The whole awards journey on the demo data, with real viewers: eligibility per DOMAIN.md's
// cases, the council (odd count, quorum, ballots), the package (caps refuse 16% CSTĐCS, public
// posting, objections, dossier), the upper unit (return one nominee, resubmit, approve, decide),
// the immutable registry and revocation; tenancy (another unit or school finds nothing, rows
// unchanged), audit rows, and races (approve vs reject, two decisions for one nominee).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { raceIt } from "../factories/races";
import { openDemoDb, errorCode as code, type DemoViewers } from "../factories/demo-db";
import type { TestDb } from "./harness";
import { DEMO } from "@/lib/seed/demo";
import { AWARDS_DEMO } from "@/lib/seed/awards-demo";
import { AppError } from "@/lib/server/errors";
import { getEligibilityPage, getDecisionsPage, listSchoolRegistry, listUnitRegistry, listMemberAwards } from "@/lib/awards/queries";
import { issueDecision, revokeDecision, saveEvaluation } from "@/lib/awards/mutations";
import { getCouncilPage, getMeetingPage, getMinutesData } from "@/lib/council/queries";
import { closeMeeting, openMeeting, recordListVote, recordVote } from "@/lib/council/mutations";
import { addDocument, addEligible, answerObjection, createPackage, lodgeObjection, postPackage, submitPackage, updateItem, withdrawItem } from "@/lib/nominations/mutations";
import { getPackagePage, getPublicLists } from "@/lib/nominations/queries";
import { getReviewQueue } from "@/lib/nominations/queue";
import { bulkApprove, reviewItem } from "@/lib/nominations/review";
import { listInitiatives } from "@/lib/initiatives/queries";
import { createInitiative } from "@/lib/initiatives/mutations";

const M = DEMO.members;
const S = DEMO.schools;
const Y25 = DEMO.years.Y2025;

let t: TestDb;
let v: DemoViewers;

beforeAll(async () => {
  ({ t, v } = await openDemoDb({ awards: true }));
}, 240_000);
afterAll(() => t?.drop());

async function message(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "OK";
  } catch (e) {
    if (e instanceof AppError) return e.userMessage;
    throw e;
  }
}
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

describe("council, package, review, decision, registry", () => {
  let packageId = "";
  let meetingId = "";
  const cstdcsIds: string[] = [];

  it("the chair builds a package with every eligible LĐTT and CSTĐCS; the 16% CSTĐCS is refused with the reason", async () => {
    expect(await code(createPackage(v.STA_MEMBER, { schoolId: S.STA, schoolYearId: Y25 }))).toBe("NOT_FOUND");
    expect(await code(createPackage(v.UPPER_SONTHUY, { schoolId: S.STA, schoolYearId: Y25 }))).toBe("NOT_FOUND");
    packageId = (await createPackage(v.STA_CHAIR, { schoolId: S.STA, schoolYearId: Y25 })).id;
    expect((await addEligible(v.STA_CHAIR, { packageId, titleCode: "LDTT" })).added).toBe(25);
    expect((await addEligible(v.STA_CHAIR, { packageId, titleCode: "CSTDCS" })).added).toBe(4);
    expect(await code(addEligible(v.KD_CHAIR, { packageId, titleCode: "LDTT" }))).toBe("NOT_FOUND");
    const page = await getPackagePage(v.STA_CHAIR, packageId);
    expect(page.caps.find((c) => c.rule === "cstdcs-cap")).toMatchObject({ passed: false, detail: "Đề nghị 4 CSTĐCS trên 25 LĐTT (16%) vượt hạn mức 15%: tối đa 3 (làm tròn xuống)" });
    cstdcsIds.push(...page.items.filter((i) => i.titleCode === "CSTDCS").map((i) => i.id));
  });

  it("a meeting opens only with a quorum; ballots are tallied by the threshold setting", async () => {
    const council = await getCouncilPage(v.STA_PRINCIPAL, S.STA, Y25);
    expect(council.members.length).toBe(7);
    expect(council.oddCheck.passed).toBe(true);
    const seats = council.members.map((m) => m.id);
    const base = { councilId: council.council!.id, heldOn: daysAgo(20), purpose: "Bình xét thi đua cuối năm học 2025–2026" };
    expect(await message(openMeeting(v.STA_PRINCIPAL, { ...base, presentIds: seats.slice(0, 4) }))).toBe("Chưa đủ túc số: Có mặt 4/7 thành viên (57.14%), cần từ 2/3.");
    expect(await code(openMeeting(v.KD_CHAIR, { ...base, presentIds: seats.slice(0, 5) }))).toBe("NOT_FOUND");
    meetingId = (await openMeeting(v.STA_PRINCIPAL, { ...base, presentIds: seats.slice(0, 5) })).id;
    const r = await recordListVote(v.STA_CHAIR, { meetingId, packageId, issued: 5, returned: 5, valid: 5, agree: 5 });
    expect(r).toMatchObject({ count: 25, passed: 25 });
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

  it("members see the posted list and object; submission waits for the council's answer and the dossier", async () => {
    const pub = await getPublicLists(v.STA_MEMBER, S.STA);
    expect(pub.packages[0].items.length).toBe(28);
    expect(await code(lodgeObjection(v.KD_CHAIR, { packageId, body: "Không đồng ý" }))).toBe("NOT_FOUND");
    await lodgeObjection(v.STA_MEMBER, { packageId, itemId: cstdcsIds[0], body: "Đề nghị làm rõ sáng kiến đã được áp dụng ở những lớp nào." });
    let page = await getPackagePage(v.STA_CHAIR, packageId);
    const refused = await message(submitPackage(v.STA_CHAIR, { packageId, version: page.package.version }));
    expect(refused).toContain("Còn 1 ý kiến phản ánh chưa được trả lời");
    expect(refused).toContain("thiếu minh chứng thành tích");
    const o = page.objections[0];
    await answerObjection(v.STA_CHAIR, { objectionId: o.id, version: o.version, answer: "Sáng kiến được áp dụng tại các lớp 3A, 3B, 3C (biên bản kèm theo)." });
    expect((await getPublicLists(v.STA_MEMBER, S.STA)).myObjections[0].answer).toContain("3A, 3B, 3C");
    for (const id of cstdcsIds.slice(0, 3)) await addDocument(v.STA_CHAIR, { packageId, itemId: id, kind: "MINH_CHUNG", title: "Biên bản đánh giá hiệu quả áp dụng sáng kiến", reference: "Lưu tại văn phòng" });
    page = await getPackagePage(v.STA_CHAIR, packageId);
    expect(page.blockingSubmit).toEqual([]);
    await submitPackage(v.STA_CHAIR, { packageId, version: page.package.version });
    expect(await code(submitPackage(v.STA_CHAIR, { packageId, version: page.package.version }))).toBe("STATE");
  });

  it("the upper unit sees it in its queue; another unit and another school do not", async () => {
    const q = await getReviewQueue(v.UPPER_SONTHUY, DEMO.orgs.CDGD_SONTHUY, { yearId: Y25 });
    expect(q.packages.map((p) => p.id)).toContain(packageId);
    expect(q.counts).toMatchObject({ waitingPackages: 1, waitingItems: 28 });
    expect(await code(getReviewQueue(v.UPPER_BACSON, DEMO.orgs.CDGD_SONTHUY, { yearId: Y25 }))).toBe("NOT_FOUND");
    expect(await code(getPackagePage(v.UPPER_BACSON, packageId))).toBe("NOT_FOUND");
    expect(await code(getPackagePage(v.KD_CHAIR, packageId))).toBe("NOT_FOUND");
    expect(await code(getPackagePage(v.STA_MEMBER, packageId))).toBe("NOT_FOUND");
  });

  it("return one nominee with a comment, approve the rest in bulk; the school fixes and resubmits; approve", async () => {
    const page = await getPackagePage(v.UPPER_SONTHUY, packageId);
    const target = page.items.find((i) => i.id === cstdcsIds[1])!;
    const auditBefore = await t.prisma.auditLog.count();
    expect(await code(reviewItem(v.UPPER_BACSON, { itemId: target.id, version: target.version, decision: "return", comment: "x" }))).toBe("NOT_FOUND");
    expect(await code(reviewItem(v.STA_CHAIR, { itemId: target.id, version: target.version, decision: "approve" }))).toBe("NOT_FOUND");
    expect(await t.prisma.auditLog.count()).toBe(auditBefore);
    await reviewItem(v.UPPER_SONTHUY, { itemId: target.id, version: target.version, decision: "return", comment: "Bổ sung kết quả áp dụng sáng kiến (số lớp, số học sinh)." });
    const rest = page.items.filter((i) => i.status === "SUBMITTED" && i.id !== target.id).map((i) => i.id);
    expect((await bulkApprove(v.UPPER_SONTHUY, { packageId, itemIds: rest })).approved).toBe(27);
    let school = await getPackagePage(v.STA_CHAIR, packageId);
    expect(school.package.status).toBe("RETURNED");
    expect(await t.prisma.awardNotice.count({ where: { userId: DEMO.users.STA_CHAIR } })).toBeGreaterThan(0);
    const returned = school.items.find((i) => i.id === target.id)!;
    expect(returned).toMatchObject({ status: "RETURNED", reviewNote: "Bổ sung kết quả áp dụng sáng kiến (số lớp, số học sinh)." });
    await updateItem(v.STA_CHAIR, { itemId: returned.id, version: returned.version, achievementSummary: `${returned.achievementSummary}\nSáng kiến áp dụng tại 3 lớp với 105 học sinh.` });
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
  it("the upper unit issues a decision: awards enter the registry and the members' histories; they are immutable", async () => {
    const page = await getDecisionsPage(v.UPPER_SONTHUY, DEMO.orgs.CDGD_SONTHUY, Y25);
    expect(page.approved.length).toBe(28);
    const base = { unitId: DEMO.orgs.CDGD_SONTHUY, schoolYearId: Y25, number: "88/QĐ-CĐGD", signedOn: new Date(), signerName: "Phạm Quang Vinh", signerTitle: "Chủ tịch", issuerName: "Công đoàn Giáo dục huyện Sơn Thủy", level: "DIRECT_UPPER" as const, itemIds: page.approved.map((a) => a.id) };
    expect(await code(issueDecision(v.UPPER_BACSON, { ...base, unitId: DEMO.orgs.CDGD_BACSON, idempotencyKey: "k0" }))).toBe("STATE");
    decisionId = (await issueDecision(v.UPPER_SONTHUY, { ...base, idempotencyKey: "k1" })).id;
    expect(await code(issueDecision(v.UPPER_SONTHUY, { ...base, idempotencyKey: "k1" }))).toBe("DUPLICATE");
    expect(await code(issueDecision(v.UPPER_SONTHUY, { ...base, number: "89/QĐ-CĐGD", idempotencyKey: "k2" }))).toBe("STATE");
    expect((await getPackagePage(v.STA_CHAIR, packageId)).package.status).toBe("DECIDED");
    const reg = await listUnitRegistry(v.UPPER_SONTHUY, DEMO.orgs.CDGD_SONTHUY, { yearId: Y25 });
    expect(reg.total).toBe(28);
    const mine = await listMemberAwards(v.STA_CHAIR, M.STA_CHAIR);
    expect(mine.filter((a) => a.titleCode === "CSTDCS").length).toBe(3);
    expect(await code(listMemberAwards(v.KD_CHAIR, M.STA_CHAIR))).toBe("NOT_FOUND");
    // A member sees their own awards only.
    const own = await listSchoolRegistry(v.STA_MEMBER, S.STA, {});
    expect(new Set(own.rows.map((r) => r.memberId))).toEqual(new Set([M.STA_MEMBER]));
    await expect(t.prisma.award.updateMany({ where: { decisionId }, data: { recipientName: "X" } })).rejects.toThrow();
    await expect(t.prisma.awardDecision.delete({ where: { id: decisionId } })).rejects.toThrow();
  });

  it("revoking keeps the record, marked revoked; it happens once", async () => {
    expect(await code(revokeDecision(v.UPPER_BACSON, { decisionId, reason: "Hồ sơ không trung thực", revokedOn: new Date() }))).toBe("NOT_FOUND");
    await revokeDecision(v.UPPER_SONTHUY, { decisionId, reason: "Hồ sơ kê khai không trung thực", revokedOn: new Date() });
    expect(await code(revokeDecision(v.UPPER_SONTHUY, { decisionId, reason: "Lần nữa cho chắc", revokedOn: new Date() }))).toBe("STATE");
    const reg = await listUnitRegistry(v.UPPER_SONTHUY, DEMO.orgs.CDGD_SONTHUY, { yearId: Y25 });
    expect(reg.total).toBe(28);
    expect(reg.rows.every((r) => r.revoked)).toBe(true);
    expect(await t.prisma.nominationItem.count({ where: { packageId, status: "REVOKED" } })).toBe(28);
    expect(await t.prisma.auditLog.count({ where: { action: "decision.revoke", entityId: decisionId } })).toBe(1);
  });
});

describe("races", () => {
  // SECURITY.md: approve and reject racing produce one decision, 50 times on separate connections.
  raceIt("approve and reject of one nominee racing make exactly one decision (50 rounds)", async () => {
    const pkg = await createPackage(v.KD_CHAIR, { schoolId: S.KD, schoolYearId: Y25 });
    await t.prisma.nominationPackage.update({ where: { id: pkg.id }, data: { status: "SUBMITTED" } });
    // One nominee per (member, title) in a package: 25 members × 2 titles = 50 rounds.
    const members = await t.prisma.member.findMany({ where: { schoolId: S.KD }, orderBy: { id: "asc" }, take: 25, select: { id: true, fullName: true } });
    expect(members).toHaveLength(25);
    for (let round = 0; round < 50; round++) {
      const m = members[round % 25];
      // Deciding the only open nominee settles the package: put it back under review.
      await t.prisma.nominationPackage.update({ where: { id: pkg.id }, data: { status: "SUBMITTED" } });
      const item = await t.prisma.nominationItem.create({ data: { packageId: pkg.id, schoolId: S.KD, subject: "MEMBER", memberId: m.id, nomineeName: m.fullName, titleCode: round < 25 ? "GK_CD_CAP_TREN" : "GK_UBND_XA", level: "DIRECT_UPPER", achievementKey: `race:${round}`, status: "SUBMITTED" } });
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

