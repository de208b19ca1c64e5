import "server-only";
// A report as .xlsx: one sheet per table, the same rows as the screen (lib/reports/table.ts).
// Counts are numbers, shares are numbers formatted as percentages, text is formula-safe.
import ExcelJS from "exceljs";
import { formulaSafe } from "../excel";
import { fileSlug } from "../documents/file-name";
import type { ReportView } from "./views";

/** The row where each sheet's header sits (title, unit and period, notes above it). */
export const EXCEL_HEADER_ROW = 4;

export async function reportWorkbook(view: ReportView): Promise<{ fileName: string; bytes: Uint8Array }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Thi đua";
  view.tables.forEach((t, ti) => {
    const ws = wb.addWorksheet(`Bảng ${ti + 1}`);
    ws.getCell(1, 1).value = formulaSafe(t.title);
    ws.getCell(1, 1).font = { bold: true, size: 13 };
    ws.getCell(2, 1).value = formulaSafe(`${view.unit.name} – ${view.period.label}`);
    ws.getCell(3, 1).value = formulaSafe(view.notes[0] ?? "");
    ws.getCell(3, 1).font = { italic: true, size: 9 };
    const header = ws.getRow(EXCEL_HEADER_ROW);
    t.columns.forEach((c, j) => {
      const cell = header.getCell(j + 1);
      cell.value = formulaSafe(c.header);
      cell.font = { bold: true };
      cell.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
      ws.getColumn(j + 1).width = Math.max(6, Math.round(c.width * 1.2));
    });
    t.rows.forEach((r, i) => {
      const row = ws.getRow(EXCEL_HEADER_ROW + 1 + i);
      r.forEach((v, j) => {
        const cell = row.getCell(j + 1);
        if (typeof v === "number") cell.value = v;
        else if (typeof v === "string") cell.value = formulaSafe(v);
        else if (v.pct === null) cell.value = "—";
        else {
          cell.value = v.pct;
          cell.numFmt = "0.0%";
        }
      });
      if (t.strong?.includes(i)) row.font = { bold: true };
    });
    // How the numbers were counted, one blank row under the table.
    view.notes.forEach((n, k) => {
      const cell = ws.getCell(EXCEL_HEADER_ROW + t.rows.length + 2 + k, 1);
      cell.value = formulaSafe(`Ghi chú: ${n}`);
      cell.font = { italic: true, size: 9 };
    });
    ws.views = [{ state: "frozen", ySplit: EXCEL_HEADER_ROW }];
  });
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return { fileName: `bao-cao-${view.slug}-${fileSlug(view.period.label).toLowerCase()}.xlsx`, bytes };
}
