// A report as an administrative document (Nghị định 30/2020 layout, lib/documents/types.ts): the
// print view draws it (components/plans/document-view.tsx). Same rows as the screen and the Excel
// file (lib/reports/table.ts). Pure.
import type { AdminDocument, DocBlock } from "../documents/types";
import { unitPlace } from "../awards/documents";
import type { ReportUnit } from "./queries";
import type { Period } from "./period";
import { cellText, type ReportTable } from "./table";

export interface PrintableReport {
  title: string;
  unit: Pick<ReportUnit, "name" | "place" | "parentName">;
  period: Pick<Period, "label">;
  summary: string;
  notes: string[];
  tables: ReportTable[];
}

export function reportDocument(view: PrintableReport, today: Date): AdminDocument {
  const blocks: DocBlock[] = [{ type: "paragraph", text: view.summary }];
  for (const t of view.tables) {
    const total = t.columns.reduce((a, c) => a + c.width, 0);
    blocks.push({ type: "subheading", text: t.title });
    blocks.push({
      type: "table",
      columns: t.columns.map((c) => ({ header: c.header, width: c.width / total, align: c.align ?? "left" })),
      rows: t.rows.map((r) => r.map(cellText)),
    });
  }
  for (const n of view.notes) blocks.push({ type: "paragraph", text: `Ghi chú: ${n}`, italic: true });
  return {
    issuer: { parent: view.unit.parentName, name: view.unit.name },
    number: null,
    place: unitPlace(view.unit),
    date: today,
    kind: "BÁO CÁO",
    title: `${view.title} – ${view.period.label}`,
    blocks,
    signatures: [{ title: ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"], name: null }],
    recipients: ["Ban Thường vụ công đoàn cấp trên (để báo cáo);", "Lưu: VT."],
    metaTitle: `${view.title} – ${view.period.label}`,
  };
}
