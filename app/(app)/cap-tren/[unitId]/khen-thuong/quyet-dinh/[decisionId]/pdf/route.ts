import { pdfDownload, routeIdOrNull } from "@/lib/documents/response";
import { getDecisionPdf } from "@/lib/awards/export";
import { gatedRoute } from "@/lib/authz/gate";

/** GET: the decision with its list as a PDF (award.read of the issuing unit). */
export async function GET(request: Request, { params }: { params: Promise<{ unitId: string; decisionId: string }> }) {
  const { unitId, decisionId } = await params;
  return pdfDownload(request, gatedRoute("award.read", { decision: routeIdOrNull(decisionId) }), (viewer) => getDecisionPdf(viewer, routeIdOrNull(unitId) ?? "", routeIdOrNull(decisionId) ?? ""));
}
