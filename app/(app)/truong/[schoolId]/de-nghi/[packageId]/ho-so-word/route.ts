import { download, routeIdOrNull } from "@/lib/documents/response";
import { gatedRoute } from "@/lib/authz/gate";
import { getRouteDossierDocx } from "@/lib/awards/routes-documents";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** GET: the package's tờ trình and list as an editable Word file (nomination.read of the school). */
export async function GET(request: Request, { params }: { params: Promise<{ schoolId: string; packageId: string }> }) {
  const { packageId } = await params;
  return download(request, DOCX, gatedRoute("nomination.read", { package: routeIdOrNull(packageId) }), (viewer) => getRouteDossierDocx(viewer, routeIdOrNull(packageId) ?? ""));
}
