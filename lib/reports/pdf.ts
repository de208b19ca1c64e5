import "server-only";
// A report as a PDF in the administrative layout: the same AdminDocument the print view draws
// (lib/reports/document.ts), rendered by the shared renderer (lib/documents/pdf.ts).
import { renderAdminDocumentPdf } from "../documents/pdf";
import { fileSlug } from "../documents/file-name";
import { reportDocument } from "./document";
import type { ReportView } from "./views";

export async function reportPdf(view: ReportView, today = new Date()): Promise<{ fileName: string; pdf: Buffer }> {
  return { fileName: `bao-cao-${view.slug}-${fileSlug(view.period.label).toLowerCase()}.pdf`, pdf: await renderAdminDocumentPdf(reportDocument(view, today)) };
}
