import { pdfDownload, routeIdOrNull } from "@/lib/documents/response";
import { gatedRoute } from "@/lib/authz/gate";
import { getStateDecisionCertificates } from "@/lib/awards/routes-documents";

/** GET: the certificates of a government decision recorded by the school, under the state issuer's heading (award.export of the school). */
export async function GET(request: Request, { params }: { params: Promise<{ schoolId: string; decisionId: string }> }) {
  const { schoolId, decisionId } = await params;
  const url = new URL(request.url);
  return pdfDownload(request, gatedRoute("award.export", { school: routeIdOrNull(schoolId) }), (viewer) => getStateDecisionCertificates(viewer, routeIdOrNull(decisionId) ?? "", routeIdOrNull(url.searchParams.get("nguoi") ?? undefined)));
}
