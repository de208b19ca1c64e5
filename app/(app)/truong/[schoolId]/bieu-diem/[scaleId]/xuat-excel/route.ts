import { getScaleExport } from "@/lib/scoring/scale-queries";
import { scaleToWorkbook } from "@/lib/scoring/scale-excel";
import { routeIdOrNull, xlsxDownload } from "@/lib/documents/response";
import { notFound } from "@/lib/server/errors";
import { gatedRoute } from "@/lib/authz/gate";

/** GET: a scale as .xlsx (?phien-ban=N for an earlier version) for whoever may read it (scale.read); others get a 404. */
export async function GET(request: Request, { params }: { params: Promise<{ schoolId: string; scaleId: string }> }) {
  const p = await params;
  const schoolId = routeIdOrNull(p.schoolId);
  const scaleId = routeIdOrNull(p.scaleId);
  const raw = new URL(request.url).searchParams.get("phien-ban");
  return xlsxDownload(request, gatedRoute("scale.read", { scale: scaleId }), async (viewer) => {
    if (!schoolId || !scaleId || (raw !== null && !/^\d{1,4}$/.test(raw))) throw notFound();
    const x = await getScaleExport(viewer, schoolId, scaleId, raw === null ? undefined : Number(raw));
    return { fileName: x.fileName, bytes: await scaleToWorkbook(x.doc, x.meta) };
  });
}
