// Revoking an award decision tells each member whose award it cancels (the bell, lib/notifications):
// "Quyết định số … về … đã bị thu hồi: <lý do>" is written in the revocation's transaction; a member
// of another school, awarded by another decision of the same unit, gets none; a refused second
// revocation writes nothing. The school-route revocation (the BCH's own decision) uses the same
// writeRevocation and is covered by tests/integration/awards-school-decisions.int.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDemoDb, errorCode as code, type DemoViewers } from "../factories/demo-db";
import type { TestDb } from "./harness";
import { DEMO } from "@/lib/seed/demo";
import { issueDecision, revokeDecision } from "@/lib/awards/mutations";
import { listUnreadNotifications } from "@/lib/notifications/queries";

const S = DEMO.schools;
const M = DEMO.members;
const Y25 = DEMO.years.Y2025;
const REASON = "Hồ sơ kê khai sai thời gian công tác.";
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

let t: TestDb;
let v: DemoViewers;

beforeAll(async () => {
  ({ t, v } = await openDemoDb({ awards: true }));
});
afterAll(() => t?.drop());

/** An approved nominee of a school's package to the Sơn Thủy union, ready for a decision. */
async function approvedItem(schoolId: string, memberId: string, name: string): Promise<string> {
  const pkg = await t.prisma.nominationPackage.create({ data: { schoolId, schoolYearId: Y25, organisationId: DEMO.orgs.CDGD_SONTHUY, title: "Giấy khen công đoàn", status: "REVIEWED", submittedAt: daysAgo(5) } });
  const item = await t.prisma.nominationItem.create({
    data: { packageId: pkg.id, schoolId, subject: "MEMBER", memberId, nomineeName: name, titleCode: "GK_CD_CAP_TREN", level: "DIRECT_UPPER", achievementKey: "year:2025", status: "APPROVED" },
  });
  return item.id;
}

const decision = (itemId: string, number: string, key: string) =>
  issueDecision(v.UPPER_SONTHUY, { unitId: DEMO.orgs.CDGD_SONTHUY, schoolYearId: Y25, number, signedOn: daysAgo(3), signerName: "Phạm Quang Vinh", signerTitle: "Chủ tịch", issuerName: "Công đoàn Giáo dục huyện Sơn Thủy", level: "DIRECT_UPPER", itemIds: [itemId], idempotencyKey: key });

const noticesOf = (userId: string) => t.prisma.awardNotice.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { message: true, link: true, schoolId: true } });

describe("revoking a decision notifies the members it concerns", () => {
  it("the member whose award is cancelled gets the notice in their bell; another school's member gets none", async () => {
    const staItem = await approvedItem(S.STA, M.STA_MEMBER, "Lê Văn Tuấn");
    const kdItem = await approvedItem(S.KD, M.KD_CHAIR, "Đặng Văn Hùng");
    const sta = await decision(staItem, "931/QĐ-CĐGD", "rvn-1");
    await decision(kdItem, "932/QĐ-CĐGD", "rvn-2");
    const [memberBefore, kdBefore] = [await noticesOf(v.STA_MEMBER.userId), await noticesOf(v.KD_CHAIR.userId)];
    expect(memberBefore.map((n) => n.message)).toContain("Bạn được khen thưởng: Giấy khen của Công đoàn cấp trên trực tiếp (Quyết định số 931/QĐ-CĐGD của Công đoàn Giáo dục huyện Sơn Thủy).");

    await revokeDecision(v.UPPER_SONTHUY, { decisionId: sta.id, reason: REASON, revokedOn: daysAgo(1), submissionKey: "rvn-r1" });

    const message = `Quyết định số 931/QĐ-CĐGD về Giấy khen của Công đoàn cấp trên trực tiếp đã bị thu hồi: ${REASON}`;
    const memberAfter = await noticesOf(v.STA_MEMBER.userId);
    expect(memberAfter.slice(memberBefore.length)).toEqual([{ message, link: "/ca-nhan", schoolId: S.STA }]);
    // What the member's bell shows (their own notices of a school they belong to).
    expect((await listUnreadNotifications(v.STA_MEMBER)).items.map((i) => i.message)).toContain(message);
    // Kim Đồng's member, awarded by the unit's other decision: nothing new.
    expect(await noticesOf(v.KD_CHAIR.userId)).toEqual(kdBefore);
    expect((await noticesOf(v.KD_CHAIR.userId)).some((n) => n.message.includes("thu hồi"))).toBe(false);
  });

  it("a refused second revocation writes no notice", async () => {
    const d = await t.prisma.awardDecision.findFirstOrThrow({ where: { number: "931/QĐ-CĐGD" } });
    const before = await t.prisma.awardNotice.count();
    expect(await code(revokeDecision(v.UPPER_SONTHUY, { decisionId: d.id, reason: REASON, revokedOn: daysAgo(0), submissionKey: "rvn-r2" }))).toBe("STATE");
    expect(await t.prisma.awardNotice.count()).toBe(before);
  });
});
