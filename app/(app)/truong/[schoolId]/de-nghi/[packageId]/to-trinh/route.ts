import { pdfDownload, routeIdOrNull } from "@/lib/documents/response";
import { getCoverPdf } from "@/lib/awards/export";
import { gatedRoute } from "@/lib/authz/gate";

/** GET: the package's cover submission (tờ trình) as a PDF (nomination.read). */
export async function GET(request: Request, { params }: { params: Promise<{ schoolId: string; packageId: string }> }) {
  const { packageId } = await params;
  return pdfDownload(request, gatedRoute("nomination.read", { package: routeIdOrNull(packageId) }), (viewer) => getCoverPdf(viewer, routeIdOrNull(packageId) ?? ""));
}
