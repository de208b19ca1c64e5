// Giấy khen, bằng khen, giấy chứng nhận printed from a decision: one A4 landscape page per
// awardee, in the customary layout of Vietnamese union and state commendations: issuing body top
// left, national motto top right, the form's name large and centred, "Tặng" / "Công nhận" and
// the awardee, the achievement, place and date, the signer, and the decision's number and the
// register number small at the bottom. Pure: plain data in, PDF bytes out (no database), so the
// routes and the unit tests call the same functions.
import PDFDocument from "pdfkit";
import { documentFonts } from "../documents/pdf";
import { placeDateLine } from "../documents/types";
import { fitHeading } from "../documents/heading";
import { titleEntry } from "./catalogue";
import { formatIsoDay } from "./facts";

export interface CertificateDecision {
  number: string;
  /** ISO day. */
  signedOn: string;
  signerName: string;
  signerTitle: string;
  issuerName: string;
  /** The issuing unit's parent (printed above it), or null. */
  issuerParent: string | null;
  /** A union body signs for its standing committee ("TM. BAN THƯỜNG VỤ"). */
  unionSide: boolean;
  /**
   * The place of the date line when the issuer's name does not end with one (a school union's
   * BCH: the school's commune; an upper unit: its recorded place). The name's place wins.
   */
  place?: string | null;
  yearLabel: string;
  revoked: boolean;
}

export interface CertificateAward {
  id: string;
  subject: "MEMBER" | "UNION_GROUP" | "SCHOOL";
  recipientName: string;
  gender: "NAM" | "NU" | null;
  position: string | null;
  schoolName: string;
  unionName: string | null;
  titleCode: string;
  achievementKey: string;
  /** Số vào sổ: the awardee's place in the decision's list. */
  registerNo: number;
  /** A revoked award is never printed. */
  revoked: boolean;
}

/** One certificate as drawn: every line already worded. */
export interface CertificatePage {
  awardId: string;
  issuer: { parent: string | null; name: string };
  heading: string;
  subheading: string | null;
  verb: string;
  recipient: string;
  detail: string | null;
  achievement: string;
  placeDate: string;
  signerTitle: string[];
  signerName: string;
  footer: string;
}

const upper = (s: string) => s.toLocaleUpperCase("vi-VN");

/** "Công đoàn Giáo dục huyện Sơn Thủy" → "Sơn Thủy": the place on the date line. */
export function placeOfUnit(name: string): string {
  const m = /(?:^|\s)(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s+(.+)$/i.exec(name.trim());
  return m ? m[1].trim() : "";
}

const KNC_ACHIEVEMENT: Record<string, string> = {
  KNC_GD: "Đã có nhiều đóng góp cho sự nghiệp giáo dục",
  KNC_CD: "Đã có nhiều đóng góp cho sự nghiệp xây dựng tổ chức Công đoàn",
};

/** The form's name, its second line, the verb and the achievement line for a title code. */
export function certificateWording(titleCode: string, achievementKey: string, yearLabel: string) {
  const e = titleEntry(titleCode);
  const theme = achievementKey.startsWith("theme:") ? achievementKey.slice(6).trim() : "";
  const merit = theme ? `Đã có thành tích xuất sắc trong chuyên đề “${theme}”, năm học ${yearLabel}` : `Đã có thành tích xuất sắc trong năm học ${yearLabel}`;
  if (e.code.startsWith("GK_")) return { heading: "GIẤY KHEN", subheading: null, verb: "Tặng", achievement: merit };
  if (e.code.startsWith("BK_")) return { heading: "BẰNG KHEN", subheading: null, verb: "Tặng", achievement: merit };
  if (e.code === "BANG_LDST") return { heading: "BẰNG LAO ĐỘNG SÁNG TẠO", subheading: null, verb: "Tặng", achievement: `Đã có thành tích xuất sắc trong lao động sáng tạo, năm học ${yearLabel}` };
  if (e.code.startsWith("KNC_")) return { heading: "GIẤY CHỨNG NHẬN", subheading: upper(e.name), verb: "Tặng", achievement: KNC_ACHIEVEMENT[e.code] ?? merit };
  if (e.code.startsWith("CO_TD_")) return { heading: "GIẤY CHỨNG NHẬN", subheading: upper(e.name), verb: "Tặng", achievement: `Đơn vị dẫn đầu phong trào thi đua năm học ${yearLabel}` };
  // Danh hiệu thi đua (LĐTT, CSTĐ, TT LĐTT…): a certificate that recognises the title.
  return { heading: "GIẤY CHỨNG NHẬN", subheading: upper(e.name), verb: "Công nhận", achievement: `Đạt danh hiệu “${e.name}” năm học ${yearLabel}` };
}

/**
 * Signature title lines: a title that names its committee ("TM. BAN CHẤP HÀNH / CHỦ TỊCH", the
 * school union's BCH) is printed as written, one line per part; otherwise a union body signs
 * "TM. BAN THƯỜNG VỤ" above the chair.
 */
export function signerLines(title: string, unionSide: boolean): string[] {
  const t = upper(title.trim());
  if (/^TM\./.test(t)) return t.split(/\s*[/\n]\s*/).filter(Boolean);
  return unionSide && /CHỦ TỊCH/.test(t) ? ["TM. BAN THƯỜNG VỤ", t] : [t];
}

/**
 * May this decision print a certificate for this form? A state title or form is printed only under
 * a state issuer's heading (issue 12: a union decision naming LĐTT prints no "GIẤY CHỨNG NHẬN").
 */
export function printableUnder(d: Pick<CertificateDecision, "unionSide">, titleCode: string): boolean {
  return !(d.unionSide && titleEntry(titleCode).side === "state");
}

/**
 * The certificates of a decision, one per awardee, in the order given. A revoked decision prints
 * nothing; a revoked award is skipped; so is a state title under a union issuer.
 */
export function certificatePages(d: CertificateDecision, awards: CertificateAward[]): CertificatePage[] {
  if (d.revoked) return [];
  // Never a date line without its place (issue 12): the issuer's name, else the recorded place, else the parent's.
  const place = placeOfUnit(d.issuerName) || d.place?.trim() || placeOfUnit(d.issuerParent ?? "");
  const placeDate = placeDateLine(place, new Date(`${d.signedOn}T00:00:00Z`));
  return awards
    .filter((a) => !a.revoked && printableUnder(d, a.titleCode))
    .map((a) => {
      const w = certificateWording(a.titleCode, a.achievementKey, d.yearLabel);
      const honorific = a.subject === "MEMBER" && a.gender ? (a.gender === "NU" ? "Bà " : "Ông ") : "";
      const detail = a.subject === "MEMBER" ? [a.position, a.schoolName].filter(Boolean).join(", ") : a.subject === "UNION_GROUP" ? (a.unionName ?? a.schoolName) : null;
      return {
        awardId: a.id,
        issuer: { parent: d.issuerParent ? upper(d.issuerParent) : null, name: upper(d.issuerName) },
        ...w,
        recipient: `${honorific}${a.recipientName}`,
        detail: detail || null,
        placeDate: placeDate.charAt(0).toLocaleUpperCase("vi-VN") + placeDate.slice(1),
        signerTitle: signerLines(d.signerTitle, d.unionSide),
        signerName: d.signerName,
        footer: `Số quyết định: ${d.number} ngày ${formatIsoDay(d.signedOn)}; Số vào sổ: ${String(a.registerNo).padStart(3, "0")}`,
      };
    });
}

// ---- Drawing (A4 landscape, points)
const MM = 72 / 25.4;
const PAGE = { width: 841.89, height: 595.28 };
const RED = "#9b1c1c";
const INK = "#111111";
const NAME_INK = "#1e3a5f";
type Doc = PDFKit.PDFDocument;
type Font = "regular" | "bold" | "italic" | "boldItalic";

function line(doc: Doc, text: string, y: number, o: { font: Font; size: number; x?: number; width?: number; color?: string }): number {
  const x = o.x ?? 0;
  const width = o.width ?? PAGE.width;
  doc.font(o.font).fontSize(o.size).fillColor(o.color ?? INK);
  doc.text(text, x, y, { width, align: "center", lineGap: 1 });
  return doc.y;
}

/** The largest size ≤ max at which the text fits on one line (never below min; it wraps then). */
function fitSize(doc: Doc, text: string, font: Font, max: number, min: number, width: number): number {
  doc.font(font);
  for (let s = max; s > min; s -= 1) if (doc.fontSize(s).widthOfString(text) <= width) return s;
  return min;
}

function rule(doc: Doc, cx: number, y: number, length: number, color = INK, width = 0.7): void {
  doc.save().strokeColor(color).lineWidth(width).moveTo(cx - length / 2, y).lineTo(cx + length / 2, y).stroke().restore();
}

/** The double frame with small squares at the inner corners. */
function border(doc: Doc): void {
  const outer = 8 * MM;
  const inner = 11 * MM;
  doc.save().strokeColor(RED);
  doc.lineWidth(3).rect(outer, outer, PAGE.width - 2 * outer, PAGE.height - 2 * outer).stroke();
  doc.lineWidth(0.9).rect(inner, inner, PAGE.width - 2 * inner, PAGE.height - 2 * inner).stroke();
  const s = 3.2 * MM;
  for (const [x, y] of [
    [inner, inner],
    [PAGE.width - inner, inner],
    [inner, PAGE.height - inner],
    [PAGE.width - inner, PAGE.height - inner],
  ]) {
    doc.lineWidth(0.9).rect(x - s / 2, y - s / 2, s, s).fillAndStroke(RED, RED);
  }
  doc.restore();
}

function drawPage(doc: Doc, p: CertificatePage): void {
  border(doc);
  const top = 20 * MM;
  // Issuer, top left; the motto, top right.
  const left = { x: 20 * MM, w: 115 * MM };
  const right = { x: PAGE.width - 20 * MM - 120 * MM, w: 120 * MM };
  let ly = top;
  // Long names break between words, never inside a place ("…HUYỆN SƠN / THỦY"): lib/documents/heading.ts.
  const heading = (text: string, font: Font) => fitHeading(text, left.w, (t, size) => doc.font(font).fontSize(size).widthOfString(t));
  if (p.issuer.parent) {
    const h = heading(p.issuer.parent, "regular");
    for (const l of h.lines) ly = line(doc, l, ly, { font: "regular", size: h.size, x: left.x, width: left.w });
  }
  const hn = heading(p.issuer.name, "bold");
  for (const l of hn.lines) ly = line(doc, l, ly, { font: "bold", size: hn.size, x: left.x, width: left.w });
  rule(doc, left.x + left.w / 2, ly + 3, 30 * MM);
  let ry = line(doc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", top, { font: "bold", size: 12, x: right.x, width: right.w });
  ry = line(doc, "Độc lập – Tự do – Hạnh phúc", ry, { font: "bold", size: 13, x: right.x, width: right.w });
  doc.font("bold").fontSize(13);
  rule(doc, right.x + right.w / 2, ry + 2, doc.widthOfString("Độc lập – Tự do – Hạnh phúc"));

  // The form, the verb, the awardee and the achievement: one block, centred in the space between
  // the header and the signature (measured first, so short and long certificates both sit well).
  const body = { x: 30 * MM, w: PAGE.width - 60 * MM };
  const parts: { text: string; font: Font; size: number; gap: number; color?: string; inset?: number }[] = [
    { text: p.heading, font: "bold", size: fitSize(doc, p.heading, "bold", 42, 24, body.w), gap: 0, color: RED },
    ...(p.subheading ? [{ text: p.subheading, font: "bold" as const, size: fitSize(doc, p.subheading, "bold", 21, 13, body.w), gap: 1, color: RED }] : []),
    { text: p.verb, font: "boldItalic", size: 16, gap: 6 * MM },
    { text: p.recipient, font: "bold", size: fitSize(doc, p.recipient, "bold", 30, 18, body.w), gap: 2 * MM, color: NAME_INK },
    ...(p.detail ? [{ text: p.detail, font: "regular" as const, size: fitSize(doc, p.detail, "regular", 15, 12, body.w), gap: 1.5 * MM }] : []),
    { text: p.achievement, font: "italic", size: 16, gap: 4 * MM, inset: 15 * MM },
  ];
  const heightOf = (q: (typeof parts)[number]) => doc.font(q.font).fontSize(q.size).heightOfString(q.text, { width: body.w - 2 * (q.inset ?? 0), lineGap: 1 });
  const total = parts.reduce((s, q) => s + q.gap + heightOf(q), 0);
  const regionTop = Math.max(ly, ry) + 8 * MM;
  const regionBottom = PAGE.height - 78 * MM;
  let y = regionTop + Math.max(0, (regionBottom - regionTop - total) * 0.4);
  for (const q of parts) y = line(doc, q.text, y + q.gap, { font: q.font, size: q.size, x: body.x + (q.inset ?? 0), width: body.w - 2 * (q.inset ?? 0), color: q.color });

  // Place, date and signer, bottom right; decision and register numbers, bottom left.
  const sig = { x: PAGE.width - 22 * MM - 110 * MM, w: 110 * MM };
  let sy = PAGE.height - 75 * MM;
  sy = line(doc, p.placeDate, sy, { font: "italic", size: 13, x: sig.x, width: sig.w });
  for (const t of p.signerTitle) sy = line(doc, t, sy + 1, { font: "bold", size: 13, x: sig.x, width: sig.w });
  line(doc, p.signerName, PAGE.height - 29 * MM, { font: "bold", size: 14, x: sig.x, width: sig.w });
  doc.font("regular").fontSize(10).fillColor(INK);
  doc.text(p.footer, 20 * MM, PAGE.height - 20 * MM, { width: 150 * MM, lineBreak: false });
}

/** The certificates as one PDF, a page each. Throws when there is nothing to print. */
export async function renderCertificatesPdf(pages: CertificatePage[], meta: { title: string }): Promise<Buffer> {
  if (!pages.length) throw new Error("renderCertificatesPdf: no certificate to print");
  const fonts = documentFonts();
  const doc = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margin: 0,
    autoFirstPage: false,
    font: fonts.regular as unknown as string,
    info: { Title: meta.title, Creator: "Thi đua", Producer: "Thi đua" },
    lang: "vi-VN",
    displayTitle: true,
  } as PDFKit.PDFDocumentOptions);
  for (const [name, data] of Object.entries(fonts)) doc.registerFont(name, data);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  for (const p of pages) {
    doc.addPage({ size: "A4", layout: "landscape", margin: 0 });
    drawPage(doc, p);
  }
  doc.end();
  return done;
}
