import { getDossierFileForUnit } from "@/lib/nominations/queries";
import { storedFileDownload } from "@/lib/evidence/response";
import { gatedRoute } from "@/lib/authz/gate";

/**
 * GET: the file of one dossier paper for the upper unit reviewing the package (nomination.review
 * on the unit; the school under it). Anything else is the same plain 404. Always an attachment.
 */
export async function GET(request: Request, { params }: { params: Promise<{ unitId: string; packageId: string; documentId: string }> }) {
  const { unitId, packageId, documentId } = await params;
  return storedFileDownload(request, [unitId, packageId, documentId], gatedRoute("nomination.review", { document: documentId }), (viewer) => getDossierFileForUnit(viewer, { unitId, packageId, documentId }));
}
