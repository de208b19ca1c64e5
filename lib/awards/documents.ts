// The awards papers as administrative documents (lib/documents/types.ts, Nghị định 30/2020
// layout): biên bản họp và kiểm phiếu, tờ trình, danh sách đề nghị, quyết định khen thưởng.
// Pure: built from the query DTOs; the PDF renderer and the print view draw them.
import type { AdminDocument, DocBlock } from "../documents/types";
import { textBlocks } from "../documents/types";
import { LEVEL_LABELS, titleName, type AwardLevelCode } from "./catalogue";
import { formatIsoDay } from "./facts";
import { formatPercent, formatNumber } from "../format";
import { percent } from "./settings";
import { placeOfUnit as placeFromName } from "./certificate";
import { ballotFigures } from "../council/ballot-figures";

const upper = (s: string) => s.toLocaleUpperCase("vi-VN");
/** The place for the date line: the commune in the school's address, else blank. */
export function placeOf(address: string | null | undefined): string {
  const m = /(?:xã|phường|thị trấn)\s+([^,]+)/i.exec(address ?? "");
  return m ? m[1].trim() : "";
}

/** The place of an upper unit's date line: its recorded place, else the place its name ends with. */
export function unitPlace(u: { name: string; place?: string | null }): string {
  return u.place?.trim() || placeFromName(u.name);
}

export interface MinutesInput {
  school: { name: string; unionName: string; address: string | null };
  yearLabel: string;
  councilName: string;
  councilDecision: string | null;
  number?: string | null;
  heldOn: Date;
  location: string | null;
  purpose: string;
  status: string;
  memberCount: number;
  presentCount: number;
  minutesNote: string | null;
  present: { fullName: string; position: string }[];
  absent: string[];
  chair: string | null;
  secretary: string | null;
  votes: { nomineeName: string; titleCode: string; secret: boolean; issued: number; returned: number; valid: number; agree: number; baseCount: number; required: number; passed: boolean }[];
}

/** Biên bản họp Hội đồng Thi đua – Khen thưởng, with the ballot results (rule 13, 15). */
export function minutesDocument(m: MinutesInput): AdminDocument {
  const blocks: DocBlock[] = [
    { type: "paragraph", text: `Thời gian: ngày ${formatIsoDay(m.heldOn.toISOString().slice(0, 10))}${m.location ? `; địa điểm: ${m.location}` : ""}.` },
    { type: "paragraph", text: `Nội dung: ${m.purpose}.` },
    { type: "heading", text: "I. THÀNH PHẦN" },
    { type: "paragraph", text: `Có mặt ${m.presentCount}/${m.memberCount} thành viên Hội đồng${m.councilDecision ? ` (thành lập theo Quyết định số ${m.councilDecision})` : ""}; vắng mặt: ${m.absent.length ? m.absent.join(", ") : "không"}. Số thành viên có mặt đủ điều kiện để Hội đồng họp và biểu quyết.` },
    { type: "table", columns: [{ header: "TT", width: 1, align: "center" }, { header: "Họ và tên", width: 5 }, { header: "Chức vụ", width: 5 }], rows: m.present.map((p, i) => [String(i + 1), p.fullName, p.position]) },
    { type: "paragraph", text: `Chủ trì: ${m.chair ?? "…"}; thư ký: ${m.secretary ?? "…"}.` },
    { type: "heading", text: "II. KẾT QUẢ BỎ PHIẾU, BIỂU QUYẾT" },
  ];
  const secret = m.votes.filter((v) => v.secret);
  const open = m.votes.filter((v) => !v.secret);
  const row = (v: MinutesInput["votes"][number], i: number) => {
    const f = ballotFigures(v);
    return [String(i + 1), v.nomineeName, titleName(v.titleCode), String(f.issued), String(f.returned), String(f.valid), String(f.agree), f.percentText, v.passed ? "Đạt" : "Không đạt"];
  };
  const columns = [
    { header: "TT", width: 0.8, align: "center" as const },
    { header: "Họ và tên", width: 4 },
    { header: "Đề nghị", width: 3.5 },
    { header: "Phát ra", width: 1.3, align: "center" as const },
    { header: "Thu về", width: 1.3, align: "center" as const },
    { header: "Hợp lệ", width: 1.3, align: "center" as const },
    { header: "Đồng ý", width: 1.3, align: "center" as const },
    { header: "% đồng ý", width: 1.5, align: "center" as const },
    { header: "Kết quả", width: 1.8, align: "center" as const },
  ];
  if (secret.length) {
    blocks.push({ type: "subheading", text: "1. Kiểm phiếu bầu kín (Chiến sĩ thi đua các cấp)" });
    blocks.push({ type: "paragraph", text: "Ban kiểm phiếu đã kiểm tra, tổng hợp kết quả như sau:" });
    blocks.push({ type: "table", columns, rows: secret.map(row) });
  }
  if (open.length) {
    blocks.push({ type: "subheading", text: `${secret.length ? "2" : "1"}. Biểu quyết các danh hiệu, hình thức khác` });
    blocks.push({ type: "table", columns, rows: open.map(row) });
  }
  const passed = m.votes.filter((v) => v.passed);
  blocks.push({ type: "heading", text: "III. KẾT LUẬN" });
  blocks.push({ type: "paragraph", text: `Hội đồng thống nhất đề nghị ${formatNumber(passed.length)} lượt cá nhân, tập thể (danh sách kèm theo).` });
  if (m.minutesNote) blocks.push(...textBlocks(m.minutesNote));
  blocks.push({ type: "paragraph", text: "Biên bản được thông qua trước Hội đồng và kết thúc cùng ngày.", italic: true });
  return {
    issuer: { parent: null, name: upper(m.school.name) },
    number: m.number ?? null,
    place: placeOf(m.school.address),
    date: m.heldOn,
    kind: "BIÊN BẢN",
    title: `Họp Hội đồng Thi đua – Khen thưởng năm học ${m.yearLabel}`,
    blocks,
    signatures: [
      { title: ["THƯ KÝ"], name: m.secretary },
      { title: ["CHỦ TỊCH HỘI ĐỒNG"], name: m.chair },
    ],
    recipients: null,
    mark: m.status === "OPEN" ? "DỰ THẢO" : null,
    metaTitle: `Biên bản họp Hội đồng Thi đua – Khen thưởng ${m.yearLabel}`,
  };
}

export interface PackageDocInput {
  schoolName: string;
  schoolAddress: string | null;
  unitName: string;
  yearLabel: string;
  title: string;
  /** Số tờ trình, given at submission (null: "Số: …" on a draft). */
  number?: string | null;
  coverNote: string;
  submittedAt: Date | null;
  status: string;
  principalName: string | null;
  /** Issue 12, by route: the heading (the school's managing unit or its union above it), the body addressed, who signs. */
  route?: { issuerParent: string | null; issuerName: string; addressee: string; signature: string[]; signerName: string | null };
  items: { nomineeName: string; position: string | null; group: string | null; titleCode: string; level: AwardLevelCode; vote: { agree: number; baseCount: number } | null }[];
}

/** Tờ trình đề nghị khen thưởng. */
export function coverDocument(p: PackageDocInput): AdminDocument {
  return {
    issuer: p.route ? { parent: p.route.issuerParent ? upper(p.route.issuerParent) : null, name: upper(p.route.issuerName) } : { parent: null, name: upper(p.schoolName) },
    number: p.number ?? null,
    place: placeOf(p.schoolAddress),
    date: p.submittedAt,
    kind: "TỜ TRÌNH",
    title: `Đề nghị xét, khen thưởng năm học ${p.yearLabel}`,
    blocks: [{ type: "paragraph", text: `Kính gửi: ${p.route?.addressee ?? p.unitName}.`, noIndent: true, bold: true }, ...textBlocks(p.coverNote)],
    signatures: [p.route ? { title: p.route.signature, name: p.route.signerName } : { title: ["HIỆU TRƯỞNG"], name: p.principalName }],
    recipients: ["- Như trên;", "- Lưu: VT, HĐTĐKT."],
    mark: p.submittedAt ? null : "DỰ THẢO",
    metaTitle: `Tờ trình – ${p.title}`,
  };
}

/** Danh sách đề nghị khen thưởng, grouped by title. */
export function listDocument(p: PackageDocInput): AdminDocument {
  const byTitle = new Map<string, PackageDocInput["items"]>();
  for (const i of p.items) (byTitle.get(i.titleCode) ?? byTitle.set(i.titleCode, []).get(i.titleCode)!).push(i);
  const blocks: DocBlock[] = [{ type: "paragraph", text: `(Kèm theo Tờ trình${p.number ? ` số ${p.number}` : ""}${p.submittedAt ? ` ngày ${formatIsoDay(p.submittedAt.toISOString().slice(0, 10))}` : ""} của ${p.schoolName})`, italic: true, noIndent: true }];
  let n = 0;
  for (const [code, items] of byTitle) {
    n++;
    blocks.push({ type: "subheading", text: `${n}. ${titleName(code)} (${formatNumber(items.length)})` });
    blocks.push({
      type: "table",
      columns: [{ header: "TT", width: 0.8, align: "center" }, { header: "Họ và tên / Tập thể", width: 4.5 }, { header: "Chức vụ, đơn vị", width: 4.5 }, { header: "Cấp", width: 2.2 }, { header: "Phiếu đồng ý", width: 2, align: "center" }],
      rows: items.map((i, k) => [String(k + 1), i.nomineeName, [i.position, i.group].filter(Boolean).join(", "), LEVEL_LABELS[i.level], i.vote ? `${i.vote.agree}/${i.vote.baseCount} (${formatPercent(percent(i.vote.agree, i.vote.baseCount), 2, true)})` : ""]),
    });
  }
  return {
    issuer: p.route ? { parent: p.route.issuerParent ? upper(p.route.issuerParent) : null, name: upper(p.route.issuerName) } : { parent: null, name: upper(p.schoolName) },
    number: p.number ?? null,
    place: placeOf(p.schoolAddress),
    date: p.submittedAt,
    kind: "DANH SÁCH",
    title: `Cá nhân, tập thể đề nghị khen thưởng năm học ${p.yearLabel}`,
    blocks,
    signatures: [p.route ? { title: p.route.signature, name: p.route.signerName } : { title: ["HIỆU TRƯỞNG"], name: p.principalName }],
    recipients: null,
    mark: p.submittedAt ? null : "DỰ THẢO",
    metaTitle: `Danh sách – ${p.title}`,
  };
}

export interface DecisionDocInput {
  number: string;
  signedOn: string;
  signerName: string;
  signerTitle: string;
  issuerName: string;
  /** Địa danh of the date line (the issuing unit's place). */
  place?: string;
  yearLabel: string;
  summary: string | null;
  revocation: { reason: string; number: string | null; revokedOn: string } | null;
  awards: { recipientName: string; schoolName: string; titleCode: string; level: string }[];
}

/** Quyết định khen thưởng with its list; a revoked one carries the mark "ĐÃ THU HỒI". */
export function decisionDocument(d: DecisionDocInput): AdminDocument {
  const codes = [...new Set(d.awards.map((a) => a.titleCode))];
  const blocks: DocBlock[] = [
    { type: "paragraph", text: "Căn cứ Luật Thi đua, khen thưởng năm 2022 và các văn bản hướng dẫn thi hành;" },
    { type: "paragraph", text: `Căn cứ hồ sơ đề nghị của các đơn vị và kết quả xét duyệt năm học ${d.yearLabel};` },
    { type: "heading", text: "QUYẾT ĐỊNH:" },
    { type: "paragraph", text: `Điều 1. Công nhận, khen thưởng ${formatNumber(d.awards.length)} cá nhân, tập thể có thành tích trong năm học ${d.yearLabel} (${codes.map((c) => titleName(c)).join("; ")}), có danh sách kèm theo.` },
    { type: "paragraph", text: "Điều 2. Quyết định có hiệu lực kể từ ngày ký. Các đơn vị và cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này." },
    { type: "heading", text: "DANH SÁCH KÈM THEO" },
    {
      type: "table",
      columns: [{ header: "TT", width: 0.8, align: "center" }, { header: "Họ và tên / Tập thể", width: 4.5 }, { header: "Đơn vị", width: 4.5 }, { header: "Danh hiệu, hình thức", width: 4 }],
      rows: d.awards.map((a, i) => [String(i + 1), a.recipientName, a.schoolName, titleName(a.titleCode)]),
    },
  ];
  if (d.revocation) blocks.push({ type: "paragraph", bold: true, text: `Quyết định này đã bị thu hồi ngày ${formatIsoDay(d.revocation.revokedOn)}${d.revocation.number ? ` (Quyết định số ${d.revocation.number})` : ""}. Lý do: ${d.revocation.reason}` });
  return {
    issuer: { parent: null, name: upper(d.issuerName) },
    number: d.number,
    place: d.place ?? unitPlace({ name: d.issuerName }),
    date: new Date(`${d.signedOn}T00:00:00Z`),
    kind: "QUYẾT ĐỊNH",
    title: d.summary ?? `Về việc khen thưởng năm học ${d.yearLabel}`,
    blocks,
    signatures: [{ title: [upper(d.signerTitle)], name: d.signerName }],
    recipients: ["- Như Điều 2;", "- Lưu: VT."],
    mark: d.revocation ? "ĐÃ THU HỒI" : null,
    metaTitle: `Quyết định ${d.number}`,
  };
}
