// The whole scoring journey on the demo data with real viewers: a scale is built and adopted
// (then locked by a trigger), a campaign opens, members register, a period is scored at three
// stages (self → group grid → council), each stage is sealed with a checksum the database keeps
// immutable, a member appeals, the chair resolves and amends with a reason, the period closes.
// Along the way: tenancy (another school → NOT_FOUND, nothing written), group leaders limited to
// their group, nobody scores themselves above self-assessment, out-of-range refused, audit rows.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDemoDb, errorCode as code, type DemoViewers } from "../factories/demo-db";
import type { TestDb } from "./harness";
import { DEMO } from "@/lib/seed/demo";
import { viewerFor } from "../factories/viewer";
import { adoptScale, createScale, newScaleVersion, saveScaleDraft } from "@/lib/scoring/scale-mutations";
import { getScale } from "@/lib/scoring/scale-queries";
import { createCampaign, registerCollective, registerSelf, remindUnregistered, transitionCampaign, withdrawRegistration } from "@/lib/campaigns/mutations";
import { getMyCampaigns, getSchoolCampaign, getUnitCampaignProgress, listSchoolCampaigns } from "@/lib/campaigns/queries";
import { closePeriod, confirmGroupScores, createPeriod, sealStage } from "@/lib/scoring/period-mutations";
import { amendStage, recuse, saveGrid, saveStage } from "@/lib/scoring/mutations";
import { createAppeal, resolveAppeal } from "@/lib/scoring/appeals";
import { getGrid, getPeriodOverview, getSheetDetail } from "@/lib/scoring/queries";
import { uploadEvidence } from "@/lib/evidence/mutations";
import { getEvidenceFile } from "@/lib/evidence/queries";
import { TEMPLATE_100 } from "@/lib/scoring/templates";
import { allCriteria } from "@/lib/scoring/scale";
import { computeStage, type StageData } from "@/lib/scoring/rules";
import { verifySnapshot } from "@/lib/scoring/snapshot";

process.env.UPLOAD_DIR = mkdtempSync(path.join(tmpdir(), "thidua-uploads-"));

const S = DEMO.schools;
const M = DEMO.members;
const G = DEMO.groups;
const E = DEMO.emails;

let t: TestDb;
let v: DemoViewers;

beforeAll(async () => {
  ({ t, v } = await openDemoDb());
});
afterAll(() => t?.drop());

/** Every criterion at max minus `minus` (in points). */
function full(minus: Record<string, number> = {}): StageData {
  const entries: StageData["entries"] = {};
  for (const c of allCriteria(TEMPLATE_100)) entries[c.key] = { state: "SCORED", points: c.max - (minus[c.key] ?? 0) * 10 };
  return { entries, deductions: [], bonus: {}, disqualifiers: [] };
}
const auditCount = (action: string) => t.prisma.auditLog.count({ where: { action } });

const ids = { scale: "", version: "", campaign: "", period: "", memberSheet: "", leaderSheet: "", chairSheet: "", otherK12: "", k3Sheet: "", unregistered: "" };

describe("scale builder and adoption", () => {
  it("the chair creates a 100-point scale from the template; others cannot", async () => {
    expect(await code(createScale(v.STA_MEMBER, { schoolId: S.STA, schoolYearId: "sy_2025", name: "x", source: "template:100" }))).toBe("NOT_FOUND");
    expect(await code(createScale(v.KD_CHAIR, { schoolId: S.STA, schoolYearId: "sy_2025", name: "x", source: "template:100" }))).toBe("NOT_FOUND");
    const s = await createScale(v.STA_CHAIR, { schoolId: S.STA, schoolYearId: "sy_2025", name: "Biểu điểm thi đua 2025–2026", source: "template:100" });
    ids.scale = s.id;
    const got = await getScale(v.STA_MEMBER, S.STA, s.id); // members read the scale (transparency)
    expect(got.scale.versions).toHaveLength(1);
    ids.version = got.scale.versions[0].id;
    expect(got.scale.versions[0].definition.groups.map((g) => g.max)).toEqual([150, 150, 150, 250, 100, 100, 100]);
    expect(await code(getScale(v.KD_CHAIR, S.STA, s.id))).toBe("NOT_FOUND");
    expect(await auditCount("scale.create")).toBe(1);
  });

  it("a draft is edited under its version; an inconsistent scale is refused", async () => {
    const bad = { ...TEMPLATE_100, groups: [{ ...TEMPLATE_100.groups[0], max: 200 }, ...TEMPLATE_100.groups.slice(1)] };
    expect(await code(saveScaleDraft(v.STA_CHAIR, { versionId: ids.version, version: 1, definition: bad }))).toBe("INVALID");
    const edited = { ...TEMPLATE_100, basis: "Nghị quyết Hội nghị viên chức 2025–2026" };
    await saveScaleDraft(v.STA_CHAIR, { versionId: ids.version, version: 1, definition: edited });
    expect(await code(saveScaleDraft(v.STA_CHAIR, { versionId: ids.version, version: 1, definition: edited }))).toBe("CONFLICT");
  });

  it("adoption (date, resolution) locks the version: the app and a trigger refuse changes", async () => {
    await adoptScale(v.STA_CHAIR, { versionId: ids.version, version: 2, adoptedOn: new Date(Date.UTC(2025, 9, 10)), resolutionNo: "01/NQ-HNVC" });
    expect(await code(saveScaleDraft(v.STA_CHAIR, { versionId: ids.version, version: 3, definition: TEMPLATE_100 }))).toBe("STATE");
    await expect(t.sql.exec(`UPDATE "ScaleVersion" SET "definition" = '{}' WHERE "id" = '${ids.version}'`)).rejects.toThrow(/adopted and locked/);
    await expect(t.sql.exec(`DELETE FROM "ScaleVersion" WHERE "id" = '${ids.version}'`)).rejects.toThrow(/adopted and locked/);
    const got = await getScale(v.STA_CHAIR, S.STA, ids.scale);
    expect(got.scale.versions[0]).toMatchObject({ resolutionNo: "01/NQ-HNVC", intact: true });
    const next = await newScaleVersion(v.STA_CHAIR, { scaleId: ids.scale });
    expect((await getScale(v.STA_CHAIR, S.STA, ids.scale)).scale.versions.map((x) => x.number)).toEqual([2, 1]);
    expect(await code(newScaleVersion(v.STA_CHAIR, { scaleId: ids.scale }))).toBe("STATE"); // one draft at a time
    expect(next.id).toBeTruthy();
  });
});

describe("campaign and registration", () => {
  it("the chair launches a school campaign; another school's chair cannot see it", async () => {
    const c = await createCampaign(v.STA_CHAIR, {
      schoolId: S.STA,
      name: "Thi đua “Dạy tốt – Học tốt” năm học 2025–2026",
      movement: "HAI_TOT",
      schoolYearId: "sy_2025",
      audience: "ALL_MEMBERS",
      scaleId: ids.scale,
      registrationDeadline: new Date(Date.UTC(2099, 9, 15)),
      titles: ["LDTT", "CSTDCS", "TT_LDTT"],
      rounds: [{ name: "Đợt 1: chào mừng 20/11", startsOn: new Date(Date.UTC(2025, 8, 5)), endsOn: new Date(Date.UTC(2025, 10, 20)) }],
    });
    ids.campaign = c.id;
    expect(await code(getSchoolCampaign(v.KD_CHAIR, S.STA, c.id))).toBe("NOT_FOUND");
    expect(await code(getSchoolCampaign(v.KD_CHAIR, S.KD, c.id))).toBe("NOT_FOUND");
    expect(await code(transitionCampaign(v.KD_CHAIR, { campaignId: c.id, version: 1, action: "open" }))).toBe("NOT_FOUND");
    expect(await code(transitionCampaign(v.STA_GROUP_LEADER, { campaignId: c.id, version: 1, action: "open" }))).toBe("NOT_FOUND");
    expect(await code(registerSelf(v.STA_MEMBER, { schoolId: S.STA, campaignId: c.id, title: "LDTT" }))).toBe("STATE"); // still a draft
    await transitionCampaign(v.STA_CHAIR, { campaignId: c.id, version: 1, action: "open" });
    expect((await listSchoolCampaigns(v.STA_MEMBER, S.STA)).campaigns.map((x) => x.id)).toContain(c.id);
  });

  it("members register themselves for individual titles, once; the chair registers collectives", async () => {
    await registerSelf(v.STA_MEMBER, { schoolId: S.STA, campaignId: ids.campaign, title: "LDTT" });
    expect(await code(registerSelf(v.STA_MEMBER, { schoolId: S.STA, campaignId: ids.campaign, title: "LDTT" }))).toBe("DUPLICATE");
    expect(await code(registerSelf(v.STA_MEMBER, { schoolId: S.STA, campaignId: ids.campaign, title: "TT_LDTT" }))).toBe("INVALID");
    expect(await code(registerSelf(v.STA_MEMBER, { schoolId: S.STA, campaignId: ids.campaign, title: "DVCD_XS" }))).toBe("INVALID"); // not open in this campaign
    expect(await code(registerSelf(v.KD_CHAIR, { schoolId: S.STA, campaignId: ids.campaign, title: "LDTT" }))).toBe("NOT_FOUND");
    await registerSelf(v.STA_GROUP_LEADER, { schoolId: S.STA, campaignId: ids.campaign, title: "CSTDCS" });
    await registerCollective(v.STA_CHAIR, { schoolId: S.STA, campaignId: ids.campaign, title: "TT_LDTT", subject: G.STA_K12 });
    expect(await code(registerCollective(v.STA_MEMBER, { schoolId: S.STA, campaignId: ids.campaign, title: "TT_LDTT", subject: "school" }))).toBe("FORBIDDEN");
    expect(await code(registerCollective(v.STA_CHAIR, { schoolId: S.STA, campaignId: ids.campaign, title: "TT_LDTT", subject: G.KD_K12 }))).toBe("NOT_FOUND");
    const view = await getSchoolCampaign(v.STA_CHAIR, S.STA, ids.campaign);
    expect(view.registeredCount).toBe(2);
    expect(view.audience).toHaveLength(36);
    expect(view.collective).toHaveLength(1);
    // A group leader sees their group's registrations only; a member only their own.
    const leaderView = await getSchoolCampaign(v.STA_GROUP_LEADER, S.STA, ids.campaign);
    expect(leaderView.audience.length).toBeLessThan(36);
    expect((await getSchoolCampaign(v.STA_MEMBER, S.STA, ids.campaign)).audience.map((m) => m.id)).toEqual([M.STA_MEMBER]);
  });

  it("the chair reminds those who have not registered (in-app); members see the reminder", async () => {
    const n = await remindUnregistered(v.STA_CHAIR, { schoolId: S.STA, campaignId: ids.campaign });
    expect(n).toBe(34);
    expect(await code(remindUnregistered(v.STA_MEMBER, { schoolId: S.STA, campaignId: ids.campaign }))).toBe("FORBIDDEN");
    const principalCampaigns = await getMyCampaigns(v.STA_PRINCIPAL);
    expect(principalCampaigns.find((c) => c.id === ids.campaign)?.reminders).toHaveLength(1);
    const mine = await getMyCampaigns(v.STA_MEMBER);
    expect(mine.find((c) => c.id === ids.campaign)?.registrations.map((r) => r.title)).toEqual(["LDTT"]);
  });

  it("withdrawal: one's own only", async () => {
    const reg = await t.prisma.registration.findFirstOrThrow({ where: { memberId: M.STA_GROUP_LEADER } });
    expect(await code(withdrawRegistration(v.STA_MEMBER, { registrationId: reg.id }))).toBe("NOT_FOUND");
    await withdrawRegistration(v.STA_GROUP_LEADER, { registrationId: reg.id });
    await registerSelf(v.STA_GROUP_LEADER, { schoolId: S.STA, campaignId: ids.campaign, title: "CSTDCS" });
  });

  it("scoring starts; upper unit sees progress of its schools, another upper unit nothing", async () => {
    // The rest of the school registered on paper before the deadline (rows as the registration
    // form writes them), except one member of the K4–5 group, who stays out of the scoring.
    const others = await t.prisma.member.findMany({ where: { schoolId: S.STA, status: { not: "LEFT" }, registrations: { none: { campaignId: ids.campaign } } }, orderBy: { sortKey: "asc" }, select: { id: true, unionGroupId: true } });
    ids.unregistered = others.find((m) => m.unionGroupId === G.STA_K45)!.id;
    await t.prisma.registration.createMany({ data: others.filter((m) => m.id !== ids.unregistered).map((m) => ({ campaignId: ids.campaign, schoolId: S.STA, subjectKey: `m:${m.id}`, memberId: m.id, title: "LDTT", registeredById: DEMO.users.STA_CHAIR })) });
    await transitionCampaign(v.STA_CHAIR, { campaignId: ids.campaign, version: 2, action: "startScoring" });
    expect(await code(registerSelf(v.STA_CHAIR, { schoolId: S.STA, campaignId: ids.campaign, title: "LDTT" }))).toBe("STATE");
    const unitCampaign = await createCampaign(v.UPPER_SONTHUY, { unitId: DEMO.orgs.CDGD_SONTHUY, name: "Giỏi việc trường – Đảm việc nhà 2025–2026", movement: "GIOI_VIEC_TRUONG", schoolYearId: "sy_2025", audience: "WOMEN", titles: ["GVT_DVN"], rounds: [] });
    expect(await code(createCampaign(v.UPPER_BACSON, { unitId: DEMO.orgs.CDGD_SONTHUY, name: "x", movement: "KHAC", schoolYearId: "sy_2025", audience: "WOMEN", titles: ["GVT_DVN"], rounds: [] }))).toBe("NOT_FOUND");
    await transitionCampaign(v.UPPER_SONTHUY, { campaignId: unitCampaign.id, version: 1, action: "open" });
    // The school chair sees the unit's campaign but cannot manage it.
    expect(await code(transitionCampaign(v.STA_CHAIR, { campaignId: unitCampaign.id, version: 2, action: "startScoring" }))).toBe("NOT_FOUND");
    await registerSelf(v.STA_CHAIR, { schoolId: S.STA, campaignId: unitCampaign.id, title: "GVT_DVN" });
    expect(await code(registerSelf(v.STA_MEMBER, { schoolId: S.STA, campaignId: unitCampaign.id, title: "GVT_DVN" }))).toBe("FORBIDDEN"); // women only
    const progress = await getUnitCampaignProgress(v.UPPER_SONTHUY, DEMO.orgs.CDGD_SONTHUY, unitCampaign.id);
    expect(progress.schools.map((s) => s.id).sort()).toEqual([S.HM, S.KD, S.LQD, S.NT, S.STA].sort());
    expect(progress.schools.find((s) => s.id === S.STA)).toMatchObject({ registered: 1 });
    expect(await code(getUnitCampaignProgress(v.UPPER_BACSON, DEMO.orgs.CDGD_SONTHUY, unitCampaign.id))).toBe("NOT_FOUND");
  });
});

describe("a period scored at three stages", () => {
  it("the chair creates a period on the adopted version: one sheet per registered member of the audience, none for the unregistered", async () => {
    const draft = await t.prisma.scaleVersion.findFirstOrThrow({ where: { scaleId: ids.scale, adoptedAt: null } });
    const base = { schoolId: S.STA, campaignId: ids.campaign, name: "Học kỳ I", kind: "SEMESTER" as const, startsOn: new Date(Date.UTC(2025, 8, 5)), endsOn: new Date(Date.UTC(2026, 0, 15)) };
    expect(await code(createPeriod(v.STA_CHAIR, { ...base, scaleVersionId: draft.id }))).toBe("INVALID");
    expect(await code(createPeriod(v.STA_GROUP_LEADER, { ...base, scaleVersionId: ids.version }))).toBe("FORBIDDEN");
    expect(await code(createPeriod(v.KD_CHAIR, { ...base, scaleVersionId: ids.version }))).toBe("NOT_FOUND");
    const p = await createPeriod(v.STA_CHAIR, { ...base, scaleVersionId: ids.version });
    ids.period = p.id;
    // 35 registered of the 36 in the audience (issue 11: not every member of the school).
    expect(await t.prisma.scoreSheet.count({ where: { periodId: p.id } })).toBe(35);
    expect(await t.prisma.scoreSheet.count({ where: { periodId: p.id, memberId: ids.unregistered } })).toBe(0);
    const sheet = (memberId: string) => t.prisma.scoreSheet.findFirstOrThrow({ where: { periodId: p.id, memberId } }).then((s) => s.id);
    ids.memberSheet = await sheet(M.STA_MEMBER);
    ids.leaderSheet = await sheet(M.STA_GROUP_LEADER);
    ids.chairSheet = await sheet(M.STA_CHAIR);
    ids.otherK12 = (await t.prisma.scoreSheet.findFirstOrThrow({ where: { periodId: p.id, member: { unionGroupId: G.STA_K12, id: { notIn: [M.STA_MEMBER, M.STA_GROUP_LEADER] } } } })).id;
    ids.k3Sheet = (await t.prisma.scoreSheet.findFirstOrThrow({ where: { periodId: p.id, member: { unionGroupId: G.STA_K3, id: { not: M.STA_CHAIR } } } })).id;
  });

  it("self-assessment: one's own sheet only, within [0, max], recomputed on the server", async () => {
    const before = await t.prisma.scoreStage.count();
    expect(await code(saveStage(v.STA_MEMBER, { sheetId: ids.otherK12, stage: "SELF", version: 0, data: full() }))).toBe("NOT_FOUND");
    expect(await code(saveStage(v.KD_CHAIR, { sheetId: ids.memberSheet, stage: "SELF", version: 0, data: full() }))).toBe("NOT_FOUND");
    const over = full();
    over.entries.cl_gio_day = { state: "SCORED", points: 110 };
    expect(await code(saveStage(v.STA_MEMBER, { sheetId: ids.memberSheet, stage: "SELF", version: 0, data: over }))).toBe("INVALID");
    expect(await code(saveStage(v.STA_MEMBER, { sheetId: ids.memberSheet, stage: "GROUP", version: 0, data: full() }))).toBe("FORBIDDEN");
    // The chair is a group scorer but cannot self-assess for someone else.
    expect(await code(saveStage(v.STA_CHAIR, { sheetId: ids.memberSheet, stage: "SELF", version: 0, data: full() }))).toBe("FORBIDDEN");
    expect(await t.prisma.scoreStage.count()).toBe(before);
    const r = await saveStage(v.STA_MEMBER, { sheetId: ids.memberSheet, stage: "SELF", version: 0, data: full({ cl_ket_qua: 1 }), explanation: "Tự đánh giá theo minh chứng" });
    expect(r).toMatchObject({ total: 990, classification: "Xuất sắc", version: 1 });
    const row = await t.prisma.scoreStage.findFirstOrThrow({ where: { sheetId: ids.memberSheet, stage: "SELF" } });
    expect(row.totalTenths).toBe(computeStage(TEMPLATE_100, full({ cl_ket_qua: 1 })).total);
    await saveStage(v.STA_GROUP_LEADER, { sheetId: ids.leaderSheet, stage: "SELF", version: 0, data: full() });
    await saveStage(v.STA_CHAIR, { sheetId: ids.chairSheet, stage: "SELF", version: 0, data: full() });
    expect(await auditCount("scoring.stage.save")).toBe(3);
  });

  it("evidence: allowed types only, stored outside public/, read through the sheet's scope", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const e = await uploadEvidence(v.STA_MEMBER, { sheetId: ids.memberSheet, criterionKey: "cl_gio_day", file: new File([png], "Biên bản dự giờ.png") });
    expect(await code(uploadEvidence(v.STA_MEMBER, { sheetId: ids.memberSheet, file: new File(["<html>"], "x.png") }))).toBe("INVALID");
    expect(await code(uploadEvidence(v.STA_MEMBER, { sheetId: ids.memberSheet, file: new File([png], "x.exe") }))).toBe("INVALID");
    expect(await code(uploadEvidence(v.STA_MEMBER, { sheetId: ids.otherK12, file: new File([png], "x.png") }))).toBe("NOT_FOUND");
    const f = await getEvidenceFile(v.STA_GROUP_LEADER, e.id, S.STA);
    expect(f.fileName).toBe("Biên bản dự giờ.png");
    expect([...f.bytes]).toEqual([...png]);
    expect(await code(getEvidenceFile(v.KD_CHAIR, e.id, S.STA))).toBe("NOT_FOUND");
    expect(await code(getEvidenceFile(v.KD_CHAIR, e.id, S.KD))).toBe("NOT_FOUND");
    const other = await viewerFor(t.prisma, E.STA_PRINCIPAL);
    expect((await getEvidenceFile(other, e.id, S.STA)).sizeBytes).toBe(png.length);
    expect(await auditCount("evidence.upload")).toBe(1);
  });

  it("sealing the self stage writes a snapshot with a checksum the database keeps unchanged", async () => {
    expect(await code(sealStage(v.STA_GROUP_LEADER, { periodId: ids.period, version: 1 }))).toBe("NOT_FOUND");
    // The principal sees the period (they seal the council's stage) but not this stage.
    expect(await code(sealStage(v.STA_PRINCIPAL, { periodId: ids.period, version: 1 }))).toBe("FORBIDDEN");
    const s = await sealStage(v.STA_CHAIR, { periodId: ids.period, version: 1 });
    expect(await code(sealStage(v.STA_CHAIR, { periodId: ids.period, version: 1 }))).toBe("CONFLICT");
    const snap = await t.prisma.sealedSnapshot.findUniqueOrThrow({ where: { id: s.snapshotId } });
    expect(verifySnapshot(snap)).toBe(true);
    expect((snap.payload as { rows: unknown[] }).rows).toHaveLength(35);
    await expect(t.sql.exec(`UPDATE "SealedSnapshot" SET "checksum" = 'x'`)).rejects.toThrow(/sealed/);
    await expect(t.sql.exec(`DELETE FROM "SealedSnapshot"`)).rejects.toThrow(/sealed/);
    await expect(t.sql.exec(`TRUNCATE "SealedSnapshot"`)).rejects.toThrow(/sealed/);
    await expect(t.prisma.sealedSnapshot.update({ where: { id: s.snapshotId }, data: { checksum: "x" } })).rejects.toThrow();
    // Self-assessment is over.
    expect(await code(saveStage(v.STA_MEMBER, { sheetId: ids.memberSheet, stage: "SELF", version: 1, data: full() }))).toBe("STATE");
  });

  it("the group leader scores their group in one grid save; not other groups, not themselves", async () => {
    const grid = await getGrid(v.STA_GROUP_LEADER, S.STA, ids.period, G.STA_K12, "GROUP");
    expect(grid.editable).toBe(true);
    expect(grid.rows.find((r) => r.sheetId === ids.leaderSheet)?.blocked).toContain("chính mình");
    expect(await code(getGrid(v.STA_GROUP_LEADER, S.STA, ids.period, G.STA_K12, "COUNCIL"))).toBe("OK"); // reads, but no rows to edit
    expect((await getGrid(v.STA_GROUP_LEADER, S.STA, ids.period, G.STA_K3, "GROUP")).rows).toEqual([]);
    const others = grid.rows.filter((r) => !r.blocked);
    const rows = others.map((r, i) => ({ sheetId: r.sheetId, version: r.version, entries: full({ cl_ket_qua: i % 3 }).entries, bonus: {} }));
    // Another group's sheet in the payload: NOT_FOUND, nothing saved.
    expect(await code(saveGrid(v.STA_GROUP_LEADER, { periodId: ids.period, stage: "GROUP", rows: [...rows, { sheetId: ids.k3Sheet, version: 0, entries: {}, bonus: {} }] }))).toBe("NOT_FOUND");
    // Their own sheet in the payload: refused, nothing saved.
    const withOwn = await saveGrid(v.STA_GROUP_LEADER, { periodId: ids.period, stage: "GROUP", rows: [...rows, { sheetId: ids.leaderSheet, version: 0, entries: full().entries, bonus: {} }] });
    expect(withOwn.saved).toEqual([]);
    expect(withOwn.errors[ids.leaderSheet][0]).toContain("chính mình");
    // Out of range: refused per cell, nothing saved.
    const bad = await saveGrid(v.STA_GROUP_LEADER, { periodId: ids.period, stage: "GROUP", rows: [{ ...rows[0], entries: { ...rows[0].entries, cn_lop: { state: "SCORED", points: 51 } } }] });
    expect(Object.values(bad.errors).flat()[0]).toContain("từ 0 đến 5");
    expect(await t.prisma.scoreStage.count({ where: { stage: "GROUP" } })).toBe(0);
    const ok = await saveGrid(v.STA_GROUP_LEADER, { periodId: ids.period, stage: "GROUP", rows });
    expect(ok.saved).toHaveLength(rows.length);
    expect(ok.conflicts).toEqual([]);
    expect(await auditCount("scoring.grid.save")).toBe(rows.length);
  });

  it("a stale grid row is a conflict shown for that row; the others are saved", async () => {
    const grid = await getGrid(v.STA_GROUP_LEADER, S.STA, ids.period, G.STA_K12, "GROUP");
    const rows = grid.rows.filter((r) => !r.blocked).map((r) => ({ sheetId: r.sheetId, version: r.version, entries: r.entries, bonus: { xa_hoi: 10 } }));
    // Meanwhile the chair changes one member's group score in the per-member view.
    const target = rows.find((r) => r.sheetId === ids.memberSheet)!;
    await saveStage(v.STA_CHAIR, { sheetId: ids.memberSheet, stage: "GROUP", version: target.version, data: full({ cl_ket_qua: 2 }) });
    const r = await saveGrid(v.STA_GROUP_LEADER, { periodId: ids.period, stage: "GROUP", rows });
    expect(r.conflicts).toEqual([ids.memberSheet]);
    expect(r.saved).toHaveLength(rows.length - 1);
    const kept = await t.prisma.scoreStage.findFirstOrThrow({ where: { sheetId: ids.memberSheet, stage: "GROUP" } });
    expect(kept.totalTenths).toBe(980); // the chair's numbers, not overwritten
  });

  it("two scorers saving the same sheet at once: exactly one CONFLICT", async () => {
    const cur = await t.prisma.scoreStage.findFirstOrThrow({ where: { sheetId: ids.otherK12, stage: "GROUP" } });
    const results = await Promise.all([
      code(saveStage(v.STA_CHAIR, { sheetId: ids.otherK12, stage: "GROUP", version: cur.version, data: full({ cl_ket_qua: 3 }) })),
      code(saveStage(v.STA_GROUP_LEADER, { sheetId: ids.otherK12, stage: "GROUP", version: cur.version, data: full({ cl_ket_qua: 4 }) })),
    ]);
    expect(results.sort()).toEqual(["CONFLICT", "OK"]);
  });

  it("recusal with a reason: the scorer can no longer score that member", async () => {
    expect(await code(recuse(v.STA_MEMBER, { sheetId: ids.memberSheet, stage: "GROUP", reason: "x" }))).toBe("FORBIDDEN");
    await recuse(v.STA_GROUP_LEADER, { sheetId: ids.otherK12, stage: "GROUP", reason: "Là người thân trong gia đình" });
    expect(await code(recuse(v.STA_GROUP_LEADER, { sheetId: ids.otherK12, stage: "GROUP", reason: "again" }))).toBe("DUPLICATE");
    const cur = await t.prisma.scoreStage.findFirstOrThrow({ where: { sheetId: ids.otherK12, stage: "GROUP" } });
    expect(await code(saveStage(v.STA_GROUP_LEADER, { sheetId: ids.otherK12, stage: "GROUP", version: cur.version, data: full() }))).toBe("FORBIDDEN");
    expect((await getGrid(v.STA_GROUP_LEADER, S.STA, ids.period, G.STA_K12, "GROUP")).rows.find((r) => r.sheetId === ids.otherK12)?.blocked).toContain("xin không chấm");
    expect(await auditCount("scoring.recuse")).toBe(1);
  });

  it("the chair scores the leader's own sheet at the group stage; the overview shows who scored what", async () => {
    await saveStage(v.STA_CHAIR, { sheetId: ids.leaderSheet, stage: "GROUP", version: 0, data: full({ cl_gio_day: 1 }) });
    const o = await getPeriodOverview(v.STA_CHAIR, S.STA, ids.period);
    const row = o.rows.find((r) => r.sheetId === ids.leaderSheet)!;
    expect(row.stages.GROUP).toMatchObject({ total: 990, enteredBy: "Nguyễn Thị Thanh Tâm" });
    expect(o.snapshots).toHaveLength(1);
    expect(o.snapshots[0].intact).toBe(true);
    const leaderView = await getPeriodOverview(v.STA_GROUP_LEADER, S.STA, ids.period);
    expect(leaderView.rows.every((r) => r.groupId === G.STA_K12)).toBe(true);
    const memberView = await getPeriodOverview(v.STA_MEMBER, S.STA, ids.period);
    expect(memberView.rows.map((r) => r.sheetId)).toEqual([ids.memberSheet]);
    expect(await code(getPeriodOverview(v.KD_CHAIR, S.STA, ids.period))).toBe("NOT_FOUND");
    expect(await code(getPeriodOverview(v.UPPER_BACSON, S.STA, ids.period))).toBe("NOT_FOUND");
    expect((await getPeriodOverview(v.UPPER_SONTHUY, S.STA, ids.period)).rows).toHaveLength(35);
  });

  it("the council confirms group scores in bulk (never the chair's own sheet), the principal scores the chair, the stage is sealed", async () => {
    await sealStage(v.STA_CHAIR, { periodId: ids.period, version: 2 });
    // Members of groups nobody scored get council scores in the grid; the chair's own row is refused.
    for (const g of [G.STA_K3, G.STA_K45, G.STA_VAN_PHONG]) {
      const grid = await getGrid(v.STA_CHAIR, S.STA, ids.period, g, "COUNCIL");
      const rows = grid.rows.filter((r) => !r.blocked).map((r) => ({ sheetId: r.sheetId, version: r.version, entries: full({ cl_ket_qua: 2 }).entries, bonus: {} }));
      const res = await saveGrid(v.STA_CHAIR, { periodId: ids.period, stage: "COUNCIL", rows });
      expect(res.conflicts).toEqual([]);
      expect(Object.keys(res.errors)).toEqual([]);
    }
    const confirmed = await confirmGroupScores(v.STA_CHAIR, { periodId: ids.period });
    expect(confirmed.copied).toBeGreaterThan(0);
    expect(await code(saveStage(v.STA_CHAIR, { sheetId: ids.chairSheet, stage: "COUNCIL", version: 0, data: full() }))).toBe("FORBIDDEN");
    expect(await code(sealStage(v.STA_CHAIR, { periodId: ids.period, version: 3, appealDeadline: new Date(Date.UTC(2099, 0, 20)) }))).toBe("INVALID"); // the chair's sheet is unsettled
    await saveStage(v.STA_PRINCIPAL, { sheetId: ids.chairSheet, stage: "COUNCIL", version: 0, data: full({ cl_doi_moi: 1 }) });
    const left = await t.prisma.scoreSheet.findMany({ where: { periodId: ids.period, stages: { none: { stage: "COUNCIL", complete: true } } }, select: { id: true, member: { select: { fullName: true, unionGroupId: true } }, stages: { select: { stage: true, complete: true } } } });
    expect(left).toEqual([]);
    expect(await code(sealStage(v.STA_CHAIR, { periodId: ids.period, version: 3 }))).toBe("INVALID"); // needs an appeal deadline
    // The principal, who chairs the council, confirms and seals the council's scores (issue 11);
    // a group leader cannot, another school's chair does not even find the period.
    expect(await code(sealStage(v.STA_GROUP_LEADER, { periodId: ids.period, version: 3, appealDeadline: new Date(Date.UTC(2099, 0, 20)) }))).toBe("NOT_FOUND");
    expect(await code(sealStage(v.KD_CHAIR, { periodId: ids.period, version: 3, appealDeadline: new Date(Date.UTC(2099, 0, 20)) }))).toBe("NOT_FOUND");
    await sealStage(v.STA_PRINCIPAL, { periodId: ids.period, version: 3, appealDeadline: new Date(Date.UTC(2099, 0, 20)) });
    const councilSeal = await t.prisma.sealedSnapshot.findFirstOrThrow({ where: { periodId: ids.period, stage: "COUNCIL" } });
    expect(councilSeal.sealedById).toBe(v.STA_PRINCIPAL.userId);
    const o = await getPeriodOverview(v.STA_CHAIR, S.STA, ids.period);
    expect(o.period.state).toBe("APPEALS");
    expect(o.snapshots.map((s) => s.stage)).toEqual(["SELF", "GROUP", "COUNCIL"]);
    expect(o.distribution.reduce((n, g) => n + g.total, 0)).toBe(35);
    expect(o.distribution.reduce((n, g) => n + g.missing, 0)).toBe(0);
  });

  it("a member appeals within the window; the chair resolves with a reason and amends; the sealed snapshot still proves what was confirmed", async () => {
    expect(await code(createAppeal(v.STA_GROUP_LEADER, { sheetId: ids.memberSheet, text: "x" }))).toBe("FORBIDDEN");
    const a = await createAppeal(v.STA_MEMBER, { sheetId: ids.memberSheet, text: "Tôi có minh chứng giờ dạy tốt, đề nghị xem lại tiêu chí Kết quả học tập." });
    expect(await code(createAppeal(v.STA_MEMBER, { sheetId: ids.memberSheet, text: "lần nữa" }))).toBe("DUPLICATE");
    expect(await code(closePeriod(v.STA_CHAIR, { periodId: ids.period, version: 4 }))).toBe("STATE"); // an appeal is open
    expect(await code(resolveAppeal(v.STA_GROUP_LEADER, { appealId: a.id, version: 1, decision: "ACCEPTED", resolution: "x" }))).toBe("FORBIDDEN");
    expect(await code(resolveAppeal(v.KD_CHAIR, { appealId: a.id, version: 1, decision: "ACCEPTED", resolution: "x" }))).toBe("NOT_FOUND");
    await resolveAppeal(v.STA_CHAIR, { appealId: a.id, version: 1, decision: "ACCEPTED", resolution: "Hội đồng xem lại minh chứng, chấp nhận cộng 1 điểm." });
    expect(await code(resolveAppeal(v.STA_CHAIR, { appealId: a.id, version: 2, decision: "REJECTED", resolution: "x" }))).toBe("STATE");
    const council = await t.prisma.scoreStage.findFirstOrThrow({ where: { sheetId: ids.memberSheet, stage: "COUNCIL" } });
    // Plain saving is closed; an amendment needs a reason.
    expect(await code(saveStage(v.STA_CHAIR, { sheetId: ids.memberSheet, stage: "COUNCIL", version: council.version, data: full() }))).toBe("STATE");
    const before = await t.prisma.sealedSnapshot.findFirstOrThrow({ where: { periodId: ids.period, stage: "COUNCIL" } });
    await amendStage(v.STA_CHAIR, { sheetId: ids.memberSheet, stage: "COUNCIL", version: council.version, data: full({ cl_ket_qua: 1 }), reason: "Giải quyết khiếu nại ngày 15/01" });
    expect(await t.prisma.scoreAmendment.count({ where: { sheetId: ids.memberSheet } })).toBe(1);
    await expect(t.sql.exec(`UPDATE "ScoreAmendment" SET "reason" = 'x'`)).rejects.toThrow(/sealed/);
    const after = await t.prisma.sealedSnapshot.findFirstOrThrow({ where: { periodId: ids.period, stage: "COUNCIL" } });
    expect(after.checksum).toBe(before.checksum);
    expect(verifySnapshot(after)).toBe(true);
    const detail = await getSheetDetail(v.STA_MEMBER, ids.memberSheet);
    expect(detail.appeals[0]).toMatchObject({ state: "ACCEPTED", resolution: expect.stringContaining("cộng 1 điểm") });
    expect(detail.stages.COUNCIL?.result.total).toBe(990);
    expect(detail.amendments[0].reason).toContain("khiếu nại");
  });

  it("no closing while the appeal window runs: the refusal says until when (Vietnam day)", async () => {
    const p = await t.prisma.scorePeriod.findUniqueOrThrow({ where: { id: ids.period } });
    expect(await t.prisma.appeal.count({ where: { state: "OPEN", sheet: { periodId: ids.period } } })).toBe(0);
    const refused = closePeriod(v.STA_CHAIR, { periodId: ids.period, version: p.version });
    await expect(refused).rejects.toMatchObject({ code: "STATE", userMessage: "Đang trong thời hạn nhận khiếu nại (đến hết ngày 20/01/2099); chỉ khóa sổ sau hạn này." });
    expect((await t.prisma.scorePeriod.findUniqueOrThrow({ where: { id: ids.period } })).state).toBe("APPEALS");
    expect(await auditCount("scoring.period.close")).toBe(0);
  });

  it("closing freezes the numbers: only amendments with a logged reason", async () => {
    // The window has passed (the deadline moved to yesterday stands for the days going by).
    await t.prisma.scorePeriod.update({ where: { id: ids.period }, data: { appealDeadline: new Date(Date.now() - 86_400_000) } });
    const p = await t.prisma.scorePeriod.findUniqueOrThrow({ where: { id: ids.period } });
    await closePeriod(v.STA_CHAIR, { periodId: ids.period, version: p.version });
    expect(await code(createAppeal(v.STA_MEMBER, { sheetId: ids.memberSheet, text: "muộn" }))).toBe("STATE");
    const cur = await t.prisma.scoreStage.findFirstOrThrow({ where: { sheetId: ids.otherK12, stage: "COUNCIL" } });
    expect(await code(saveStage(v.STA_CHAIR, { sheetId: ids.otherK12, stage: "COUNCIL", version: cur.version, data: full() }))).toBe("STATE");
    await amendStage(v.STA_CHAIR, { sheetId: ids.otherK12, stage: "COUNCIL", version: cur.version, data: full(), reason: "Sai sót khi nhập điểm, biên bản họp 20/01" });
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "scoring.stage.amend", entityId: cur.id } });
    expect((audit.after as { reason: string }).reason).toContain("biên bản");
    expect(await auditCount("scoring.period.seal")).toBe(3);
    expect(await auditCount("scoring.period.close")).toBe(1);
    expect(await auditCount("scoring.appeal.resolve")).toBe(1);
    const [chain] = await t.sql.query<{ bad: unknown }>(`SELECT audit_verify() AS bad`);
    expect(chain.bad ?? null).toBeNull();
  });
});
