import { getEvidenceFile } from "@/lib/evidence/queries";
import { storedFileDownload } from "@/lib/evidence/response";
import { gatedRoute } from "@/lib/authz/gate";

/**
 * GET: one evidence file, only for those who may read its sheet (the member, their group leader,
 * the school's chair and principal, the upper unit). Always a download (attachment), never
 * rendered by the browser (nosniff, a sandboxing CSP), never cached (lib/evidence/response.ts).
 */
export async function GET(request: Request, { params }: { params: Promise<{ schoolId: string; evidenceId: string }> }) {
  const { schoolId, evidenceId } = await params;
  return storedFileDownload(request, [schoolId, evidenceId], gatedRoute("scoring.read", { evidence: evidenceId }), async (viewer) => {
    const f = await getEvidenceFile(viewer, evidenceId, schoolId);
    return { bytes: f.bytes, mime: f.mimeType, fileName: f.fileName };
  });
}
