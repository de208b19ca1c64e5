// Issue 11, scoring: who gets a sheet when a period is created (the registered members of the
// campaign, or its audience when it has no individual title to register for — never every member
// of the school), the scale started from blank, and a negative bonus refused with the field named.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDemoDb, errorCode as code, type DemoViewers } from "../factories/demo-db";
import type { TestDb } from "./harness";
import { DEMO } from "@/lib/seed/demo";
import { SCORING_DEMO } from "@/lib/seed/scoring-demo";
import { AppError } from "@/lib/server/errors";
import { createCampaign, registerSelf, transitionCampaign } from "@/lib/campaigns/mutations";
import type { TitleCode } from "@/lib/campaigns/rules";
import { createPeriod, syncSheets } from "@/lib/scoring/period-mutations";
import { createScale, saveScaleDraft } from "@/lib/scoring/scale-mutations";
import { getScale } from "@/lib/scoring/scale-queries";
import { BLANK_SCALE } from "@/lib/scoring/templates";

const S = DEMO.schools;
const M = DEMO.members;

let t: TestDb;
let v: DemoViewers;

beforeAll(async () => {
  ({ t, v } = await openDemoDb({ scoring: true }));
});
afterAll(() => t?.drop());

const period = (campaignId: string, name: string) => ({ schoolId: S.STA, campaignId, name, kind: "MONTH" as const, startsOn: new Date(Date.UTC(2026, 9, 1)), endsOn: new Date(Date.UTC(2026, 9, 31)), scaleVersionId: SCORING_DEMO.versions.STA_DRIVE });

async function scoringCampaign(titles: TitleCode[], audience: "ALL_MEMBERS" | "WOMEN", register: (id: string) => Promise<void> = async () => {}) {
  const c = await createCampaign(v.STA_CHAIR, { schoolId: S.STA, name: `Đợt thi đua ${titles.join("+")} ${audience}`, movement: "HAI_TOT", schoolYearId: DEMO.years.Y2026, audience, scaleId: SCORING_DEMO.scales.STA_DRIVE, registrationDeadline: new Date(Date.UTC(2099, 0, 1)), titles, rounds: [] });
  await transitionCampaign(v.STA_CHAIR, { campaignId: c.id, version: 1, action: "open" });
  await register(c.id);
  await transitionCampaign(v.STA_CHAIR, { campaignId: c.id, version: 2, action: "startScoring" });
  return c.id;
}

describe("who gets a sheet", () => {
  it("a campaign with individual titles: a sheet for each registered member only, and late registrations are added, nobody else", async () => {
    const campaignId = await scoringCampaign(["LDTT", "TT_LDTT"], "ALL_MEMBERS", async (id) => {
      await registerSelf(v.STA_MEMBER, { schoolId: S.STA, campaignId: id, title: "LDTT" });
      await registerSelf(v.STA_GROUP_LEADER, { schoolId: S.STA, campaignId: id, title: "LDTT" });
    });
    const school = await t.prisma.member.count({ where: { schoolId: S.STA, status: { not: "LEFT" } } });
    expect(school).toBeGreaterThan(30);
    const p = await createPeriod(v.STA_CHAIR, period(campaignId, "Tháng 10/2026"));
    const members = async () => (await t.prisma.scoreSheet.findMany({ where: { periodId: p.id }, select: { memberId: true } })).map((s) => s.memberId).sort();
    expect(await members()).toEqual([M.STA_GROUP_LEADER, M.STA_MEMBER].sort());
    expect((await t.prisma.auditLog.findFirstOrThrow({ where: { action: "scoring.period.create", entityId: p.id } })).after).toMatchObject({ sheets: 2 });
    // A registration the chair records late (on paper before the deadline): "add missing sheets" adds that one only.
    await t.prisma.registration.create({ data: { campaignId, schoolId: S.STA, subjectKey: `m:${M.STA_CHAIR}`, memberId: M.STA_CHAIR, title: "LDTT", registeredById: DEMO.users.STA_CHAIR } });
    expect(await syncSheets(v.STA_CHAIR, { periodId: p.id })).toBe(1);
    expect(await syncSheets(v.STA_CHAIR, { periodId: p.id })).toBe(0);
    expect(await members()).toEqual([M.STA_CHAIR, M.STA_GROUP_LEADER, M.STA_MEMBER].sort());
    expect(await code(syncSheets(v.KD_CHAIR, { periodId: p.id }))).toBe("NOT_FOUND");
  });

  it("a campaign with collective titles only: its audience (here the women), not every member", async () => {
    const campaignId = await scoringCampaign(["TT_LDTT"], "WOMEN");
    const p = await createPeriod(v.STA_CHAIR, period(campaignId, "Tháng 10/2026"));
    const women = await t.prisma.member.count({ where: { schoolId: S.STA, status: { not: "LEFT" }, gender: "NU" } });
    const all = await t.prisma.member.count({ where: { schoolId: S.STA, status: { not: "LEFT" } } });
    expect(women).toBeLessThan(all);
    expect(await t.prisma.scoreSheet.count({ where: { periodId: p.id } })).toBe(women);
    expect(await t.prisma.scoreSheet.count({ where: { periodId: p.id, member: { gender: "NAM" } } })).toBe(0);
  });
});

describe("the scale builder", () => {
  let scaleId = "";
  it("starts a scale from blank: a valid draft to fill in", async () => {
    const s = await createScale(v.STA_CHAIR, { schoolId: S.STA, schoolYearId: DEMO.years.Y2026, name: "Biểu điểm tự xây dựng", source: "blank" });
    scaleId = s.id;
    const got = await getScale(v.STA_CHAIR, S.STA, s.id);
    expect(got.scale.versions).toHaveLength(1);
    expect(got.scale.versions[0].adoptedAt).toBeNull();
    expect(got.scale.versions[0].definition).toEqual(BLANK_SCALE);
    expect((await t.prisma.auditLog.findFirstOrThrow({ where: { action: "scale.create", entityId: s.id } })).after).toMatchObject({ source: "blank" });
    expect(await code(createScale(v.STA_MEMBER, { schoolId: S.STA, schoolYearId: DEMO.years.Y2026, name: "x", source: "blank" }))).toBe("NOT_FOUND");
  });

  it("a bonus item of −2 is refused, with the message under that field; nothing saved", async () => {
    const v1 = await t.prisma.scaleVersion.findFirstOrThrow({ where: { scaleId } });
    const bad = { ...BLANK_SCALE, bonusCap: 100, bonus: [{ key: "thanh_tich", name: "Thành tích nổi bật", max: -20 }] };
    let err: unknown;
    await saveScaleDraft(v.STA_CHAIR, { versionId: v1.id, version: v1.version, definition: bad }).catch((e) => (err = e));
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("INVALID");
    expect((err as AppError).fieldErrors?.["definition.bonus.0.max"]).toEqual(["Điểm cộng không được âm; khoản trừ điểm nhập ở mục “Khoản trừ theo lần”."]);
    const after = await t.prisma.scaleVersion.findUniqueOrThrow({ where: { id: v1.id } });
    expect(after.version).toBe(v1.version);
    expect(after.definition).toEqual(BLANK_SCALE);
    // Deductions are their own items (a positive number of points per occurrence).
    await saveScaleDraft(v.STA_CHAIR, { versionId: v1.id, version: v1.version, definition: { ...bad, bonus: [{ ...bad.bonus[0], max: 20 }], deductions: [{ key: "di_muon", name: "Đi muộn (mỗi lần)", points: 20 }] } });
  });
});
