import { NextResponse } from "next/server";
import { getViewer } from "@/lib/auth/viewer";
import { routeIdOrNull } from "@/lib/documents/response";
import { exportRegistry } from "@/lib/awards/export";
import { AppError } from "@/lib/server/errors";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** GET: the unit's registry (filtered like the page) as .xlsx (award.export). */
export async function GET(request: Request, { params }: { params: Promise<{ unitId: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return NextResponse.redirect(new URL("/dang-nhap", request.url));
  const unitId = routeIdOrNull((await params).unitId) ?? "";
  const sp = new URL(request.url).searchParams;
  const status = sp.get("trang-thai");
  try {
    const { fileName, bytes } = await exportRegistry(viewer, unitId, {
      yearId: routeIdOrNull(sp.get("nam") ?? undefined) ?? undefined,
      schoolId: routeIdOrNull(sp.get("truong") ?? undefined) ?? undefined,
      titleCode: routeIdOrNull(sp.get("danh-hieu") ?? undefined) ?? undefined,
      status: status === "hieu-luc" || status === "thu-hoi" ? status : undefined,
    });
    return new Response(bytes as BodyInit, {
      headers: { "Content-Type": XLSX, "Content-Disposition": `attachment; filename="${fileName}"`, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
    });
  } catch (e) {
    if (e instanceof AppError && (e.code === "NOT_FOUND" || e.code === "FORBIDDEN")) {
      return new Response("Không tìm thấy dữ liệu này, hoặc bạn không có quyền xem.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
    }
    throw e;
  }
}
