// Issue 12, the union route: "changes level within its own forms only". When reviewing a school's
// package the upper union (Công đoàn Giáo dục huyện Sơn Thủy) may change a proposal only to a form
// its own body decides per the authority table (AwardAuthority, with validity dates): never to a form
// only the provincial federation decides (it would sit approved as "đã duyệt ở hình thức của cấp khác"
// with no way forward). The screen offers the same forms the mutation accepts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDemoDb, errorCode as code, type DemoViewers } from "../factories/demo-db";
import type { TestDb } from "./harness";
import { DEMO } from "@/lib/seed/demo";
import { AppError } from "@/lib/server/errors";
import { reviewChangeOptions, reviewItem } from "@/lib/nominations/review";
import { getDecisionsPage } from "@/lib/awards/queries";

const S = DEMO.schools;
const M = DEMO.members;
const Y25 = DEMO.years.Y2025;
const UNIT = DEMO.orgs.CDGD_SONTHUY;

let t: TestDb;
let v: DemoViewers;
beforeAll(async () => {
  ({ t, v } = await openDemoDb({ awards: true }));
}, 240_000);
afterAll(() => t?.drop());

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

let packageId = "";
let gkId = "";
let bkId = "";

beforeAll(async () => {
  // Kim Đồng's union package, sent to the district union: one Giấy khen of the district union, one
  // Bằng khen of the provincial federation (as a school may propose).
  const p = await t.prisma.nominationPackage.create({ data: { schoolId: S.KD, schoolYearId: Y25, organisationId: UNIT, title: "Đề nghị khen thưởng công đoàn", status: "SUBMITTED" } });
  packageId = p.id;
  const item = (memberId: string, nomineeName: string, titleCode: string, level: "DIRECT_UPPER" | "PROVINCE") =>
    t.prisma.nominationItem.create({ data: { packageId, schoolId: S.KD, subject: "MEMBER", memberId, nomineeName, titleCode, level, achievementKey: "year:2025", status: "SUBMITTED" } });
  gkId = (await item(M.KD_THANH_TAM, "Nguyễn Thị Thanh Tám", "GK_CD_CAP_TREN", "DIRECT_UPPER")).id;
  bkId = (await item(M.KD_CHAIR, "Chủ tịch công đoàn Kim Đồng", "BK_LDLD_TINH", "PROVINCE")).id;
});

const row = (id: string) => t.prisma.nominationItem.findUniqueOrThrow({ where: { id } });
const counts = async () => ({ audit: await t.prisma.auditLog.count(), events: await t.prisma.nominationEvent.count({ where: { packageId } }) });

describe("the upper union changes a proposal only to a form it decides itself", () => {
  it("the review screen offers only the district union's own forms, at their level", async () => {
    const forms = await reviewChangeOptions(v.UPPER_SONTHUY, packageId);
    expect(forms.map((f) => [f.code, f.level]).sort()).toEqual([["CDCS_HTXS", "DIRECT_UPPER"], ["GK_CD_CAP_TREN", "DIRECT_UPPER"]]);
    expect(forms.map((f) => f.code)).not.toContain("BK_LDLD_TINH");
    expect(await code(reviewChangeOptions(v.UPPER_BACSON, packageId))).toBe("NOT_FOUND");
    expect(await code(reviewChangeOptions(v.KD_CHAIR, packageId))).toBe("NOT_FOUND");
  });

  it("changing to a federation-only form is refused with the form and who decides it; nothing changes", async () => {
    const before = await row(gkId);
    const n = await counts();
    const e = await refusal(reviewItem(v.UPPER_SONTHUY, { itemId: gkId, version: before.version, decision: "approveChanged", approvedTitleCode: "BK_LDLD_TINH", comment: "Thành tích xuất sắc" }));
    expect(e.code).toBe("INVALID");
    expect(e.userMessage).toContain("Bằng khen của Liên đoàn Lao động tỉnh");
    expect(e.userMessage).toContain("Ban Thường vụ Liên đoàn Lao động cấp tỉnh");
    expect(e.fieldErrors?.approvedTitleCode?.[0]).toBe(e.userMessage);
    // The Confederation's forms neither.
    expect(await code(reviewItem(v.UPPER_SONTHUY, { itemId: gkId, version: before.version, decision: "approveChanged", approvedTitleCode: "BK_TLD", comment: "x" }))).toBe("INVALID");
    // Its own form at a level that is not the form's.
    const level = await refusal(reviewItem(v.UPPER_SONTHUY, { itemId: bkId, version: (await row(bkId)).version, decision: "approveChanged", approvedTitleCode: "GK_CD_CAP_TREN", approvedLevel: "PROVINCE", comment: "x" }));
    expect(level.fieldErrors?.approvedLevel?.[0]).toContain("Cấp trên trực tiếp");
    expect(await row(gkId)).toEqual(before);
    expect((await row(bkId)).status).toBe("SUBMITTED");
    expect(await counts()).toEqual(n);
  });

  it("changing to its own form works, is audited, and the nominee can then be decided by the unit", async () => {
    const before = await row(bkId);
    const n = await counts();
    await reviewItem(v.UPPER_SONTHUY, { itemId: bkId, version: before.version, decision: "approveChanged", approvedTitleCode: "GK_CD_CAP_TREN", comment: "Khen ở cấp công đoàn huyện" });
    expect(await row(bkId)).toMatchObject({ status: "APPROVED_CHANGED", approvedTitleCode: "GK_CD_CAP_TREN", approvedLevel: "DIRECT_UPPER", version: before.version + 1 });
    expect(await t.prisma.auditLog.count({ where: { action: "nomination.approveChanged", entityId: bkId } })).toBe(1);
    expect((await counts()).events).toBe(n.events + 1);
    const d = await getDecisionsPage(v.UPPER_SONTHUY, UNIT, { yearId: Y25 });
    expect(d.approved.find((i) => i.id === bkId)).toMatchObject({ titleCode: "GK_CD_CAP_TREN", changed: true, level: "DIRECT_UPPER" });
  });

  it("a nominee approved in a form the federation decides is counted as another level's, not offered to the district union", async () => {
    const before = await getDecisionsPage(v.UPPER_SONTHUY, UNIT, { yearId: Y25 });
    expect(before.approved.map((i) => i.id)).not.toContain(gkId);
    await t.prisma.nominationItem.update({ where: { id: gkId }, data: { status: "APPROVED", titleCode: "BK_LDLD_TINH", level: "PROVINCE" } });
    const after = await getDecisionsPage(v.UPPER_SONTHUY, UNIT, { yearId: Y25 });
    expect(after.approved.map((i) => i.id)).toEqual(before.approved.map((i) => i.id));
    expect(after.notDecidable).toBe(before.notDecidable + 1);
  });

  it("the authority table is data: a form whose row has ended is neither offered nor accepted", async () => {
    const r = await t.prisma.awardAuthority.findFirstOrThrow({ where: { titleCode: "CDCS_HTXS", bodyKind: "CD_CAP_TREN" } });
    await t.prisma.awardAuthority.update({ where: { id: r.id }, data: { validTo: new Date(Date.now() - 40 * 86_400_000) } });
    const forms = await reviewChangeOptions(v.UPPER_SONTHUY, packageId);
    expect(forms.map((f) => f.code)).toEqual(["GK_CD_CAP_TREN"]);
    const g = await t.prisma.nominationPackage.create({ data: { schoolId: S.KD, schoolYearId: Y25, organisationId: UNIT, title: "Đề nghị tập thể", status: "SUBMITTED" } });
    const item = await t.prisma.nominationItem.create({ data: { packageId: g.id, schoolId: S.KD, subject: "SCHOOL", nomineeName: "Công đoàn Trường Tiểu học Kim Đồng", titleCode: "GK_CD_CAP_TREN", level: "DIRECT_UPPER", achievementKey: "year:2025", status: "SUBMITTED" } });
    const e = await refusal(reviewItem(v.UPPER_SONTHUY, { itemId: item.id, version: item.version, decision: "approveChanged", approvedTitleCode: "CDCS_HTXS", comment: "x" }));
    expect(e.userMessage).toContain("Công đoàn cơ sở hoàn thành xuất sắc nhiệm vụ");
    expect((await row(item.id)).status).toBe("SUBMITTED");
  });
});
