// Printed scoring sheets and scale import/export on the demo data with real viewers: the chair
// prints the whole period, a group leader only their group, a member only their own sheet, another
// school finds nothing; the numbers are those of the pure functions. A scale exported to Excel
// imports back as a new draft (audited), a broken file creates nothing, another school's chair
// and a plain member are refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDemoDb, errorCode as code, type DemoViewers } from "../factories/demo-db";
import ExcelJS from "exceljs";
import type { TestDb } from "./harness";
import { DEMO } from "@/lib/seed/demo";
import { SCORING_DEMO } from "@/lib/seed/scoring-demo";
import { AppError } from "@/lib/server/errors";
import { getOwnSheetPrint, getPeriodPrint } from "@/lib/scoring/print";
import { getScaleExport, getScaleTemplate } from "@/lib/scoring/scale-queries";
import { importScale } from "@/lib/scoring/scale-mutations";
import { scaleToWorkbook } from "@/lib/scoring/scale-excel";
import { stageDataOf } from "@/lib/scoring/load";
import { computeStage } from "@/lib/scoring/rules";
import { TEMPLATE_100 } from "@/lib/scoring/templates";

const S = DEMO.schools;
const PERIOD = SCORING_DEMO.periods.STA_LAST_YEAR;

let t: TestDb;
let v: DemoViewers;

beforeAll(async () => {
  ({ t, v } = await openDemoDb({ scoring: true }));
});
afterAll(() => t?.drop());

const sheetOf = (memberId: string) => `sht_sta_2025_${memberId.slice(4)}`;

describe("getPeriodPrint / getOwnSheetPrint", () => {
  it("the chair prints every sheet of the period, with the union header and the computed results", async () => {
    const view = await getPeriodPrint(v.STA_CHAIR, S.STA, PERIOD);
    const count = await t.prisma.scoreSheet.count({ where: { periodId: PERIOD } });
    expect(view.sheets).toHaveLength(count);
    expect(view.school).toEqual({ name: "Trường Tiểu học Sơn Thủy A", unionName: "Công đoàn cơ sở Trường Tiểu học Sơn Thủy A", upperUnitName: "Công đoàn Giáo dục huyện Sơn Thủy", place: "Sơn Thủy" });
    expect(view.period.name).toBe("Cả năm học 2025–2026");
    // Sorted by union group, then by name the Vietnamese way.
    const groups = view.sheets.map((s) => s.groupName);
    expect(groups).toEqual([...groups].sort((a, b) => a.localeCompare(b, "vi")));
    const stored = await t.prisma.scoreStage.findMany({ where: { sheet: { periodId: PERIOD } }, select: { sheetId: true, stage: true, totalTenths: true, classification: true, data: true } });
    for (const st of stored) {
      const printed = view.sheets.find((s) => s.sheetId === st.sheetId)!.stages[st.stage]!;
      expect([printed.result.total, printed.result.classification?.label ?? null]).toEqual([st.totalTenths, st.classification]);
      expect(printed.result).toEqual(computeStage(TEMPLATE_100, stageDataOf(st.data)));
    }
  });

  it("fills the place and date line and, for each stage, the signer's title and name and the stage's date (issue 11)", async () => {
    const one = await getPeriodPrint(v.STA_CHAIR, S.STA, PERIOD, { sheetId: sheetOf(DEMO.members.STA_MEMBER) });
    const sheet = one.sheets[0];
    // The council sealed this period on 20/05/2026 (lib/seed/scoring-demo.ts): the sheet is dated that day, at the school's place.
    expect(sheet.dateLine).toBe("Sơn Thủy, ngày 20 tháng 05 năm 2026");
    const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
    expect(sheet.signers.map((s) => [s.stage, s.onBehalfOf, s.role, s.name, day(s.date)])).toEqual([
      ["SELF", null, "NGƯỜI TỰ ĐÁNH GIÁ", "Lê Văn Tuấn", "2026-05-10"],
      ["GROUP", null, "TỔ TRƯỞNG CÔNG ĐOÀN", "Trần Thị Mỹ Linh", "2026-05-15"],
      // No council recorded for that year in this demo: its chair is the principal.
      ["COUNCIL", "TM. HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG", "CHỦ TỊCH", "Hoàng Văn Minh", "2026-05-20"],
    ]);
    // A council with a chair recorded: the chair signs for it.
    const year = await t.prisma.campaign.findFirstOrThrow({ where: { periods: { some: { id: PERIOD } } }, select: { schoolYearId: true } });
    const council = await t.prisma.council.create({ data: { schoolId: S.STA, schoolYearId: year.schoolYearId, name: "Hội đồng Thi đua – Khen thưởng Trường Tiểu học Sơn Thủy A" } });
    await t.prisma.councilMember.create({ data: { councilId: council.id, memberId: DEMO.members.STA_CHAIR, role: "CHAIR" } });
    try {
      const again = await getPeriodPrint(v.STA_CHAIR, S.STA, PERIOD, { sheetId: sheetOf(DEMO.members.STA_MEMBER) });
      expect(again.sheets[0].signers[2].name).toBe("Nguyễn Thị Thanh Tâm");
    } finally {
      await t.prisma.councilMember.deleteMany({ where: { councilId: council.id } });
      await t.prisma.council.delete({ where: { id: council.id } });
    }
    // The leader's own sheet is not signed by the leader: whoever scored it for the group signs.
    const leader = (await getPeriodPrint(v.STA_CHAIR, S.STA, PERIOD, { sheetId: sheetOf(DEMO.members.STA_GROUP_LEADER) })).sheets[0];
    expect(leader.signers[1].role).toBe("NGƯỜI CHẤM THAY TỔ TRƯỞNG");
    expect(leader.signers[1].name).not.toBe("Trần Thị Mỹ Linh");
  });

  it("filters by union group and by sheet", async () => {
    const k3 = await getPeriodPrint(v.STA_CHAIR, S.STA, PERIOD, { groupId: DEMO.groups.STA_K3 });
    expect(k3.sheets.length).toBeGreaterThan(0);
    expect(new Set(k3.sheets.map((s) => s.groupName))).toEqual(new Set(["Tổ CĐ Khối 3"]));
    const one = await getPeriodPrint(v.STA_CHAIR, S.STA, PERIOD, { sheetId: sheetOf(DEMO.members.STA_MEMBER) });
    expect(one.sheets.map((s) => s.memberName)).toEqual(["Lê Văn Tuấn"]);
  });

  it("a group leader prints only their own group; another group's filter or sheet is NOT_FOUND", async () => {
    const view = await getPeriodPrint(v.STA_GROUP_LEADER, S.STA, PERIOD);
    const inGroup = await t.prisma.scoreSheet.count({ where: { periodId: PERIOD, member: { unionGroupId: DEMO.groups.STA_K12 } } });
    expect(view.sheets).toHaveLength(inGroup);
    expect(new Set(view.sheets.map((s) => s.groupName))).toEqual(new Set(["Tổ CĐ Khối 1–2"]));
    expect((await getPeriodPrint(v.STA_GROUP_LEADER, S.STA, PERIOD, { groupId: DEMO.groups.STA_K12 })).sheets).toHaveLength(inGroup);
    expect(await code(getPeriodPrint(v.STA_GROUP_LEADER, S.STA, PERIOD, { groupId: DEMO.groups.STA_K3 }))).toBe("NOT_FOUND");
    const other = await t.prisma.scoreSheet.findFirstOrThrow({ where: { periodId: PERIOD, member: { unionGroupId: DEMO.groups.STA_K3 } }, select: { id: true } });
    expect(await code(getPeriodPrint(v.STA_GROUP_LEADER, S.STA, PERIOD, { sheetId: other.id }))).toBe("NOT_FOUND");
  });

  it("a member prints their own sheet only", async () => {
    const own = sheetOf(DEMO.members.STA_MEMBER);
    expect((await getOwnSheetPrint(v.STA_MEMBER, own)).sheets.map((s) => s.sheetId)).toEqual([own]);
    expect((await getPeriodPrint(v.STA_MEMBER, S.STA, PERIOD)).sheets.map((s) => s.sheetId)).toEqual([own]);
    expect(await code(getOwnSheetPrint(v.STA_MEMBER, sheetOf(DEMO.members.STA_CHAIR)))).toBe("NOT_FOUND");
    // The chair reads every sheet, but "my sheet" is only ever their own.
    expect(await code(getOwnSheetPrint(v.STA_CHAIR, own))).toBe("NOT_FOUND");
  });

  it("another school's chair and an unrelated upper unit find nothing", async () => {
    expect(await code(getPeriodPrint(v.KD_CHAIR, S.STA, PERIOD))).toBe("NOT_FOUND");
    expect(await code(getPeriodPrint(v.KD_CHAIR, S.KD, PERIOD))).toBe("NOT_FOUND");
    expect(await code(getPeriodPrint(v.KD_CHAIR, S.STA, PERIOD, { sheetId: sheetOf(DEMO.members.STA_MEMBER) }))).toBe("NOT_FOUND");
    expect(await code(getOwnSheetPrint(v.KD_CHAIR, sheetOf(DEMO.members.STA_MEMBER)))).toBe("NOT_FOUND");
    expect(await code(getPeriodPrint(v.UPPER_BACSON, S.STA, PERIOD))).toBe("NOT_FOUND");
    expect((await getPeriodPrint(v.UPPER_SONTHUY, S.STA, PERIOD)).sheets.length).toBeGreaterThan(0);
  });
});

describe("scale Excel export and import", () => {
  const file = async (edit?: (wb: ExcelJS.Workbook) => void) => {
    const x = await getScaleExport(v.STA_CHAIR, S.STA, SCORING_DEMO.scales.STA_LAST);
    let bytes = await scaleToWorkbook(x.doc, x.meta);
    if (edit) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof wb.xlsx.load>[0]);
      edit(wb);
      bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    }
    return bytes;
  };
  const counts = async () => [await t.prisma.scoringScale.count(), await t.prisma.scaleVersion.count(), await t.prisma.auditLog.count()];

  it("export: every reader of the school's scales; another school NOT_FOUND; names the version", async () => {
    const x = await getScaleExport(v.STA_MEMBER, S.STA, SCORING_DEMO.scales.STA_LAST);
    expect(x.fileName).toBe("Biểu điểm thi đua năm học 2025–2026 - phiên bản 1.xlsx");
    expect(x.meta.versionNote).toBe("Phiên bản 1 (thông qua ngày 05/10/2025, nghị quyết số 02/NQ-HNVC)");
    expect(x.doc).toEqual(TEMPLATE_100);
    expect(await code(getScaleExport(v.KD_CHAIR, S.STA, SCORING_DEMO.scales.STA_LAST))).toBe("NOT_FOUND");
    expect(await code(getScaleExport(v.KD_CHAIR, S.KD, SCORING_DEMO.scales.STA_LAST))).toBe("NOT_FOUND");
    expect(await code(getScaleExport(v.STA_CHAIR, S.STA, SCORING_DEMO.scales.STA_LAST, 9))).toBe("NOT_FOUND");
    expect(await code(getScaleTemplate(v.STA_MEMBER, S.STA))).toBe("NOT_FOUND");
    expect((await getScaleTemplate(v.STA_CHAIR, S.STA)).doc).toEqual(TEMPLATE_100);
  });

  it("import: a new draft with the file's content, audited as a creation", async () => {
    const bytes = await file();
    const made = await importScale(v.STA_CHAIR, { schoolId: S.STA, schoolYearId: DEMO.years.Y2026, name: "Biểu điểm nhập từ Excel", fileName: "bieu-diem.xlsx", bytes });
    const scale = await t.prisma.scoringScale.findUniqueOrThrow({ where: { id: made.id }, include: { versions: true } });
    expect([scale.schoolId, scale.schoolYearId, scale.name, scale.copiedFromId]).toEqual([S.STA, DEMO.years.Y2026, "Biểu điểm nhập từ Excel", null]);
    expect(scale.versions).toHaveLength(1);
    expect(scale.versions[0].adoptedAt).toBeNull();
    expect(scale.versions[0].definition).toEqual(TEMPLATE_100);
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { entityId: made.id, action: "scale.create" } });
    expect(audit.schoolId).toBe(S.STA);
    expect(audit.after).toMatchObject({ name: "Biểu điểm nhập từ Excel", source: "excel:bieu-diem.xlsx" });
  });

  it("import: a broken file, another school, a plain member, a non-Excel file: nothing written", async () => {
    const before = await counts();
    const broken = await file((wb) => {
      wb.getWorksheet("Biểu điểm")!.getCell(7, 3).value = "mười";
    });
    const input = { schoolId: S.STA, schoolYearId: DEMO.years.Y2026, name: "Hỏng", fileName: "hong.xlsx" };
    const err = await importScale(v.STA_CHAIR, { ...input, bytes: broken }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("INVALID");
    expect((err as AppError).fieldErrors?.rows).toEqual(["Trang “Biểu điểm”, dòng 7, cột “Điểm tối đa”: “mười” không phải số điểm (ví dụ 7,5)."]);
    const good = await file();
    expect(await code(importScale(v.KD_CHAIR, { ...input, bytes: good }))).toBe("NOT_FOUND");
    expect(await code(importScale(v.STA_MEMBER, { ...input, bytes: good }))).toBe("NOT_FOUND");
    expect(await code(importScale(v.STA_CHAIR, { ...input, fileName: "bieu-diem.xlsx", bytes: new TextEncoder().encode("không phải excel") }))).toBe("INVALID");
    expect(await counts()).toEqual(before);
  });
});
