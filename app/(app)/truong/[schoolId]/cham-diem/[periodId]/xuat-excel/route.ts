import { routeIdOrNull, xlsxDownload } from "@/lib/documents/response";
import { getPeriodExport } from "@/lib/scoring/queries";
import { buildScoringWorkbook } from "@/lib/scoring/excel";
import { foldVietnamese } from "@/lib/format";
import { notFound } from "@/lib/server/errors";
import { gatedRoute } from "@/lib/authz/gate";

/** GET: the period's scoring sheets as .xlsx for those who may export them; others get a 404. */
export async function GET(request: Request, { params }: { params: Promise<{ schoolId: string; periodId: string }> }) {
  const p = await params;
  const schoolId = routeIdOrNull(p.schoolId);
  const periodId = routeIdOrNull(p.periodId);
  return xlsxDownload(request, gatedRoute("scoring.export", { period: periodId, within: true }), async (viewer) => {
    if (!schoolId || !periodId) throw notFound();
    const data = await getPeriodExport(viewer, schoolId, periodId);
    return { fileName: `cham-diem-${foldVietnamese(data.periodName).replace(/[^a-z0-9]+/g, "-")}.xlsx`, bytes: await buildScoringWorkbook(data) };
  });
}
