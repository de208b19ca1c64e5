import { pdfDownload, routeIdOrNull } from "@/lib/documents/response";
import { getPlanPdf } from "@/lib/plans/export";

/** GET: the unit's own plan as a PDF (plan readers of the unit). */
export async function GET(request: Request, { params }: { params: Promise<{ unitId: string; planId: string }> }) {
  const { unitId, planId } = await params;
  return pdfDownload(request, (viewer) => getPlanPdf(viewer, { organisationId: routeIdOrNull(unitId) ?? "" }, routeIdOrNull(planId) ?? ""));
}
