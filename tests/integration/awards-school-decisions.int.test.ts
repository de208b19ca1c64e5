// Decisions kept at the school (issue 12), on the demo data with real viewers:
// (a) the school union's BCH decides its own forms (Giấy khen of the BCH, "Đoàn viên công đoàn
//     xuất sắc"…) for the nominees its council voted and the school posted: only the chair (not the
//     principal, not the upper union, not another school), numbered in the school union's register,
//     signed "TM. BAN CHẤP HÀNH / CHỦ TỊCH"; the awards in the registry and the member's history
//     with the school union as issuer; certificates under the school union's heading; such nominees
//     are never sent to the upper union; revoked by the chair, then decided again.
// (b) a recorded government decision is revoked with a reason (when its authority revoked it): a
//     revocation row, the nominees REVOKED; then a new decision is recorded for them (ADR 0010).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDemoDb, errorCode as code, errorMessage as message, type DemoViewers } from "../factories/demo-db";
import type { TestDb } from "./harness";
import { DEMO } from "@/lib/seed/demo";
import { listMemberAwards, listSchoolRegistry } from "@/lib/awards/queries";
import { getCouncilPage, getMeetingPage } from "@/lib/council/queries";
import { closeMeeting, openMeeting, recordListVote } from "@/lib/council/mutations";
import { addItem, createPackage, postPackage, submitPackage } from "@/lib/nominations/mutations";
import { getPackagePage } from "@/lib/nominations/queries";
import { markStateSent, recordStateDecision, splitPackage } from "@/lib/awards/routes";
import { getRoutePanel } from "@/lib/awards/routes-queries";
import { getSchoolDecisionPage, issueSchoolDecision, revokeSchoolDecision } from "@/lib/awards/routes-school";
import { getStateDecisionCertificates } from "@/lib/awards/routes-documents";
import { DECISION_INCLUDE, decisionPages } from "@/lib/awards/certificate-queries";
import { revokeDecision } from "@/lib/awards/mutations";

const S = DEMO.schools;
const M = DEMO.members;
const Y25 = DEMO.years.Y2025;
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
const scan = () => new File([new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")], "qd-ubnd.pdf", { type: "application/pdf" });

let t: TestDb;
let v: DemoViewers;
beforeAll(async () => {
  ({ t, v } = await openDemoDb({ awards: true }));
}, 240_000);
afterAll(() => t?.drop());


let packageId = "";
let statePackageId = "";
let bchItems: string[] = [];
let bchDecisionId = "";

describe("(a) the school union's BCH decides its own forms", () => {
  it("the chair proposes BCH forms, an upper-union form and LĐTT; the council votes; the list is posted", async () => {
    packageId = (await createPackage(v.STA_CHAIR, { schoolId: S.STA, schoolYearId: Y25 })).id;
    await addItem(v.STA_CHAIR, { packageId, nominee: `m:${M.STA_MEMBER}`, titleCode: "GK_CDCS" });
    await addItem(v.STA_CHAIR, { packageId, nominee: `m:${M.STA_GROUP_LEADER}`, titleCode: "DVCD_XS" });
    await addItem(v.STA_CHAIR, { packageId, nominee: `m:${M.STA_GROUP_LEADER}`, titleCode: "GK_CD_CAP_TREN" });
    await addItem(v.STA_CHAIR, { packageId, nominee: `m:${M.STA_MEMBER}`, titleCode: "LDTT" });
    const council = await getCouncilPage(v.STA_PRINCIPAL, S.STA, Y25);
    const meetingId = (await openMeeting(v.STA_PRINCIPAL, { councilId: council.council!.id, heldOn: daysAgo(20), purpose: "Bình xét thi đua cuối năm học", presentIds: council.members.map((m) => m.id).slice(0, 5) })).id;
    await recordListVote(v.STA_CHAIR, { meetingId, packageId, issued: 5, returned: 5, valid: 5, agree: 5 });
    await closeMeeting(v.STA_CHAIR, { meetingId, version: (await getMeetingPage(v.STA_CHAIR, meetingId)).meeting.version });
    await postPackage(v.STA_CHAIR, { packageId, version: (await getPackagePage(v.STA_CHAIR, packageId)).package.version, postedOn: daysAgo(10) });
    const r = await splitPackage(v.STA_CHAIR, { packageId, version: (await getPackagePage(v.STA_CHAIR, packageId)).package.version });
    statePackageId = r.packageIds[1];
    expect(r.packageIds.length).toBe(2);
  });

  it("the BCH's forms are not sent to the upper union: the package is refused until the BCH decides them", async () => {
    const before = await t.prisma.nominationItem.count({ where: { packageId, status: "SUBMITTED" } });
    const msg = await message(submitPackage(v.STA_CHAIR, { packageId, version: (await getPackagePage(v.STA_CHAIR, packageId)).package.version }));
    expect(msg).toContain("thẩm quyền của Ban Chấp hành công đoàn cơ sở");
    expect(await t.prisma.nominationItem.count({ where: { packageId, status: "SUBMITTED" } })).toBe(before);
    // The package page says so and links the school's decisions page.
    const panel = await getRoutePanel(v.STA_CHAIR, packageId);
    expect(panel.bchWaiting).toBe(2);
    expect(panel.bchHref).toBe(`/truong/${S.STA}/de-nghi/quyet-dinh?nam=${Y25}`);
    expect((await getRoutePanel(v.STA_PRINCIPAL, statePackageId)).bchWaiting).toBe(0);
  });

  it("the decision screen offers only the BCH's forms, to the chair", async () => {
    const page = await getSchoolDecisionPage(v.STA_CHAIR, S.STA, Y25);
    expect(page.waiting.map((w) => w.titleName).sort()).toEqual(["Giấy khen của Ban Chấp hành Công đoàn cơ sở", "Đoàn viên công đoàn xuất sắc"].sort());
    expect(page.waiting.every((w) => w.voted)).toBe(true);
    expect(page.canIssue).toBe(true);
    expect(page.symbol).toBe("QĐ-CĐTHSTA");
    bchItems = page.waiting.map((w) => w.id);
    expect((await getSchoolDecisionPage(v.STA_PRINCIPAL, S.STA, Y25)).canIssue).toBe(false);
    expect((await getSchoolDecisionPage(v.UPPER_SONTHUY, S.STA, Y25)).canIssue).toBe(false);
    expect(await code(getSchoolDecisionPage(v.KD_CHAIR, S.STA, Y25))).toBe("NOT_FOUND");
  });

  it("only the chair issues it: the principal, the upper union and another school are refused and nothing is written", async () => {
    const input = { schoolId: S.STA, schoolYearId: Y25, signedOn: daysAgo(1), signerName: "Nguyễn Thị Thanh Tâm", summary: undefined, itemIds: bchItems };
    const before = await t.prisma.awardDecision.count();
    expect(await code(issueSchoolDecision(v.STA_PRINCIPAL, input))).toBe("NOT_FOUND");
    expect(await code(issueSchoolDecision(v.UPPER_SONTHUY, input))).toBe("NOT_FOUND");
    expect(await code(issueSchoolDecision(v.KD_CHAIR, input))).toBe("NOT_FOUND");
    expect(await code(issueSchoolDecision(v.STA_MEMBER, input))).toBe("NOT_FOUND");
    // A form the BCH does not decide (the upper union's Giấy khen, a state title) is refused by name.
    const upper = await t.prisma.nominationItem.findFirstOrThrow({ where: { packageId, titleCode: "GK_CD_CAP_TREN" } });
    expect(await message(issueSchoolDecision(v.STA_CHAIR, { ...input, itemIds: [...bchItems, upper.id] }))).toContain("Không thuộc thẩm quyền quyết định của Ban Chấp hành");
    expect(await t.prisma.awardDecision.count()).toBe(before);
  });

  it("the chair issues it: numbered in the school union's register, signed TM. BAN CHẤP HÀNH / CHỦ TỊCH, audited", async () => {
    const r = await issueSchoolDecision(v.STA_CHAIR, { schoolId: S.STA, schoolYearId: Y25, signedOn: daysAgo(1), signerName: "Nguyễn Thị Thanh Tâm", summary: undefined, itemIds: bchItems, submissionKey: "bch-1" });
    bchDecisionId = r.id;
    expect(r.number).toBe("01/QĐ-CĐTHSTA");
    const d = await t.prisma.awardDecision.findUniqueOrThrow({ where: { id: r.id }, include: { awards: true } });
    const school = await t.prisma.school.findUniqueOrThrow({ where: { id: S.STA }, include: { unionUnit: true } });
    expect(d).toMatchObject({ side: "UNION", schoolId: S.STA, organisationId: school.unionUnitId, issuerName: school.unionName, issuerParent: school.unionUnit.name, signerTitle: "TM. BAN CHẤP HÀNH / CHỦ TỊCH", signerName: "Nguyễn Thị Thanh Tâm", level: "SCHOOL" });
    expect(d.awards.map((a) => a.titleCode).sort()).toEqual(["DVCD_XS", "GK_CDCS"]);
    expect(await t.prisma.nominationItem.count({ where: { id: { in: bchItems }, status: "DECIDED" } })).toBe(2);
    expect(await t.prisma.auditLog.count({ where: { action: "decision.issue_school", entityId: r.id, schoolId: S.STA } })).toBe(1);
    // The same form sent again: the first decision, nothing new; a new form for them: CONFLICT/STATE.
    const again = await issueSchoolDecision(v.STA_CHAIR, { schoolId: S.STA, schoolYearId: Y25, signedOn: daysAgo(1), signerName: "Nguyễn Thị Thanh Tâm", summary: undefined, itemIds: bchItems, submissionKey: "bch-1" });
    expect(again.id).toBe(r.id);
    expect(await code(issueSchoolDecision(v.STA_CHAIR, { schoolId: S.STA, schoolYearId: Y25, signedOn: daysAgo(1), signerName: "Nguyễn Thị Thanh Tâm", summary: undefined, itemIds: bchItems }))).toBe("STATE");
    expect(await t.prisma.awardDecision.count({ where: { schoolId: S.STA, side: "UNION" } })).toBe(1);
  });

  it("the awards are in the registry and the member's history with the school union as issuer; the certificate has its heading", async () => {
    const school = await t.prisma.school.findUniqueOrThrow({ where: { id: S.STA } });
    const reg = await listSchoolRegistry(v.STA_CHAIR, S.STA, { yearId: Y25 });
    expect(reg.rows.filter((r) => r.decisionNumber === "01/QĐ-CĐTHSTA").map((r) => r.issuerName)).toEqual([school.unionName, school.unionName]);
    const mine = await listMemberAwards(v.STA_MEMBER, M.STA_MEMBER);
    expect(mine.filter((a) => a.decisionNumber === "01/QĐ-CĐTHSTA").map((a) => [a.titleCode, a.issuerName])).toEqual([["GK_CDCS", school.unionName]]);
    const cert = await getStateDecisionCertificates(v.STA_CHAIR, bchDecisionId);
    expect(cert.count).toBe(2);
    expect(await code(getStateDecisionCertificates(v.KD_CHAIR, bchDecisionId))).toBe("NOT_FOUND");
    // What is printed, from the stored decision: the school union under its upper union, the chair
    // for the BCH, and the place in the date line (the school's commune: the school union's name has none).
    const pages = decisionPages(await t.prisma.awardDecision.findUniqueOrThrow({ where: { id: bchDecisionId }, include: DECISION_INCLUDE }));
    expect(pages).toHaveLength(2);
    for (const page of pages) {
      expect(page.issuer).toEqual({ parent: "CÔNG ĐOÀN GIÁO DỤC HUYỆN SƠN THỦY", name: school.unionName.toLocaleUpperCase("vi-VN") });
      expect(page.signerTitle).toEqual(["TM. BAN CHẤP HÀNH", "CHỦ TỊCH"]);
      expect(page.placeDate).toMatch(/^Sơn Thủy, ngày \d{2} tháng \d{1,2} năm \d{4}$/);
    }
    expect(pages.map((p) => p.heading).sort()).toEqual(["GIẤY CHỨNG NHẬN", "GIẤY KHEN"]);
  });

  it("the rest of the package now goes to the upper union", async () => {
    expect((await getRoutePanel(v.STA_CHAIR, packageId)).bchWaiting).toBe(0);
    await submitPackage(v.STA_CHAIR, { packageId, version: (await getPackagePage(v.STA_CHAIR, packageId)).package.version });
    expect(await t.prisma.nominationItem.count({ where: { packageId, status: "SUBMITTED" } })).toBe(1);
  });

  it("the upper union cannot revoke the BCH's decision; the chair revokes it; its nominees are decided again", async () => {
    const rev = { decisionId: bchDecisionId, reason: "Kê khai thành tích chưa chính xác.", number: undefined, revokedOn: new Date() };
    expect(await code(revokeDecision(v.UPPER_SONTHUY, rev))).toBe("NOT_FOUND");
    expect(await code(revokeSchoolDecision(v.UPPER_SONTHUY, { ...rev, schoolId: S.STA }))).toBe("NOT_FOUND");
    expect(await code(revokeSchoolDecision(v.STA_PRINCIPAL, { ...rev, schoolId: S.STA }))).toBe("NOT_FOUND");
    expect(await code(revokeSchoolDecision(v.KD_CHAIR, { ...rev, schoolId: S.KD }))).toBe("NOT_FOUND");
    expect(await t.prisma.decisionRevocation.count({ where: { decisionId: bchDecisionId } })).toBe(0);
    await revokeSchoolDecision(v.STA_CHAIR, { ...rev, schoolId: S.STA });
    expect(await t.prisma.nominationItem.count({ where: { id: { in: bchItems }, status: "REVOKED" } })).toBe(2);
    expect(await code(revokeSchoolDecision(v.STA_CHAIR, { ...rev, schoolId: S.STA }))).toBe("STATE");
    expect(await code(getStateDecisionCertificates(v.STA_CHAIR, bchDecisionId))).toBe("NOT_FOUND");
    const page = await getSchoolDecisionPage(v.STA_CHAIR, S.STA, Y25);
    expect(page.waiting.filter((w) => w.again).map((w) => w.id).sort()).toEqual([...bchItems].sort());
    const r = await issueSchoolDecision(v.STA_CHAIR, { schoolId: S.STA, schoolYearId: Y25, signedOn: daysAgo(0), signerName: "Nguyễn Thị Thanh Tâm", summary: undefined, itemIds: bchItems });
    expect(r.number).toBe("02/QĐ-CĐTHSTA");
    expect(await t.prisma.nominationItem.count({ where: { id: { in: bchItems }, status: "DECIDED" } })).toBe(2);
  });
});

describe("(b) a recorded government decision is revoked, then recorded again", () => {
  let decisionId = "";
  const decision = () => ({ packageId: statePackageId, number: "120/QĐ-UBND", signedOn: daysAgo(1), issuerName: "UBND xã Sơn Thủy", issuerParent: "UBND tỉnh Sơn Hà", signerName: "Lương Văn Sơn", signerTitle: "Chủ tịch", summary: undefined, file: scan() });

  it("the principal records the decision", async () => {
    await markStateSent(v.STA_PRINCIPAL, { packageId: statePackageId, version: (await getPackagePage(v.STA_PRINCIPAL, statePackageId)).package.version });
    decisionId = (await recordStateDecision(v.STA_PRINCIPAL, decision())).decisionId;
    expect((await getRoutePanel(v.STA_PRINCIPAL, statePackageId)).can.record).toBe(false);
  });

  it("only the school's principal records its revocation, with a reason; the nominees are REVOKED", async () => {
    const rev = { schoolId: S.STA, decisionId, reason: "UBND xã đã thu hồi do kê khai sai ngày công.", number: "125/QĐ-UBND", revokedOn: new Date() };
    expect(await code(revokeSchoolDecision(v.STA_CHAIR, rev))).toBe("NOT_FOUND");
    expect(await code(revokeSchoolDecision(v.KD_PRINCIPAL, { ...rev, schoolId: S.KD }))).toBe("NOT_FOUND");
    expect(await code(revokeSchoolDecision(v.UPPER_SONTHUY, rev))).toBe("NOT_FOUND");
    expect(await code(revokeDecision(v.UPPER_SONTHUY, rev))).toBe("NOT_FOUND");
    expect(await code(revokeSchoolDecision(v.STA_PRINCIPAL, { ...rev, reason: "x" }))).toBe("STATE");
    await revokeSchoolDecision(v.STA_PRINCIPAL, rev);
    const r = await t.prisma.decisionRevocation.findUniqueOrThrow({ where: { decisionId } });
    expect(r).toMatchObject({ reason: rev.reason, number: "125/QĐ-UBND" });
    const items = await t.prisma.nominationItem.findMany({ where: { packageId: statePackageId, status: { not: "WITHDRAWN" } } });
    expect(items.every((i) => i.status === "REVOKED")).toBe(true);
    expect(await t.prisma.auditLog.count({ where: { action: "decision.revoke_state", entityId: decisionId, schoolId: S.STA } })).toBe(1);
    // The decision and its awards stay as they were.
    expect(await t.prisma.award.count({ where: { decisionId } })).toBe(items.length);
    expect(await code(getStateDecisionCertificates(v.STA_PRINCIPAL, decisionId))).toBe("NOT_FOUND");
  });

  it("its nominees can be recorded again by a new decision", async () => {
    expect((await getRoutePanel(v.STA_PRINCIPAL, statePackageId)).can.record).toBe(true);
    const r = await recordStateDecision(v.STA_PRINCIPAL, { ...decision(), number: "130/QĐ-UBND" });
    expect(r.decisionId).not.toBe(decisionId);
    const items = await t.prisma.nominationItem.findMany({ where: { packageId: statePackageId, status: { not: "WITHDRAWN" } } });
    expect(items.every((i) => i.status === "DECIDED")).toBe(true);
    expect(await t.prisma.award.count({ where: { decisionId: r.decisionId } })).toBe(items.length);
    expect((await getStateDecisionCertificates(v.STA_PRINCIPAL, r.decisionId)).count).toBe(items.length);
    // Nothing left to record.
    expect(await code(recordStateDecision(v.STA_PRINCIPAL, { ...decision(), number: "131/QĐ-UBND" }))).toBe("STATE");
  });
});
