import { pdfDownload, routeIdOrNull } from "@/lib/documents/response";
import { getOwnCertificate } from "@/lib/awards/certificate-queries";
import { gatedRoute } from "@/lib/authz/gate";

/** GET: the signed-in member's own certificate for one award; anyone else's, or a revoked one: 404. */
export async function GET(request: Request, { params }: { params: Promise<{ awardId: string }> }) {
  const { awardId } = await params;
  return pdfDownload(request, gatedRoute("award.read", { award: routeIdOrNull(awardId) }), async (viewer) => {
    const { fileName, pdf } = await getOwnCertificate(viewer, routeIdOrNull(awardId) ?? "");
    return { fileName, pdf };
  });
}
