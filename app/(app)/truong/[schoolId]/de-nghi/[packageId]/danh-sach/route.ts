import { pdfDownload, routeIdOrNull } from "@/lib/documents/response";
import { getListPdf } from "@/lib/awards/export";
import { gatedRoute } from "@/lib/authz/gate";

/** GET: the package's list of nominees (danh sách) as a PDF (nomination.read). */
export async function GET(request: Request, { params }: { params: Promise<{ schoolId: string; packageId: string }> }) {
  const { packageId } = await params;
  return pdfDownload(request, gatedRoute("nomination.read", { package: routeIdOrNull(packageId) }), (viewer) => getListPdf(viewer, routeIdOrNull(packageId) ?? ""));
}
