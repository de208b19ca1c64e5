import "server-only";
// The papers of each route (issue 12): the heading and signer of the tờ trình and list by route
// (principal for the government side, "TM. BAN CHẤP HÀNH / CHỦ TỊCH" for the union side), the
// government dossier as an editable Word file (.docx: tờ trình then list, in the same
// administrative layout as the PDF), and the scan of a recorded government decision.
import { AlignmentType, BorderStyle, Document, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type ISectionOptions } from "docx";
import type { Viewer } from "../authz/permissions";
import { bySchoolScope } from "../authz/scope";
import { getDb } from "../server/db";
import { notFound } from "../server/errors";
import { readStoredFile } from "../evidence/storage";
import { foldVietnamese } from "../format";
import type { AdminDocument, DocBlock } from "../documents/types";
import { placeDateLine } from "../documents/types";
import { unbreakableGroups } from "../documents/heading";
import { PROPOSER_SIGNATURE } from "./authority";
import type { Db } from "../authz/load";
import { coverDocument, listDocument } from "./documents";
import { packageDoc } from "./export";
import { DECISION_INCLUDE, render } from "./certificate-queries";

/** Heading, addressee and signer of a package's tờ trình and list, by its route. */
export async function routeHeading(db: Db, packageId: string, principalName: string | null) {
  const p = await db.nominationPackage.findUnique({
    where: { id: packageId },
    select: { route: true, authorityName: true, school: { select: { id: true, name: true, unionName: true, unionUnit: { select: { name: true } }, govUnit: { select: { name: true } } } } },
  });
  if (!p) return undefined;
  if (p.route === "STATE") return { issuerParent: p.school.govUnit?.name ?? null, issuerName: p.school.name, addressee: p.authorityName ?? "Cơ quan có thẩm quyền", signature: PROPOSER_SIGNATURE.STATE, signerName: principalName };
  const chair = await db.roleAssignment.findFirst({ where: { schoolId: p.school.id, role: "UNION_CHAIR", validTo: null }, select: { user: { select: { displayName: true } } } });
  return { issuerParent: p.school.unionUnit.name, issuerName: p.school.unionName, addressee: p.authorityName ?? `Ban Thường vụ ${p.school.unionUnit.name}`, signature: PROPOSER_SIGNATURE.UNION, signerName: chair?.user.displayName ?? null };
}

const FONT = "Times New Roman";
const run = (text: string, o: { bold?: boolean; italic?: boolean; size?: number } = {}) => new TextRun({ text, font: FONT, size: (o.size ?? 13) * 2, bold: o.bold, italics: o.italic });
const para = (children: TextRun[], o: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: boolean; after?: number } = {}) =>
  new Paragraph({ children, alignment: o.align ?? AlignmentType.JUSTIFIED, indent: o.indent ? { firstLine: 567 } : undefined, spacing: { after: o.after ?? 80 } });
const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const centre = (lines: TextRun[][]) => lines.map((l) => para(l, { align: AlignmentType.CENTER, after: 0 }));

function block(b: DocBlock): (Paragraph | Table)[] {
  switch (b.type) {
    case "heading":
      return [para([run(b.text, { bold: true })], { align: AlignmentType.LEFT })];
    case "subheading":
      return [para([run(b.text, { bold: true, italic: b.italic })], { align: AlignmentType.LEFT })];
    case "paragraph":
      return [para([run(b.text, { bold: b.bold, italic: b.italic })], { indent: !b.noIndent })];
    case "spacer":
      return [para([run("")])];
    case "table": {
      const total = b.columns.reduce((s, c) => s + c.width, 0);
      const cell = (text: string, i: number, bold = false) =>
        new TableCell({ width: { size: Math.round((b.columns[i].width / total) * 100), type: WidthType.PERCENTAGE }, children: [para([run(text, { bold, size: 12 })], { align: b.columns[i].align === "center" || bold ? AlignmentType.CENTER : AlignmentType.LEFT, after: 0 })] });
      return [new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [new TableRow({ tableHeader: true, children: b.columns.map((c, i) => cell(c.header, i, true)) }), ...b.rows.map((r) => new TableRow({ children: r.map((t, i) => cell(t, i)) }))] })];
    }
  }
}

/** The issuer's lines for Word: one paragraph per line, a unit's name never broken by Word's own wrapping. */
function headingLines(text: string | null | undefined): string[] {
  return (text ?? "").split("\n").map((l) => l.trim()).filter(Boolean).map(unbreakableGroups);
}

/** One administrative document as Word paragraphs (Nghị định 30/2020 layout, like the PDF). */
export function adminDocumentDocx(d: AdminDocument): (Paragraph | Table)[] {
  const header = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: 42, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children: centre([...headingLines(d.issuer.parent).map((l) => [run(l, { size: 12 })]), ...headingLines(d.issuer.name).map((l) => [run(l, { bold: true, size: 12 })]), [run(`Số: ${d.number ?? "      "}`, { size: 12 })]]) }),
          new TableCell({ width: { size: 58, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children: centre([[run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true, size: 12 })], [run("Độc lập – Tự do – Hạnh phúc", { bold: true })], [run(placeDateLine(d.place, d.date), { italic: true })]]) }),
        ],
      }),
    ],
  });
  const sigs = d.signatures.map((s) => centre([...s.title.map((t) => [run(t, { bold: true })]), [run("")], [run("")], [run("")], [run(s.name ?? "", { bold: true })]]));
  return [
    ...(d.mark ? [para([run(d.mark, { bold: true })], { align: AlignmentType.RIGHT })] : []),
    header,
    para([run("")]),
    ...centre([[run(d.kind, { bold: true, size: 14 })], [run(d.title, { bold: true })]]),
    para([run("")]),
    ...d.blocks.flatMap(block),
    para([run("")]),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: NO_BORDERS,
      rows: [new TableRow({ children: [new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children: d.recipients ? d.recipients.map((r, i) => para([run(i === 0 ? `Nơi nhận:\n${r}` : r, { size: 11, bold: i === 0 && false })], { align: AlignmentType.LEFT, after: 0 })) : [para([run("")])] }), new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children: sigs.flat() })] })],
    }),
  ];
}

/** Several documents in one .docx, each from a new page (A4, the decree's margins). */
export async function renderDocx(docs: AdminDocument[], title: string): Promise<Buffer> {
  const children = docs.flatMap((d, i) => [...(i ? [new Paragraph({ children: [new PageBreak()] })] : []), ...adminDocumentDocx(d)]);
  const section: ISectionOptions = { properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1701, right: 850 } } }, children };
  return Packer.toBuffer(new Document({ title, creator: "Thi đua", styles: { default: { document: { run: { font: FONT, size: 26 } } } }, sections: [section] }));
}

const slug = (s: string) => foldVietnamese(s).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

/** The government dossier (tờ trình and list) as an editable Word file (nomination.read of the school). */
export async function getRouteDossierDocx(viewer: Viewer, packageId: string) {
  const input = await packageDoc(viewer, packageId);
  const bytes = await renderDocx([coverDocument(input), listDocument(input)], `Tờ trình và danh sách – ${input.title}`);
  return { fileName: `to-trinh-danh-sach-${slug(input.schoolName)}.docx`, bytes: new Uint8Array(bytes) };
}

/** The scan of a recorded government decision (nomination.read of the school). */
export async function getDecisionScan(viewer: Viewer, decisionId: string) {
  const db = await getDb();
  const d = await db.awardDecision.findFirst({ where: { id: decisionId, side: "STATE", scanStorageKey: { not: null }, schoolId: { not: null }, awards: { some: bySchoolScope(viewer, "nomination.read") } }, select: { scanStorageKey: true, scanFileName: true, scanMime: true } });
  if (!d?.scanStorageKey) throw notFound();
  return { fileName: d.scanFileName ?? "quyet-dinh.pdf", mime: d.scanMime ?? "application/pdf", bytes: new Uint8Array(await readStoredFile(d.scanStorageKey)) };
}

/**
 * The certificates of a decision kept by the school (award.export of the school): a recorded
 * government decision, printed under the state issuer's heading, or the school union BCH's own,
 * under the school union's heading. NOT_FOUND otherwise (and once revoked).
 */
export async function getStateDecisionCertificates(viewer: Viewer, decisionId: string, awardId: string | null = null) {
  const db = await getDb();
  const d = await db.awardDecision.findFirst({ where: { id: decisionId, schoolId: { not: null }, side: { not: null }, revocation: null, awards: { some: bySchoolScope(viewer, "award.export") } }, include: DECISION_INCLUDE });
  if (!d) throw notFound();
  return render(d, awardId);
}
