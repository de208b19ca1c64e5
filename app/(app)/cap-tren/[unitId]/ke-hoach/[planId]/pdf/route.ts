import { pdfDownload, routeIdOrNull } from "@/lib/documents/response";
import { getPlanPdf } from "@/lib/plans/export";
import { gatedRoute } from "@/lib/authz/gate";

/** GET: the unit's own plan as a PDF (plan readers of the unit). */
export async function GET(request: Request, { params }: { params: Promise<{ unitId: string; planId: string }> }) {
  const { unitId, planId } = await params;
  return pdfDownload(request, gatedRoute("plan.read", { plan: routeIdOrNull(planId) }), (viewer) => getPlanPdf(viewer, { organisationId: routeIdOrNull(unitId) ?? "" }, routeIdOrNull(planId) ?? ""));
}
