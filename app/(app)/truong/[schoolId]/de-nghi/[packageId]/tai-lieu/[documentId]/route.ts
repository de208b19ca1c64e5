import { getDossierFile } from "@/lib/nominations/queries";
import { storedFileDownload } from "@/lib/evidence/response";
import { gatedRoute } from "@/lib/authz/gate";

/**
 * GET: the file of one dossier paper, for those who may read the school's nominations
 * (nomination.read: chair, principal, the upper unit's staff). Looked up by id + package + school
 * + scope in one query; anything else is the same plain 404. Always an attachment, never cached.
 */
export async function GET(request: Request, { params }: { params: Promise<{ schoolId: string; packageId: string; documentId: string }> }) {
  const { schoolId, packageId, documentId } = await params;
  return storedFileDownload(request, [schoolId, packageId, documentId], gatedRoute("nomination.read", { document: documentId }), (viewer) => getDossierFile(viewer, { schoolId, packageId, documentId }));
}
