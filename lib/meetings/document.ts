// The minutes of a joint meeting (biên bản họp liên tịch) as an administrative document. Pure.
import type { AdminDocument, DocBlock } from "../documents/types";
import { formatDate } from "../format";
import { placeFromAddress, upperVi } from "../plans/template";
import { SIDE_LABELS } from "../plans/content";
import { ATTENDEE_ROLE_LABELS, TASK_STATUS_LABELS } from "./rules";

interface TaskRow {
  content: string;
  ownerName: string;
  ownerSide: "GOV" | "UNION" | "BOTH";
  dueOn: Date | null;
  status: "OPEN" | "DONE" | "CANCELLED";
  followUp: string | null;
}

export interface MinutesInput {
  school: { name: string; address: string | null; govUnitName: string | null };
  meeting: {
    title: string;
    docNumber: string | null;
    scheduledOn: Date;
    heldAt: Date | null;
    location: string | null;
    chairName: string | null;
    secretaryName: string | null;
    agenda: string | null;
    discussion: string | null;
    decisions: string | null;
    status: "PLANNED" | "HELD" | "CLOSED" | "CANCELLED";
  };
  attendees: { role: keyof typeof ATTENDEE_ROLE_LABELS; name: string; title: string | null; present: boolean }[];
  tasks: TaskRow[];
  reviewed: TaskRow[];
}

/** The meeting's date and time in Vietnam (UTC+7). */
function vnParts(d: Date) {
  const vn = new Date(d.getTime() + 7 * 3600_000);
  return { day: new Date(Date.UTC(vn.getUTCFullYear(), vn.getUTCMonth(), vn.getUTCDate())), h: vn.getUTCHours(), m: vn.getUTCMinutes() };
}

function lines(text: string | null): DocBlock[] {
  if (!text) return [{ type: "paragraph", text: "(Không có.)", italic: true }];
  return text
    .split("\n")
    .filter(Boolean)
    .map((l) => ({ type: "paragraph" as const, text: l }));
}

export function minutesDocument(p: MinutesInput): AdminDocument {
  const m = p.meeting;
  const at = m.heldAt ? vnParts(m.heldAt) : null;
  const day = at?.day ?? m.scheduledOn;
  const time = at && (at.h || at.m) ? `${at.h} giờ ${String(at.m).padStart(2, "0")}, ` : "";
  const blocks: DocBlock[] = [
    { type: "paragraph", text: `Thời gian: ${time}ngày ${formatDate(day)}.` },
    { type: "paragraph", text: `Địa điểm: ${m.location ?? p.school.name}.` },
    { type: "heading", text: "I. THÀNH PHẦN" },
  ];
  const present = p.attendees.filter((a) => a.present);
  const absent = p.attendees.filter((a) => !a.present);
  for (const a of present) {
    const role = a.role === "OTHER" ? a.title : ATTENDEE_ROLE_LABELS[a.role];
    blocks.push({ type: "paragraph", text: `- ${a.name}${role ? ` – ${role}` : ""};` });
  }
  if (!present.length) blocks.push({ type: "paragraph", text: "(Chưa ghi thành phần dự họp.)", italic: true });
  if (absent.length) {
    blocks.push({ type: "paragraph", text: `Vắng: ${absent.map((a) => `${a.name} (${a.role === "OTHER" ? (a.title ?? "") : ATTENDEE_ROLE_LABELS[a.role]})`).join("; ")}.` });
  }
  blocks.push({ type: "paragraph", text: `Chủ trì: ${m.chairName ?? "…"}. Thư ký: ${m.secretaryName ?? "…"}.` });
  blocks.push({ type: "heading", text: "II. NỘI DUNG" }, ...lines(m.agenda));
  let n = 2;
  const roman = ["I", "II", "III", "IV", "V", "VI", "VII"];
  if (p.reviewed.length) {
    blocks.push({ type: "heading", text: `${roman[n++]}. KIỂM ĐIỂM NHIỆM VỤ KỲ TRƯỚC` });
    blocks.push({
      type: "table",
      columns: [
        { header: "TT", width: 0.07, align: "center" },
        { header: "Nhiệm vụ", width: 0.43 },
        { header: "Người thực hiện", width: 0.2 },
        { header: "Kết quả", width: 0.3 },
      ],
      rows: p.reviewed.map((t, i) => [String(i + 1), t.content, t.ownerName, `${TASK_STATUS_LABELS[t.status]}${t.followUp ? `: ${t.followUp}` : ""}`]),
    });
  }
  if (m.discussion) blocks.push({ type: "heading", text: `${roman[n++]}. Ý KIẾN THẢO LUẬN` }, ...lines(m.discussion));
  blocks.push({ type: "heading", text: `${roman[n++]}. KẾT LUẬN` }, ...lines(m.decisions));
  if (p.tasks.length) {
    blocks.push({ type: "heading", text: `${roman[n++]}. PHÂN CÔNG NHIỆM VỤ` });
    blocks.push({
      type: "table",
      columns: [
        { header: "TT", width: 0.07, align: "center" },
        { header: "Nội dung", width: 0.45 },
        { header: "Người thực hiện", width: 0.3 },
        { header: "Thời hạn", width: 0.18, align: "center" },
      ],
      rows: p.tasks.map((t, i) => [String(i + 1), t.content, `${t.ownerName} (${SIDE_LABELS[t.ownerSide]})`, t.dueOn ? formatDate(t.dueOn) : ""]),
    });
  }
  blocks.push({ type: "paragraph", text: "Cuộc họp kết thúc cùng ngày. Biên bản đã được đọc lại và thông qua trước các thành viên dự họp.", italic: true });

  return {
    issuer: { parent: p.school.govUnitName ? upperVi(p.school.govUnitName) : null, name: upperVi(p.school.name) },
    number: m.docNumber,
    place: placeFromAddress(p.school.address),
    date: day,
    kind: "BIÊN BẢN",
    title: m.title,
    blocks,
    signatures: [
      { title: ["THƯ KÝ"], name: m.secretaryName },
      { title: ["CHỦ TRÌ"], name: m.chairName },
    ],
    recipients: null,
    mark: m.status === "CLOSED" ? null : "DỰ THẢO",
    metaTitle: `Biên bản ${m.title}`,
  };
}

export function minutesFileName(m: { scheduledOn: Date; kind: string }): string {
  const d = m.scheduledOn;
  return `bien-ban-hop-lien-tich-${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")}.pdf`;
}
