import "server-only";
// Downloads of the awards area: PDFs (biên bản, tờ trình, danh sách, quyết định) through the
// shared administrative-document renderer, and the registry as .xlsx (cells that would start a
// formula are written as text).
import { formulaSafe } from "../excel";
import ExcelJS from "exceljs";
import type { Viewer } from "../authz/permissions";
import { renderAdminDocumentPdf } from "../documents/pdf";
import { fileSlug } from "../documents/file-name";
import { adminDocumentPdf } from "../documents/cache";
import { getDb } from "../server/db";
import { notFound } from "../server/errors";
import { getMinutesData } from "../council/queries";
import { getPackagePage } from "../nominations/queries";
import { coverDocument, decisionDocument, listDocument, minutesDocument, unitPlace, type PackageDocInput } from "./documents";
import { getDecision, listUnitRegistry, type RegistryFilters } from "./queries";
import { routeHeading } from "./routes-documents";
import { todayIsoVN } from "../time";

const stamp = () => todayIsoVN().replaceAll("-", "");

export async function getMinutesPdf(viewer: Viewer, meetingId: string) {
  const m = await getMinutesData(viewer, meetingId);
  // Closed minutes never change: rendered once, then served from the document cache.
  return { fileName: `bien-ban-hoi-dong-${m.number ? fileSlug(m.number) : stamp()}.pdf`, pdf: await adminDocumentPdf("council-minutes", minutesDocument(m), m.status === "CLOSED") };
}

export async function packageDoc(viewer: Viewer, packageId: string): Promise<PackageDocInput> {
  const p = await getPackagePage(viewer, packageId);
  const db = await getDb();
  const [school, principal] = await Promise.all([
    db.school.findUnique({ where: { id: p.school.id }, select: { address: true } }),
    db.roleAssignment.findFirst({ where: { schoolId: p.school.id, role: "PRINCIPAL", validTo: null }, select: { user: { select: { displayName: true } } } }),
  ]);
  return {
    schoolName: p.school.name,
    schoolAddress: school?.address ?? null,
    unitName: p.school.unitName,
    yearLabel: p.year.label,
    title: p.package.title,
    number: p.package.number,
    coverNote: p.package.coverNote,
    submittedAt: p.package.submittedAt ? new Date(p.package.submittedAt) : null,
    status: p.package.status,
    principalName: principal?.user.displayName ?? null,
    route: await routeHeading(db, p.package.id, principal?.user.displayName ?? null),
    items: p.items.filter((i) => !["WITHDRAWN", "REJECTED"].includes(i.status)).map((i) => ({ nomineeName: i.nomineeName, position: i.position, group: i.group, titleCode: i.titleCode, level: i.level, vote: i.vote })),
  };
}

export async function getCoverPdf(viewer: Viewer, packageId: string) {
  const doc = await packageDoc(viewer, packageId);
  return { fileName: `to-trinh-${doc.number ? fileSlug(doc.number) : stamp()}.pdf`, pdf: await renderAdminDocumentPdf(coverDocument(doc)) };
}

export async function getListPdf(viewer: Viewer, packageId: string) {
  return { fileName: `danh-sach-de-nghi-${stamp()}.pdf`, pdf: await renderAdminDocumentPdf(listDocument(await packageDoc(viewer, packageId))) };
}

export async function getDecisionPdf(viewer: Viewer, unitId: string, decisionId: string) {
  const d = await getDecision(viewer, unitId, decisionId);
  return {
    fileName: `quyet-dinh-${fileSlug(d.decision.number)}.pdf`,
    // An issued decision never changes (a revocation is part of the content: a new document).
    pdf: await adminDocumentPdf("decision", decisionDocument({ ...d.decision, place: unitPlace(d.unit), revocation: d.revocation, awards: d.awards }), true),
  };
}

/** A cell value that Excel cannot read as a formula (SECURITY.md: = + - @ tab CR). */
export const safeCell = formulaSafe;

/** The unit's registry as .xlsx (award.export). */
export async function exportRegistry(viewer: Viewer, unitId: string, f: RegistryFilters) {
  const reg = await listUnitRegistry(viewer, unitId, f, 20_000);
  if (!reg.canExport) throw notFound();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sổ khen thưởng");
  ws.columns = [
    { header: "TT", key: "n", width: 6 },
    { header: "Họ và tên / Tập thể", key: "name", width: 30 },
    { header: "Đơn vị", key: "school", width: 32 },
    { header: "Năm học", key: "year", width: 12 },
    { header: "Danh hiệu, hình thức", key: "title", width: 36 },
    { header: "Cấp", key: "level", width: 20 },
    { header: "Số quyết định", key: "number", width: 18 },
    { header: "Ngày ký", key: "date", width: 12 },
    { header: "Cơ quan quyết định", key: "issuer", width: 36 },
    { header: "Trạng thái", key: "status", width: 30 },
  ];
  ws.getRow(1).font = { bold: true };
  reg.rows.forEach((r, i) =>
    ws.addRow({
      n: i + 1,
      name: safeCell(r.recipientName),
      school: safeCell(r.schoolName),
      year: r.yearLabel,
      title: r.titleName,
      level: r.level,
      number: safeCell(r.decisionNumber),
      date: r.signedOn.split("-").reverse().join("/"),
      issuer: safeCell(r.issuerName),
      status: r.revoked ? safeCell(`Đã thu hồi: ${r.revokedReason ?? ""}`) : "Hiệu lực",
    }),
  );
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return { fileName: `so-khen-thuong-${stamp()}.xlsx`, bytes };
}
