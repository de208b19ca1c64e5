import { pdfDownload, routeIdOrNull } from "@/lib/documents/response";
import { getDecisionPdf } from "@/lib/awards/export";

/** GET: the decision with its list as a PDF (award.read of the issuing unit). */
export async function GET(request: Request, { params }: { params: Promise<{ unitId: string; decisionId: string }> }) {
  const { unitId, decisionId } = await params;
  return pdfDownload(request, (viewer) => getDecisionPdf(viewer, routeIdOrNull(unitId) ?? "", routeIdOrNull(decisionId) ?? ""));
}
