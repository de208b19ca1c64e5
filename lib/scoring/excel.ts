// Scoring sheets as an Excel workbook in the layout schools use: a summary sheet, then one sheet
// per member with the columns TT / Nội dung / Điểm tối đa / Tự chấm / Tổ chấm / Hội đồng / Giải
// trình. Every text cell goes through textCell(): a string (never a formula), and text that a
// spreadsheet could take for a formula gets a leading apostrophe (SECURITY.md). No I/O.
import ExcelJS from "exceljs";
import type { ScoreStageKind } from "../generated/prisma/enums";
import { cellText } from "./cells";
import { computeStage, type StageData, type StageResult } from "./rules";
import type { ScaleDefinition } from "./scale";
import { formulaSafe } from "../excel";
import { formatNumber } from "../format";

export { formulaSafe };

export interface ExportSheet {
  memberName: string;
  groupName: string;
  position: string | null;
  stages: Partial<Record<ScoreStageKind, { data: StageData; explanation: string | null }>>;
}

export interface ExportInput {
  schoolName: string;
  periodName: string;
  campaignName: string;
  scale: ScaleDefinition;
  sheets: ExportSheet[];
}

const STAGES: ScoreStageKind[] = ["SELF", "GROUP", "COUNCIL"];
const pts = (t: number | null | undefined) => (t == null ? null : t / 10);

function setText(cell: ExcelJS.Cell, s: string | null | undefined) {
  cell.value = s ? formulaSafe(s) : null;
}

/** A worksheet name: ≤ 31 characters, none of []:*?/\ and unique in the workbook. */
function sheetName(wb: ExcelJS.Workbook, wanted: string): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, " ").slice(0, 28).trim() || "Phiếu";
  let name = base;
  for (let i = 2; wb.getWorksheet(name); i++) name = `${base.slice(0, 26)} ${i}`;
  return name;
}

function header(ws: ExcelJS.Worksheet, lines: string[]) {
  lines.forEach((l, i) => {
    const row = ws.getRow(i + 1);
    setText(row.getCell(1), l);
    row.font = { bold: i < 2, size: i === 0 ? 13 : 11 };
  });
}

export async function buildScoringWorkbook(input: ExportInput): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Thi đua";
  const { scale } = input;
  const results = input.sheets.map((s) => Object.fromEntries(STAGES.map((st) => [st, s.stages[st] ? computeStage(scale, s.stages[st]!.data) : null])) as Record<ScoreStageKind, StageResult | null>);

  const sum = wb.addWorksheet("Tổng hợp");
  header(sum, [input.schoolName, `TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA – ${input.periodName}`, input.campaignName]);
  const head = sum.getRow(5);
  ["STT", "Họ và tên", "Tổ công đoàn", "Tự chấm", "Tổ chấm", "Hội đồng", "Xếp loại", "Ghi chú"].forEach((h, i) => setText(head.getCell(i + 1), h));
  head.font = { bold: true };
  input.sheets.forEach((s, i) => {
    const r = results[i];
    const row = sum.getRow(6 + i);
    row.getCell(1).value = i + 1;
    setText(row.getCell(2), s.memberName);
    setText(row.getCell(3), s.groupName);
    STAGES.forEach((st, j) => (row.getCell(4 + j).value = pts(r[st]?.total)));
    const final = r.COUNCIL ?? r.GROUP ?? r.SELF;
    setText(row.getCell(7), final?.classification?.label ?? (final ? "Chưa chấm đủ" : "Chưa chấm"));
    setText(row.getCell(8), final?.disqualified.map((d) => `${d.name}: ${d.reason}`).join("; "));
  });
  sum.columns.forEach((c, i) => (c.width = [6, 28, 22, 10, 10, 10, 16, 40][i]));

  input.sheets.forEach((s, i) => {
    const r = results[i];
    const ws = wb.addWorksheet(sheetName(wb, s.memberName));
    header(ws, [input.schoolName, "PHIẾU ĐÁNH GIÁ, CHẤM ĐIỂM THI ĐUA", `Họ và tên: ${s.memberName}${s.position ? ` – ${s.position}` : ""}`, `Tổ công đoàn: ${s.groupName} · ${input.periodName}`]);
    let n = 6;
    const put = (values: (string | number | null)[], bold = false) => {
      const row = ws.getRow(n++);
      values.forEach((v, j) => {
        if (typeof v === "string") setText(row.getCell(j + 1), v);
        else row.getCell(j + 1).value = v;
      });
      if (bold) row.font = { bold: true };
      row.alignment = { wrapText: true, vertical: "top" };
    };
    put(["TT", "Nội dung tiêu chí", "Điểm tối đa", "Tự chấm", "Tổ chấm", "Hội đồng", "Giải trình"], true);
    scale.groups.forEach((g, gi) => {
      put([String.fromCharCode(65 + gi), g.name, pts(g.max), ...STAGES.map((st) => pts(r[st]?.groups.find((x) => x.key === g.key)?.score)), null], true);
      g.criteria.forEach((c, ci) => {
        const cell = (st: ScoreStageKind) => {
          const e = s.stages[st]?.data.entries[c.key];
          if (!s.stages[st]) return null;
          if (e?.state === "SCORED" && e.points !== undefined) return e.points / 10;
          return cellText(e) || "chưa chấm";
        };
        put([String(ci + 1), c.name, c.type === "PASS_FAIL" ? "Đ/K" : pts(c.max), ...STAGES.map(cell), STAGES.map((st) => s.stages[st]?.data.entries[c.key]?.note).filter(Boolean).join("; ") || null]);
      });
    });
    if (scale.deductions.length) {
      put(["", "Khoản trừ", null, ...STAGES.map((st) => (r[st] ? -(r[st]!.deductionTotal / 10) : null)), STAGES.flatMap((st) => (s.stages[st]?.data.deductions ?? []).map((d) => `${scale.deductions.find((x) => x.key === d.key)?.name ?? d.key} × ${d.count}: ${d.reason}`)).join("; ") || null]);
    }
    if (scale.bonus.length) put(["", `Điểm cộng (tối đa ${formatNumber(scale.bonusCap / 10)})`, pts(scale.bonusCap), ...STAGES.map((st) => pts(r[st]?.bonusCapped)), null]);
    put(["", "TỔNG ĐIỂM", pts(scale.kind === "DEDUCT_FROM_START" ? scale.start : r.SELF?.criteriaMax ?? scale.groups.reduce((a, g) => a + g.max, 0)), ...STAGES.map((st) => pts(r[st]?.total)), null], true);
    put(["", "Xếp loại", null, ...STAGES.map((st) => (r[st] ? (r[st]!.classification?.label ?? "Chưa chấm đủ") : null)), null], true);
    for (const st of STAGES) {
      const ex = s.stages[st]?.explanation;
      if (ex) put(["", `Giải trình (${st === "SELF" ? "tự chấm" : st === "GROUP" ? "tổ chấm" : "hội đồng"})`, null, null, null, null, ex]);
    }
    ws.columns.forEach((c, j) => (c.width = [5, 48, 10, 10, 10, 10, 40][j]));
    ws.pageSetup = { orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
