// Renders an AdminDocument to PDF with pdfkit in the layout of Nghị định 30/2020/NĐ-CP
// (Phụ lục I): A4, margins top/bottom 20 mm, left 30 mm, right 15 mm; Times-metric font
// (Tinos, metric-compatible with Times New Roman, full Vietnamese coverage) at 13–14 pt;
// issuer top left, national motto top right with its underline, number under the issuer,
// place and date in italics under the motto, type and summary centred in bold, justified body
// with first-line indents, signature blocks, "Nơi nhận" in 11 pt, page numbers from page 2.
import PDFDocument from "pdfkit";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { AdminDocument, DocBlock } from "./types";
import { placeDateLine } from "./types";
import { fitHeading } from "./heading";

const MM = 72 / 25.4;
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BODY_SIZE = 13;
const INDENT = 10 * MM;
const LINE_GAP = 2.5;
const PARAGRAPH_GAP = 4;

const FONT_FILES = {
  regular: "400Regular/Tinos_400Regular.ttf",
  bold: "700Bold/Tinos_700Bold.ttf",
  italic: "400Regular_Italic/Tinos_400Regular_Italic.ttf",
  boldItalic: "700Bold_Italic/Tinos_700Bold_Italic.ttf",
} as const;
type FontName = keyof typeof FONT_FILES;

let fontCache: Record<FontName, Buffer> | null = null;

/** The Tinos TrueType files from node_modules (read once). */
export function documentFonts(): Record<FontName, Buffer> {
  if (!fontCache) {
    const dir = path.join(process.cwd(), "node_modules", "@expo-google-fonts", "tinos");
    fontCache = Object.fromEntries(Object.entries(FONT_FILES).map(([k, f]) => [k, readFileSync(path.join(dir, f))])) as Record<FontName, Buffer>;
  }
  return fontCache;
}

type Doc = PDFKit.PDFDocument;

function withFont(doc: Doc, font: FontName, size: number): Doc {
  return doc.font(font).fontSize(size);
}

/** Centred text lines in a column; returns the y after them. */
function centred(doc: Doc, lines: string[], x: number, width: number, y: number, font: FontName, size: number): number {
  withFont(doc, font, size);
  for (const line of lines) {
    doc.text(line, x, y, { width, align: "center", lineGap: 1 });
    y = doc.y;
  }
  return y;
}

/** A horizontal rule centred in a column. */
function rule(doc: Doc, cx: number, y: number, length: number): void {
  doc.save().lineWidth(0.6).moveTo(cx - length / 2, y).lineTo(cx + length / 2, y).stroke().restore();
}

function ensureSpace(doc: Doc, needed: number): void {
  if (doc.y + needed > PAGE.height - MARGIN.bottom) doc.addPage();
}

function drawHeader(doc: Doc, d: AdminDocument): void {
  const left = { x: MARGIN.left - 12 * MM, w: 84 * MM };
  const right = { x: PAGE.width - MARGIN.right - 98 * MM, w: 100 * MM };
  const top = MARGIN.top;

  // Left: the body above (regular) and the issuer (bold), a short rule under the issuer.
  // Long names break between words at a sensible point, never inside a place (lib/documents/heading.ts).
  let ly = top;
  if (d.issuer.parent) {
    const parent = fitHeading(d.issuer.parent, left.w, (t, size) => withFont(doc, "regular", size).widthOfString(t));
    ly = centred(doc, parent.lines, left.x, left.w, ly, "regular", parent.size);
  }
  const name = fitHeading(d.issuer.name, left.w, (t, size) => withFont(doc, "bold", size).widthOfString(t));
  const nameLines = name.lines;
  ly = centred(doc, nameLines, left.x, left.w, ly, "bold", name.size);
  withFont(doc, "bold", name.size);
  const nameWidth = Math.max(...nameLines.map((l) => doc.widthOfString(l)));
  rule(doc, left.x + left.w / 2, ly + 2, Math.min(nameWidth, left.w) * 0.4);

  // Right: the national motto, the second line underlined across its width.
  let ry = centred(doc, ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], right.x, right.w, top, "bold", 12);
  ry = centred(doc, ["Độc lập – Tự do – Hạnh phúc"], right.x, right.w, ry, "bold", 13);
  withFont(doc, "bold", 13);
  rule(doc, right.x + right.w / 2, ry + 2, doc.widthOfString("Độc lập – Tự do – Hạnh phúc"));

  // Number under the issuer; place and date under the motto, on one line.
  const y = Math.max(ly, ry) + 12;
  centred(doc, [`Số: ${d.number ?? "       "}`], left.x, left.w, y, "regular", 13);
  centred(doc, [placeDateLine(d.place, d.date)], right.x, right.w, y, "italic", 13);
  doc.y = y + 30;
  doc.x = MARGIN.left;

  if (d.mark) {
    withFont(doc, "bold", 11);
    const w = doc.widthOfString(d.mark) + 12;
    const x = PAGE.width - MARGIN.right - w;
    doc.save().lineWidth(0.8).rect(x, top - 28, w, 17).stroke().restore();
    doc.text(d.mark, x, top - 24, { width: w, align: "center" });
    doc.y = y + 30;
  }
}

function drawTitle(doc: Doc, d: AdminDocument): void {
  const width = CONTENT_WIDTH - 40;
  const x = MARGIN.left + 20;
  let y = centred(doc, [d.kind], x, width, doc.y, "bold", 14);
  withFont(doc, "bold", 14);
  doc.text(d.title, x, y, { width, align: "center", lineGap: 1 });
  y = doc.y;
  rule(doc, MARGIN.left + CONTENT_WIDTH / 2, y + 3, Math.min(doc.widthOfString(d.title), width) * 0.35 + 20);
  doc.y = y + 16;
  doc.x = MARGIN.left;
}

function paragraph(doc: Doc, text: string, font: FontName, opts: { indent?: boolean; align?: "justify" | "left" | "center" } = {}): void {
  withFont(doc, font, BODY_SIZE);
  const height = doc.heightOfString(text, { width: CONTENT_WIDTH, indent: opts.indent === false ? 0 : INDENT, lineGap: LINE_GAP });
  ensureSpace(doc, Math.min(height, BODY_SIZE * 3));
  doc.text(text, MARGIN.left, doc.y, {
    width: CONTENT_WIDTH,
    align: opts.align ?? "justify",
    indent: opts.indent === false ? 0 : INDENT,
    lineGap: LINE_GAP,
    paragraphGap: PARAGRAPH_GAP,
  });
}

function table(doc: Doc, block: Extract<DocBlock, { type: "table" }>): void {
  const size = 12;
  const pad = 4;
  const total = block.columns.reduce((s, c) => s + c.width, 0);
  const widths = block.columns.map((c) => (c.width / total) * CONTENT_WIDTH);
  const xs = widths.map((_, i) => MARGIN.left + widths.slice(0, i).reduce((s, w) => s + w, 0));

  const rowHeight = (cells: string[], font: FontName) => {
    withFont(doc, font, size);
    return Math.max(...cells.map((c, i) => doc.heightOfString(c || " ", { width: widths[i] - 2 * pad, lineGap: 1 }))) + 2 * pad;
  };
  const drawRow = (cells: string[], font: FontName, y: number, h: number) => {
    withFont(doc, font, size);
    doc.save().lineWidth(0.5);
    cells.forEach((c, i) => {
      doc.rect(xs[i], y, widths[i], h).stroke();
    });
    doc.restore();
    cells.forEach((c, i) => {
      doc.text(c, xs[i] + pad, y + pad, { width: widths[i] - 2 * pad, align: font === "bold" ? "center" : (block.columns[i].align ?? "left"), lineGap: 1 });
    });
  };
  const headers = block.columns.map((c) => c.header);
  const headerHeight = rowHeight(headers, "bold");
  ensureSpace(doc, headerHeight + 30);
  let y = doc.y;
  drawRow(headers, "bold", y, headerHeight);
  y += headerHeight;
  for (const row of block.rows) {
    const h = rowHeight(row, "regular");
    if (y + h > PAGE.height - MARGIN.bottom) {
      doc.addPage();
      y = doc.y;
      drawRow(headers, "bold", y, headerHeight);
      y += headerHeight;
    }
    drawRow(row, "regular", y, h);
    y += h;
  }
  doc.y = y + PARAGRAPH_GAP + 4;
  doc.x = MARGIN.left;
}

/** Height kept for the signature blocks (titles, space to sign, names). */
const SIGNATURE_SPACE = 160;

function drawBlocks(doc: Doc, blocks: DocBlock[]): void {
  blocks.forEach((b, i) => {
    // The signature never stands alone on a page: the last paragraph moves over with it.
    if (i === blocks.length - 1 && b.type === "paragraph") {
      withFont(doc, b.bold ? "bold" : "regular", BODY_SIZE);
      ensureSpace(doc, doc.heightOfString(b.text, { width: CONTENT_WIDTH, indent: b.noIndent ? 0 : INDENT, lineGap: LINE_GAP }) + PARAGRAPH_GAP + SIGNATURE_SPACE);
    }
    switch (b.type) {
      case "heading":
        ensureSpace(doc, 60);
        doc.moveDown(0.2);
        paragraph(doc, b.text, "bold");
        break;
      case "subheading":
        ensureSpace(doc, 40);
        paragraph(doc, b.text, b.italic ? "boldItalic" : "bold");
        break;
      case "paragraph":
        paragraph(doc, b.text, b.bold ? (b.italic ? "boldItalic" : "bold") : b.italic ? "italic" : "regular", { indent: !b.noIndent });
        break;
      case "table":
        table(doc, b);
        break;
      case "spacer":
        doc.y += b.height ?? 8;
        break;
    }
  });
}

function drawSignatures(doc: Doc, d: AdminDocument): void {
  const width = 80 * MM;
  ensureSpace(doc, SIGNATURE_SPACE);
  const y = doc.y + 10;
  const columns =
    d.signatures.length === 1
      ? [{ s: d.signatures[0], x: PAGE.width - MARGIN.right - width }]
      : [
          { s: d.signatures[0], x: MARGIN.left - 5 * MM },
          { s: d.signatures[1], x: PAGE.width - MARGIN.right - width },
        ];
  // Titles first; notes and names then share one line across both blocks.
  const titleBottom = Math.max(...columns.map((c) => centred(doc, c.s.title, c.x, width, y, "bold", 13)));
  for (const c of columns) if (c.s.note) centred(doc, [c.s.note], c.x, width, titleBottom + 16, "italic", 12);
  const nameY = titleBottom + 70;
  const bottom = Math.max(nameY, ...columns.map((c) => (c.s.name ? centred(doc, [c.s.name], c.x, width, nameY, "bold", 13) : nameY)));
  doc.y = bottom + 18;
  doc.x = MARGIN.left;
}

function drawRecipients(doc: Doc, lines: string[]): void {
  withFont(doc, "regular", 11);
  const h = lines.length * 14 + 20;
  ensureSpace(doc, h);
  withFont(doc, "boldItalic", 12);
  doc.text("Nơi nhận:", MARGIN.left - 5 * MM, doc.y, { width: 90 * MM });
  withFont(doc, "regular", 11);
  for (const l of lines) doc.text(l, MARGIN.left - 5 * MM, doc.y, { width: 90 * MM, lineGap: 0.5 });
}

/** The document as a PDF file. */
export async function renderAdminDocumentPdf(d: AdminDocument): Promise<Buffer> {
  const fonts = documentFonts();
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    bufferPages: true,
    font: fonts.regular as unknown as string,
    info: { Title: d.metaTitle, Creator: "Thi đua", Producer: "Thi đua" },
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

  drawHeader(doc, d);
  drawTitle(doc, d);
  drawBlocks(doc, d.blocks);
  drawSignatures(doc, d);
  if (d.recipients?.length) drawRecipients(doc, d.recipients);

  // Page numbers from the second page, centred in the top margin (Nghị định 30/2020).
  const range = doc.bufferedPageRange();
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    withFont(doc, "regular", 12);
    doc.text(String(i + 1), MARGIN.left, MARGIN.top / 2, { width: CONTENT_WIDTH, align: "center", lineBreak: false });
  }
  doc.end();
  return done;
}
