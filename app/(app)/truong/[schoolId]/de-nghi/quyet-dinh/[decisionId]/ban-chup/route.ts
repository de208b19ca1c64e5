import { storedFileDownload } from "@/lib/evidence/response";
import { gatedRoute } from "@/lib/authz/gate";
import { getDecisionScan } from "@/lib/awards/routes-documents";

/**
 * GET: the scan of a government decision recorded by the school (nomination.read of the school
 * named in the URL; the loader finds it only among the decisions of schools in the viewer's scope).
 */
export async function GET(request: Request, { params }: { params: Promise<{ schoolId: string; decisionId: string }> }) {
  const { schoolId, decisionId } = await params;
  return storedFileDownload(request, [schoolId, decisionId], gatedRoute("nomination.read", { school: schoolId }), (viewer) => getDecisionScan(viewer, decisionId));
}
