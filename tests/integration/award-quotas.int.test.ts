// Chỉ tiêu khen thưởng (rule 11) with real viewers on the demo data: the screen lists only the
// unit's schools and shows what the submission check reads; add / edit (version-checked) /
// delete, each audited with before/after; another unit's staff, a school's chair, another unit's
// school: NOT_FOUND with row counts unchanged (Bắc Sơn is the second upper unit).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { raceIt } from "../factories/races";
import { openDemoDb, errorCode as code, type DemoViewers } from "../factories/demo-db";
import type { TestDb } from "./harness";
import { DEMO } from "@/lib/seed/demo";
import { AppError } from "@/lib/server/errors";
import { createQuota, deleteQuota, getQuotaPage, updateQuota } from "@/lib/awards/quotas";
import { computePackageChecks } from "@/lib/nominations/checks";
import { todayIsoVN } from "@/lib/time";

const S = DEMO.schools;
const O = DEMO.orgs;
const Y25 = DEMO.years.Y2025;
const UNIT = O.CDGD_SONTHUY;

let t: TestDb;
let v: DemoViewers;

beforeAll(async () => {
  ({ t, v } = await openDemoDb({ awards: true }));
}, 240_000);
afterAll(() => t?.drop());

const rows = async () => ({ quotas: await t.prisma.awardQuota.count(), audit: await t.prisma.auditLog.count(), maxes: (await t.prisma.awardQuota.findMany({ select: { id: true, max: true, version: true }, orderBy: { id: "asc" } })) });
const base = { unitId: UNIT, schoolYearId: Y25, basis: "Hướng dẫn số 15/HD-CĐGD ngày 02/5/2026" };

describe("the quota screen", () => {
  it("lists the unit's quotas and only the unit's schools; other units and schools find nothing", async () => {
    const page = await getQuotaPage(v.UPPER_SONTHUY, UNIT, Y25);
    expect(page.canEdit).toBe(true);
    expect(page.schools.map((s) => s.id).sort()).toEqual([S.HM, S.KD, S.LQD, S.NT, S.STA].sort());
    expect(page.rows).toEqual([expect.objectContaining({ id: "ct_sta_2025_gk", schoolId: S.STA, scopeName: "Trường Tiểu học Sơn Thủy A", titleCode: "GK_CD_CAP_TREN", max: 3, used: 0, pending: 0 })]);
    expect(page.bySchool.find((s) => s.id === S.STA)?.cells).toEqual([{ titleCode: "GK_CD_CAP_TREN", max: 3, used: 0, pending: 0 }]);
    expect(page.bySchool.find((s) => s.id === S.KD)?.cells).toEqual([{ titleCode: "GK_CD_CAP_TREN", max: null, used: 0, pending: 0 }]);

    expect(await code(getQuotaPage(v.UPPER_BACSON, UNIT, Y25))).toBe("NOT_FOUND");
    expect(await code(getQuotaPage(v.STA_CHAIR, UNIT, Y25))).toBe("NOT_FOUND");
    expect(await code(getQuotaPage(v.STA_MEMBER, UNIT, Y25))).toBe("NOT_FOUND");
    const bs = await getQuotaPage(v.UPPER_BACSON, O.CDGD_BACSON, Y25);
    expect(bs.schools.map((s) => s.id)).toEqual([S.BS]);
    expect(bs.rows).toEqual([]);
  });

  it("shows the numbers the submission check reads (used = already sent; the check adds the new ones)", async () => {
    // Kim Đồng: one Giấy khen nominee already submitted, one in a draft package.
    const sent = await t.prisma.nominationPackage.create({ data: { schoolId: S.KD, schoolYearId: Y25, organisationId: UNIT, title: "Đợt 1", status: "SUBMITTED" } });
    const draft = await t.prisma.nominationPackage.create({ data: { schoolId: S.KD, schoolYearId: Y25, organisationId: UNIT, title: "Đợt 2" } });
    const item = (packageId: string, memberId: string, status: "SUBMITTED" | "DRAFT") => ({ packageId, schoolId: S.KD, subject: "MEMBER" as const, memberId, nomineeName: memberId, titleCode: "GK_CD_CAP_TREN", level: "DIRECT_UPPER" as const, achievementKey: "year:2025", status });
    await t.prisma.nominationItem.createMany({ data: [item(sent.id, DEMO.members.KD_THANH_TAM, "SUBMITTED"), item(draft.id, DEMO.members.KD_CHAIR, "DRAFT")] });
    const { id } = await createQuota(v.UPPER_SONTHUY, { ...base, schoolId: S.KD, titleCode: "GK_CD_CAP_TREN", max: 1 });
    const unitWide = await createQuota(v.UPPER_SONTHUY, { ...base, titleCode: "GK_CD_CAP_TREN", max: 10 });

    const page = await getQuotaPage(v.UPPER_SONTHUY, UNIT, Y25);
    expect(page.rows.find((r) => r.id === id)).toMatchObject({ scopeName: "Trường Tiểu học Kim Đồng", max: 1, used: 1, pending: 1 });
    expect(page.rows.find((r) => r.id === unitWide.id)).toMatchObject({ schoolId: null, scopeName: "Toàn Công đoàn Giáo dục huyện Sơn Thủy", max: 10, used: 1, pending: 1 });
    expect(page.bySchool.find((s) => s.id === S.KD)?.cells).toEqual([{ titleCode: "GK_CD_CAP_TREN", max: 1, used: 1, pending: 1 }]);
    // The check of the draft package reads the same quota rows and the same "used".
    const checks = await computePackageChecks(t.prisma, draft.id, todayIsoVN());
    const quota = checks.caps.filter((c) => c.rule === "quota");
    expect(quota.map((c) => c.data)).toEqual(expect.arrayContaining([{ max: 1, used: 1, requested: 1 }, { max: 10, used: 1, requested: 1 }]));
    expect(quota.find((c) => c.data?.max === 1)?.passed).toBe(false);
    await deleteQuota(v.UPPER_SONTHUY, { quotaId: unitWide.id, version: 1 });
  });
});

describe("add, edit, delete", () => {
  let quotaId = "";

  it("adds a unit-wide quota, audited; the same title, scope and year again is DUPLICATE", async () => {
    const before = await t.prisma.auditLog.count();
    quotaId = (await createQuota(v.UPPER_SONTHUY, { ...base, titleCode: "CSTDCS", max: 20 })).id;
    const row = await t.prisma.awardQuota.findUniqueOrThrow({ where: { id: quotaId } });
    expect(row).toMatchObject({ organisationId: UNIT, schoolYearId: Y25, schoolId: null, titleCode: "CSTDCS", max: 20, version: 1 });
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { entity: "AwardQuota", entityId: quotaId } });
    expect(audit).toMatchObject({ action: "award_quota.create", organisationId: UNIT, schoolId: null, actorUserId: DEMO.users.UPPER_SONTHUY });
    expect(audit.after).toMatchObject({ titleCode: "CSTDCS", max: 20, schoolId: null });
    expect(await t.prisma.auditLog.count()).toBe(before + 1);
    const snap = await rows();
    expect(await code(createQuota(v.UPPER_SONTHUY, { ...base, titleCode: "CSTDCS", max: 5 }))).toBe("DUPLICATE");
    expect(await rows()).toEqual(snap);
  });

  it("refuses other tenants with NOT_FOUND and changes nothing", async () => {
    const snap = await rows();
    // A school of Bắc Sơn through Sơn Thủy's page; Bắc Sơn's staff on Sơn Thủy's unit or rows; a chair; a member.
    expect(await code(createQuota(v.UPPER_SONTHUY, { ...base, schoolId: S.BS, titleCode: "LDTT", max: 5 }))).toBe("NOT_FOUND");
    expect(await code(createQuota(v.UPPER_SONTHUY, { ...base, schoolId: "khong_ton_tai", titleCode: "LDTT", max: 5 }))).toBe("NOT_FOUND");
    expect(await code(createQuota(v.UPPER_BACSON, { ...base, titleCode: "LDTT", max: 5 }))).toBe("NOT_FOUND");
    expect(await code(createQuota(v.UPPER_BACSON, { ...base, unitId: O.CDGD_BACSON, schoolId: S.STA, titleCode: "LDTT", max: 5 }))).toBe("NOT_FOUND");
    expect(await code(createQuota(v.STA_CHAIR, { ...base, schoolId: S.STA, titleCode: "LDTT", max: 5 }))).toBe("NOT_FOUND");
    expect(await code(createQuota(v.UPPER_SONTHUY, { ...base, schoolYearId: "sy_khong_co", titleCode: "LDTT", max: 5 }))).toBe("NOT_FOUND");
    expect(await code(updateQuota(v.UPPER_BACSON, { quotaId, version: 1, max: 99, basis: "x" }))).toBe("NOT_FOUND");
    expect(await code(updateQuota(v.STA_CHAIR, { quotaId, version: 1, max: 99, basis: "x" }))).toBe("NOT_FOUND");
    expect(await code(updateQuota(v.STA_MEMBER, { quotaId, version: 1, max: 99, basis: "x" }))).toBe("NOT_FOUND");
    expect(await code(deleteQuota(v.UPPER_BACSON, { quotaId, version: 1 }))).toBe("NOT_FOUND");
    expect(await code(deleteQuota(v.KD_CHAIR, { quotaId: "ct_sta_2025_gk", version: 1 }))).toBe("NOT_FOUND");
    expect(await rows()).toEqual(snap);
  });

  it("edits with the version (a stale version is CONFLICT), audited before/after", async () => {
    await updateQuota(v.UPPER_SONTHUY, { quotaId, version: 1, max: 18, basis: "Công văn số 20/CĐGD ngày 10/5/2026" });
    const snap = await rows();
    expect(await code(updateQuota(v.UPPER_SONTHUY, { quotaId, version: 1, max: 25, basis: "Cũ" }))).toBe("CONFLICT");
    expect(await rows()).toEqual(snap);
    expect(await t.prisma.awardQuota.findUniqueOrThrow({ where: { id: quotaId } })).toMatchObject({ max: 18, version: 2, basis: "Công văn số 20/CĐGD ngày 10/5/2026" });
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { entity: "AwardQuota", entityId: quotaId, action: "award_quota.update" } });
    expect(audit.before).toMatchObject({ max: 20, basis: base.basis });
    expect(audit.after).toMatchObject({ max: 18, basis: "Công văn số 20/CĐGD ngày 10/5/2026", titleCode: "CSTDCS" });
    const page = await getQuotaPage(v.UPPER_SONTHUY, UNIT, Y25);
    expect(page.rows.find((r) => r.id === quotaId)).toMatchObject({ max: 18, version: 2 });
  });

  it("a school's quota is audited under the school too (its chair reads it in the school's log)", async () => {
    const { id } = await createQuota(v.UPPER_SONTHUY, { ...base, schoolId: S.LQD, titleCode: "LDTT", max: 30 });
    expect(await t.prisma.auditLog.findFirstOrThrow({ where: { entityId: id } })).toMatchObject({ schoolId: S.LQD, organisationId: UNIT });
  });

  it("deletes with the version, audited with what it was", async () => {
    const snap = await rows();
    expect(await code(deleteQuota(v.UPPER_SONTHUY, { quotaId, version: 1 }))).toBe("CONFLICT");
    expect(await rows()).toEqual(snap);
    await deleteQuota(v.UPPER_SONTHUY, { quotaId, version: 2 });
    expect(await t.prisma.awardQuota.findUnique({ where: { id: quotaId } })).toBeNull();
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { entity: "AwardQuota", entityId: quotaId, action: "award_quota.delete" } });
    expect(audit.before).toMatchObject({ titleCode: "CSTDCS", max: 18 });
    expect(await code(deleteQuota(v.UPPER_SONTHUY, { quotaId, version: 2 }))).toBe("NOT_FOUND");
  });

  raceIt("tabs adding the same quota at once make one row (PostgreSQL: separate connections)", async () => {
    const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => createQuota(v.UPPER_SONTHUY, { ...base, schoolId: S.HM, titleCode: "LDTT", max: 10 + i })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => ((r as PromiseRejectedResult).reason as AppError).code)).toEqual(Array(5).fill("DUPLICATE"));
    expect(await t.prisma.awardQuota.count({ where: { schoolId: S.HM, titleCode: "LDTT", schoolYearId: Y25 } })).toBe(1);
  });
});
