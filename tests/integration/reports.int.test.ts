// The upper unit's reports (issue 9) against the demo rows: the screen view, the Excel file and the
// print view carry the same numbers (one load each), and those numbers equal counts made here from
// the rows with plain Prisma reads and JavaScript (not the reports' SQL). Revoked decisions drop
// out; another tenant and a school role get NOT_FOUND.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DEMO } from "@/lib/seed/demo";
import { seedRoutesDemo } from "@/lib/seed/routes-demo";
import { loadReport, REPORT_SLUGS, type ReportView } from "@/lib/reports/views";
import { reportWorkbook, EXCEL_HEADER_ROW } from "@/lib/reports/excel";
import { reportDocument } from "@/lib/reports/document";
import { reportPdf } from "@/lib/reports/pdf";
import { calendarYearPeriod, parsePeriod, rangePeriod, unionTermPeriod, type Period } from "@/lib/reports/period";
import { getPeriodChoices } from "@/lib/reports/queries";
import { cellText } from "@/lib/reports/table";
import type { TestDb } from "./harness";
import { errorCode, openDemoDb, type DemoViewers } from "../factories/demo-db";

let t: TestDb;
let v: DemoViewers;
let p: PrismaClient;
const UNIT = DEMO.orgs.CDGD_SONTHUY;
let term: Period;
const d = (s: string) => new Date(`${s}T00:00:00Z`);

beforeAll(async () => {
  ({ t, v } = await openDemoDb({ scoring: true, awards: true }));
  p = t.prisma;
  await seedRoutesDemo(p);
  // The union term of the unit: the demo history may bring one; otherwise made here.
  const existing = await p.unionTerm.findFirst({ where: { organisationId: UNIT } });
  const row = existing ?? (await p.unionTerm.create({ data: { id: "nk_test_sonthuy", organisationId: UNIT, label: "2023–2028", startsOn: d("2023-10-01"), endsOn: d("2028-09-30"), congressOn: d("2023-10-01") } }));
  term = unionTermPeriod(row);
}, 120_000);

afterAll(async () => {
  await t?.drop();
});

/** Every award of the unit's schools decided in [from, to] and not revoked, with what the reports read. */
async function awardsIn(period: Period) {
  const rows = await p.award.findMany({
    where: { school: { unionUnitId: UNIT } },
    select: {
      titleCode: true,
      subject: true,
      schoolId: true,
      member: { select: { gender: true, position: true } },
      decision: { select: { signedOn: true, revocation: { select: { id: true } } } },
    },
  });
  return rows.filter((a) => !a.decision.revocation && a.decision.signedOn >= period.from && a.decision.signedOn <= period.to);
}
const LEADERS = new Set(["Hiệu trưởng", "Phó hiệu trưởng"]);

async function excelRows(view: ReportView, sheet = 0): Promise<unknown[][]> {
  const { bytes } = await reportWorkbook(view);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = wb.worksheets[sheet];
  const out: unknown[][] = [];
  const width = view.tables[sheet].columns.length;
  const n = view.tables[sheet].rows.length;
  expect(ws.getCell(EXCEL_HEADER_ROW + n + 1, 1).value ?? null, "one blank row after the table").toBeNull();
  expect(ws.getCell(EXCEL_HEADER_ROW + n + 2, 1).value).toBe(`Ghi chú: ${view.notes[0]}`);
  for (let r = EXCEL_HEADER_ROW + 1; r <= EXCEL_HEADER_ROW + n; r++) {
    const row = ws.getRow(r);
    out.push(Array.from({ length: width }, (_, j) => row.getCell(j + 1).value ?? ""));
  }
  return out;
}

function printedRows(view: ReportView): string[][] {
  const doc = reportDocument(view, new Date());
  const tables = doc.blocks.filter((b) => b.type === "table");
  return tables[0] && tables[0].type === "table" ? tables[0].rows : [];
}

/** Screen, Excel and print agree cell by cell. */
async function expectSameEverywhere(view: ReportView) {
  const screen = view.tables[0].rows;
  expect(screen.length).toBeGreaterThan(0);
  const excel = await excelRows(view);
  expect(excel.length).toBe(screen.length);
  screen.forEach((r, i) =>
    r.forEach((c, j) => {
      const x = excel[i][j];
      if (typeof c === "number") expect(x, `excel ${i},${j}`).toBe(c);
      else if (typeof c === "string") expect(x, `excel ${i},${j}`).toBe(c);
      else if (c.pct === null) expect(x).toBe("—");
      else expect(x as number).toBeCloseTo(c.pct, 10);
    }),
  );
  expect(printedRows(view)).toEqual(screen.map((r) => r.map(cellText)));
  expect(reportDocument(view, new Date()).blocks[0]).toMatchObject({ type: "paragraph", text: view.summary });
  // The PDF is drawn from the same document.
  const { pdf, fileName } = await reportPdf(view);
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(fileName).toMatch(new RegExp(`^bao-cao-${view.slug}-.+\\.pdf$`));
}

const rowOf = (view: ReportView, label: string, col = 1) => view.tables[0].rows.find((r) => r[col] === label);

describe("awards by form and level", () => {
  it("agrees with the demo rows over the union term, on screen, in Excel and in print", async () => {
    const view = await loadReport(v.UPPER_SONTHUY, "khen-thuong", UNIT, term);
    await expectSameEverywhere(view);
    const rows = await awardsIn(term);
    const ind = rows.filter((a) => a.subject === "MEMBER");
    // The demo has LĐTT and CSTĐCS decisions, Giấy khen of the upper union and one Bằng khen: make sure the test has something to count.
    expect(ind.length).toBeGreaterThan(50);
    const total = rowOf(view, "Tổng cộng")!;
    expect(total.slice(3)).toEqual([
      rows.length - ind.length,
      ind.length,
      ind.filter((a) => LEADERS.has(a.member?.position ?? "")).length,
      ind.filter((a) => !LEADERS.has(a.member?.position ?? "")).length,
      ind.filter((a) => a.member?.gender === "NU").length,
    ]);
    const gk = ind.filter((a) => a.titleCode.startsWith("GK_"));
    expect(gk.length).toBeGreaterThan(0);
    expect(rowOf(view, "Giấy khen")!.slice(3, 5)).toEqual([rows.filter((a) => a.titleCode.startsWith("GK_") && a.subject !== "MEMBER").length, gk.length]);
    expect(rowOf(view, "Lao động tiên tiến")![4]).toBe(ind.filter((a) => a.titleCode === "LDTT").length);
    // The one Bằng khen of the demo: LĐLĐ tỉnh Sơn Hà to the principal of Sơn Thủy A (a man, a leader).
    const bk = view.tables[0].rows.findIndex((r) => r[1] === "Bằng khen");
    expect(view.tables[0].rows[bk + 1]).toEqual(["", "", "Liên đoàn Lao động tỉnh, thành phố", 0, 1, 1, 0, 0]);
    expect(view.summary).toContain(`${gk.length} cá nhân được tặng Giấy khen`);
    expect(view.summary).toMatch(/^Nhiệm kỳ 2023–2028, Công đoàn Giáo dục huyện Sơn Thủy và các đơn vị trực thuộc có /);
  });

  it("counts by the decision's date: a calendar year takes only what was signed in it", async () => {
    const y2025 = await loadReport(v.UPPER_SONTHUY, "khen-thuong", UNIT, calendarYearPeriod(2025));
    const rows = await awardsIn(calendarYearPeriod(2025));
    expect(rowOf(y2025, "Tổng cộng")![4]).toBe(rows.filter((a) => a.subject === "MEMBER").length);
    const empty = await loadReport(v.UPPER_SONTHUY, "khen-thuong", UNIT, rangePeriod(d("2019-01-01"), d("2019-12-31")));
    expect(empty.summary).toContain("chưa có tập thể, cá nhân nào được khen thưởng");
  });
});

describe("the statistical form", () => {
  it("counts movements and awards by form and recipient, the same in all three outputs", async () => {
    const view = await loadReport(v.UPPER_SONTHUY, "bieu-thong-ke", UNIT, term);
    await expectSameEverywhere(view);
    const years = await p.schoolYear.findMany();
    const overlapping = new Set(years.filter((y) => y.startsOn <= term.to && y.endsOn >= term.from).map((y) => y.id));
    const schools = (await p.school.findMany({ where: { unionUnitId: UNIT }, select: { id: true } })).map((s) => s.id);
    const campaigns = await p.campaign.findMany({ where: { state: { not: "DRAFT" }, OR: [{ organisationId: UNIT }, { schoolId: { in: schools } }] }, select: { schoolYearId: true } });
    const movements = campaigns.filter((c) => overlapping.has(c.schoolYearId)).length;
    expect(movements).toBeGreaterThan(0);
    expect(view.tables[0].rows[0]).toEqual(["A", "Số phong trào thi đua được phát động", movements, "", "", "", "", ""]);
    const rows = await awardsIn(term);
    const total = view.tables[0].rows.at(-1)!;
    expect(total[1]).toBe("Tổng cộng");
    expect(total[2]).toBe(rows.length);
    expect(view.notes[0]).toContain("Thông tư số 18/2025/TT-BNV");
  });
});

describe("titles per school", () => {
  it("gives each school's LĐTT, CSTĐCS and shares of members as the rows say", async () => {
    const view = await loadReport(v.UPPER_SONTHUY, "danh-hieu", UNIT, term);
    await expectSameEverywhere(view);
    const sta = rowOf(view, "Trường Tiểu học Sơn Thủy A") ?? view.tables[0].rows.find((r) => String(r[1]).includes("Sơn Thủy A"))!;
    const members = await p.member.count({ where: { schoolId: DEMO.schools.STA, status: { not: "LEFT" } } });
    const mine = (await awardsIn(term)).filter((a) => a.schoolId === DEMO.schools.STA && a.subject === "MEMBER");
    const ldtt = mine.filter((a) => a.titleCode === "LDTT").length;
    const cstdcs = mine.filter((a) => a.titleCode === "CSTDCS").length;
    expect(ldtt).toBeGreaterThan(0);
    expect(sta.slice(2, 7)).toEqual([members, ldtt, { pct: ldtt / members }, cstdcs, { pct: cstdcs / members }]);
    const initiatives = await p.initiative.count({ where: { schoolId: DEMO.schools.STA, level: "SCHOOL", recognisedOn: { gte: term.from, lte: term.to } } });
    expect(sta[10]).toBe(initiatives);
    expect(view.tables[0].rows[0][1]).toBe("Tổng cộng");
    expect(view.chart.data.length).toBe(view.tables[0].rows.length - 1);
  });
});

describe("movements", () => {
  it("gives registration and scoring progress per school", async () => {
    const year = parsePeriod({ ky: "nam-hoc", "nam-hoc": DEMO.years.Y2025 }, await getPeriodChoices(v.UPPER_SONTHUY, UNIT), new Date());
    expect(year.ok).toBe(true);
    const period = year.period!;
    const view = await loadReport(v.UPPER_SONTHUY, "phong-trao", UNIT, period);
    await expectSameEverywhere(view);
    const sta = view.tables[0].rows.find((r) => String(r[1]).includes("Sơn Thủy A"))!;
    const regs = await p.registration.findMany({ where: { schoolId: DEMO.schools.STA, campaign: { schoolYearId: DEMO.years.Y2025, state: { not: "DRAFT" } }, member: { status: { not: "LEFT" } } }, select: { memberId: true } });
    const registered = new Set(regs.map((r) => r.memberId)).size;
    const members = await p.member.count({ where: { schoolId: DEMO.schools.STA, status: { not: "LEFT" } } });
    const sheets = await p.scoreSheet.findMany({ where: { period: { schoolId: DEMO.schools.STA, startsOn: { lte: period.to }, endsOn: { gte: period.from } } }, select: { stages: { select: { stage: true, complete: true } } } });
    const done = sheets.filter((s) => s.stages.some((st) => st.stage === "COUNCIL" && st.complete)).length;
    expect(registered).toBeGreaterThan(0);
    expect(sheets.length).toBeGreaterThan(0);
    expect(sta.slice(3)).toEqual([members, registered, { pct: registered / members }, sheets.length, done, { pct: done / sheets.length }]);
  });
});

describe("who may read them", () => {
  it("refuses another upper unit, a school role, and checks every report the same way", async () => {
    for (const slug of REPORT_SLUGS) {
      expect(await errorCode(loadReport(v.UPPER_BACSON, slug, UNIT, term))).toBe("NOT_FOUND");
      expect(await errorCode(loadReport(v.STA_PRINCIPAL, slug, UNIT, term))).toBe("NOT_FOUND");
      expect(await errorCode(loadReport(v.UPPER_SONTHUY, slug, "org_missing", term))).toBe("NOT_FOUND");
    }
    expect(await errorCode(loadReport(v.ADMIN, "khen-thuong", UNIT, term))).toBe("OK");
  });
});

describe("revoked decisions", () => {
  it("drop out of every count", async () => {
    const before = await loadReport(v.UPPER_SONTHUY, "khen-thuong", UNIT, term);
    const gkBefore = rowOf(before, "Giấy khen")![4] as number;
    const decision = await p.awardDecision.findFirstOrThrow({ where: { awards: { some: { titleCode: "GK_CD_CAP_TREN", school: { unionUnitId: UNIT } } }, revocation: null, signedOn: { gte: term.from, lte: term.to } }, select: { id: true, _count: { select: { awards: { where: { titleCode: "GK_CD_CAP_TREN" } } } } } });
    await p.decisionRevocation.create({ data: { decisionId: decision.id, reason: "Thử thu hồi trong kiểm thử", revokedOn: d("2026-11-30") } });
    const after = await loadReport(v.UPPER_SONTHUY, "khen-thuong", UNIT, term);
    expect(decision._count.awards).toBeGreaterThan(0);
    expect((rowOf(after, "Giấy khen")?.[4] as number | undefined) ?? 0).toBe(gkBefore - decision._count.awards);
  });
});

describe("the decision's own school year", () => {
  it("is reported where it differs from the date the report counts by", async () => {
    const Y24 = DEMO.years.Y2024;
    const Y25 = DEMO.years.Y2025;
    const choices = await getPeriodChoices(v.UPPER_SONTHUY, UNIT);
    const year = (id: string) => parsePeriod({ ky: "nam-hoc", "nam-hoc": id }, choices, new Date()).period!;
    const before24 = await loadReport(v.UPPER_SONTHUY, "khen-thuong", UNIT, year(Y24));
    const gk24 = (rowOf(before24, "Giấy khen")?.[4] as number | undefined) ?? 0;
    // A Giấy khen for 2024–2025 signed on 20/09/2025, after 2025–2026 opened.
    const m = await p.member.findFirstOrThrow({ where: { schoolId: DEMO.schools.HM, status: "ACTIVE" }, select: { id: true, fullName: true } });
    await p.awardDecision.create({
      data: {
        id: "qd_test_late",
        organisationId: UNIT,
        schoolYearId: Y24,
        number: "99/QĐ-TEST",
        signedOn: d("2025-09-20"),
        signerName: "Người ký",
        signerTitle: "Chủ tịch",
        issuerName: "Công đoàn Giáo dục huyện Sơn Thủy",
        side: "UNION",
        level: "DIRECT_UPPER",
        awards: { create: [{ schoolId: DEMO.schools.HM, schoolYearId: Y24, subject: "MEMBER", memberId: m.id, recipientName: m.fullName, titleCode: "GK_CD_CAP_TREN", level: "DIRECT_UPPER", achievementKey: "year:2024" }] },
      },
    });
    const after24 = await loadReport(v.UPPER_SONTHUY, "khen-thuong", UNIT, year(Y24));
    const after25 = await loadReport(v.UPPER_SONTHUY, "khen-thuong", UNIT, year(Y25));
    expect((rowOf(after24, "Giấy khen")?.[4] as number | undefined) ?? 0).toBe(gk24);
    expect(after24.notes.some((n) => /không tính 1 lượt khen của quyết định ghi năm học này nhưng ký ngoài kỳ/.test(n))).toBe(true);
    expect(after25.notes.some((n) => /đã tính 1 lượt khen của quyết định ghi năm học khác nhưng ký trong kỳ/.test(n))).toBe(true);
  });
});
