// Issue 12 on the demo data with real viewers: CSTĐCS needs LĐTT proposed (rule 2); a ballot
// sheet listing every nominee, judged per nominee and refused whole (rule 13); the minutes and the
// tờ trình get their numbers; the posting date may not precede the council nor a withdrawal, and
// members are notified; a returned nominee must be changed before resubmission; nominees of a
// revoked decision can be decided again (the revoked award stays); TT LĐTT per group (rule 7).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDemoDb, errorCode as code, type DemoViewers } from "../factories/demo-db";
import { raceDescribe, raceIt } from "../factories/races";
import type { TestDb } from "./harness";
import { DEMO } from "@/lib/seed/demo";
import { AppError } from "@/lib/server/errors";
import { computePackageChecks } from "@/lib/nominations/checks";
import { addDocument, addEligible, addItem, createPackage, postPackage, submitPackage, unpostPackage, withdrawItem } from "@/lib/nominations/mutations";
import { getPackagePage } from "@/lib/nominations/queries";
import { reviewItem } from "@/lib/nominations/review";
import { getCouncilPage, getMeetingPage, getMinutesData } from "@/lib/council/queries";
import { closeMeeting, openMeeting, recordBallotSheet } from "@/lib/council/mutations";
import { getDecisionsPage, getEligibilityPage } from "@/lib/awards/queries";
import { issueDecision, revokeDecision } from "@/lib/awards/mutations";
import { markStateSent, splitPackage } from "@/lib/awards/routes";

const S = DEMO.schools;
const Y25 = DEMO.years.Y2025;
let t: TestDb;
let v: DemoViewers;

beforeAll(async () => {
  ({ t, v } = await openDemoDb({ awards: true }));
}, 240_000);
afterAll(() => t?.drop());

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
const today = () => new Date().toISOString().slice(0, 10);
async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("a school package through the checks that follow", () => {
  let packageId = "";
  let meetingId = "";
  let cstdcs: { id: string; nomineeName: string }[] = [];
  let ldtt: string[] = [];
  let giayKhen = "";

  it("CSTĐCS without LĐTT proposed is refused with the reason; proposing LĐTT clears it", async () => {
    packageId = (await createPackage(v.STA_CHAIR, { schoolId: S.STA, schoolYearId: Y25 })).id;
    expect((await addEligible(v.STA_CHAIR, { packageId, titleCode: "CSTDCS" })).added).toBe(4);
    const before = await computePackageChecks(t.prisma, packageId, today());
    const failing = [...before.verdicts.values()].map((x) => x.reasons.find((r) => r.rule === "ldtt-proposed")!);
    expect(failing).toHaveLength(4);
    expect(failing.every((r) => !r.passed)).toBe(true);
    expect(failing[0].detail).toContain("chưa được đề nghị danh hiệu Lao động tiên tiến");
    const post = await refusal(postPackage(v.STA_CHAIR, { packageId, version: (await getPackagePage(v.STA_CHAIR, packageId)).package.version, postedOn: daysAgo(1) }));
    expect(post.userMessage).toContain("chưa được đề nghị danh hiệu Lao động tiên tiến");

    expect((await addEligible(v.STA_CHAIR, { packageId, titleCode: "LDTT" })).added).toBe(25);
    const after = await computePackageChecks(t.prisma, packageId, today());
    const reasons = [...after.verdicts.values()].flatMap((x) => x.reasons.filter((r) => r.rule === "ldtt-proposed"));
    expect(reasons.map((r) => r.detail)).toEqual(Array(4).fill("Được đề nghị Lao động tiên tiến trong cùng hồ sơ"));
    const page = await getPackagePage(v.STA_CHAIR, packageId);
    const c = page.items.filter((i) => i.titleCode === "CSTDCS");
    // The 4th CSTĐCS would pass the 15% cap: withdraw one.
    await withdrawItem(v.STA_CHAIR, { itemId: c[3].id, version: c[3].version });
    cstdcs = c.slice(0, 3).map((i) => ({ id: i.id, nomineeName: i.nomineeName }));
    ldtt = page.items.filter((i) => i.titleCode === "LDTT").map((i) => i.id);
    // A union form too: it goes to the upper union after the split.
    await addItem(v.STA_CHAIR, { packageId, nominee: `m:${DEMO.members.STA_MEMBER}`, titleCode: "GK_CD_CAP_TREN" });
    giayKhen = (await getPackagePage(v.STA_CHAIR, packageId)).items.find((i) => i.titleCode === "GK_CD_CAP_TREN")!.id;
  });

  it("a ballot sheet lists every nominee: refused whole when one count is wrong (per-field), judged per nominee", async () => {
    const council = await getCouncilPage(v.STA_PRINCIPAL, S.STA, Y25);
    const seats = council.members.map((m) => m.id);
    meetingId = (await openMeeting(v.STA_PRINCIPAL, { councilId: council.council!.id, heldOn: daysAgo(12), purpose: "Bình xét cuối năm", presentIds: seats.slice(0, 5) })).id;
    const votes = () => t.prisma.councilVote.count({ where: { meetingId } });
    const sheet = { meetingId, packageId, kind: "secret" as const, issued: 5, returned: 5, valid: 4 };

    const bad = await refusal(recordBallotSheet(v.STA_CHAIR, { ...sheet, agree: { [cstdcs[0].id]: 5, [cstdcs[1].id]: 4, [cstdcs[2].id]: 4 } }));
    expect(bad.code).toBe("INVALID");
    expect(bad.fieldErrors).toEqual({ [`agree_${cstdcs[0].id}`]: ["Số phiếu đồng ý (5) lớn hơn số phiếu hợp lệ (4)"] });
    const missing = await refusal(recordBallotSheet(v.STA_CHAIR, { ...sheet, agree: { [cstdcs[0].id]: 4 } }));
    expect(Object.keys(missing.fieldErrors ?? {}).sort()).toEqual([`agree_${cstdcs[1].id}`, `agree_${cstdcs[2].id}`].sort());
    const shared = await refusal(recordBallotSheet(v.STA_CHAIR, { ...sheet, valid: 6, agree: { [cstdcs[0].id]: 4, [cstdcs[1].id]: 4, [cstdcs[2].id]: 4 } }));
    expect(shared.fieldErrors?.valid).toEqual(["Số phiếu hợp lệ (6) lớn hơn số thu về (5)"]);
    expect(await votes()).toBe(0);
    expect(await code(recordBallotSheet(v.KD_CHAIR, { ...sheet, agree: { [cstdcs[0].id]: 4 } }))).toBe("NOT_FOUND");

    // 3 of 5 present (60%) fails CSTĐCS for that nominee only; 4 of 5 passes the others.
    const r = await recordBallotSheet(v.STA_CHAIR, { ...sheet, agree: { [cstdcs[0].id]: 3, [cstdcs[1].id]: 4, [cstdcs[2].id]: 4 } });
    expect(r).toMatchObject({ count: 3, passed: 2 });
    const page = await getMeetingPage(v.STA_CHAIR, meetingId);
    const byId = new Map(page.packages.flatMap((p) => p.items).map((i) => [i.id, i.vote]));
    expect(byId.get(cstdcs[0].id)).toMatchObject({ agree: 3, valid: 4, passed: false, required: 4 });
    expect(byId.get(cstdcs[1].id)).toMatchObject({ agree: 4, passed: true });
    await recordBallotSheet(v.STA_CHAIR, { ...sheet, agree: { [cstdcs[0].id]: 4, [cstdcs[1].id]: 4, [cstdcs[2].id]: 4 } });
    const open = await recordBallotSheet(v.STA_CHAIR, { meetingId, packageId, kind: "open", issued: 5, returned: 5, valid: 5, agree: Object.fromEntries([...ldtt, giayKhen].map((id) => [id, 5])) });
    expect(open).toMatchObject({ count: 26, passed: 26 });
    expect(await t.prisma.auditLog.count({ where: { action: "council.vote", schoolId: S.STA } })).toBeGreaterThanOrEqual(28);
  });

  it("closing the meeting gives the minutes their number", async () => {
    const page = await getMeetingPage(v.STA_CHAIR, meetingId);
    await closeMeeting(v.STA_CHAIR, { meetingId, version: page.meeting.version });
    const minutes = await getMinutesData(v.STA_CHAIR, meetingId);
    expect(minutes.number).toMatch(/^\d{2}\/BB-HĐTĐKT$/);
  });

  it("posting: not before the council met; members notified; after a withdrawal the period restarts", async () => {
    const version = async () => (await getPackagePage(v.STA_CHAIR, packageId)).package.version;
    const early = await refusal(postPackage(v.STA_CHAIR, { packageId, version: await version(), postedOn: daysAgo(13) }));
    expect(early.code).toBe("INVALID");
    expect(early.fieldErrors?.postedOn?.[0]).toMatch(/^Ngày công khai không được trước ngày Hội đồng họp xét/);
    const noticesBefore = await t.prisma.awardNotice.count({ where: { userId: DEMO.users.STA_MEMBER } });
    await postPackage(v.STA_CHAIR, { packageId, version: await version(), postedOn: daysAgo(11) });
    const notice = await t.prisma.awardNotice.findFirst({ where: { userId: DEMO.users.STA_MEMBER }, orderBy: { createdAt: "desc" } });
    expect(await t.prisma.awardNotice.count({ where: { userId: DEMO.users.STA_MEMBER } })).toBe(noticesBefore + 1);
    expect(notice).toMatchObject({ schoolId: S.STA, link: `/truong/${S.STA}/de-nghi/cong-khai` });
    // Another school's members hear nothing.
    expect(await t.prisma.awardNotice.count({ where: { userId: DEMO.users.KD_CHAIR, link: { contains: "cong-khai" } } })).toBe(0);

    await unpostPackage(v.STA_CHAIR, { packageId, version: await version() });
    const back = await refusal(postPackage(v.STA_CHAIR, { packageId, version: await version(), postedOn: daysAgo(11) }));
    expect(back.fieldErrors?.postedOn?.[0]).toContain("thôi công khai");
    await postPackage(v.STA_CHAIR, { packageId, version: await version(), postedOn: new Date() });
    const gate = await computePackageChecks(t.prisma, packageId, today());
    expect(gate.blockingSubmit.find((c) => c.rule === "notice-period")?.detail).toContain("ngày làm việc");
  });

  it("split by deciding body: each tờ trình gets its number when sent; a returned nominee must be changed before resubmission", async () => {
    // Time passes: the (re)posting is 10 days old (the period counts working days from it).
    await t.prisma.nominationPackage.update({ where: { id: packageId }, data: { postedOn: daysAgo(10) } });
    await t.prisma.nominationEvent.updateMany({ where: { packageId, action: "unpost" }, data: { at: daysAgo(10) } });
    for (const c of cstdcs) await addDocument(v.STA_CHAIR, { packageId, itemId: c.id, kind: "MINH_CHUNG", title: "Biên bản áp dụng sáng kiến" });
    const split = await splitPackage(v.STA_CHAIR, { packageId, version: (await getPackagePage(v.STA_CHAIR, packageId)).package.version });
    const statePackageId = split.packageIds.find((id) => id !== packageId)!;

    // The government route: the principal sends; the school's own series "TTr-<initials>".
    await markStateSent(v.STA_PRINCIPAL, { packageId: statePackageId, version: (await t.prisma.nominationPackage.findUniqueOrThrow({ where: { id: statePackageId } })).version });
    const sent = await t.prisma.nominationPackage.findUniqueOrThrow({ where: { id: statePackageId } });
    expect(sent.number).toMatch(/^\d{2}\/TTr-THSTA$/);

    // The union route: the union's series "TTr-CĐCS".
    await submitPackage(v.STA_CHAIR, { packageId, version: (await getPackagePage(v.STA_CHAIR, packageId)).package.version });
    const submitted = await t.prisma.nominationPackage.findUniqueOrThrow({ where: { id: packageId } });
    expect(submitted.number).toMatch(/^\d{2}\/TTr-CĐCS$/);
    expect(submitted.numberYear).toBe(new Date().getUTCFullYear());

    const page = await getPackagePage(v.UPPER_SONTHUY, packageId);
    const target = page.items.find((i) => i.id === giayKhen)!;
    await reviewItem(v.UPPER_SONTHUY, { itemId: target.id, version: target.version, decision: "return", comment: "Bổ sung minh chứng thành tích" });
    const again = async () => submitPackage(v.STA_CHAIR, { packageId, version: (await getPackagePage(v.STA_CHAIR, packageId)).package.version });
    const refused = await refusal(again());
    expect(refused.userMessage).toContain("Chưa sửa, bổ sung theo ý kiến cấp trên: Lê Văn Tuấn (Giấy khen của Công đoàn cấp trên trực tiếp) (Bổ sung minh chứng thành tích)");
    expect((await t.prisma.nominationPackage.findUniqueOrThrow({ where: { id: packageId } })).status).toBe("RETURNED");
    await addDocument(v.STA_CHAIR, { packageId, itemId: giayKhen, kind: "MINH_CHUNG", title: "Danh sách học sinh đạt giải do đồng chí phụ trách" });
    await again();
    const resubmitted = await t.prisma.nominationPackage.findUniqueOrThrow({ where: { id: packageId } });
    expect(resubmitted.status).toBe("SUBMITTED");
    expect(resubmitted.number).toBe(submitted.number);
  });
});

describe("after a revocation the nominees can be decided again", () => {
  it("the revoked decision and its award stay; the nominee appears as waiting and gets a new award", async () => {
    const pkg = await t.prisma.nominationPackage.create({
      data: { schoolId: S.STA, schoolYearId: Y25, organisationId: DEMO.orgs.CDGD_SONTHUY, title: "Giấy khen công đoàn", status: "REVIEWED", submittedAt: daysAgo(5) },
    });
    const item = await t.prisma.nominationItem.create({
      data: { packageId: pkg.id, schoolId: S.STA, subject: "MEMBER", memberId: DEMO.members.STA_MEMBER, nomineeName: "Lê Văn Tuấn", titleCode: "GK_CD_CAP_TREN", level: "DIRECT_UPPER", achievementKey: "year:2025", status: "APPROVED" },
    });
    const base = { unitId: DEMO.orgs.CDGD_SONTHUY, schoolYearId: Y25, signedOn: daysAgo(3), signerName: "Phạm Quang Vinh", signerTitle: "Chủ tịch", issuerName: "Công đoàn Giáo dục huyện Sơn Thủy", level: "DIRECT_UPPER" as const, itemIds: [item.id] };
    const first = await issueDecision(v.UPPER_SONTHUY, { ...base, number: "901/QĐ-CĐGD", idempotencyKey: "rv1" });
    await revokeDecision(v.UPPER_SONTHUY, { decisionId: first.id, reason: "Hồ sơ kê khai sai thời gian công tác", revokedOn: daysAgo(1) });
    expect((await t.prisma.nominationItem.findUniqueOrThrow({ where: { id: item.id } })).status).toBe("REVOKED");

    const waiting = await getDecisionsPage(v.UPPER_SONTHUY, DEMO.orgs.CDGD_SONTHUY, { yearId: Y25 });
    expect(waiting.approved.find((a) => a.id === item.id)).toMatchObject({ redecide: true });
    expect(await code(issueDecision(v.UPPER_BACSON, { ...base, unitId: DEMO.orgs.CDGD_BACSON, number: "1/QĐ", idempotencyKey: "rv0" }))).not.toBe("OK");

    const second = await issueDecision(v.UPPER_SONTHUY, { ...base, number: "905/QĐ-CĐGD", idempotencyKey: "rv2" });
    const awards = await t.prisma.award.findMany({ where: { nominationItemId: item.id }, include: { decision: { include: { revocation: true } } }, orderBy: { createdAt: "asc" } });
    expect(awards.map((a) => [a.decision.number, !!a.decision.revocation])).toEqual([["901/QĐ-CĐGD", true], ["905/QĐ-CĐGD", false]]);
    expect(awards[1].decisionId).toBe(second.id);
    expect((await t.prisma.nominationItem.findUniqueOrThrow({ where: { id: item.id } })).status).toBe("DECIDED");
    // Decided records stay immutable; a third decision for the same nominee is refused.
    await expect(t.prisma.award.updateMany({ where: { decisionId: first.id }, data: { recipientName: "X" } })).rejects.toThrow();
    expect(await code(issueDecision(v.UPPER_SONTHUY, { ...base, number: "906/QĐ-CĐGD", idempotencyKey: "rv3" }))).toBe("STATE");
  });
});

describe("collective titles per group (rules 7, 8)", () => {
  it("the eligibility page judges TT LĐTT and TT LĐXS for the school and for each union group", async () => {
    const page = await getEligibilityPage(v.STA_CHAIR, S.STA, Y25);
    expect(page.collectiveUnits[0]).toMatchObject({ kind: "SCHOOL", memberCount: 36 });
    const groups = page.collectiveUnits.filter((u) => u.kind === "UNION_GROUP");
    expect(groups.length).toBeGreaterThanOrEqual(4);
    expect(groups.reduce((n, g) => n + g.memberCount, 0)).toBeLessThanOrEqual(36);
    for (const g of groups) expect(g.verdicts.map((x) => x.title)).toEqual(["TT_LDTT", "TT_LDXS"]);
    expect(await code(getEligibilityPage(v.KD_CHAIR, S.STA, Y25))).toBe("NOT_FOUND");
  });
});

raceDescribe("document numbers (ADR 0010): one register per issuer, symbol and year", () => {
  raceIt("six documents numbered at once get 01…06; a rolled-back one gives its number back", async () => {
    const { nextDocumentNumber } = await import("@/lib/documents/numbering");
    const x = { issuerKey: `race:${Date.now()}`, year: 2026, symbol: "TTr-CĐCS" };
    const numbers = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.prisma.$transaction(async (tx) => {
          const n = await nextDocumentNumber(tx, x);
          await tx.$executeRaw`SELECT pg_sleep(0.05)`;
          return n.number;
        }),
      ),
    );
    expect([...numbers].sort()).toEqual(["01/TTr-CĐCS", "02/TTr-CĐCS", "03/TTr-CĐCS", "04/TTr-CĐCS", "05/TTr-CĐCS", "06/TTr-CĐCS"]);
    await expect(
      t.prisma.$transaction(async (tx) => {
        await nextDocumentNumber(tx, x);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect((await t.prisma.$transaction((tx) => nextDocumentNumber(tx, x))).number).toBe("07/TTr-CĐCS");
    // Another year starts again from 01.
    expect((await t.prisma.$transaction((tx) => nextDocumentNumber(tx, { ...x, year: 2027 }))).number).toBe("01/TTr-CĐCS");
  }, 60_000);
});
