// A Vietnamese administrative document (văn bản hành chính, Nghị định 30/2020/NĐ-CP layout) as
// plain data: the PDF renderer (pdf.ts) and the print view draw the same thing. Plans, minutes
// and later documents (tờ trình, quyết định…) build one of these.

export type DocBlock =
  /** "I. MỤC ĐÍCH, YÊU CẦU" – bold. */
  | { type: "heading"; text: string }
  /** "1. Trách nhiệm của Hiệu trưởng" – bold, or italic bold for a third level. */
  | { type: "subheading"; text: string; italic?: boolean }
  /** Body text, justified, first line indented ("- …" lines are paragraphs too). */
  | { type: "paragraph"; text: string; italic?: boolean; bold?: boolean; noIndent?: boolean }
  | { type: "table"; columns: DocColumn[]; rows: string[][] }
  | { type: "spacer"; height?: number };

export interface DocColumn {
  header: string;
  /** Share of the table width (the shares are normalised). */
  width: number;
  align?: "left" | "center" | "right";
}

export interface DocSignature {
  /** Title lines, e.g. ["TM. BCH CÔNG ĐOÀN", "CHỦ TỊCH"] or ["HIỆU TRƯỞNG"]. */
  title: string[];
  /** Who signs (printed under the space left for the signature); null leaves it blank. */
  name: string | null;
  /** Shown in the signature space, e.g. "(Đã ký ngày 12/09/2025)". */
  note?: string | null;
}

export interface AdminDocument {
  /** Left header: the body above the issuer (regular) and the issuer(s) (bold), one per line. */
  issuer: { parent: string | null; name: string };
  /** Number and symbol without "Số: ", e.g. "01/KHPH-NT-CĐ"; null prints "Số: …". */
  number: string | null;
  /** Place name for the date line ("Sơn Thủy"). */
  place: string;
  /** Issue date; null prints "ngày … tháng … năm …". */
  date: Date | null;
  /** Document type in capitals: "KẾ HOẠCH", "BIÊN BẢN". */
  kind: string;
  /** The summary line (trích yếu) under the type. */
  title: string;
  blocks: DocBlock[];
  /** One or two signature blocks (left, right). */
  signatures: DocSignature[];
  /** "Nơi nhận" lines, or null. */
  recipients: string[] | null;
  /** A mark in the top margin, e.g. "DỰ THẢO" for unsigned documents. */
  mark?: string | null;
  /** Document title metadata. */
  metaTitle: string;
}

/** "Sơn Thủy, ngày 15 tháng 9 năm 2025" (days and months under 10 with a leading zero for 1–2, as the decree asks). */
export function placeDateLine(place: string, date: Date | null): string {
  const prefix = place ? `${place}, ` : "";
  if (!date) return `${prefix}ngày     tháng     năm ${new Date().getUTCFullYear()}`;
  const d = date.getUTCDate();
  const m = date.getUTCMonth() + 1;
  // Nghị định 30/2020: days below 10 and months 1, 2 take a leading zero.
  const dd = d < 10 ? `0${d}` : String(d);
  const mm = m < 3 ? `0${m}` : String(m);
  return `${prefix}ngày ${dd} tháng ${mm} năm ${date.getUTCFullYear()}`;
}

/** Text sections as blocks: "1. …" lines become subheadings, the rest paragraphs. */
export function textBlocks(body: string): DocBlock[] {
  return body
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l): DocBlock => (/^\d+(\.\d+)*\.\s/.test(l) && l.length < 160 ? { type: "subheading", text: l } : { type: "paragraph", text: l }));
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];
export function roman(n: number): string {
  return ROMAN[n - 1] ?? String(n);
}
