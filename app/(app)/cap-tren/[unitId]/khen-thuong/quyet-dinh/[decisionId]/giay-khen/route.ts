import { pdfDownload, routeIdOrNull } from "@/lib/documents/response";
import { getDecisionCertificates } from "@/lib/awards/certificate-queries";
import { gatedRoute } from "@/lib/authz/gate";

/**
 * GET: the decision's certificates as one PDF, a page per awardee (award.export of the issuing
 * unit); ?award=<id> for one. A revoked decision, another unit's, or an award not in it: 404.
 */
export async function GET(request: Request, { params }: { params: Promise<{ unitId: string; decisionId: string }> }) {
  const { unitId, decisionId } = await params;
  const award = new URL(request.url).searchParams.get("award");
  const awardId = award === null ? null : (routeIdOrNull(award) ?? "-");
  return pdfDownload(request, gatedRoute("award.export", { decision: routeIdOrNull(decisionId) }), async (viewer) => {
    const { fileName, pdf } = await getDecisionCertificates(viewer, routeIdOrNull(unitId) ?? "", routeIdOrNull(decisionId) ?? "", awardId);
    return { fileName, pdf };
  });
}
