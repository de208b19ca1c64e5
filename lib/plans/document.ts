// A coordination plan as an administrative document (lib/documents): the same data feeds the
// PDF and the print view. Pure.
import type { AdminDocument, DocBlock } from "../documents/types";
import { roman, textBlocks } from "../documents/types";
import { formatDate } from "../format";
import { SIDE_LABELS, UNIT_SIDE_LABELS, type PlanContent } from "./content";
import { formatTarget } from "./measures";
import { upperVi } from "./template";
import { replacementLabel, type Replacement } from "./rules";

export interface PlanDocumentInput {
  content: PlanContent;
  revision: number;
  amendmentReason: string | null;
  amendsNumber: string | null;
  signed: boolean;
  /** The signed amendment that replaced this plan, if any (lib/plans/rules.ts replacementOf). */
  replacedBy?: Replacement | null;
  unitLevel: boolean;
  startYear: number;
  gov: { name: string | null; signedAt: Date | null };
  union: { name: string | null; signedAt: Date | null };
}

function when(i: { month: number; onDate: Date | null }, startYear: number): string {
  if (i.onDate) return formatDate(i.onDate);
  const y = i.month >= 9 ? startYear : startYear + 1;
  return `Tháng ${i.month}/${y}`;
}

export function planDocument(p: PlanDocumentInput): AdminDocument {
  const c = p.content;
  const section = (key: string) => c.sections.find((s) => s.key === key);
  const blocks: DocBlock[] = [];
  if (p.replacedBy) blocks.push({ type: "paragraph", italic: true, text: `${replacementLabel(p.replacedBy)}; văn bản này không còn hiệu lực.` });
  if (p.revision > 1) {
    blocks.push({
      type: "paragraph",
      italic: true,
      text: `Văn bản này sửa đổi, bổ sung kế hoạch đã ký kết${p.amendsNumber ? ` số ${p.amendsNumber}` : ""} (lần ${p.revision - 1}). Lý do: ${p.amendmentReason ?? ""}`,
    });
  }
  const legal = section("legal_basis");
  if (legal) for (const line of legal.body.split("\n").filter(Boolean)) blocks.push({ type: "paragraph", text: line, italic: line.startsWith("Căn cứ") });

  let n = 0;
  const heading = (title: string) => blocks.push({ type: "heading", text: `${roman(++n)}. ${upperVi(title)}` });
  for (const key of ["principles", "duties", "joint_work"]) {
    const s = section(key);
    if (!s) continue;
    heading(s.title);
    blocks.push(...textBlocks(s.body));
  }
  const sides = p.unitLevel ? UNIT_SIDE_LABELS : SIDE_LABELS;
  if (c.items.length) {
    heading("Lịch công việc phối hợp");
    blocks.push({
      type: "table",
      columns: [
        { header: "TT", width: 0.07, align: "center" },
        { header: "Thời gian", width: 0.19, align: "center" },
        { header: "Nội dung công việc", width: 0.56 },
        { header: "Chủ trì", width: 0.18, align: "center" },
      ],
      rows: c.items.map((i, k) => [String(k + 1), when(i, p.startYear), i.content, sides[i.leadSide]]),
    });
  }
  if (c.targets.length) {
    heading("Chỉ tiêu phối hợp");
    blocks.push({
      type: "table",
      columns: [
        { header: "TT", width: 0.07, align: "center" },
        { header: "Chỉ tiêu", width: 0.63 },
        { header: "Mức phấn đấu", width: 0.3, align: "center" },
      ],
      rows: c.targets.map((t, k) => [String(k + 1), t.label, t.unit === "COUNT" && t.comparator === "AT_MOST" && t.targetValue === 0 ? "Không có" : formatTarget(t)]),
    });
  }
  for (const key of ["meetings", "implementation"]) {
    const s = section(key);
    if (!s) continue;
    heading(s.title);
    blocks.push(...textBlocks(s.body));
  }
  // Any section added later (unknown key) still prints.
  for (const s of c.sections) {
    if (["legal_basis", "principles", "duties", "joint_work", "meetings", "implementation"].includes(s.key)) continue;
    heading(s.title);
    blocks.push(...textBlocks(s.body));
  }

  // Signed moments are shown on Vietnam's calendar (UTC+7).
  const note = (at: Date | null) => (at ? `(Đã ký ngày ${formatDate(new Date(at.getTime() + 7 * 3600_000))})` : null);
  const title = p.revision > 1 ? `${c.header.title} (sửa đổi, bổ sung lần ${p.revision - 1})` : c.header.title;
  return {
    issuer: { parent: c.header.issuerParent || null, name: c.header.issuerName },
    number: c.header.docNumber || null,
    place: c.header.place,
    date: c.header.issuedOn,
    kind: "KẾ HOẠCH",
    title,
    blocks,
    signatures: [
      { title: c.header.unionSignerTitle.split("\n"), name: p.union.name, note: note(p.union.signedAt) },
      { title: c.header.govSignerTitle.split("\n"), name: p.gov.name, note: note(p.gov.signedAt) },
    ],
    recipients: c.header.recipients.split("\n").filter(Boolean),
    mark: p.replacedBy ? "ĐÃ ĐƯỢC THAY THẾ" : p.signed ? null : "DỰ THẢO",
    metaTitle: `Kế hoạch ${c.header.title}`,
  };
}

/** "ke-hoach-phoi-hop-2025-2026-lan-2.pdf" */
export function planFileName(startYear: number, revision: number): string {
  return `ke-hoach-phoi-hop-${startYear}-${startYear + 1}${revision > 1 ? `-sua-doi-lan-${revision - 1}` : ""}.pdf`;
}

