import { pdfDownload, routeIdOrNull } from "@/lib/documents/response";
import { getPlanPdf } from "@/lib/plans/export";
import { gatedRoute } from "@/lib/authz/gate";

/** GET: the plan as a PDF (whoever may read it: drafts for principal, chair, upper unit; signed for members). */
export async function GET(request: Request, { params }: { params: Promise<{ schoolId: string; planId: string }> }) {
  const { schoolId, planId } = await params;
  return pdfDownload(request, gatedRoute("plan.read", { plan: routeIdOrNull(planId) }), (viewer) => getPlanPdf(viewer, { schoolId: routeIdOrNull(schoolId) ?? "" }, routeIdOrNull(planId) ?? ""));
}
