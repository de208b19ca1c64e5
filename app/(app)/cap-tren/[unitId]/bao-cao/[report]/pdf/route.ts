import { pdfDownload, routeIdOrNull } from "@/lib/documents/response";
import { gatedRoute } from "@/lib/authz/gate";
import { reportPdf } from "@/lib/reports/pdf";
import { reportPeriod } from "@/lib/reports/page-period";
import { isReportSlug, loadReport } from "@/lib/reports/views";
import { notFound } from "@/lib/server/errors";

/** GET: the report for the period in the query string as a PDF (report.read on the unit). */
export async function GET(request: Request, { params }: { params: Promise<{ unitId: string; report: string }> }) {
  const p = await params;
  const unitId = routeIdOrNull(p.unitId) ?? "";
  const sp = new URL(request.url).searchParams;
  return pdfDownload(request, gatedRoute("report.read", { unit: unitId }), async (viewer) => {
    if (!isReportSlug(p.report)) throw notFound();
    const { parsed } = await reportPeriod(viewer, unitId, sp);
    if (!parsed.period) throw notFound();
    return reportPdf(await loadReport(viewer, p.report, unitId, parsed.period));
  });
}
