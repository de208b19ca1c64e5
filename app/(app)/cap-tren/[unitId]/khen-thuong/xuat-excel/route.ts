import { routeIdOrNull, xlsxDownload } from "@/lib/documents/response";
import { exportRegistry } from "@/lib/awards/export";
import { gatedRoute } from "@/lib/authz/gate";
import { textParam } from "@/lib/server/page";

/** GET: the unit's registry (filtered like the page) as .xlsx (award.export). */
export async function GET(request: Request, { params }: { params: Promise<{ unitId: string }> }) {
  const unitId = routeIdOrNull((await params).unitId) ?? "";
  const sp = new URL(request.url).searchParams;
  const status = sp.get("trang-thai");
  return xlsxDownload(request, gatedRoute("award.export", { unit: unitId }), (viewer) =>
    exportRegistry(viewer, unitId, {
      yearId: routeIdOrNull(sp.get("nam") ?? undefined) ?? undefined,
      schoolId: routeIdOrNull(sp.get("truong") ?? undefined) ?? undefined,
      titleCode: routeIdOrNull(sp.get("danh-hieu") ?? undefined) ?? undefined,
      status: status === "hieu-luc" || status === "thu-hoi" ? status : undefined,
      q: textParam(sp.get("q")),
    }),
  );
}
