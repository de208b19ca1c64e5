import { getScaleTemplate } from "@/lib/scoring/scale-queries";
import { scaleToWorkbook } from "@/lib/scoring/scale-excel";
import { routeIdOrNull, xlsxDownload } from "@/lib/documents/response";
import { notFound } from "@/lib/server/errors";
import { gatedRoute } from "@/lib/authz/gate";

/** GET: the import template (the 100-point scale in the import layout), for the school's chair (scale.manage). */
export async function GET(request: Request, { params }: { params: Promise<{ schoolId: string }> }) {
  const schoolId = routeIdOrNull((await params).schoolId);
  return xlsxDownload(request, gatedRoute("scale.manage", { school: schoolId }), async (viewer) => {
    if (!schoolId) throw notFound();
    const x = await getScaleTemplate(viewer, schoolId);
    return { fileName: x.fileName, bytes: await scaleToWorkbook(x.doc, x.meta) };
  });
}
